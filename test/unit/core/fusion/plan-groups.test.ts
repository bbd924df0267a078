import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../../src/core/space/types';
import {
  effectiveWidth,
  separateCostAt,
  speedupAt,
  type FusionCostModel,
} from '../../../../src/core/fusion/cost-model';
import { MEASURED_COSTS } from '../../../../src/core/fusion/measured-costs';
import { planGroups } from '../../../../src/core/fusion/plan-groups';
import type { TrainRequest } from '../../../../src/train/types';
import { importsOf } from '../../support/imports';

/** A made-up table: fusing pays at 32 units (more with K), not at 416, and K = 1 gains nothing. */
const model: FusionCostModel = {
  measured: { date: 'test', machine: 'test', browser: 'test', source: 'test' },
  backends: {
    wasm: {
      ks: [1, 2, 4, 8, 16],
      widths: [32, 160, 416],
      speedup: [
        [1, 1.6, 2.5, 4, 6],
        [1, 1.1, 1.2, 1.3, 1.4],
        [1, 0.8, 0.72, 0.6, 0.5],
      ],
      separateCost: [1, 3, 12],
    },
  },
};

function request(config: Config, extra: Partial<TrainRequest> = {}): TrainRequest {
  return {
    config: { layers: 2, optimizer: 'adam', ...config },
    seed: 1,
    epochs: 3,
    initialEpoch: 0,
    ...extra,
  };
}

const uniform = (units: number, lr = 0.001) => request({ units_0: units, units_1: units, learning_rate: lr });

describe('the cost model', () => {
  it('interpolates in log K and log width; assumes nothing above the widest width measured', () => {
    const table = model.backends.wasm!;
    expect(speedupAt(table, 8, 32)).toBe(4);
    expect(speedupAt(table, 32, 32)).toBe(6);
    expect(speedupAt(table, 3, 32)).toBeCloseTo(1.6 + (2.5 - 1.6) * Math.log2(1.5), 10);
    expect(speedupAt(table, 4, 16)).toBe(2.5);
    const mid = Math.sqrt(32 * 160);
    expect(speedupAt(table, 4, mid)).toBeCloseTo((2.5 + 1.2) / 2, 10);
    expect(separateCostAt(table, mid)).toBeCloseTo(Math.sqrt(3), 10);
    expect(separateCostAt(table, 1000)).toBe(12);
    expect(speedupAt(table, 8, 417)).toBe(0);
    expect(planGroups([uniform(512), uniform(512)], 'wasm', model).every((g) => !g.fused)).toBe(true);
  });

  it('measures a model by the uniform width with as many hidden-to-hidden weights', () => {
    expect(effectiveWidth([64])).toBe(64);
    expect(effectiveWidth([32, 32, 32])).toBe(32);
    expect(effectiveWidth([32, 416])).toBeCloseTo(Math.sqrt(32 * 416), 10);
  });
});

describe('planGroups', () => {
  it('fuses small models of one shape into one group, in request order', () => {
    const requests = Array.from({ length: 8 }, (_, i) => uniform(32, 0.001 * (i + 1)));
    const groups = planGroups(requests, 'wasm', model);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ indices: [0, 1, 2, 3, 4, 5, 6, 7], fused: true, units: [32, 32] });
    expect(groups[0].predictedSpeedup).toBeCloseTo(4, 10);
  });

  it('does not fuse where the measurement says fused is slower (K = 4 of 416 units)', () => {
    const groups = planGroups(
      [0, 1, 2, 3].map(() => uniform(416)),
      'wasm',
      model,
    );
    expect(groups.map((g) => [g.indices, g.fused])).toEqual([
      [[0], false],
      [[1], false],
      [[2], false],
      [[3], false],
    ]);
  });

  it('never mixes depth, optimizer, activation, batch size, epochs or data fraction', () => {
    const requests = [
      uniform(32),
      request({ layers: 3, units_0: 32, units_1: 32, units_2: 32 }),
      request({ units_0: 32, units_1: 32, optimizer: 'rmsprop' }),
      request({ units_0: 32, units_1: 32, activation: 'tanh' }),
      request({ units_0: 32, units_1: 32, batch_size: 64 }),
      request({ units_0: 32, units_1: 32 }, { epochs: 5 }),
      request({ units_0: 32, units_1: 32 }, { dataFraction: 0.5 }),
      uniform(32),
    ];
    const groups = planGroups(requests, 'wasm', model);
    expect(groups.find((g) => g.indices.includes(0))!.indices).toEqual([0, 7]);
    for (let i = 1; i <= 6; i++) expect(groups.find((g) => g.indices.includes(i))!.indices).toEqual([i]);
  });

  it('pads similar widths together only when the model predicts a gain, never for sigmoid', () => {
    const mixed = [32, 32, 48, 48, 32, 48, 32, 48].map((u) => request({ units_0: u, units_1: 32 }));
    const padded = planGroups(mixed, 'wasm', model);
    expect(padded).toHaveLength(1);
    expect(padded[0]).toMatchObject({ fused: true, units: [48, 32] });

    const far = [32, 32, 416, 416].map((u) => request({ units_0: u, units_1: u }));
    const split = planGroups(far, 'wasm', model);
    expect(split.map((g) => [g.indices, g.fused])).toEqual([
      [[0, 1], true],
      [[2], false],
      [[3], false],
    ]);

    const sigmoid = [32, 48].map((u) => request({ units_0: u, units_1: 32, activation: 'sigmoid' }));
    expect(planGroups(sigmoid, 'wasm', model).every((g) => !g.fused)).toBe(true);
  });

  it('keeps groups within maxGroup and covers every request exactly once', () => {
    const requests = Array.from({ length: 37 }, (_, i) => uniform(32, 0.001 + i * 1e-4));
    const groups = planGroups(requests, 'wasm', model, { maxGroup: 16 });
    expect(Math.max(...groups.map((g) => g.indices.length))).toBeLessThanOrEqual(16);
    expect(groups.flatMap((g) => g.indices).sort((a, b) => a - b)).toEqual(requests.map((_, i) => i));
    expect(groups.every((g) => g.fused)).toBe(true);
  });

  it('trains a request with an invalid config, or on a backend without measurements, on its own', () => {
    const groups = planGroups(
      [uniform(32), request({ units_0: -3, units_1: 32 }), uniform(32)],
      'wasm',
      model,
    );
    expect(groups.find((g) => g.indices.includes(1))).toEqual({
      indices: [1],
      fused: false,
      predictedSpeedup: 1,
    });
    const none = planGroups([uniform(32), uniform(32)], 'webgl', model);
    expect(none.every((g) => !g.fused && g.indices.length === 1)).toBe(true);
  });
});

describe('the planner module', () => {
  it('loads no tfjs, so the tuner worker can plan without it', () => {
    const seen = new Set<string>();
    const packages: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const ref of importsOf(readFileSync(file, 'utf8'))) {
        if (ref.typeOnly) continue;
        if (!ref.spec.startsWith('.')) packages.push(ref.spec);
        else visit(resolve(dirname(file), `${ref.spec}.ts`));
      }
    };
    visit(resolve(__dirname, '../../../../src/core/fusion/plan-groups.ts'));
    expect(seen.size).toBeGreaterThan(2);
    expect(packages).toEqual([]);
  });
});

describe('the committed cost model', () => {
  it('has a complete, positive grid per backend and says where it was measured', () => {
    expect(MEASURED_COSTS.measured.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(MEASURED_COSTS.measured.machine).not.toBe('');
    for (const costs of Object.values(MEASURED_COSTS.backends)) {
      expect(costs.speedup).toHaveLength(costs.widths.length);
      for (const row of costs.speedup) expect(row).toHaveLength(costs.ks.length);
      expect(costs.speedup.flat().every((x) => x > 0)).toBe(true);
      expect(costs.separateCost).toHaveLength(costs.widths.length);
      expect(costs.separateCost[0]).toBe(1);
      expect([...costs.ks].sort((a, b) => a - b)).toEqual(costs.ks);
      expect([...costs.widths].sort((a, b) => a - b)).toEqual(costs.widths);
    }
  });
});
