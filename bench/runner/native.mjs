/**
 * The whole-search figure (issue 17): the default search in the browser with 1 and 2 workers, and the
 * same configs for the same epochs through the exported Optuna bundle's PyTorch trainer under
 * /usr/bin/python3 with torch threads = cores, interleaved rep by rep so the ratios share the load.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const DRIVER = join(dirname(fileURLToPath(import.meta.url)), 'pytorch_baseline.py');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Why PyTorch cannot run here, or undefined when it can. */
function torchMissing() {
  try {
    execFileSync(PYTHON, ['-c', 'import torch, optuna'], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `${PYTHON} cannot import torch and optuna (${String(error.stderr ?? error.message)
      .trim()
      .split('\n')
      .pop()})`;
  }
}

function runPytorch(folder, configs, threads) {
  const configsPath = join(folder, 'configs.json');
  writeFileSync(configsPath, JSON.stringify(configs));
  const out = execFileSync(PYTHON, [DRIVER, folder, configsPath, String(threads)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

/** `call(name, options)` runs a bench page function. */
export async function nativeBaseline(call, options, cores, log) {
  const missing = torchMissing();
  if (missing) log(`native baseline: skipped, ${missing}`);
  const reps = [];
  let folder;
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      const row = { rep: rep + 1, browser: {} };
      for (const workers of options.workers) {
        const run = await call('wholeSearch', {
          dataset: options.dataset,
          backend: options.backend,
          workers,
          maxEpochs: options.maxEpochs,
          bundle: !missing && folder === undefined,
        });
        row.browser[workers] = {
          seconds: run.phases.searchMs / 1000,
          trialEpochs: run.trialEpochs,
          phases: run.phases,
        };
        row.configs ??= run.configs;
        if (run.bundle) {
          folder = mkdtempSync(join(tmpdir(), 'bench-optuna-'));
          for (const [file, text] of Object.entries(run.bundle.files))
            writeFileSync(join(folder, file), text);
        }
      }
      if (!missing) {
        row.pytorch = runPytorch(folder, row.configs, cores);
        log(
          `native baseline rep ${rep + 1}: PyTorch ${row.pytorch.seconds.toFixed(1)} s (${row.pytorch.threads} threads) vs browser ${options.workers.map((w) => `${w} worker(s) ${row.browser[w].seconds.toFixed(1)} s`).join(', ')}`,
        );
      }
      reps.push(row);
    }
  } finally {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
  const browser = Object.fromEntries(
    options.workers.map((w) => [w, median(reps.map((r) => r.browser[w].seconds))]),
  );
  const pytorch = missing ? undefined : median(reps.map((r) => r.pytorch.seconds));
  return {
    dataset: options.dataset,
    backend: options.backend,
    maxEpochs: options.maxEpochs,
    trials: reps[0].configs.length,
    trialEpochs: reps[0].configs.reduce((n, c) => n + c.epochs, 0),
    skipped: missing,
    torch: missing ? undefined : reps[0].pytorch.torch,
    threads: missing ? undefined : reps[0].pytorch.threads,
    medianSeconds: { browser, pytorch },
    /** PyTorch seconds ÷ browser seconds, per worker count (≥ 1: the browser is at least as fast). */
    speedVsPytorch: missing
      ? undefined
      : Object.fromEntries(options.workers.map((w) => [w, pytorch / browser[w]])),
    fasterWorkers: options.workers.reduce((best, w) => (browser[w] < browser[best] ? w : best)),
    reps: reps.map(({ configs: _configs, ...rest }) => rest),
  };
}
