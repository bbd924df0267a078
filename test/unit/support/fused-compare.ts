/** Comparing a fused group's results with each request trained alone by trainTrial. */
import { expect } from 'vitest';
import type { EncodedDataset } from '../../../src/data/types';
import { trainTrial } from '../../../src/train/train-loop';
import type { Checkpoint, TensorData, TrainRequest, TrainResult } from '../../../src/train/types';

export async function trainAlone(data: EncodedDataset, requests: TrainRequest[]): Promise<TrainResult[]> {
  const results: TrainResult[] = [];
  for (const r of requests) results.push(await trainTrial(data, r));
  return results;
}

function close(actual: number, expected: number, label: string, tolerance: number): void {
  if (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))) return;
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const error = Math.abs(actual - expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );
}

function values(d: TensorData): number[] {
  return Array.from(d.dtype === 'int32' ? new Int32Array(d.buffer) : new Float32Array(d.buffer));
}

function expectTensorsClose(a: TensorData[], b: TensorData[], label: string, tolerance: number): void {
  expect(a.map((d) => d.shape)).toEqual(b.map((d) => d.shape));
  expect(a.map((d) => d.dtype)).toEqual(b.map((d) => d.dtype));
  a.forEach((d, i) => {
    const expected = values(b[i]);
    values(d).forEach((v, j) => close(v, expected[j], `${label}[${i}][${j}]`, tolerance));
  });
}

export function expectCheckpointsClose(a: Checkpoint, b: Checkpoint, tolerance = 1e-5): void {
  expect([a.globalStep, a.epoch, a.optimizer]).toEqual([b.globalStep, b.epoch, b.optimizer]);
  expectTensorsClose(a.weights, b.weights, 'weights', tolerance);
  expectTensorsClose(a.optimizerWeights, b.optimizerWeights, 'optimizer', tolerance);
}

/** Same outcome, epochs, steps and learning rates; metrics and checkpoint values within tolerance. */
export function expectEquivalent(fused: TrainResult, alone: TrainResult, tolerance = 1e-5): void {
  expect([fused.status, fused.reason, fused.earlyStopped, fused.epochsTrained]).toEqual([
    alone.status,
    alone.reason,
    alone.earlyStopped,
    alone.epochsTrained,
  ]);
  expect(fused.history.map((h) => [h.epoch, h.step])).toEqual(alone.history.map((h) => [h.epoch, h.step]));
  fused.history.forEach((h, e) => {
    const reference = alone.history[e];
    close(h.learningRate, reference.learningRate, `epoch ${h.epoch} learning rate`, 1e-12);
    expect(Object.keys(h.metrics).sort()).toEqual(Object.keys(reference.metrics).sort());
    for (const [key, value] of Object.entries(h.metrics))
      close(value, reference.metrics[key], `epoch ${h.epoch} ${key}`, tolerance);
    expect(Object.keys(h.errors ?? {}).sort()).toEqual(Object.keys(reference.errors ?? {}).sort());
    for (const [key, value] of Object.entries(h.errors ?? {}))
      close(value, reference.errors![key], `epoch ${h.epoch} standard error of ${key}`, tolerance);
  });
  expect(Boolean(fused.checkpoint)).toBe(Boolean(alone.checkpoint));
  if (fused.checkpoint && alone.checkpoint)
    expectCheckpointsClose(fused.checkpoint, alone.checkpoint, tolerance);
}
