/**
 * The one rule for "is this gap more than noise?", used by every reading that names a winner: the best
 * trial against the runner-up, a race's winner against the next tuner, and "never matched".
 *
 * - An accuracy is a proportion of n rows: its standard error is √(p(1−p)/n) (Agresti–Coull with few
 *   right or wrong answers), combined with the spread over executions when there are several.
 * - A validation loss, MAE or AUC has the standard error the trainer measured on the validation rows
 *   (src/train/metric-errors.ts: sd/√n of the per-row values, Hanley and McNeil for an AUC), combined
 *   with the spread over executions when there are several.
 * - Any other metric (a training loss) has only the spread over executions when there are several,
 *   else the noise is unknown and the words say so rather than invent a number.
 * - A gap within TIE_BAND standard errors of the better score is within the noise.
 */
import { formatCount, formatNumber, plural } from '../../core/format';
import type { Trial } from '../../core/study';
import type { EncodedDataset } from '../../data/types';

/** Row counts of the dataset the study ran on. */
export interface SplitRows {
  train: number;
  validation: number;
  test: number;
  /** k-fold cross-validation: each fold's size (execution e validates on fold e mod k). */
  folds?: number[];
}

/** A dataset's split sizes. */
export function splitRowsOf(dataset: EncodedDataset): SplitRows {
  const { splits } = dataset;
  return {
    train: splits.train.length,
    validation: splits.validation.length,
    test: splits.test.length,
    ...(splits.folds && { folds: splits.folds.map((f) => f.length) }),
  };
}

/** How noisy a score is, and how that was estimated. */
export type Noise =
  /** A proportion (accuracy) on n rows: √(p(1−p)/n), plus the seed spread over executions. */
  | {
      kind: 'proportion';
      rows: number;
      /** Measured on validation rows (val_accuracy), not on the rows the model learns from. */
      validation: boolean;
      standardError: number;
      /** From the row count alone. */
      fromRows: ProportionError;
      seedError?: number;
    }
  /**
   * A validation metric with a standard error from its rows (the trainer's), plus the seed spread over
   * executions. `rows` is undefined when the dataset is not loaded.
   */
  | {
      kind: 'rows';
      metric: string;
      rows?: number;
      standardError: number;
      fromRows: number;
      seedError?: number;
    }
  /** Any other metric: the spread over executions, sd/√executions. */
  | { kind: 'executions'; executions: number; sd: number; standardError: number }
  | { kind: 'unknown'; why: 'one-execution' | 'no-rows'; metric: string };

/** Standard errors within which two scores are called tied: about a 95 % band. */
export const TIE_BAND = 2;

/** Right or wrong answers below this count make √(p(1−p)/n) unreliable (0 when none is wrong). */
export const FEW_ANSWERS = 5;

export interface ProportionError {
  standardError: number;
  /** Agresti–Coull: with few right or few wrong answers, two of each are added first. */
  adjusted?: { fewer: 'right' | 'wrong'; count: number; p: number };
}

/**
 * The standard error of a proportion p measured on n rows: √(p(1−p)/n), or, when fewer than
 * FEW_ANSWERS answers are right or wrong (the plain formula gives 0 for a perfect score),
 * Agresti–Coull's √(p̃(1−p̃)/(n+4)) with p̃ = (right + 2)/(n + 4).
 */
export function proportionStandardError(p: number, n: number): ProportionError {
  const right = Math.round(p * n);
  const wrong = n - right;
  if (Math.min(right, wrong) >= FEW_ANSWERS) return { standardError: Math.sqrt((p * (1 - p)) / n) };
  const adjusted = (right + 2) / (n + 4);
  return {
    standardError: Math.sqrt((adjusted * (1 - adjusted)) / (n + 4)),
    adjusted: { fewer: wrong <= right ? 'wrong' : 'right', count: Math.min(right, wrong), p: adjusted },
  };
}

export const baseMetric = (metric: string): string => metric.replace(/^val_/, '');

/** Accuracy is a proportion of rows; loss, AUC and errors are not. */
export const isProportion = (metric: string): boolean => baseMetric(metric) === 'accuracy';

/** Validation rows behind a score averaged over `executions`: one split's rows, or the distinct folds used. */
export function validationRowsUsed(rows: SplitRows, executions: number): number {
  if (!rows.folds || rows.folds.length < 2) return rows.validation;
  return rows.folds.slice(0, Math.min(executions, rows.folds.length)).reduce((n, f) => n + f, 0);
}

/** How noisy a trial's score is, from the rows it was measured on and the spread over its executions. */
export function scoreNoise(trial: Trial, metric: string, rows: SplitRows | undefined): Noise {
  const executions = trial.executions.filter((e) => e.score !== undefined).length;
  const sd = executions > 1 ? (trial.spread?.std ?? 0) : undefined;
  const seedError = sd === undefined ? undefined : sd / Math.sqrt(executions);
  if (isProportion(metric)) {
    if (!rows) return { kind: 'unknown', why: 'no-rows', metric };
    const validation = metric.startsWith('val_');
    const n = validation ? validationRowsUsed(rows, executions) : rows.train;
    const fromRows = proportionStandardError(trial.score!, n);
    return {
      kind: 'proportion',
      rows: n,
      validation,
      fromRows,
      standardError: Math.sqrt(fromRows.standardError ** 2 + (seedError ?? 0) ** 2),
      ...(seedError !== undefined && { seedError }),
    };
  }
  const fromRows = rowsError(trial, metric, rows, executions);
  if (fromRows !== undefined)
    return {
      kind: 'rows',
      metric,
      ...(rows && { rows: validationRowsUsed(rows, executions) }),
      fromRows,
      standardError: Math.sqrt(fromRows ** 2 + (seedError ?? 0) ** 2),
      ...(seedError !== undefined && { seedError }),
    };
  if (seedError === undefined) return { kind: 'unknown', why: 'one-execution', metric };
  return { kind: 'executions', executions, sd: sd!, standardError: seedError };
}

/**
 * The standard error the trainer measured on the validation rows at each execution's scored epoch:
 * on one split the executions share their rows, so their errors are averaged; on k folds each mean is
 * over different rows, which divides it by √(folds used).
 */
function rowsError(
  trial: Trial,
  metric: string,
  rows: SplitRows | undefined,
  executions: number,
): number | undefined {
  if (!metric.startsWith('val_')) return undefined;
  const errors = trial.executions.flatMap((e) => {
    const scored = e.history.find((h) => h.metrics[metric] === e.score);
    const se = scored?.errors?.[metric];
    return se !== undefined && Number.isFinite(se) ? [se] : [];
  });
  if (errors.length === 0 || errors.length < executions) return undefined;
  const folds = rows?.folds && rows.folds.length >= 2 ? Math.min(executions, rows.folds.length) : 1;
  return Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length / folds);
}

export interface GapJudgement {
  /** |a − b| */
  gap: number;
  noise: Noise;
  /** TIE_BAND standard errors; undefined when the noise is unknown. */
  band?: number;
  /** 'same': exactly equal; 'within' or 'beyond' the band; 'unknown': no estimate of the noise. */
  verdict: 'same' | 'within' | 'beyond' | 'unknown';
}

/** Two scores against the noise of the better one. */
export function judgeGap(a: number, b: number, noise: Noise): GapJudgement {
  const gap = Math.abs(a - b);
  if (gap === 0) return { gap, noise, verdict: 'same' };
  if (noise.kind === 'unknown') return { gap, noise, verdict: 'unknown' };
  const band = TIE_BAND * noise.standardError;
  return { gap, noise, band, verdict: gap <= band ? 'within' : 'beyond' };
}

/** Noise measured on validation rows (as opposed to training rows or executions only). */
const validationNoise = (noise: Noise): boolean =>
  (noise.kind === 'proportion' && noise.validation) || noise.kind === 'rows';

/** Standard errors and gaps: two significant digits are all they carry. */
export const small = (x: number): string => formatNumber(x, 2);

/** "0.0087 (1 of 115 validation rows)": an accuracy gap also as rows, when it comes to whole rows. */
export function gapWords({ gap, noise }: GapJudgement): string {
  if (noise.kind !== 'proportion' || noise.fromRows.adjusted) return small(gap);
  const rows = gap * noise.rows;
  const whole = Math.round(rows);
  if (whole < 1 || Math.abs(rows - whole) > 0.01) return small(gap);
  return `${small(gap)} (${formatCount(whole)} of ${plural(noise.rows, noise.validation ? 'validation row' : 'training row')})`;
}

/** Where the noise estimate comes from: "2 standard errors are 0.07 at 115 validation rows". */
function bandWords(j: GapJudgement): string {
  const { noise } = j;
  const band = `${TIE_BAND} standard errors are ${small(j.band!)}`;
  if (noise.kind === 'proportion')
    return `${band} at ${plural(noise.rows, noise.validation ? 'validation row' : 'training row')}`;
  if (noise.kind === 'executions') return `${band} over ${plural(noise.executions, 'execution')}`;
  if (noise.kind === 'rows')
    return noise.rows === undefined
      ? `${band} on the validation rows`
      : `${band} at ${plural(noise.rows, 'validation row')}`;
  return band;
}

/** Why the noise is unknown, in words. */
export function unknownNoiseWords(noise: Extract<Noise, { kind: 'unknown' }>): string {
  return noise.why === 'no-rows'
    ? 'the dataset is not loaded, so the validation size is unknown'
    : noise.metric.startsWith('val_')
      ? `these results hold no standard error of ${noise.metric} from the validation rows, and one execution per trial shows no spread`
      : `${noise.metric} is not a proportion of rows, and one execution per trial shows no spread`;
}

/**
 * The verdict on a gap, as a clause to follow it: "within the validation noise (2 standard errors are
 * 0.07 at 115 validation rows), so the data cannot tell the two apart".
 */
export function noiseVerdictWords(j: GapJudgement): string {
  const what = validationNoise(j.noise) ? 'the validation noise' : 'the noise';
  switch (j.verdict) {
    case 'same':
      return 'exactly the same score, a tie at any validation size';
    case 'unknown':
      return `no estimate of the noise says whether that is real (${unknownNoiseWords(j.noise as Extract<Noise, { kind: 'unknown' }>)})`;
    case 'within':
      return `within ${what} (${bandWords(j)}), so the data cannot tell the two apart`;
    case 'beyond':
      return `more than ${what} (${bandWords(j)}), so the difference is likely real`;
  }
}

/** The verdict alone, for a second gap judged against noise already described: "within the noise". */
export function shortVerdictWords(j: GapJudgement): string {
  const what = validationNoise(j.noise) ? 'the validation noise' : 'the noise';
  switch (j.verdict) {
    case 'same':
      return 'exactly the same';
    case 'unknown':
      return 'with the noise unknown';
    case 'within':
      return `within ${what} (${small(j.band!)})`;
    case 'beyond':
      return `more than ${what} (${small(j.band!)})`;
  }
}
