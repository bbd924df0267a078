/** Anytime-curve analysis: final best at the budget, epochs to reach a target, mean curves over seeds. */
import type { Direction } from '../../../src/core/scoring';
import type { AnytimePoint } from './budget-study';
import { median, round } from './stats';

export interface Run {
  variant: string;
  seed: number;
  curve: AnytimePoint[];
  epochs: number;
  oracleMs?: number;
  wallMs?: number;
}

const isBetterOrEqual = (direction: Direction, a: number, b: number) =>
  direction === 'min' ? a <= b : a >= b;

/** The best score reached within `budget` epochs (NaN when nothing finished in time). */
export function bestWithin(curve: AnytimePoint[], budget: number): number {
  let best = NaN;
  for (const p of curve) if (p.epochs <= budget) best = p.best;
  return best;
}

/** Epochs consumed when the curve first reaches `target` (Infinity if never within `budget`). */
export function epochsToReach(
  curve: AnytimePoint[],
  target: number,
  direction: Direction,
  budget: number,
): number {
  for (const p of curve)
    if (p.epochs <= budget && isBetterOrEqual(direction, p.best, target)) return p.epochs;
  return Infinity;
}

function within1pct(target: number, direction: Direction): number {
  return direction === 'min' ? target + 0.01 * Math.abs(target) : target - 0.01 * Math.abs(target);
}

const finite = (xs: number[]) => xs.filter(Number.isFinite);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Summaries per variant over seeds, plus the Hyperband-vs-random epoch ratio. */
export function summarise(runs: Run[], direction: Direction, budget: number, curvePoints = 12) {
  const seeds = [...new Set(runs.map((r) => r.seed))];
  const names = [...new Set(runs.map((r) => r.variant))];
  const run = (variant: string, seed: number) => runs.find((r) => r.variant === variant && r.seed === seed)!;
  const bestOfAll = new Map(
    seeds.map((seed) => {
      const finals = finite(names.map((n) => bestWithin(run(n, seed).curve, budget)));
      return [seed, direction === 'min' ? Math.min(...finals) : Math.max(...finals)];
    }),
  );
  const grid = [
    ...new Set(Array.from({ length: curvePoints }, (_, i) => Math.round((budget * (i + 1)) / curvePoints))),
  ];
  const perVariant = names.map((name) => {
    const finals = seeds.map((s) => bestWithin(run(name, s).curve, budget));
    const toWithin = seeds.map((s) =>
      epochsToReach(run(name, s).curve, within1pct(bestOfAll.get(s)!, direction), direction, budget),
    );
    const shares = seeds
      .map((s) => run(name, s))
      .filter((r) => r.wallMs)
      .map((r) => r.oracleMs! / r.wallMs!);
    return {
      variant: name,
      meanFinalBest: round(mean(finite(finals)), 5),
      medianFinalBest: round(median(finite(finals)), 5),
      meanEpochsUsed: round(mean(seeds.map((s) => run(name, s).epochs)), 1),
      epochsToWithin1pct: {
        median: median(toWithin),
        reached: toWithin.filter(Number.isFinite).length,
        of: seeds.length,
      },
      oracleShare: shares.length
        ? { mean: round(mean(shares), 5), max: round(Math.max(...shares), 5) }
        : undefined,
      meanCurve: grid.map((e) => ({
        epochs: e,
        best: round(mean(finite(seeds.map((s) => bestWithin(run(name, s).curve, e)))), 5),
      })),
    };
  });
  const hyperbandVsRandom = seeds.map((s) => {
    const random = run('random', s);
    const target = bestWithin(random.curve, budget);
    const hb = epochsToReach(run('hyperband', s).curve, target, direction, budget);
    return hb / Math.min(random.epochs, budget);
  });
  return {
    budget,
    seeds: seeds.length,
    direction,
    perVariant,
    hyperbandEpochsToRandomFinal: {
      perSeed: hyperbandVsRandom.map((r) => round(r, 3)),
      median: round(median(hyperbandVsRandom), 3),
    },
  };
}
