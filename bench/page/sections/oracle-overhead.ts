/**
 * Figure 3a: ask and tell times of each oracle on the course's search space, at 50, 100 and 200
 * finished trials. Trials are scored by a cheap stand-in for training, so only the oracle is timed.
 */
import { courseSearchSpace } from '../../../src/core/space';
import type { Config } from '../../../src/core/space/types';
import { Study } from '../../../src/core/study';
import { median, round } from '../support/stats';
import { variants } from '../support/variants';

/** A smooth multi-fidelity stand-in on the course space (lower is better). */
function standInLoss(config: Config, epochs: number): number {
  const lr = Number(config.learning_rate ?? 1e-3);
  const layers = Number(config.layers ?? 2);
  const units = Number(config.units_0 ?? 32);
  return (
    (Math.log10(lr) + 2.5) ** 2 +
    0.05 * Math.abs(layers - 3) +
    (0.1 * Math.abs(units - 160)) / 160 +
    2 * Math.exp(-epochs / 3)
  );
}

const WINDOW = 5;

/** The smallest step performance.now() takes here (5 µs cross-origin isolated, 100 µs otherwise). */
function clockResolution(): number {
  let smallest = Infinity;
  for (let i = 0; i < 50; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return round(smallest, 4);
}

export function oracleOverhead(options: { at: number[]; maxEpochs: number }) {
  const last = Math.max(...options.at) + WINDOW;
  const results = [];
  for (const variant of variants(options.maxEpochs)) {
    const tuner = {
      ...variant.tuner,
      maxTrials: last + 10,
      epochs: 1,
      // enough proposals for the multi-fidelity oracles to reach the largest count in one study
      iterations: 40,
      initialConfigs: variant.tuner.algorithm === 'successive-halving' ? 2 * last : 0,
    };
    const study = new Study({
      space: courseSearchSpace(),
      tuner,
      objective: { metric: 'val_loss', direction: 'min' },
      scoring: 'best',
      executionsPerTrial: 1,
      seed: 7,
      budget: 'epochs',
    });
    const ask: number[] = [];
    const tell: number[] = [];
    for (let finished = 0; finished < last; finished++) {
      let started = performance.now();
      const next = study.next();
      ask.push(performance.now() - started);
      if (next.kind !== 'trial') break;
      const budget = study.budgetFor(next.trial, 0);
      const history = [];
      for (let e = budget.initialEpoch + 1; e <= budget.epochs; e++)
        history.push({ epoch: e, metrics: { val_loss: standInLoss(next.trial.config, e) } });
      started = performance.now();
      study.recordExecution(next.trial.id, { status: 'completed', history });
      tell.push(performance.now() - started);
    }
    const window = (xs: number[], n: number) => xs.slice(Math.max(0, n - WINDOW), n + WINDOW);
    results.push({
      variant: variant.name,
      clockResolutionMs: clockResolution(),
      trials: tell.length,
      at: options.at.map((n) => ({
        finished: n,
        reached: tell.length >= n + WINDOW,
        askMs: round(median(window(ask, n)), 4),
        tellMs: round(median(window(tell, n)), 4),
      })),
    });
  }
  return results;
}
