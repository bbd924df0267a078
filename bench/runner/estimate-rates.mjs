#!/usr/bin/env node
/**
 * node bench/runner/estimate-rates.mjs [--dry] <results.json> [more results.json…]
 * Turns the "rates" figure of bench runs into the time estimate's rate table,
 * src/core/estimate/measured-rates.ts: per backend, the coefficients of the execution-time model
 * (src/core/estimate/execution-time.ts) fitted to every timed trial by non-negative least squares on
 * relative error, the reference probe, worker start-up, a trial's overhead in the scheduler and the
 * pool's speed-up by worker count.
 * --dry prints the fit and its residuals without writing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const args = process.argv.slice(2);
const dry = args.includes('--dry');
const sources = args.filter((a) => !a.startsWith('--'));
if (sources.length === 0)
  throw new Error('usage: node bench/runner/estimate-rates.mjs [--dry] <bench results json>…');
const runs = sources.map((source) => {
  const results = JSON.parse(readFileSync(source, 'utf8'));
  if (!results.rates?.rows) throw new Error(`${source} has no rates figure`);
  return { source, results };
});

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/** The model's terms, in the order of BackendRates' coefficients (see execution-time.ts). */
const TERMS = [
  'execution',
  'perValue',
  'epoch',
  'epochPerRow',
  'stepPerLayer',
  'stepPerWeight',
  'perTrainMac',
  'perValidationMac',
];

function terms(row) {
  const n = row.train;
  const v = row.validation;
  const widths = [row.features, ...Array.from({ length: row.layers }, () => row.units), row.outputs];
  let macs = 0;
  let weights = 0;
  for (let i = 1; i < widths.length; i++) {
    macs += widths[i - 1] * widths[i];
    weights += (widths[i - 1] + 1) * widths[i];
  }
  const steps = Math.ceil(n / row.batch);
  const e = row.epochs;
  return [
    1,
    (n + v) * row.features,
    e,
    e * (n + v),
    e * steps * (row.layers + 1),
    e * steps * weights,
    e * n * macs,
    e * v * macs,
  ];
}

/** Least squares by the normal equations (Gaussian elimination with partial pivoting). */
function leastSquares(a, b) {
  const k = a[0].length;
  const m = Array.from({ length: k }, (_, i) => [
    ...Array.from({ length: k }, (_, j) => a.reduce((s, row) => s + row[i] * row[j], 0)),
    a.reduce((s, row, r) => s + row[i] * b[r], 0),
  ]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    if (Math.abs(m[c][c]) < 1e-300) throw new Error('the rate cases do not determine every term');
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= k; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => row[k] / row[i]);
}

/** Lawson–Hanson's idea in its simplest form: drop the most negative term and refit until none is. */
function nonNegative(a, b) {
  const active = a[0].map(() => true);
  for (;;) {
    const columns = active.flatMap((on, i) => (on ? [i] : []));
    const fit = leastSquares(
      a.map((row) => columns.map((i) => row[i])),
      b,
    );
    const coefficients = a[0].map(() => 0);
    columns.forEach((i, j) => (coefficients[i] = fit[j]));
    const worst = columns.reduce(
      (w, i) => (coefficients[i] < 0 && (w < 0 || coefficients[i] < coefficients[w]) ? i : w),
      -1,
    );
    if (worst < 0) return coefficients;
    active[worst] = false;
  }
}

const significant = (x) => Number(x.toPrecision(4));

const backends = {};
for (const backend of [...new Set(runs.map(({ results }) => results.rates.backend))]) {
  const mine = runs
    .filter(({ results }) => results.rates.backend === backend)
    .map(({ results }) => results.rates);
  // The probe as the app times it (fresh workers), from the runs that measured it so; each of those
  // runs' times is put on that probe's scale, as the app scales the rates by its own probe.
  const probed = mine.filter((r) => r.freshProbesMs);
  const probeMs = median((probed.length ? probed : mine).map((r) => r.probeMs));
  const scaled = mine.flatMap((r) =>
    r.rows.map((row) => ({ ...row, ms: r.freshProbesMs ? (row.ms * probeMs) / r.probeMs : row.ms })),
  );
  // One row per case: the median over repeats and runs, so a pause of the shared machine does not pull the fit.
  const cases = new Map();
  for (const row of scaled) {
    const key = JSON.stringify({ ...row, ms: undefined });
    cases.set(key, [...(cases.get(key) ?? []), row]);
  }
  const rows = [...cases.values()].map((same) => ({ ...same[0], ms: median(same.map((r) => r.ms)) }));
  // Relative error: each row divided by its own time, so a 60 ms trial counts as much as a 12 s one.
  const a = rows.map((row) => terms(row).map((t) => t / row.ms));
  const coefficients = nonNegative(
    a,
    rows.map(() => 1),
  );
  const predicted = rows.map((row) => terms(row).reduce((s, t, i) => s + t * coefficients[i], 0));
  const ratios = rows.map((row, i) => predicted[i] / row.ms);
  const logErrors = ratios.map((x) => Math.abs(Math.log(x))).sort((x, y) => x - y);
  if (dry) {
    console.log(`${backend}: ${TERMS.map((t, i) => `${t} ${coefficients[i].toPrecision(3)}`).join(', ')}`);
    rows.forEach((row, i) =>
      console.log(
        `  ${row.train}+${row.validation}×${row.features} ${row.layers}×${row.units} b${row.batch} ${row.epochs} ep: ${row.ms} ms, predicted ${predicted[i].toFixed(0)} (×${ratios[i].toFixed(2)})`,
      ),
    );
  }
  // A trial's cost beyond its training through the scheduler: small trials' time less what the fit predicts.
  const overheads = mine
    .filter((r) => r.overhead)
    .map(({ overhead: o }) => {
      const row = { ...o.shape, ...o.network, outputs: 1, epochs: o.epochs };
      const training = terms(row).reduce((sum, t, i) => sum + t * coefficients[i], 0);
      return o.ms / o.trials - training;
    });
  const scaling = mine.map((r) => r.scaling);
  const workers = scaling[0].workers;
  backends[backend] = {
    ...Object.fromEntries(TERMS.map((t, i) => [t, significant(coefficients[i])])),
    probeMs: significant(probeMs),
    workerStartMs: Math.round(median(mine.map((r) => r.workerStartMs))),
    firstTrialExtraMs: Math.round(Math.max(0, median(mine.map((r) => r.firstTrialExtraMs)))),
    trialOverheadMs: overheads.length ? Math.round(Math.max(0, median(overheads))) : 0,
    workers,
    workerSpeedup: workers.map((_, i) => significant(median(scaling.map((s) => s.speedup[i])))),
    /** 90% of the timed trials were within this factor of the fit. */
    fitError: significant(Math.exp(logErrors[Math.floor(0.9 * (logErrors.length - 1))])),
  };
}

const machines = runs.map(({ results }) => results.machine);
const m = machines[machines.length - 1];
const table = {
  measured: {
    date: machines.map((x) => x.date).join(', '),
    machine: `${m.nproc} cores (${m.cpu}), ${m.memory} RAM, load average ${machines.map((x) => x.loadAverage[0]).join(' / ')} at the runs' ends`,
    cores: m.nproc,
    browser: m.chromium,
    source: `npm run bench, rates figure (${runs.map(({ results }) => `${results.mode}, commit ${results.machine.commit}`).join('; ')}): ${runs.map(({ source }) => relative(repo, source)).join(', ')}`,
  },
  backends,
};
if (dry) {
  console.log(JSON.stringify(table, null, 1));
  process.exit(0);
}
const target = join(repo, 'src/core/estimate/measured-rates.ts');
writeFileSync(
  target,
  `/**
 * The rates the time estimate uses: the execution-time model's coefficients fitted to trials timed by
 * the bench's "rates" figure on the machine below (generated by bench/runner/estimate-rates.mjs; rerun
 * it on new measurements rather than editing by hand).
 */
import type { RateTable } from './execution-time';

export const MEASURED_RATES: RateTable = ${JSON.stringify(table, null, 2)};
`,
);
execFileSync(join(repo, 'node_modules/.bin/prettier'), ['--write', target], { stdio: 'ignore' });
console.log(`wrote ${relative(repo, target)} (${Object.keys(backends).join(', ')})`);
