/** Evaluation metrics in plain TypeScript (exact, no thresholds). */

/**
 * ROC AUC by ranks (Mann–Whitney U): the probability that a random positive scores above a random
 * negative, ties counting one half. NaN when one class is absent.
 */
export function aucByRank(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new Error('aucByRank: scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] > 0.5) {
        positives++;
        positiveRankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of rows where the sigmoid output, thresholded at 0.5, equals the 0/1 label. */
export function binaryAccuracy(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if ((probabilities[i] > 0.5 ? 1 : 0) === labels[i]) correct++;
  return labels.length ? correct / labels.length : NaN;
}

/** Share of rows whose arg-max over `classes` outputs (row-major) equals the class index label. */
export function categoricalAccuracy(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    if (best === labels[i]) correct++;
  }
  return labels.length ? correct / labels.length : NaN;
}

export function meanAbsoluteError(predictions: ArrayLike<number>, targets: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += Math.abs(predictions[i] - targets[i]);
  return targets.length ? sum / targets.length : NaN;
}

/** The task's metrics besides the loss, keyed as Keras names them (`prefix` is '' or 'val_'). */
export function taskMetrics(
  task: 'binary' | 'multiclass' | 'regression',
  prefix: '' | 'val_',
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): Record<string, number> {
  if (task === 'binary') {
    return {
      [`${prefix}accuracy`]: binaryAccuracy(predictions, labels),
      [`${prefix}auc`]: aucByRank(predictions, labels),
    };
  }
  if (task === 'multiclass')
    return { [`${prefix}accuracy`]: categoricalAccuracy(predictions, labels, classes) };
  return { [`${prefix}mae`]: meanAbsoluteError(predictions, labels) };
}
