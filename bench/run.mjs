#!/usr/bin/env node
/**
 * npm run bench [-- --quick | --full] [--only=throughput,scaling,search,racefusion,native,large,wide,fused,threads,rates,demo,estimate,oracle,synthetic,real,soak,first,firstSettled,responsiveness] [--no-build]
 * npm run bench -- --report     re-prints (and rewrites latest.md from) latest.json, compared with the run before it
 * Builds the app and the benchmark pages, runs every figure in one headless Chromium, writes
 * bench/results/latest.json (+ a timestamped copy and latest.md) and prints the Markdown report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './runner/browser.mjs';
import { describeMachine } from './runner/machine.mjs';
import { MODES } from './runner/modes.mjs';
import { markdownReport, targets } from './runner/report.mjs';
import { defaultDemo } from './runner/default-demo.mjs';
import { estimateAccuracy } from './runner/estimate-accuracy.mjs';
import { firstResult, responsiveness } from './runner/responsiveness.mjs';
import { mainThreadBundle } from './runner/bundle.mjs';
import { nativeBaseline } from './runner/native.mjs';
import { serveStatic } from './runner/server.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repo = dirname(benchDir);
const resultsDir = join(benchDir, 'results');
const args = process.argv.slice(2);
const mode = args.includes('--quick') ? 'quick' : 'full';
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (name) => !only || only.has(name);
const plan = MODES[mode];
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function build() {
  const vite = join(repo, 'node_modules', '.bin', 'vite');
  log('building the app (vite build)…');
  execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  log('building the benchmark pages…');
  execFileSync(vite, ['build', '--config', 'bench/vite.bench.config.ts'], { cwd: repo, stdio: 'inherit' });
}

/** Runs one figure; a failure is recorded with its message rather than ending the run. */
async function figure(name, results, run) {
  if (!wanted(name)) return;
  const started = Date.now();
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = { error: error instanceof Error ? error.message : String(error) };
    log(`${name} FAILED: ${results[name].error}`);
  }
  log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function previousResults() {
  const path = join(resultsDir, 'latest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** The timestamped run saved just before `date`, if any. */
function runBefore(date) {
  const stamp = date.replace(/[:.]/g, '-');
  const earlier = readdirSync(resultsDir)
    .filter((f) => /^\d{4}-.*\.json$/.test(f) && f < `${stamp}.json`)
    .sort();
  return earlier.length
    ? JSON.parse(readFileSync(join(resultsDir, earlier[earlier.length - 1]), 'utf8'))
    : undefined;
}

function reprint() {
  const latest = previousResults();
  if (!latest) throw new Error('no bench/results/latest.json yet: run npm run bench first');
  latest.targets = targets(latest);
  const markdown = markdownReport(latest, runBefore(latest.machine.date));
  writeFileSync(join(resultsDir, 'latest.md'), markdown);
  console.log(markdown);
}

async function openBenchPage(browser, url) {
  const page = await browser.newPage();
  page.on('console', (m) => m.text().startsWith('[bench]') && log(m.text().slice(8)));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  await page.exposeFunction('benchHeap', async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Runtime.getHeapUsage');
  });
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
  return page;
}

async function main() {
  const started = Date.now();
  if (!args.includes('--no-build')) build();
  const server = await serveStatic(
    { '/bench/': join(benchDir, 'dist'), '/isolated/': join(benchDir, 'dist'), '/app/': join(repo, 'dist') },
    ['/isolated/'],
    Number(process.env.BENCH_PORT ?? 0),
  );
  const browser = await launch(join(repo, 'playwright.config.ts'));
  const results = {};
  try {
    // Pure-TypeScript figures: an isolated page, for a fine-grained clock.
    const timing = await openBenchPage(browser, `${server.url}/isolated/index.html`);
    const timed = (name, options) => timing.evaluate(([n, o]) => window.bench[n](o), [name, options]);
    await figure('oracle', results, () => timed('oracleOverhead', plan.oracle));
    await figure('synthetic', results, () => timed('syntheticQuality', plan.synthetic));
    // WASM threads need cross-origin isolation: the same cases in this isolated page and, below, a plain one.
    // tfjs' default thread count, then one thread per core.
    const isolatedThreads = [];
    if (wanted('threads'))
      for (const threads of [undefined, describeMachine('').nproc])
        isolatedThreads.push(
          await timed('wasmThreads', { ...plan.threads, threads }).catch((e) => ({ error: String(e) })),
        );
    await timing.close();

    // Training figures: a page served like the app (not isolated), so tfjs picks the same WASM build.
    const page = await openBenchPage(browser, `${server.url}/bench/index.html`);
    const call = (name, options) => page.evaluate(([n, o]) => window.bench[n](o), [name, options]);
    await figure('throughput', results, () => call('throughput', plan.throughput));
    await figure('scaling', results, () => call('scaling', plan.scaling));
    await figure('search', results, () => call('searchThroughput', plan.search));
    await figure('racefusion', results, () => call('raceFusion', plan.raceFusion));
    await figure('native', results, () => nativeBaseline(call, plan.native, describeMachine('').nproc, log));
    await figure('large', results, () => call('wholeSearch', plan.large));
    await figure('wide', results, () => call('wideStep', plan.wide));
    await figure('fused', results, () => call('fused', plan.fused));
    await figure('threads', results, async () => ({
      isolated: isolatedThreads,
      plain: await call('wasmThreads', plan.threads),
    }));
    await figure('rates', results, () => call('rates', plan.rates));
    await figure('soak', results, () => call('soak', plan.soak));
    await figure('real', results, async () => {
      const out = [];
      for (const options of plan.real) out.push(await call('realQuality', options));
      return out;
    });
    await figure('bundle', results, async () => mainThreadBundle(join(repo, 'dist')));
    await figure('first', results, () => firstResult(browser, server.url, { hash: '' }, log));
    await figure('firstSettled', results, () =>
      firstResult(browser, server.url, { hash: '', settleMs: 10_000 }, log),
    );
    await figure('demo', results, () => defaultDemo(browser, server.url, plan.demo, log));
    await figure('estimate', results, () =>
      estimateAccuracy(browser, server.url, plan.estimate, (rows) => call('bankCsv', rows), log),
    );
    await figure('responsiveness', results, () =>
      responsiveness(browser, server.url, plan.responsiveness, log),
    );
    await page.close();
  } finally {
    const version = browser.version();
    await browser.close();
    await server.close();
    results.machine = describeMachine(`Chromium ${version}`);
  }
  results.mode = mode;
  results.only = only ? [...only] : undefined;
  results.settings = plan;
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  results.targets = targets(results);
  const previous = previousResults();
  const markdown = markdownReport(results, previous);
  mkdirSync(resultsDir, { recursive: true });
  const stamp = results.machine.date.replace(/[:.]/g, '-');
  console.log(`\n${markdown}`);
  if (only) {
    // A partial run is kept for reference but never replaces the latest complete run.
    writeFileSync(join(resultsDir, `partial-${stamp}.json`), JSON.stringify(results, null, 1));
    log(`wrote bench/results/partial-${stamp}.json in ${results.totalSeconds} s (latest.json unchanged)`);
    return;
  }
  writeFileSync(join(resultsDir, `${stamp}.json`), JSON.stringify(results, null, 1));
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(results, null, 1));
  writeFileSync(join(resultsDir, 'latest.md'), markdown);
  log(`wrote bench/results/latest.json, latest.md and ${stamp}.json in ${results.totalSeconds} s`);
}

(args.includes('--report') ? Promise.resolve().then(reprint) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
