/** Issue 17's figures in the report: targets and tables for the whole search, the 50,000-row sweep and the wide step. */
import { ok, table, target } from './report-format.mjs';
const fmt = (x, digits = 2) =>
  x === undefined || x === null || !Number.isFinite(x) ? '–' : Number(x).toFixed(digits);

export function speedTargets(r) {
  const out = [];
  const n = ok(r.native) ? r.native : undefined;
  const best = n && !n.skipped ? n.speedVsPytorch[n.fasterWorkers] : undefined;
  out.push(
    target(
      'default search at least as fast as native PyTorch (same configs and epochs)',
      best === undefined ? undefined : best >= 1,
      n
        ? n.skipped
          ? `skipped: ${n.skipped}`
          : `×${fmt(best)} with ${n.fasterWorkers} worker(s) (${fmt(n.medianSeconds.pytorch, 1)} s PyTorch, ${n.threads} threads, vs ${Object.entries(
              n.medianSeconds.browser,
            )
              .map(([w, s]) => `${fmt(s, 1)} s with ${w}`)
              .join(', ')}; median of ${n.reps.length})`
        : '',
    ),
  );
  out.push(
    target(
      'the default worker count is the faster one (2 on 2 cores)',
      n ? n.fasterWorkers === Math.max(...Object.keys(n.medianSeconds.browser).map(Number)) : undefined,
      n ? `faster: ${n.fasterWorkers} worker(s)` : '',
    ),
  );
  const large = ok(r.large) ? r.large : undefined;
  out.push(
    target(
      `whole default sweep of a ${large ? large.rows.toLocaleString('en') : '50,000'}-row bank-marketing file within 5 minutes`,
      large && large.rows >= 50_000 ? large.phases.searchMs <= 300_000 : undefined,
      large
        ? `${fmt(large.phases.searchMs / 60_000)} min (${large.trials} trials, ${large.trialEpochs} trial-epochs, ${large.workers} workers)`
        : '',
    ),
  );
  const wide = ok(r.wide) ? r.wide.rows.filter((x) => x.available && x.backend === 'wasm') : [];
  const scheduler = wide.filter((x) => x.path === 'scheduler');
  out.push(
    target(
      '≥ 30% of the batch-shaped matMul ceiling at 416 units, 2 and 5 layers, wasm',
      scheduler.length ? scheduler.every((x) => x.shareOfCeiling >= 0.3) : undefined,
      scheduler.map((x) => `${x.layers} layers ${fmt(100 * x.shareOfCeiling, 1)}%`).join(', '),
    ),
  );
  return out;
}

export function speedSections(r, errorLine) {
  const parts = [];
  if (r.native) {
    parts.push('## Whole default search: browser vs native PyTorch (same configs, same epochs)');
    parts.push(errorLine('native', r.native) ?? '');
    if (ok(r.native)) {
      const x = r.native;
      const workers = Object.keys(x.reps[0].browser);
      parts.push(
        `${x.dataset}, Hyperband R = ${x.maxEpochs}: ${x.trials} trained configs, ${x.trialEpochs} trial-epochs; ${x.backend} in the browser, ${x.skipped ? `PyTorch skipped (${x.skipped})` : `PyTorch ${x.torch} with ${x.threads} threads`}.`,
      );
      parts.push(
        table(
          ['rep', ...workers.map((w) => `browser, ${w} worker(s)`), 'PyTorch'],
          x.reps.map((rep) => [
            rep.rep,
            ...workers.map((w) => `${fmt(rep.browser[w].seconds, 1)} s`),
            rep.pytorch ? `${fmt(rep.pytorch.seconds, 1)} s` : '–',
          ]),
        ),
      );
      if (x.speedVsPytorch)
        parts.push(
          `Speed against PyTorch (its seconds ÷ the browser's, medians): ${Object.entries(x.speedVsPytorch)
            .map(([w, s]) => `×${fmt(s)} with ${w} worker(s)`)
            .join(', ')}.`,
        );
    }
  }
  if (r.large) {
    parts.push('## A generated bank-marketing file, the default preset');
    parts.push(errorLine('large', r.large) ?? '');
    if (ok(r.large)) {
      const x = r.large;
      const p = x.phases;
      parts.push(
        table(
          [
            'rows × features',
            'train / validation rows',
            'workers',
            'CSV → dataset',
            'workers up',
            'first result',
            'whole sweep',
            'inside trainer calls',
            'trainers’ own time',
          ],
          [
            [
              `${x.rows} × ${x.features}`,
              `${x.trainRows} / ${x.validationRows}`,
              x.workers,
              `${fmt(p.dataMs / 1000, 1)} s`,
              `${fmt(p.workersMs / 1000, 1)} s`,
              `${fmt(p.firstResultMs / 1000, 1)} s`,
              `**${fmt(p.searchMs / 60_000)} min**`,
              `${fmt(p.trainerCallsMs / 1000, 0)} s`,
              `${fmt(p.trainingMs / 1000, 0)} s`,
            ],
          ],
        ),
      );
    }
  }
  if (r.wide) {
    parts.push('## A wide model’s training step (batch 32) against the matMul ceiling');
    parts.push(errorLine('wide', r.wide) ?? '');
    if (ok(r.wide))
      parts.push(
        table(
          [
            'backend',
            'model',
            'path',
            'ms per step',
            'kernel ms per step',
            'GFLOP/s',
            'share of ceiling',
            'kernels (dispatches) per step',
            'read-backs per step',
          ],
          r.wide.rows.map((x) =>
            x.available
              ? [
                  x.backend,
                  `${x.layers} × ${x.width}`,
                  x.path === 'lean' ? 'lean loop (tfjs optimizer)' : 'scheduler (wasm: a group of one)',
                  fmt(x.wallMsPerStep, 2),
                  fmt(x.kernelMsPerStep, 2),
                  fmt(x.gflops),
                  `${fmt(100 * x.shareOfCeiling, 1)}% of ${fmt(x.ceilingGflops, 1)}`,
                  fmt(x.kernelsPerStep, 0),
                  fmt(x.readBacksPerStep, 2),
                ]
              : [x.backend, '–', `not available: ${x.reason}`, '', '', '', '', '', ''],
          ),
        ),
      );
  }
  return parts;
}
