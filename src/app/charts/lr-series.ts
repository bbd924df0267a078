/** Learning-rate curves for the schedule chart, computed with the trainer's own formula. */
import { trainSpecOrUndefined } from '../../core/model/spec';
import { learningRateAt, type DecaySchedule } from '../../core/schedule';
import type { Objective } from '../../core/scoring';
import { configKey, type Config, type SearchSpace } from '../../core/space';
import type { Trial } from '../../core/study';

export type LrAxis = 'epoch' | 'step';

/** The schedule a config trains with, or undefined when it does not set a learning rate of its own. */
export function scheduleOf(config: Config): DecaySchedule | undefined {
  if (config.learning_rate === undefined) return undefined;
  return trainSpecOrUndefined(config)?.schedule;
}

/** The running configurations, then the `top` best finished ones; each configuration once, only those with a learning rate. */
export function scheduleTrials(trials: readonly Trial[], objective: Objective, top: number): Trial[] {
  const sign = objective.direction === 'max' ? -1 : 1;
  const running = trials.filter((t) => t.state === 'running');
  const finished = trials
    .filter((t) => t.score !== undefined && t.state !== 'failed')
    .sort((a, b) => sign * (a.score! - b.score!));
  const seen = new Set<string>();
  const out: Trial[] = [];
  for (const t of [...running, ...finished.slice(0, top)]) {
    const key = configKey(t.config);
    if (seen.has(key) || !scheduleOf(t.config)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/**
 * α over `epochs` epochs: x is the global step, or the epoch (1 + step / stepsPerEpoch, so epoch 1
 * starts at step 0). A staircase gives one point per plateau (draw it stepped); a smooth decay is sampled.
 */
export function lrCurve(
  s: DecaySchedule,
  epochs: number,
  stepsPerEpoch: number,
  axis: LrAxis,
  samples = 200,
): { x: number; y: number }[] {
  const total = Math.max(1, epochs * stepsPerEpoch);
  const at = (step: number) => ({
    x: axis === 'step' ? step : 1 + step / stepsPerEpoch,
    y: learningRateAt(s, step),
  });
  const steps: number[] = [];
  if (s.staircase && s.decayRate !== 1 && s.decaySteps > 0 && total / s.decaySteps <= 2000) {
    for (let k = 0; k * s.decaySteps < total; k++) steps.push(k * s.decaySteps);
  } else {
    for (let i = 0; i < samples; i++) steps.push((i / samples) * total);
  }
  const points = steps.map(at);
  // The last batch trains at step total − 1: the curve ends there, on the plateau it belongs to.
  points.push({ ...at(total), y: learningRateAt(s, total - 1) });
  return points;
}

/** Optimiser steps per epoch: the training rows over a fixed batch size (32 when the batch size is searched). */
export function stepsPerEpochOf(space: SearchSpace, trainRows = 800): number {
  const param = space.params.find((p) => p.name === 'batch_size');
  const batchSize = param?.kind === 'fixed' ? Number(param.value) : 32;
  return Math.max(1, Math.ceil(trainRows / batchSize));
}
