import type { HyperbandVariant } from './types';
import { ceilDiv, ceilLog, floorDiv, floorLog, requireInteger } from './rungs-arithmetic';

/** One round of a bracket: `models` trials, each trained until it has seen `epochs` epochs in total. */
export interface PlanRound {
  models: number;
  epochs: number;
}

export interface PlanBracket {
  /** Keras Tuner's b (the paper's s): the bracket has bracket + 1 rounds. */
  bracket: number;
  rounds: PlanRound[];
}

export interface HyperbandPlan {
  /** In run order: the most aggressive bracket first, the whole sweep repeated `iterations` times. */
  brackets: PlanBracket[];
  totalTrials: number;
  /** Epochs actually trained: a promoted trial resumes from its parent and trains only the difference. */
  totalEpochs: number;
}

export interface HyperbandPlanOptions {
  maxEpochs: number;
  factor: number;
  iterations: number;
  variant: HyperbandVariant;
}

export function hyperbandPlan({
  maxEpochs,
  factor,
  iterations,
  variant,
}: HyperbandPlanOptions): HyperbandPlan {
  requireInteger('maxEpochs', maxEpochs, 1);
  requireInteger('factor', factor, 2);
  requireInteger('iterations', iterations, 1);
  const sweep = variant === 'paper' ? paperSweep(maxEpochs, factor) : kerasTunerSweep(maxEpochs, factor);
  const brackets: PlanBracket[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const b of sweep) brackets.push({ bracket: b.bracket, rounds: b.rounds.map((r) => ({ ...r })) });
  }
  return { brackets, totalTrials: sum(brackets, trialsOf), totalEpochs: sum(brackets, epochsOf) };
}

/**
 * Keras Tuner's Hyperband: n = 1 + ⌊log_f R⌋ brackets; round r of bracket b has
 * ⌈E·f^(b−r)/(b+1)⌉ models trained to ⌈R/f^(b−r)⌉ epochs, with E = ⌈1 + log_f R⌉.
 * Keras Tuner evaluates E with math.log, which gives 6 instead of 5 for R = 81, f = 3; E is exact here.
 */
function kerasTunerSweep(maxEpochs: number, factor: number): PlanBracket[] {
  const count = floorLog(factor, maxEpochs) + 1;
  const endSize = 1 + ceilLog(factor, maxEpochs);
  const brackets: PlanBracket[] = [];
  for (let b = count - 1; b >= 0; b--) {
    const rounds: PlanRound[] = [];
    for (let r = 0; r <= b; r++) {
      const shrink = factor ** (b - r);
      rounds.push({ models: ceilDiv(endSize * shrink, b + 1), epochs: ceilDiv(maxEpochs, shrink) });
    }
    brackets.push({ bracket: b, rounds });
  }
  return brackets;
}

/**
 * Li et al. 2018, Algorithm 1: s_max = ⌊log_η R⌋; bracket s starts n = ⌈(s_max+1)·η^s/(s+1)⌉ configs;
 * round i keeps n_i = ⌊n·η^(−i)⌋ trained to r_i = R·η^(i−s) epochs. When R is not a power of η,
 * r_i is not an integer: it is rounded UP (⌈R/η^(s−i)⌉), so no round trains less than the paper says.
 */
function paperSweep(maxEpochs: number, factor: number): PlanBracket[] {
  const sMax = floorLog(factor, maxEpochs);
  const brackets: PlanBracket[] = [];
  for (let s = sMax; s >= 0; s--) {
    const n = ceilDiv((sMax + 1) * factor ** s, s + 1);
    const rounds: PlanRound[] = [];
    for (let i = 0; i <= s; i++) {
      rounds.push({ models: floorDiv(n, factor ** i), epochs: ceilDiv(maxEpochs, factor ** (s - i)) });
    }
    brackets.push({ bracket: s, rounds });
  }
  return brackets;
}

function trialsOf(bracket: PlanBracket): number {
  return bracket.rounds.reduce((total, round) => total + round.models, 0);
}

function epochsOf(bracket: PlanBracket): number {
  let total = 0;
  let previousEpochs = 0;
  for (const round of bracket.rounds) {
    total += round.models * (round.epochs - previousEpochs);
    previousEpochs = round.epochs;
  }
  return total;
}

function sum(brackets: PlanBracket[], of: (bracket: PlanBracket) => number): number {
  return brackets.reduce((total, bracket) => total + of(bracket), 0);
}
