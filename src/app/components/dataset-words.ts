/** Plain-words descriptions of a loaded dataset: its task, output layer and loss, and its splits. */
import { outputFor, type Splits, type TargetChoiceInfo, type Task } from '../../data';
import { lossWords, TASK_WORDS } from '../../report/explain/model-words';
import { plural } from './format';

/** "Binary classification → sigmoid output, binary cross-entropy". */
export function describeTask(task: Task, classes: number): string {
  const out = outputFor(task, classes);
  const units = out.units > 1 ? ` (${out.units} units)` : '';
  const count = task === 'multiclass' ? ` (${classes} classes)` : '';
  return `${TASK_WORDS[task]}${count} → ${out.activation} output${units}, ${lossWords(out.loss)}`;
}

/** The output layer training builds for the task: Keras names, and the same in words. */
export function describeOutput(
  task: Task,
  classes: number,
): { activation: string; loss: string; units: string; words: string } {
  const out = outputFor(task, classes);
  return {
    activation: out.activation,
    loss: out.loss,
    units: plural(out.units, 'unit'),
    words: TASK_WORDS[task],
  };
}

export interface SplitPart {
  label: string;
  rows: number;
}

/** Train / validation / test rows, or the k folds over train ∪ validation and the test rows. */
export function splitParts(splits: Splits): SplitPart[] {
  if (splits.folds && splits.folds.length >= 2) {
    return [
      ...splits.folds.map((fold, i) => ({ label: `Fold ${i + 1}`, rows: fold.length })),
      { label: 'Test', rows: splits.test.length },
    ];
  }
  return [
    { label: 'Train', rows: splits.train.length },
    { label: 'Validation', rows: splits.validation.length },
    { label: 'Test', rows: splits.test.length },
  ];
}

/** How equal scores are ordered: `bestTrial` keeps the first, and the leaderboard ranks by trial number. */
export const TIE_RULE =
  'When two trials score the same, the lower trial number ranks first and stays the best, however many workers ran them.';

/** Below this many validation rows, one row moves accuracy by more than a point: suggest k-fold. */
export const SMALL_VALIDATION = 100;

/**
 * For one small validation split: what one row is worth, and the advice to cross-validate.
 * "With 31 validation rows, one row moves accuracy by 3.2 points: …".
 */
export function smallSplitAdvice(splits: Splits, task: Task): string | undefined {
  if (splits.folds && splits.folds.length >= 2) return undefined;
  const n = splits.validation.length;
  if (n === 0 || n >= SMALL_VALIDATION) return undefined;
  const points = String(Number((100 / n).toFixed(1)));
  const worth =
    task === 'regression'
      ? `one row is ${points}% of the validation score`
      : `one row moves accuracy by ${points} points`;
  return `With ${plural(n, 'validation row')}, ${worth}: trials closer than that are not really different. k-fold cross-validation scores each configuration on all the training rows.`;
}

/** The panel asks the user to check the target when only its position supports it, or others could be it. */
export function targetInDoubt(choice: TargetChoiceInfo): boolean {
  return choice.guess || choice.candidates.length > 0;
}

/** Other columns named like a target, less those already offered as candidates. */
export function alsoNamedLikeTarget(choice: TargetChoiceInfo): string[] {
  return choice.alternatives.filter((name) => !choice.candidates.some((c) => c.name === name));
}
