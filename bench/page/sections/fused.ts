/**
 * Fused vs separate: K trials trained as one fused group (trainGroup) against the same K trials one
 * after another (trainTrialOrFail, as the scheduler trains what it does not fuse) in the same benchmark worker, alternately, per backend, K and width.
 * Uniform widths (a learning-rate-only search) and mixed widths padded to the widest (a sampled search).
 */
import { Rng } from '../../../src/core/rng';
import type { Config } from '../../../src/core/space/types';
import type { BackendName } from '../../../src/train';
import { MEASURED_COSTS } from '../../../src/core/fusion/measured-costs';
import { planGroups, type PlannedGroup } from '../../../src/core/fusion/plan-groups';
import type { TrainRequest } from '../../../src/train/types';
import type { KernelProfile } from '../support/bench-types';
import { spawnBenchWorker, type BenchWorker } from '../support/bench-worker';
import { loadDataset, trainRowCount } from '../support/datasets';
import { median, round } from '../support/stats';

export interface FusedBackendPlan {
  backend: BackendName;
  ks: number[];
  widths: number[];
  /** K values measured with mixed widths (each layer drawn from 32/160/288/416), padded in the group. */
  mixedKs: number[];
  reps: number;
  /** Profile one epoch of K members of this width per kernel (tf.profile), separate and fused. */
  profile?: { k: number; width: number };
}

export interface FusedOptions {
  dataset: string;
  layers: number;
  epochs: number;
  backends: FusedBackendPlan[];
}

const MIXED_WIDTHS = [32, 160, 288, 416];

/** Member i of a group: the fixed architecture of a learning-rate-only search, its own rate and decay. */
function memberConfig(units: number[], i: number): Config {
  return {
    layers: units.length,
    ...Object.fromEntries(units.map((u, l) => [`units_${l}`, u])),
    optimizer: 'adam',
    learning_rate: round(1e-4 * Math.pow(100, ((i * 7) % 16) / 15), 6),
    lr_decay_rate: i % 2 === 0 ? 1 : 0.95,
    lr_decay_steps: 100,
    batch_size: 32,
  };
}

function uniformRequests(k: number, width: number, layers: number, epochs: number): TrainRequest[] {
  return Array.from({ length: k }, (_, i) => ({
    config: memberConfig(new Array(layers).fill(width), i),
    seed: 1000 + i,
    epochs,
    initialEpoch: 0,
  }));
}

function mixedRequests(k: number, layers: number, epochs: number): TrainRequest[] {
  const rng = new Rng(7 + k);
  return Array.from({ length: k }, (_, i) => ({
    config: memberConfig(
      Array.from({ length: layers }, () => rng.pick(MIXED_WIDTHS)),
      i,
    ),
    seed: 2000 + i,
    epochs,
    initialEpoch: 0,
  }));
}

function describePlan(groups: PlannedGroup[]): string {
  const fused = groups.filter((g) => g.fused).map((g) => g.indices.length);
  const alone = groups.length - fused.length;
  return [fused.length ? `fused ${fused.join('+')}` : '', alone ? `separate ×${alone}` : '']
    .filter(Boolean)
    .join(', ');
}

interface Measured {
  ms: number[];
  trialEpochsPerS: number;
}

function measured(ms: number[], trialEpochs: number): Measured {
  return { ms: ms.map((m) => round(m, 0)), trialEpochsPerS: round(trialEpochs / (median(ms) / 1000)) };
}

/** Both modes once on a tenth of the rows, so shader compilation and first-use costs are not timed. */
async function warmUp(worker: BenchWorker, requests: TrainRequest[]): Promise<void> {
  const small = requests.map((r) => ({ ...r, epochs: 1, dataFraction: 0.1 }));
  await worker.api.separate(small.slice(0, 1));
  await worker.api.fused(small);
}

async function compare(worker: BenchWorker, requests: TrainRequest[], reps: number) {
  await warmUp(worker, requests);
  const separate: number[] = [];
  const fused: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which goes first, so a drift in machine load does not favour one side.
    if (rep % 2 === 0) {
      separate.push(await worker.api.separate(requests));
      fused.push(await worker.api.fused(requests));
    } else {
      fused.push(await worker.api.fused(requests));
      separate.push(await worker.api.separate(requests));
    }
  }
  const ratios = separate.map((s, i) => s / fused[i]);
  return { separate, fused, ratios };
}

export async function fusedVsSeparate(options: FusedOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const stepsPerEpoch = Math.ceil(trainRowCount(dataset) / 32);
  const rows = [];
  const profiles: {
    backend: BackendName;
    k: number;
    width: number;
    separate: KernelProfile;
    fused: KernelProfile;
  }[] = [];
  for (const plan of options.backends) {
    const worker = await spawnBenchWorker(dataset, plan.backend);
    try {
      if (worker.backend.backend !== plan.backend) {
        rows.push({ backend: plan.backend, available: false, reason: worker.backend.reason });
        log(`fused ${plan.backend}: not available (${worker.backend.reason})`);
        continue;
      }
      const cases = [
        ...plan.widths.flatMap((width) =>
          plan.ks.map((k) => ({
            width: String(width),
            k,
            requests: uniformRequests(k, width, options.layers, options.epochs),
          })),
        ),
        ...plan.mixedKs.map((k) => ({
          width: 'mixed',
          k,
          requests: mixedRequests(k, options.layers, options.epochs),
        })),
      ];
      for (const c of cases) {
        const { separate, fused, ratios } = await compare(worker, c.requests, plan.reps);
        const trialEpochs = c.k * options.epochs;
        // What the planner, with the committed cost model, would do with these requests.
        const planned = planGroups(c.requests, plan.backend, MEASURED_COSTS);
        const whole = planned.length === 1 && planned[0].indices.length === c.k;
        const row = {
          backend: plan.backend,
          available: true,
          width: c.width,
          units: c.requests.map((r) =>
            Object.keys(r.config)
              .filter((key) => key.startsWith('units_'))
              .map((key) => r.config[key]),
          ),
          k: c.k,
          epochs: options.epochs,
          reps: plan.reps,
          separate: measured(separate, trialEpochs),
          fused: measured(fused, trialEpochs),
          ratio: round(median(ratios), 2),
          ratioMin: round(Math.min(...ratios), 2),
          ratioMax: round(Math.max(...ratios), 2),
          planned: describePlan(planned),
          plannerFuses: whole ? planned[0].fused : planned.every((g) => !g.fused) ? false : undefined,
        };
        rows.push(row);
        log(
          `fused ${plan.backend} width ${c.width} K=${c.k}: separate ${row.separate.trialEpochsPerS} vs fused ${row.fused.trialEpochsPerS} trial-epochs/s (×${row.ratio}, ${row.ratioMin}–${row.ratioMax})`,
        );
      }
      if (plan.profile) {
        const { k, width } = plan.profile;
        const requests = uniformRequests(k, width, options.layers, 1);
        const separate = await worker.api.profile(requests, 'separate', stepsPerEpoch);
        const fused = await worker.api.profile(requests, 'fused', stepsPerEpoch);
        profiles.push({ backend: plan.backend, k, width, separate, fused });
        log(
          `profile ${plan.backend} K=${k} width ${width}: ${round(separate.kernelsPerStep, 1)} → ${round(fused.kernelsPerStep, 1)} kernels per step`,
        );
      }
    } finally {
      worker.terminate();
    }
  }
  return {
    dataset: options.dataset,
    layers: options.layers,
    epochs: options.epochs,
    stepsPerEpoch,
    rows,
    profiles,
  };
}

export interface ThreadsOptions {
  dataset: string;
  layers: number;
  epochs: number;
  reps: number;
  cases: { k: number; width: number }[];
  /** XNNPACK threads to ask for (tfjs' default on this build is half the logical cores, at most 4). */
  threads?: number;
}

/**
 * The same fused and separate cases on wasm, for running once in a cross-origin-isolated page (where
 * tfjs loads its threaded SIMD build) and once in a plain one; the runner puts the two side by side.
 */
export async function wasmThreads(options: ThreadsOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const worker = await spawnBenchWorker(dataset, 'wasm', options.threads);
  try {
    const threads = await worker.api.wasmThreads();
    const rows = [];
    for (const { k, width } of options.cases) {
      const requests = uniformRequests(k, width, options.layers, options.epochs);
      const { separate, fused } = await compare(worker, requests, options.reps);
      const row = {
        k,
        width,
        separate: measured(separate, k * options.epochs),
        fused: measured(fused, k * options.epochs),
      };
      rows.push(row);
      log(
        `wasm threads ${threads.threads ?? '?'} (isolated: ${threads.crossOriginIsolated}) width ${width} K=${k}: separate ${row.separate.trialEpochsPerS}, fused ${row.fused.trialEpochsPerS} trial-epochs/s`,
      );
    }
    return { ...threads, rows };
  } finally {
    worker.terminate();
  }
}
