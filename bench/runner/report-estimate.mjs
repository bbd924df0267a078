/** The time estimate's part of the report: its target line, its accuracy table and the rates figure. */
import { fmt, ok, table } from './report-format.mjs';
const seconds = (ms) => `${fmt(ms / 1000, 1)} s`;

export function estimateTarget(r) {
  const rows = ok(r.estimate) ? r.estimate.rows.filter((row) => !row.error) : [];
  const failed = ok(r.estimate) ? r.estimate.rows.filter((row) => row.error) : [];
  return {
    name: 'the estimate before Start is within ±30% of the actual time (built app)',
    result: !ok(r.estimate)
      ? 'NOT RUN'
      : failed.length === 0 && rows.every((row) => row.pass)
        ? 'PASS'
        : 'FAIL',
    measured: [
      ...rows.map((row) => `${row.name} ×${fmt(row.ratio)}`),
      ...failed.map((row) => `${row.name} failed`),
    ].join('; '),
  };
}

export function estimateSections(r) {
  const parts = [];
  if (r.rates) {
    parts.push('## 7. Rates of the time estimate (single trials timed in a trainer worker)');
    if (r.rates.error) parts.push(`_rates failed: ${r.rates.error}_`);
    else {
      const x = r.rates;
      parts.push(
        `${x.backend}: ${x.rows.length} timed trials; reference probe ${fmt(x.probeMs)} ms (fresh workers: auto ${x.freshProbesMs.auto.join(', ')}; ${x.backend} ${x.freshProbesMs.forced.join(', ')}); worker start ${x.workerStartMs} ms; first trial +${x.firstTrialExtraMs} ms; pool of ${x.scaling.workers.join(' / ')} workers ×${x.scaling.speedup.join(' / ×')}. \`node bench/runner/estimate-rates.mjs\` fits src/core/estimate/measured-rates.ts from it.`,
      );
    }
  }
  if (r.estimate) {
    parts.push('## 8. The time estimate before Start against the actual time (built app, ±30%)');
    if (r.estimate.error) parts.push(`_estimate failed: ${r.estimate.error}_`);
    else
      parts.push(
        table(
          ['case', 'estimate (range)', 'actual', 'estimate ÷ actual', 'result', 'fitted'],
          r.estimate.rows.map((row) =>
            row.error
              ? [row.name, '–', '–', '–', `**FAIL** (${row.error.slice(0, 80)})`, '']
              : [
                  row.name,
                  `${seconds(row.estimateMs)} (${seconds(row.lowMs)}–${seconds(row.highMs)})`,
                  seconds(row.actualMs),
                  `×${fmt(row.ratio)}`,
                  `**${row.pass ? 'PASS' : 'FAIL'}**${row.withinRange ? '' : ' (outside the range shown)'}`,
                  row.fit ?? '',
                ],
          ),
        ),
      );
  }
  return parts;
}
