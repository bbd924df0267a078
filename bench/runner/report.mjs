import { ok, table, target } from './report-format.mjs';
import { speedSections, speedTargets } from './report-speed.mjs';

/** PASS/FAIL lines for the issue's targets, the Markdown report, and the comparison with the previous run. */
import { demoSections, demoTarget } from './report-demo.mjs';
import { estimateSections, estimateTarget } from './report-estimate.mjs';
import {
  responsivenessKeyFigures,
  responsivenessSection,
  responsivenessTargets,
} from './report-responsiveness.mjs';

const fmt = (x, digits = 2) =>
  x === undefined || x === null || Number.isNaN(x)
    ? '–'
    : Number.isFinite(x)
      ? Number(x).toFixed(digits)
      : '∞';

export function targets(r) {
  const out = [];
  const wasm = ok(r.throughput)
    ? r.throughput.rows.filter((row) => row.backend === 'wasm' && row.available)
    : [];
  out.push(
    target(
      'lean loop + worker pool ≥ 2× naive model.fit trial-epochs/s on wasm',
      wasm.length ? wasm.every((row) => row.ratio >= 2) : undefined,
      wasm
        .map(
          (row) =>
            `${row.dataset} ×${fmt(row.ratio)} (${fmt(row.lean.trialEpochsPerS)} vs ${fmt(row.naive.trialEpochsPerS)})`,
        )
        .join('; '),
    ),
  );
  const fusedWasm = ok(r.fused)
    ? r.fused.rows.filter(
        (row) => row.available && row.backend === 'wasm' && row.width === '32' && row.k === 8,
      )
    : [];
  out.push(
    target(
      'fused ≥ 3× separate trial-epochs/s at K = 8, 32 units, wasm',
      fusedWasm.length ? fusedWasm.every((row) => row.ratio >= 3) : undefined,
      fusedWasm.map((row) => `×${fmt(row.ratio)} (${fmt(row.ratioMin)}–${fmt(row.ratioMax)})`).join('; '),
    ),
  );
  const chosen = ok(r.fused) ? r.fused.rows.filter((row) => row.available && row.plannerFuses) : [];
  out.push(
    target(
      'fused never slower where the planner chooses it',
      chosen.length ? chosen.every((row) => row.ratio >= 1) : undefined,
      chosen.length
        ? `${chosen.filter((row) => row.ratio >= 1).length}/${chosen.length} chosen cases at ≥ ×1 (lowest ×${fmt(Math.min(...chosen.map((row) => row.ratio)))})`
        : '',
    ),
  );
  const problems = [...(ok(r.synthetic) ? [r.synthetic] : []), ...(ok(r.real) ? r.real : [])];
  for (const p of problems) {
    const ratio = p.hyperbandEpochsToRandomFinal.median;
    out.push(
      target(
        `Hyperband reaches random's final best with ≤ 1/3 of its epochs (${p.problem})`,
        ratio <= 1 / 3,
        `median ${fmt(ratio, 3)} of random's epochs over ${p.seeds} seeds (per seed: ${p.hyperbandEpochsToRandomFinal.perSeed.map((x) => fmt(x, 2)).join(', ')})`,
      ),
    );
  }
  if (ok(r.synthetic)) {
    const mean = (name) => r.synthetic.perVariant.find((v) => v.variant === name)?.meanFinalBest;
    const random = mean('random');
    const modelled = ['bayesian', 'tpe'].map((name) => ({ name, best: mean(name) }));
    out.push(
      target(
        'Bayesian optimisation and TPE beat random search at the default budget (synthetic)',
        random !== undefined && modelled.every((m) => m.best !== undefined && m.best < random),
        `mean best val_loss: random ${fmt(random, 4)}, ${modelled.map((m) => `${m.name} ${fmt(m.best, 4)}`).join(', ')} (lower is better, ${r.synthetic.seeds} seeds)`,
      ),
    );
  }
  const search = ok(r.search) ? r.search.rows : [];
  for (const [pattern, goal, label] of [
    [/learning rate only/, 4, 'learning-rate-only search with 3 executions'],
    [/default search/, 2, 'default search'],
  ]) {
    const row = search.find((s) => pattern.test(s.search));
    out.push(
      target(
        `scheduler with fused training ≥ ${goal}× naive model.fit trial-epochs/s, ${label} (wasm)`,
        row ? row.ratio.median >= goal : undefined,
        row
          ? `×${fmt(row.ratio.median)} (${fmt(row.trialEpochsPerS.scheduler)} vs ${fmt(row.trialEpochsPerS.naive)}; spread ×${fmt(row.ratio.min)}–×${fmt(row.ratio.max)} over ${r.search.reps} runs, ${r.search.workers} workers)`
          : '',
      ),
    );
  }
  for (const [key, label] of [
    ['first', 'the default preset shows its first result within 10 s of Start'],
    ['firstSettled', '… and with Start pressed 10 s after load (trainers started before Start)'],
  ]) {
    const first = ok(r[key]) ? r[key] : undefined;
    out.push(target(label, first ? first.seconds < 10 : undefined, first ? `${fmt(first.seconds)} s` : ''));
  }
  const shares = (ok(r.real) ? r.real : []).flatMap((p) =>
    p.perVariant
      .filter((v) => v.oracleShare)
      .map((v) => ({ p: p.problem, v: v.variant, s: v.oracleShare.max })),
  );
  const worst = shares.reduce((a, b) => (!a || b.s > a.s ? b : a), undefined);
  out.push(
    target(
      'oracle < 2% of wall time (real searches)',
      worst ? worst.s < 0.02 : undefined,
      worst ? `worst ${fmt(100 * worst.s, 3)}% (${worst.v} on ${worst.p})` : '',
    ),
  );
  const bundle = ok(r.bundle) ? r.bundle : undefined;
  out.push(
    target(
      'main-thread JavaScript ≤ 250 KB gzipped, no tfjs on the main thread',
      bundle ? bundle.gzipKB <= 250 && !bundle.tfjsOnMainThread : undefined,
      bundle
        ? `${fmt(bundle.gzipKB, 1)} KB gzipped in ${bundle.files.length} file(s); tfjs on the main thread: ${bundle.tfjsOnMainThread ? 'yes' : 'no'}`
        : '',
    ),
  );
  out.push(...responsivenessTargets(r));
  const soak = ok(r.soak) ? r.soak : undefined;
  if (soak) {
    const all = soak.workerMemoryAll;
    const tensors = all.map((m) => m[1]);
    const bytes = all.map((m) => m[2]);
    const flat = Math.max(...tensors) === Math.min(...tensors) && Math.max(...bytes) === Math.min(...bytes);
    out.push(
      target(
        `tensors and bytes flat across ${soak.trials} trials (worker tf.memory())`,
        flat && soak.completed === soak.trials,
        `tensors ${Math.min(...tensors)}–${Math.max(...tensors)}, bytes ${Math.min(...bytes)}–${Math.max(...bytes)}; ${soak.completed}/${soak.trials} trials completed`,
      ),
    );
    const heap = soak.pageHeap;
    if (heap.length >= 2) {
      const from = heap.find((h) => h.trials >= 50) ?? heap[0];
      const to = heap[heap.length - 1];
      const growth = (to.usedBytes - from.usedBytes) / from.usedBytes;
      out.push(
        target(
          `page heap flat (≤ 10% growth from ${from.trials} to ${to.trials} trials)`,
          growth <= 0.1,
          `${fmt(from.usedBytes / 1e6)} MB → ${fmt(to.usedBytes / 1e6)} MB (${growth >= 0 ? '+' : ''}${fmt(100 * growth, 1)}%, ${fmt((to.usedBytes - from.usedBytes) / (to.trials - from.trials) / 1024)} KB per trial)`,
        ),
      );
    }
  } else out.push(target('tensors and bytes flat across trials', undefined, ''));
  return [...out, ...speedTargets(r), estimateTarget(r), demoTarget(r)];
}

function errorLine(name, figure) {
  return figure?.error ? `_${name} failed: ${figure.error}_` : undefined;
}

/** The headline numbers, keyed so two runs can be compared. */
function keyFigures(r) {
  const k = {};
  if (ok(r?.throughput))
    for (const row of r.throughput.rows.filter((x) => x.available)) {
      k[`${row.backend} ${row.dataset}: lean+pool trial-epochs/s`] = row.lean.trialEpochsPerS;
      k[`${row.backend} ${row.dataset}: naive trial-epochs/s`] = row.naive.trialEpochsPerS;
      k[`${row.backend} ${row.dataset}: ratio`] = row.ratio;
    }
  if (ok(r?.scaling))
    for (const row of r.scaling.rows)
      k[`scaling ${row.workers} workers: trial-epochs/s`] = row.trialEpochsPerS;
  if (ok(r?.fused))
    for (const row of r.fused.rows.filter((x) => x.available))
      k[`fused ${row.backend} width ${row.width} K=${row.k}: ratio`] = row.ratio;
  for (const p of [...(ok(r?.synthetic) ? [r.synthetic] : []), ...(ok(r?.real) ? r.real : [])])
    k[`${p.problem}: Hyperband epochs / random's`] = p.hyperbandEpochsToRandomFinal.median;
  Object.assign(k, responsivenessKeyFigures(r));
  if (ok(r?.native) && r.native.speedVsPytorch)
    for (const [w, s] of Object.entries(r.native.speedVsPytorch))
      k[`default search ×PyTorch, ${w} worker(s)`] = s;
  if (ok(r?.large)) k['bank-marketing sweep (min)'] = r.large.phases.searchMs / 60_000;
  if (ok(r?.wide))
    for (const x of r.wide.rows.filter((row) => row.available))
      k[`wide step ${x.backend} ${x.layers}×${x.width} ${x.path}: ms`] = x.wallMsPerStep;
  if (ok(r?.estimate))
    for (const row of r.estimate.rows.filter((x) => !x.error))
      k[`estimate ÷ actual, ${row.name}`] = row.ratio;
  return k;
}

function comparison(now, previous) {
  if (!previous) return '_No previous run to compare with._';
  const a = keyFigures(previous);
  const b = keyFigures(now);
  const keys = Object.keys(b).filter((key) => key in a);
  if (keys.length === 0) return '_The previous run shares no figures with this one._';
  const rows = keys.map((key) => {
    const change = a[key] ? ((b[key] - a[key]) / Math.abs(a[key])) * 100 : NaN;
    return [
      key,
      fmt(a[key], 3),
      fmt(b[key], 3),
      Number.isFinite(change) ? `${change >= 0 ? '+' : ''}${change.toFixed(1)}%` : '–',
    ];
  });
  return `Previous: ${previous.machine?.date ?? '?'} (${previous.mode}).\n\n${table(['figure', 'previous', 'now', 'change'], rows)}`;
}

export function markdownReport(r, previous) {
  const m = r.machine;
  const parts = [
    `# Benchmark results (${r.mode}${r.only ? `, only ${r.only.join(', ')}` : ''})`,
    `${m.date} · ${m.nproc} cores (${m.cpu}) · ${m.memory} RAM · ${m.chromium} · Node ${m.node} · commit ${m.commit} · load average ${m.loadAverage.join(' ')} · ${r.totalSeconds} s`,
    '## Targets',
    table(
      ['target', 'result', 'measured'],
      r.targets.map((t) => [t.name, `**${t.result}**`, t.measured]),
    ),
  ];
  if (r.throughput) {
    parts.push('## 1. Training throughput (default search space, sampled configs, same data/batches/epochs)');
    parts.push(errorLine('throughput', r.throughput) ?? '');
    if (ok(r.throughput)) {
      const ceiling = (b) => r.throughput.ceilings.find((c) => c.backend === b);
      parts.push(
        table(
          [
            'backend',
            'dataset',
            'trials × epochs',
            'naive model.fit (1 worker)',
            `lean loop + pool`,
            'ratio',
            'samples/s naive → lean',
            'GFLOP/s naive → lean',
            'matMul ceiling GFLOP/s (square / batch-shaped)',
          ],
          r.throughput.rows.map((row) =>
            row.available
              ? [
                  row.backend,
                  row.dataset,
                  `${row.configs} × ${row.epochs}`,
                  `${fmt(row.naive.trialEpochsPerS)} trial-epochs/s`,
                  `${fmt(row.lean.trialEpochsPerS)} trial-epochs/s (${row.poolSize} workers)`,
                  `**×${fmt(row.ratio)}**`,
                  `${fmt(row.naive.samplesPerS, 0)} → ${fmt(row.lean.samplesPerS, 0)}`,
                  `${fmt(row.naive.gflops)} → ${fmt(row.lean.gflops)}`,
                  ceiling(row.backend)
                    ? `${fmt(ceiling(row.backend).square.gflops)} / ${fmt(ceiling(row.backend).batch.gflops)}`
                    : '–',
                ]
              : [row.backend, row.dataset, '–', `not available: ${row.reason}`, '', '', '', '', ''],
          ),
        ),
      );
      parts.push(
        'GFLOP/s counts 6 × Dense parameters × training samples per epoch (forward + backward); validation passes are not counted. The square ceiling is an n×n·n×n matMul, the batch-shaped one 32×k·k×k with k the widest layer, timed in the same worker.',
      );
    }
  }
  if (r.scaling) {
    parts.push('## 2. Scaling with trainer workers');
    parts.push(errorLine('scaling', r.scaling) ?? '');
    if (ok(r.scaling)) {
      parts.push(
        `${r.scaling.backend}, ${r.scaling.dataset}, ${r.scaling.configs} trials × ${r.scaling.epochs} epochs, lean loop.`,
      );
      parts.push(
        table(
          ['workers', 'trial-epochs/s', 'samples/s', 'speed-up'],
          r.scaling.rows.map((x) => [
            x.workers,
            fmt(x.trialEpochsPerS),
            fmt(x.samplesPerS, 0),
            `×${fmt(x.speedup)}`,
          ]),
        ),
      );
    }
  }
  if (r.fused) {
    parts.push('## 2b. Fused vs separate (K trials as one fused group vs one after another, same worker)');
    parts.push(errorLine('fused', r.fused) ?? '');
    if (ok(r.fused)) {
      parts.push(
        `${r.fused.dataset}, ${r.fused.layers} hidden layers (relu), Adam, batch 32, ${r.fused.epochs} epoch(s) per trial (${r.fused.stepsPerEpoch} steps per epoch); each member its own learning rate and decay. "mixed": each layer's width drawn from 32/160/288/416, padded to the widest in the group. Ratio: median of the per-repeat ratios (range in brackets). "planner": what planGroups, with the cost model committed at the time of the run, does with these requests.`,
      );
      parts.push(
        table(
          [
            'backend',
            'width',
            'K',
            'separate trial-epochs/s',
            'fused trial-epochs/s',
            'ratio (range)',
            'planner',
          ],
          r.fused.rows.map((row) =>
            row.available
              ? [
                  row.backend,
                  row.width,
                  row.k,
                  fmt(row.separate.trialEpochsPerS),
                  fmt(row.fused.trialEpochsPerS),
                  `**×${fmt(row.ratio)}** (${fmt(row.ratioMin)}–${fmt(row.ratioMax)}, ${row.reps} reps)`,
                  row.planned ?? '–',
                ]
              : [row.backend, '–', '–', `not available: ${row.reason}`, '', '', ''],
          ),
        ),
      );
      for (const p of r.fused.profiles ?? []) {
        const line = (x) =>
          `${fmt(x.kernelsPerStep, 1)} kernels${x.kernelMsPerStep === undefined ? '' : `, ${fmt(x.kernelMsPerStep, 3)} ms of kernel time`} per step (wall ${fmt(x.wallMs, 0)} ms); top: ${x.kernels
            .slice(0, 8)
            .map(
              (k) =>
                `${k.name} ${fmt(k.perStep, 1)}×${k.msPerStep === undefined ? '' : ` ${fmt(k.msPerStep, 3)} ms`}`,
            )
            .join(', ')}`;
        parts.push(
          `Profile ${p.backend}, K = ${p.k}, width ${p.width}, one epoch (tf.profile, per step of all K models):\n- separate: ${line(p.separate)}\n- fused: ${line(p.fused)}`,
        );
      }
    }
  }
  if (r.racefusion) {
    parts.push("## 2d. A race repeated over seeds: fused groups across the seeds' lanes vs within each lane");
    parts.push(errorLine('racefusion', r.racefusion) ?? '');
    if (ok(r.racefusion)) {
      const f = r.racefusion;
      parts.push(
        `${f.dataset}, ${f.backend}, ${f.workers} workers, ${f.algorithms.join(' vs ')} over ${f.seeds} seeds at R = ${f.maxEpochs}; the two ways alternate, ${f.reps} runs each. Speed-up: median of the per-run ratios of wall time (within ÷ across).`,
      );
      parts.push(
        table(
          ['race', 'lanes', 'within lanes', 'across lanes', 'speed-up (range)', 'largest score difference'],
          f.rows.map((row) => [
            row.race,
            row.lanes,
            `${fmt(row.within.seconds)} s, ${fmt(row.within.groups, 1)} groups (largest ${row.within.largestGroup})`,
            `${fmt(row.across.seconds)} s, ${fmt(row.across.groups, 1)} groups (largest ${row.across.largestGroup})`,
            `**×${fmt(row.speedup.median)}** (${fmt(row.speedup.min)}–${fmt(row.speedup.max)})`,
            fmt(row.largestScoreDifference, 4),
          ]),
        ),
      );
    }
  }
  if (r.threads) {
    parts.push('## 2c. WASM threads (cross-origin-isolated page vs plain page, one benchmark worker)');
    parts.push(errorLine('threads', r.threads) ?? '');
    if (ok(r.threads) && r.threads.plain) {
      const runs = [r.threads.plain, ...r.threads.isolated.filter(ok)];
      const label = (x) => `${x.crossOriginIsolated ? 'isolated' : 'plain'}, ${x.threads ?? '?'} thread(s)`;
      parts.push(
        table(
          [
            'width',
            'K',
            ...runs.map((x) => `separate (${label(x)})`),
            ...runs.map((x) => `fused (${label(x)})`),
          ],
          r.threads.plain.rows.map((row, i) => [
            row.width,
            row.k,
            ...runs.map((x) => fmt(x.rows[i].separate.trialEpochsPerS)),
            ...runs.map((x) => fmt(x.rows[i].fused.trialEpochsPerS)),
          ]),
        ),
      );
      for (const x of r.threads.isolated.filter((y) => !ok(y)))
        parts.push(`_isolated run failed: ${x.error}_`);
    }
  }
  if (r.oracle) {
    parts.push(
      '## 3. Oracle overhead (ask / tell, ms, median of the 10 trials around each count; course search space)',
    );
    parts.push(errorLine('oracle', r.oracle) ?? '');
    if (ok(r.oracle)) {
      const counts = r.oracle[0].at.map((a) => a.finished);
      parts.push(
        table(
          ['oracle', ...counts.map((c) => `at ${c} trials`)],
          r.oracle.map((o) => [
            o.variant,
            ...o.at.map((a) =>
              a.reached ? `${fmt(a.askMs, 3)} / ${fmt(a.tellMs, 3)}` : `– (ended at ${o.trials})`,
            ),
          ]),
        ),
      );
    }
  }
  const problems = [...(r.synthetic ? [r.synthetic] : []), ...(Array.isArray(r.real) ? r.real : [])];
  if (problems.length || r.real?.error) {
    parts.push('## 6. Search quality at an equal epoch budget (val_loss, lower is better)');
    parts.push(
      errorLine('synthetic quality', r.synthetic) ?? '',
      errorLine('real-data quality', r.real) ?? '',
    );
    for (const p of problems.filter(ok)) {
      parts.push(
        `### ${p.problem}: R = ${p.maxEpochs}, factor 3, budget ${p.budget} epochs, ${p.seeds} seeds${p.workers ? `, ${p.workers} ${p.backend} workers` : ''}`,
      );
      parts.push(
        table(
          [
            'algorithm',
            'mean best',
            'median best',
            'epochs used',
            'epochs to within 1% of the best of all (median; seeds reaching)',
            'oracle share of wall time (mean / max)',
          ],
          p.perVariant.map((v) => [
            v.variant,
            fmt(v.meanFinalBest, 4),
            fmt(v.medianFinalBest, 4),
            fmt(v.meanEpochsUsed, 0),
            `${fmt(v.epochsToWithin1pct.median, 0)} (${v.epochsToWithin1pct.reached}/${v.epochsToWithin1pct.of})`,
            v.oracleShare
              ? `${fmt(100 * v.oracleShare.mean, 3)}% / ${fmt(100 * v.oracleShare.max, 3)}%`
              : '–',
          ]),
        ),
      );
      const points = (v) => v.meanCurve.filter((c, i, all) => i === 0 || c.epochs !== all[i - 1].epochs);
      parts.push('Anytime curve (mean best so far over seeds, at epochs consumed):');
      parts.push(
        table(
          ['algorithm', ...points(p.perVariant[0]).map((c) => String(c.epochs))],
          p.perVariant.map((v) => [v.variant, ...points(v).map((c) => fmt(c.best, 3))]),
        ),
      );
    }
  }
  if (r.soak) {
    parts.push('## 5. Memory (random search of tiny models, 1 epoch each, real Scheduler, one worker)');
    parts.push(errorLine('soak', r.soak) ?? '');
    if (ok(r.soak)) {
      parts.push(`${r.soak.completed}/${r.soak.trials} trials completed in ${fmt(r.soak.seconds, 1)} s.`);
      parts.push(
        table(
          ['after trials', 'worker tensors', 'worker bytes', 'page heap (after GC)'],
          r.soak.workerMemory.map((w) => {
            const heap = r.soak.pageHeap.find((h) => h.trials === w.trials);
            return [w.trials, w.numTensors, w.numBytes, heap ? `${fmt(heap.usedBytes / 1e6)} MB` : '–'];
          }),
        ),
      );
    }
  }
  parts.push(...responsivenessSection(r, errorLine));
  parts.push(...speedSections(r, errorLine));
  parts.push(...estimateSections(r));
  parts.push(...demoSections(r));
  parts.push('## Compared with the previous run', comparison(r, previous));
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}
