import { Rng } from '../core/rng';
import { fail, ok, type Result } from './errors';
import { loadTable, type EncodeOptions, type Loaded } from './load';
import type { RawTable } from './table';

/** The 2-D toy problems of TensorFlow Playground, plus scikit-learn's two moons. Labels are 0/1. */
export type SyntheticKind = 'circle' | 'xor' | 'gaussian' | 'spiral' | 'moons';

export const SYNTHETIC_KINDS: readonly SyntheticKind[] = ['circle', 'xor', 'gaussian', 'spiral', 'moons'];

export interface SyntheticOptions {
  /** Number of points, 10…100 000 (default 500). */
  size?: number;
  /** 0…1 (default 0); TensorFlow Playground's noise slider 0–50 corresponds to 0–0.5. */
  noise?: number;
  seed: number;
}

type Point = [x1: number, x2: number, label: 0 | 1];

const RADIUS = 5;

/** The generated points as a raw table (columns x1, x2, label; rows shuffled), ready for `loadTable`. */
export function generateSynthetic(kind: SyntheticKind, options: SyntheticOptions): Result<RawTable> {
  const size = options.size ?? 500;
  const noise = options.noise ?? 0;
  const file = `${kind} (synthetic)`;
  if (!SYNTHETIC_KINDS.includes(kind))
    return fail('bad-options', file, `There is no synthetic dataset "${kind}".`);
  if (!Number.isInteger(size) || size < 10 || size > 100_000) {
    return fail(
      'bad-options',
      file,
      `The ${kind} dataset needs a whole number of points between 10 and 100000 (got ${size}).`,
    );
  }
  if (!(noise >= 0 && noise <= 1))
    return fail('bad-options', file, `Noise must be between 0 and 1 (got ${noise}).`);
  // A stream apart from the split's, which `loadTable` seeds with the same seed.
  const rng = new Rng(options.seed).fork();
  const points = rng.shuffle(GENERATORS[kind](size, noise, rng));
  return ok({
    fileName: file,
    delimiter: ',',
    hasHeader: true,
    header: ['x1', 'x2', 'label'],
    rows: points.map(([a, b, label]) => [String(a), String(b), String(label)]),
    rowNumbers: points.map((_, i) => i + 2),
    warnings: [],
  });
}

/** Generate, then encode, split and standardise through the same path as a CSV file. */
export function loadSynthetic(
  kind: SyntheticKind,
  options: SyntheticOptions & Omit<EncodeOptions, 'seed' | 'target'>,
): Result<Loaded> {
  const table = generateSynthetic(kind, options);
  if (!table.ok) return table;
  return loadTable(table.value, {
    ...options,
    name: options.name ?? kind,
    target: 'label',
    targetFrom: 'catalogue',
  });
}

const GENERATORS: Record<SyntheticKind, (size: number, noise: number, rng: Rng) => Point[]> = {
  /** Inside radius 2.5 → 1, ring 3.5…5 → 0; the label is taken from a noise-shifted copy of the point. */
  circle(size, noise, rng) {
    return Array.from({ length: size }, (_, i): Point => {
      const r = i < size / 2 ? rng.uniform(0, RADIUS * 0.5) : rng.uniform(RADIUS * 0.7, RADIUS);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const nx = x + rng.uniform(-RADIUS, RADIUS) * noise;
      const ny = y + rng.uniform(-RADIUS, RADIUS) * noise;
      return [x, y, Math.hypot(nx, ny) < RADIUS * 0.5 ? 1 : 0];
    });
  },
  /** Quadrants: same sign → 1, opposite → 0, kept 0.3 away from the axes. */
  xor(size, noise, rng) {
    const points: Point[] = [];
    const padding = 0.3;
    for (let i = 0; i < size; i++) {
      let x = rng.uniform(-RADIUS, RADIUS);
      x += x > 0 ? padding : -padding;
      let y = rng.uniform(-RADIUS, RADIUS);
      y += y > 0 ? padding : -padding;
      const nx = x + rng.uniform(-RADIUS, RADIUS) * noise;
      const ny = y + rng.uniform(-RADIUS, RADIUS) * noise;
      points.push([x, y, nx * ny >= 0 ? 1 : 0]);
    }
    return points;
  },
  /** Two Gaussian blobs at (2, 2) → 1 and (−2, −2) → 0; noise widens them (sd 0.5…4). */
  gaussian(size, noise, rng) {
    const sd = 0.5 + 3.5 * Math.min(noise * 2, 1);
    return Array.from({ length: size }, (_, i): Point => {
      const label = i < size / 2 ? 1 : 0;
      const centre = label === 1 ? 2 : -2;
      return [rng.normal(centre, sd), rng.normal(centre, sd), label];
    });
  },
  /** Two interleaved spiral arms, 1.75 turns out to radius 5; noise jitters each point. */
  spiral(size, noise, rng) {
    const half = Math.ceil(size / 2);
    return Array.from({ length: size }, (_, i): Point => {
      const label = i < half ? 1 : 0;
      const n = label === 1 ? half : size - half;
      const k = label === 1 ? i : i - half;
      const r = (k / n) * RADIUS;
      const t = 1.75 * (k / n) * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
      return [
        r * Math.sin(t) + rng.uniform(-1, 1) * noise,
        r * Math.cos(t) + rng.uniform(-1, 1) * noise,
        label,
      ];
    });
  },
  /** scikit-learn's make_moons, scaled by 2.5 to the playground's range; Gaussian noise of sd 2.5·noise. */
  moons(size, noise, rng) {
    const outer = Math.ceil(size / 2);
    const scale = 2.5;
    return Array.from({ length: size }, (_, i): Point => {
      const upper = i < outer;
      const t = rng.uniform(0, Math.PI);
      const x = upper ? Math.cos(t) : 1 - Math.cos(t);
      const y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
      return [
        scale * (x - 0.5 + rng.normal(0, noise)),
        scale * (y - 0.25 + rng.normal(0, noise)),
        upper ? 0 : 1,
      ];
    });
  },
};
