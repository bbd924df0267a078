/**
 * Figure 6: search quality at an equal epoch budget. The synthetic multi-fidelity function runs in
 * process (no training); the real datasets run through the real Scheduler on real trainer workers.
 */
import { courseSearchSpace } from '../../../src/core/space';
import type { StudySettings, Trial } from '../../../src/core/study';
import type { Objective } from '../../../src/core/scoring';
import type { BackendName } from '../../../src/train';
import { Scheduler } from '../../../src/scheduler/scheduler';
import { workerTrainerFactory } from '../../../src/workers/worker-trainers';
import { syntheticLoss, testSpace } from '../../../test/unit/support/simulate';
import { summarise, type Run } from '../support/anytime';
import { BudgetStudy } from '../support/budget-study';
import { loadDataset } from '../support/datasets';
import { epochBudget, variants, type Variant } from '../support/variants';

const LOSS: Objective = { metric: 'val_loss', direction: 'min' };

function settings(variant: Variant, space: StudySettings['space'], seed: number): StudySettings {
  return {
    space,
    tuner: variant.tuner,
    objective: LOSS,
    scoring: 'best',
    executionsPerTrial: 1,
    seed,
    budget: 'epochs',
    epochBudget: epochBudget(variant.tuner.maxEpochs),
  };
}

/** Sequential, like one worker: trials finish in the order they were proposed. */
function runSynthetic(study: BudgetStudy): void {
  for (;;) {
    const next = study.next();
    if (next.kind !== 'trial') {
      if (study.finished) return;
      throw new Error(`nothing running but the study answered ${next.kind}`);
    }
    const trial: Trial = next.trial;
    const budget = study.budgetFor(trial, 0);
    const history = [];
    for (let e = budget.initialEpoch + 1; e <= budget.epochs; e++)
      history.push({ epoch: e, metrics: { val_loss: syntheticLoss(trial.config, e) } });
    study.recordExecution(trial.id, { status: 'completed', history });
  }
}

export function syntheticQuality(options: { maxEpochs: number; seeds: number }) {
  const budget = epochBudget(options.maxEpochs);
  const runs: Run[] = [];
  for (let seed = 1; seed <= options.seeds; seed++) {
    for (const variant of variants(options.maxEpochs)) {
      const study = new BudgetStudy(settings(variant, testSpace, seed));
      const started = performance.now();
      runSynthetic(study);
      runs.push({
        variant: variant.name,
        seed,
        curve: study.anytime,
        epochs: study.epochsConsumed,
        oracleMs: study.oracleMs,
        wallMs: performance.now() - started,
      });
    }
  }
  const summary = summarise(runs, 'min', budget);
  // In-process runs have no training, so the study is all of their wall time: not an overhead figure.
  return {
    problem: 'synthetic',
    maxEpochs: options.maxEpochs,
    ...summary,
    perVariant: summary.perVariant.map((v) => ({ ...v, oracleShare: undefined })),
  };
}

export interface RealQualityOptions {
  dataset: string;
  maxEpochs: number;
  seeds: number;
  workers: number;
  backend: BackendName;
}

export async function realQuality(options: RealQualityOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const budget = epochBudget(options.maxEpochs);
  const runs: Run[] = [];
  const probe = { inputs: dataset.features, units: 32, batch: 32 };
  for (let seed = 1; seed <= options.seeds; seed++) {
    for (const variant of variants(options.maxEpochs)) {
      const study = new BudgetStudy(settings(variant, courseSearchSpace(), seed));
      const scheduler = new Scheduler(study, workerTrainerFactory(dataset, options.backend, probe), {
        workers: options.workers,
        emit: () => {},
      });
      const started = performance.now();
      await scheduler.run();
      const wallMs = performance.now() - started;
      runs.push({
        variant: variant.name,
        seed,
        curve: study.anytime,
        epochs: study.epochsConsumed,
        oracleMs: study.oracleMs,
        wallMs,
      });
      log(
        `quality ${options.dataset} seed ${seed} ${variant.name}: best val_loss ${study.best()?.score?.toFixed(4)} after ${study.epochsConsumed} epochs in ${(wallMs / 1000).toFixed(1)} s, oracle ${((100 * study.oracleMs) / wallMs).toFixed(2)}%`,
      );
    }
  }
  return {
    problem: options.dataset,
    maxEpochs: options.maxEpochs,
    workers: options.workers,
    backend: options.backend,
    ...summarise(runs, 'min', budget),
  };
}
