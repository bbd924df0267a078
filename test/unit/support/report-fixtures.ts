/** Shared by the report tests: real datasets described, and studies run on a synthetic objective. */
import { readFileSync } from 'node:fs';
import { loadCsv } from '../../../src/data';
import { catalogueEntry, catalogueLoadOptions, type CsvCatalogueEntry } from '../../../src/data/catalogue';
import { describeDataset, type DatasetDescription } from '../../../src/report/export/dataset-description';
import { defaultSetup } from '../../../src/core/experiment';
import { Study, type StudySettings } from '../../../src/core/study';
import { Rng } from '../../../src/core/rng';
import type { Config } from '../../../src/core/space/types';

export function describeCatalogueDataset(id: string, seed = 42): DatasetDescription {
  const entry = catalogueEntry(id) as CsvCatalogueEntry;
  const text = readFileSync(new URL(`../../../public/datasets/${entry.fileName}`, import.meta.url), 'utf8');
  const loaded = loadCsv(text, { ...catalogueLoadOptions(entry), seed });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return describeDataset(loaded.value.analysis, loaded.value.dataset);
}

export function courseSettings(
  tuner: Partial<StudySettings['tuner']> = {},
  extra: Partial<StudySettings> = {},
): StudySettings {
  const study = defaultSetup().study;
  return { ...study, tuner: { ...study.tuner, ...tuner }, ...extra };
}

/** A made-up accuracy that prefers a learning rate near 3e-3 and more units, rising with epochs. */
function accuracy(config: Config, epoch: number, noise: number): number {
  const lr = Number(config.learning_rate ?? 1e-3);
  const units = Number(config.units_0 ?? 32);
  return 0.95 - 0.05 * Math.abs(Math.log10(lr / 3e-3)) + units / 1e4 - 0.2 * Math.exp(-epoch / 2) + noise;
}

/**
 * Runs a study to the end, one trial at a time. Trials whose number is in `fail` fail (the first
 * with a NaN loss in its history), trial `stopAt` is stopped by the user.
 */
export function runStudy(settings: StudySettings, options: { fail?: number[]; stopAt?: number } = {}): Study {
  const study = new Study(settings);
  const rng = new Rng(7);
  for (let guard = 0; guard < 10_000; guard++) {
    const next = study.next();
    if (next.kind !== 'trial') break;
    const trial = next.trial;
    for (let e = 0; e < settings.executionsPerTrial; e++) {
      const budget = study.budgetFor(trial, e);
      const history = [];
      for (let epoch = budget.initialEpoch + 1; epoch <= budget.epochs; epoch++) {
        const acc = accuracy(trial.config, epoch, rng.uniform(-0.01, 0.01));
        history.push({
          epoch,
          metrics: { val_accuracy: acc, val_loss: 1 - acc },
          learningRate: 0.001 * 0.95 ** epoch,
        });
      }
      if (options.fail?.includes(trial.number)) {
        history.push({
          epoch: budget.epochs + 1,
          metrics: { val_accuracy: NaN, val_loss: Infinity, loss: -Infinity },
        });
        study.recordExecution(trial.id, {
          status: 'failed',
          history,
          reason: `diverged at epoch ${budget.epochs + 1}`,
        });
        break;
      }
      if (options.stopAt === trial.number) {
        study.recordExecution(trial.id, {
          status: 'stopped',
          history: history.slice(0, 1),
          reason: 'stopped by the user',
        });
        break;
      }
      study.recordExecution(trial.id, { status: 'completed', history });
    }
  }
  return study;
}
