import { describe, expect, it } from 'vitest';
import { estimateSearch, estimateSearches, MEASURED_RATES } from '../../../../src/core/estimate';
import { raceLanes } from '../../../../src/core/race';
import { courseSearchSpace } from '../../../../src/core/space';
import { BANK_50K, SHIPPED, defaultStudy, withTuner } from './shapes';

const on = (shape = SHIPPED.banknote, extra = {}) => ({
  shape,
  backend: 'wasm' as const,
  workers: 1,
  ...extra,
});

describe('estimateSearch', () => {
  it('estimates every shipped set’s default search, the larger data the longer', () => {
    const times = Object.entries(SHIPPED).map(([name, shape]) => {
      const e = estimateSearch(defaultStudy(), on(shape))!;
      expect(e, name).toMatchObject({
        trials: 30,
        fullDataEpochs: 120,
        measuredHere: false,
        backend: 'wasm',
      });
      expect(e.lowMs).toBeLessThan(e.ms);
      expect(e.highMs).toBeGreaterThan(e.ms);
      const perTrial = Object.values(e.trialMs!);
      expect(perTrial).toHaveLength(30);
      expect(perTrial.reduce((a, b) => a + b, 0)).toBeCloseTo(e.ms - e.startupMs, 6);
      return e.ms;
    });
    const big = estimateSearch(defaultStudy(), on(BANK_50K))!.ms;
    expect(big).toBeGreaterThan(10 * Math.max(...times));
  });

  it('scales the training by this machine’s probe against the bench machine’s', () => {
    const bench = estimateSearch(defaultStudy(), on(BANK_50K))!;
    const probeMs = 2 * MEASURED_RATES.backends.wasm!.probeMs;
    const slower = estimateSearch(defaultStudy(), on(BANK_50K, { probeMs }))!;
    expect(slower).toMatchObject({ measuredHere: true, slowdown: 2 });
    expect(slower.ms / bench.ms).toBeCloseTo(2, 2);
  });

  it('costs more epochs, more executions and more trials more', () => {
    const base = estimateSearch(withTuner({ algorithm: 'random', maxTrials: 10, epochs: 4 }), on())!.ms;
    expect(
      estimateSearch(withTuner({ algorithm: 'random', maxTrials: 10, epochs: 8 }), on())!.ms,
    ).toBeGreaterThan(base);
    expect(
      estimateSearch(withTuner({ algorithm: 'random', maxTrials: 20, epochs: 4 }), on())!.ms,
    ).toBeGreaterThan(base);
    const executions = withTuner(
      { algorithm: 'random', maxTrials: 10, epochs: 4 },
      { executionsPerTrial: 3 },
    );
    expect(estimateSearch(executions, on())!.ms).toBeGreaterThan(base);
  });

  it('counts fused executions of small networks as cheaper than as many separate ones', () => {
    const small = {
      params: courseSearchSpace().params.map((p) =>
        p.name === 'layers'
          ? { kind: 'fixed' as const, name: 'layers', value: 2 }
          : p.name.startsWith('units_')
            ? { kind: 'fixed' as const, name: p.name, value: 32 }
            : p,
      ),
    };
    const once = estimateSearch(
      withTuner({ algorithm: 'random', maxTrials: 6, epochs: 3 }, { space: small }),
      on(),
    )!;
    const thrice = estimateSearch(
      withTuner({ algorithm: 'random', maxTrials: 6, epochs: 3 }, { space: small, executionsPerTrial: 3 }),
      on(),
    )!;
    const startup =
      MEASURED_RATES.backends.wasm!.workerStartMs + MEASURED_RATES.backends.wasm!.firstTrialExtraMs;
    expect(thrice.ms - startup).toBeLessThan(3 * (once.ms - startup));
  });

  it('adds a race’s lanes on one pool, its workers starting once', () => {
    const study = defaultStudy();
    const lanes = raceLanes(study, { algorithms: ['random', 'hyperband'], epochBudget: 0, seeds: 1 });
    const race = estimateSearches(lanes, on())!;
    const each = lanes.map((lane) => estimateSearch(lane, on())!.ms);
    const startup =
      MEASURED_RATES.backends.wasm!.workerStartMs + MEASURED_RATES.backends.wasm!.firstTrialExtraMs;
    expect(race.ms).toBeCloseTo(each[0] + each[1] - startup, 6);
  });

  it('has no estimate for a backend without rates unless this machine probed it (then WASM’s rates, scaled)', () => {
    expect(estimateSearch(defaultStudy(), on(SHIPPED.banknote, { backend: 'webgl' }))).toBeUndefined();
    const probed = estimateSearch(defaultStudy(), on(SHIPPED.banknote, { backend: 'webgl', probeMs: 200 }))!;
    expect(probed).toMatchObject({ backend: 'webgl', ratesOf: 'wasm', measuredHere: true });
  });
});
