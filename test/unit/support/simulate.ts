import { Rng } from '../../../src/core/rng';
import type { Config } from '../../../src/core/space/types';
import { Study, type StudySettings, type Trial } from '../../../src/core/study';
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import type { TunerSettings } from '../../../src/core/oracles/types';
import type { SearchSpace } from '../../../src/core/space/types';

/** A cheap multi-fidelity objective: validation loss of `config` after `epochs` epochs. Lower is better. */
export function syntheticLoss(config: Config, epochs: number, noise = 0): number {
  const lr = Number(config.lr ?? 1e-3);
  const dropout = Number(config.dropout ?? 0.1);
  const penalty = config.act === 'tanh' ? 0.3 : config.act === 'sigmoid' ? 0.6 : 0;
  const final = (Math.log10(lr) + 2.5) ** 2 + 4 * (dropout - 0.15) ** 2 + penalty;
  return final + 2 * Math.exp(-epochs / 3) + noise;
}

export const testSpace: SearchSpace = {
  params: [
    { kind: 'float', name: 'lr', min: 1e-4, max: 1e-1, sampling: 'log' },
    { kind: 'float', name: 'dropout', min: 0, max: 0.5 },
    { kind: 'choice', name: 'act', values: ['relu', 'tanh', 'sigmoid'] },
    { kind: 'int', name: 'layers', min: 1, max: 3 },
    { kind: 'int', name: 'units_2', min: 8, max: 64, step: 8, condition: { parent: 'layers', values: [3] } },
    { kind: 'fixed', name: 'batch_size', value: 32 },
  ],
};

export function settingsFor(
  tuner: Partial<TunerSettings>,
  extra: Partial<StudySettings> = {},
): StudySettings {
  return {
    space: testSpace,
    tuner: { ...defaultTunerSettings, ...tuner },
    objective: { metric: 'val_loss', direction: 'min' },
    scoring: 'best',
    executionsPerTrial: 1,
    seed: 1,
    budget: 'epochs',
    ...extra,
  };
}

export interface SimulationOptions {
  /** Trials in flight at once (parallel workers). */
  parallel?: number;
  /** Fails a trial when this returns true. */
  failWhen?: (trial: Trial) => boolean;
  /** Order in which in-flight trials finish. */
  rng?: Rng;
  maxSteps?: number;
}

/** Runs a study against the synthetic objective; returns the study and epochs consumed. */
export function simulate(
  study: Study,
  options: SimulationOptions = {},
): { study: Study; epochs: number; done: string } {
  const parallel = options.parallel ?? 1;
  const order = options.rng ?? new Rng(99);
  const running: Trial[] = [];
  let epochs = 0;
  for (let step = 0; step < (options.maxSteps ?? 100_000); step++) {
    while (running.length < parallel) {
      const next = study.next();
      if (next.kind !== 'trial') break;
      running.push(next.trial);
    }
    if (running.length === 0) {
      const next = study.next();
      if (next.kind === 'done') return { study, epochs, done: next.reason };
      throw new Error(`nothing running but the study answered ${next.kind}`);
    }
    const trial = running.splice(order.int(0, running.length - 1), 1)[0];
    if (options.failWhen?.(trial)) {
      study.fail(trial.id, 'simulated failure');
      continue;
    }
    for (let e = 0; e < study.settings.executionsPerTrial; e++) {
      const budget = study.budgetFor(trial, e);
      const history = [];
      for (let ep = budget.initialEpoch + 1; ep <= budget.epochs; ep++) {
        history.push({ epoch: ep, metrics: { val_loss: syntheticLoss(trial.config, ep, 0.01 * e) } });
      }
      epochs += budget.epochs - budget.initialEpoch;
      study.recordExecution(trial.id, { status: 'completed', history });
    }
  }
  if (options.maxSteps !== undefined) return { study, epochs, done: '' };
  throw new Error('simulation did not terminate');
}
