/**
 * Learning-rate decay, shared by the trainer and the charts so they can never disagree.
 * α(step) = α0 · rate^(step / decaySteps); staircase floors the exponent. rate = 1 means no decay.
 */
export interface DecaySchedule {
  initialRate: number;
  decayRate: number;
  decaySteps: number;
  staircase: boolean;
}

export function learningRateAt(s: DecaySchedule, step: number): number {
  if (s.decayRate === 1 || s.decaySteps <= 0) return s.initialRate;
  const exponent = step / s.decaySteps;
  return s.initialRate * Math.pow(s.decayRate, s.staircase ? Math.floor(exponent) : exponent);
}

/** The per-epoch form of the course notes: α(epoch) = α0 · rate^epoch. */
export function learningRateAtEpoch(initialRate: number, decayRate: number, epoch: number): number {
  return initialRate * Math.pow(decayRate, epoch);
}

/** α at the start of each epoch 0…epochs−1 (epochs × stepsPerEpoch steps in all). */
export function scheduleByEpoch(s: DecaySchedule, epochs: number, stepsPerEpoch: number): number[] {
  return Array.from({ length: epochs }, (_, e) => learningRateAt(s, e * stepsPerEpoch));
}
