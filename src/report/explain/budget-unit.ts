/**
 * What a trial's budget (`Trial.resource`) counts, in words and on axes. Usually epochs; with a data
 * budget (multi-fidelity tuners only) the rungs train from scratch on growing shares of the training
 * rows, and `resource / maxEpochs` is the share: "33.3 % of the training rows", never "27 epochs".
 */
import { formatNumber, plural } from '../../core/format';
import { isMultiFidelity } from '../../core/oracles/registry';
import type { StudySettings } from '../../core/study';

export interface BudgetUnit {
  /** True with a data budget: the budget is a share of the training rows. */
  readonly rows: boolean;
  /** What "trained" takes before the budget: "for" (2 epochs), "on" (33.3 % of the training rows). */
  readonly preposition: 'for' | 'on';
  /** "2 epochs", "33.3 % of the training rows". */
  words(resource: number): string;
  /** "for 2 epochs", "on 33.3 % of the training rows": after "trained". */
  trained(resource: number): string;
  /** "after 2 epochs", "on 33.3 % of the training rows": after a score. */
  after(resource: number): string;
  /** An axis tick: "2", "33.3 %". */
  tick(resource: number): string;
  /** A short axis name: "epochs", "rows %". */
  readonly short: string;
  /** The title of an axis of rungs. */
  readonly rungAxis: string;
}

export const EPOCH_UNIT: BudgetUnit = {
  rows: false,
  preposition: 'for',
  words: (r) => plural(r, 'epoch'),
  trained: (r) => `for ${plural(r, 'epoch')}`,
  after: (r) => `after ${plural(r, 'epoch')}`,
  tick: (r) => String(r),
  short: 'epochs',
  rungAxis: 'Epoch budget of the rung',
};

export function budgetUnit(
  settings: Pick<StudySettings, 'budget' | 'tuner'>,
  multiFidelity = isMultiFidelity(settings.tuner),
): BudgetUnit {
  if (!multiFidelity || settings.budget !== 'data') return EPOCH_UNIT;
  const share = (r: number) => `${formatNumber((100 * r) / settings.tuner.maxEpochs, 3)} %`;
  const words = (r: number) => `${share(r)} of the training rows`;
  return {
    rows: true,
    preposition: 'on',
    words,
    trained: (r) => `on ${words(r)}`,
    after: (r) => `on ${words(r)}`,
    tick: share,
    short: 'rows %',
    rungAxis: 'Share of the training rows in the rung',
  };
}
