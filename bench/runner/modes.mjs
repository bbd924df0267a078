/**
 * What each mode runs. Quick stays under five minutes on a shared 2-core machine; full aims at about
 * twenty (most of it the real-data searches).
 */
/** Searches watched for long tasks: the default preset as a class meets it, then as a speaker shows it. */
const DESKTOP = { width: 1440, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
/** A visitor who reads the page before pressing Start: the machine is measured and trainers wait ready. */
const SETTLE_MS = 10_000;
const RESPONSIVENESS = [
  { name: 'default view', hash: '', viewport: DESKTOP, seconds: 120 },
  {
    name: 'default view, Start 10 s after load',
    hash: '',
    viewport: DESKTOP,
    seconds: 120,
    settleMs: SETTLE_MS,
  },
  { name: 'presenter mode', hash: 'presenter=1', viewport: PROJECTOR, seconds: 120 },
  { name: 'race over 3 seeds', hash: 'race=random,hyperband&raceSeeds=3', viewport: DESKTOP, seconds: 60 },
  {
    name: '4 workers, random search',
    hash: 'dataset=banknote&tuner=random&backend=wasm&workers=4',
    viewport: DESKTOP,
    seconds: 60,
  },
];

export const MODES = {
  quick: {
    throughput: {
      poolSize: 2,
      ceilingSize: 512,
      backends: [
        { backend: 'wasm', datasets: ['banknote', 'breast-cancer'], configs: 4, epochs: 2, reps: 2 },
        // CPU and WebGPU (SwiftShader) take minutes for even two trials: they run in --full only.
        { backend: 'webgl', datasets: ['banknote'], configs: 2, epochs: 1, reps: 1 },
      ],
    },
    scaling: { backend: 'wasm', dataset: 'banknote', configs: 4, epochs: 1, workers: [1, 2, 4] },
    search: {
      dataset: 'banknote',
      backend: 'wasm',
      workers: 2,
      reps: 2,
      maxEpochs: 3,
      lrOnly: { trials: 8, epochs: 3, executions: 3 },
    },
    raceFusion: {
      dataset: 'banknote',
      backend: 'wasm',
      workers: 2,
      reps: 2,
      seeds: 3,
      algorithms: ['random', 'hyperband'],
      maxEpochs: 3,
      // The default space at R = 3 takes about a minute a run here: it runs in --full only.
      spaces: ['learning rate only'],
    },
    fused: {
      dataset: 'banknote',
      layers: 2,
      epochs: 1,
      backends: [
        {
          backend: 'wasm',
          ks: [1, 2, 4, 8, 16],
          widths: [32, 160, 416],
          mixedKs: [4, 8],
          reps: 3,
          profile: { k: 8, width: 32 },
        },
        { backend: 'webgl', ks: [1, 4, 8, 16], widths: [32, 160], mixedKs: [], reps: 2 },
        { backend: 'webgpu', ks: [1, 8], widths: [32], mixedKs: [], reps: 1, profile: { k: 8, width: 32 } },
      ],
    },
    threads: {
      dataset: 'banknote',
      layers: 2,
      epochs: 1,
      reps: 3,
      cases: [
        { k: 8, width: 32 },
        { k: 1, width: 160 },
        { k: 1, width: 416 },
      ],
    },
    // Hyperband R = 3 (9 configs) keeps quick quick; the default search (R = 10) runs in --full.
    native: { dataset: 'banknote', backend: 'wasm', workers: [1, 2], reps: 1, maxEpochs: 3 },
    large: { dataset: 'bank-marketing:5000', backend: 'wasm', workers: 2, maxEpochs: 3 },
    wide: {
      dataset: 'banknote',
      backends: [
        { backend: 'wasm', width: 416, layers: [2, 5], epochs: 1 },
        { backend: 'webgpu', width: 32, layers: [2, 5], epochs: 1 },
      ],
    },
    rates: {
      backend: 'wasm',
      shapes: [
        { train: 600, validation: 200, features: 4 },
        { train: 3000, validation: 800, features: 16 },
        { train: 6000, validation: 1500, features: 50 },
        // A data budget's early rungs: few training rows, every validation row.
        { train: 800, validation: 6000, features: 50 },
      ],
      networks: [
        { layers: 1, units: 32, batch: 32 },
        { layers: 2, units: 160, batch: 32 },
        { layers: 3, units: 416, batch: 32 },
        { layers: 6, units: 32, batch: 32 },
        { layers: 4, units: 288, batch: 128 },
        { layers: 2, units: 416, batch: 128 },
      ],
      epochs: [1, 3],
      reps: 1,
      scaling: {
        shape: { train: 3000, validation: 800, features: 16 },
        configs: 6,
        epochs: 1,
        workers: [1, 2, 4],
        reps: 2,
      },
      overhead: {
        shape: { train: 200, validation: 100, features: 8 },
        network: { layers: 1, units: 8, batch: 32 },
        trials: 60,
      },
    },
    oracle: { at: [50, 100, 200], maxEpochs: 27 },
    synthetic: { maxEpochs: 27, seeds: 30 },
    real: [
      { dataset: 'banknote', maxEpochs: 3, seeds: 2, workers: 2, backend: 'wasm' },
      { dataset: 'pima-diabetes', maxEpochs: 3, seeds: 2, workers: 2, backend: 'wasm' },
    ],
    soak: { trials: 200, heapAt: [1, 50, 200], backend: 'wasm', dataset: 'banknote' },
    estimate: [
      { name: 'banknote, default search', hash: 'dataset=banknote' },
      { name: 'moons, default search', hash: 'dataset=moons' },
      { name: 'generated 50,000 rows, fitted to 1 minute', hash: '', csvRows: 50_000, minutes: 1 },
    ],
    demo: { seeds: [42, 1, 2] },
    responsiveness: { scenarios: RESPONSIVENESS.slice(0, 3), reps: 1 },
  },
  full: {
    throughput: {
      poolSize: 2,
      ceilingSize: 1024,
      backends: [
        { backend: 'wasm', datasets: ['banknote', 'breast-cancer'], configs: 6, epochs: 2, reps: 3 },
        { backend: 'webgl', datasets: ['banknote', 'breast-cancer'], configs: 4, epochs: 1, reps: 1 },
        { backend: 'cpu', datasets: ['banknote', 'breast-cancer'], configs: 2, epochs: 1, reps: 1 },
        // SwiftShader WebGPU: ~10 s per trial-epoch here, plus seconds of kernel compilation.
        { backend: 'webgpu', datasets: ['banknote'], configs: 2, epochs: 1, reps: 1 },
      ],
    },
    scaling: { backend: 'wasm', dataset: 'banknote', configs: 8, epochs: 2, workers: [1, 2, 4] },
    search: {
      dataset: 'banknote',
      backend: 'wasm',
      workers: 2,
      reps: 3,
      maxEpochs: 10,
      lrOnly: { trials: 16, epochs: 5, executions: 3 },
    },
    raceFusion: {
      dataset: 'banknote',
      backend: 'wasm',
      workers: 2,
      reps: 4,
      seeds: 4,
      algorithms: ['random', 'hyperband'],
      maxEpochs: 3,
      spaces: ['default', 'learning rate only'],
    },
    fused: {
      dataset: 'banknote',
      layers: 2,
      epochs: 1,
      backends: [
        {
          backend: 'wasm',
          ks: [1, 2, 4, 8, 16],
          widths: [32, 64, 160, 416],
          mixedKs: [4, 8, 16],
          reps: 5,
          profile: { k: 8, width: 32 },
        },
        { backend: 'webgl', ks: [1, 2, 4, 8, 16], widths: [32, 160, 416], mixedKs: [8], reps: 3 },
        // SwiftShader WebGPU: seconds per trial-epoch; 416 units would take most of an hour.
        {
          backend: 'webgpu',
          ks: [1, 2, 4, 8, 16],
          widths: [32, 160],
          mixedKs: [],
          reps: 2,
          profile: { k: 8, width: 32 },
        },
        { backend: 'cpu', ks: [1, 4, 8], widths: [32, 160], mixedKs: [], reps: 2 },
      ],
    },
    threads: {
      dataset: 'banknote',
      layers: 2,
      epochs: 1,
      reps: 5,
      cases: [
        { k: 8, width: 32 },
        { k: 4, width: 160 },
        { k: 1, width: 160 },
        { k: 1, width: 416 },
      ],
    },
    native: { dataset: 'banknote', backend: 'wasm', workers: [1, 2], reps: 3, maxEpochs: 10 },
    large: { dataset: 'bank-marketing:50000', backend: 'wasm', workers: 2 },
    wide: {
      dataset: 'banknote',
      backends: [
        { backend: 'wasm', width: 416, layers: [2, 5], epochs: 2 },
        { backend: 'webgpu', width: 32, layers: [2, 5], epochs: 1 },
      ],
    },
    rates: {
      backend: 'wasm',
      shapes: [
        { train: 600, validation: 200, features: 4 },
        { train: 3000, validation: 800, features: 16 },
        { train: 6000, validation: 1500, features: 50 },
        // A data budget's early rungs: few training rows, every validation row.
        { train: 800, validation: 6000, features: 50 },
      ],
      networks: [
        { layers: 1, units: 32, batch: 32 },
        { layers: 2, units: 160, batch: 32 },
        { layers: 3, units: 416, batch: 32 },
        { layers: 6, units: 32, batch: 32 },
        { layers: 4, units: 288, batch: 128 },
        { layers: 2, units: 416, batch: 128 },
      ],
      epochs: [1, 3],
      reps: 2,
      scaling: {
        shape: { train: 3000, validation: 800, features: 16 },
        configs: 8,
        epochs: 2,
        workers: [1, 2, 4],
        reps: 3,
      },
      overhead: {
        shape: { train: 200, validation: 100, features: 8 },
        network: { layers: 1, units: 8, batch: 32 },
        trials: 100,
      },
    },
    oracle: { at: [50, 100, 200], maxEpochs: 27 },
    synthetic: { maxEpochs: 27, seeds: 100 },
    // banknote costs ~2× pima per epoch and is solved within a few epochs: the larger R goes to pima.
    real: [
      { dataset: 'banknote', maxEpochs: 3, seeds: 5, workers: 2, backend: 'wasm' },
      { dataset: 'pima-diabetes', maxEpochs: 9, seeds: 5, workers: 2, backend: 'wasm' },
    ],
    soak: { trials: 300, heapAt: [1, 50, 200, 300], backend: 'wasm', dataset: 'banknote' },
    // The shipped sets with the default search (one worker on 2 cores), then the generated file fitted
    // to 1 and 5 minutes (its default search is estimated at about an hour here).
    estimate: [
      ...[
        'banknote',
        'breast-cancer',
        'iris',
        'pima-diabetes',
        'circle',
        'xor',
        'gaussian',
        'spiral',
        'moons',
      ].map((id) => ({ name: `${id}, default search`, hash: `dataset=${id}` })),
      { name: 'generated 50,000 rows, fitted to 1 minute', hash: '', csvRows: 50_000, minutes: 1 },
      { name: 'generated 50,000 rows, fitted to 5 minutes', hash: '', csvRows: 50_000, minutes: 5 },
    ],
    demo: { seeds: [42, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
    responsiveness: { scenarios: RESPONSIVENESS, reps: 2 },
  },
};
