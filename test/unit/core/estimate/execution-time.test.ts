import { describe, expect, it } from 'vitest';
import {
  executionMs,
  networkSize,
  workerSpeedup,
  type BackendRates,
} from '../../../../src/core/estimate/execution-time';
import { readTrainSpec } from '../../../../src/core/model/spec';

const rates: BackendRates = {
  execution: 10,
  perValue: 0.001,
  epoch: 20,
  epochPerRow: 0.01,
  stepPerLayer: 0.5,
  stepPerWeight: 0.00002,
  perTrainMac: 0.000001,
  perValidationMac: 0.0000002,
  probeMs: 40,
  workerStartMs: 300,
  firstTrialExtraMs: 30,
  trialOverheadMs: 50,
  workers: [1, 2, 4],
  workerSpeedup: [1, 1.2, 1.3],
  fitError: 1.25,
};

const shape = { trainRows: 1000, validationRows: 200, features: 10, outputs: 1 };

describe('the execution-time model', () => {
  it('counts a network’s Dense layers, weights and multiply-adds from input to output', () => {
    const size = networkSize(readTrainSpec({ layers: 2, units_0: 32, units_1: 16, batch_size: 64 }), shape);
    expect(size).toEqual({
      denseLayers: 3,
      weights: (10 + 1) * 32 + (32 + 1) * 16 + (16 + 1) * 1,
      macs: 10 * 32 + 32 * 16 + 16 * 1,
      batchSize: 64,
    });
  });

  it('adds one execution’s fixed work, then the same for every epoch', () => {
    const size = networkSize(readTrainSpec({ layers: 1, units_0: 8 }), shape);
    const one = executionMs(rates, size, shape, 1);
    const three = executionMs(rates, size, shape, 3);
    const fixed = rates.execution + rates.perValue * 1200 * 10;
    expect(three - one).toBeCloseTo(2 * (one - fixed), 9);
    const steps = Math.ceil(1000 / 32);
    const perEpoch =
      rates.epoch +
      rates.epochPerRow * 1200 +
      steps * (rates.stepPerLayer * 2 + rates.stepPerWeight * size.weights) +
      size.macs * (rates.perTrainMac * 1000 + rates.perValidationMac * 200);
    expect(one).toBeCloseTo(fixed + perEpoch, 9);
  });

  it('interpolates the pool’s speed-up between the sizes measured, flat beyond them', () => {
    expect(workerSpeedup(rates, 1)).toBe(1);
    expect(workerSpeedup(rates, 3)).toBeCloseTo(1.25);
    expect(workerSpeedup(rates, 16)).toBe(1.3);
  });
});
