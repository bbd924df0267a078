/**
 * A member's position in its optimizer and schedule, kept on the host: global step (drives the decay
 * schedule), iterations and Adam's β^t accumulators, emulated in float32 exactly as tfjs updates them.
 */
import { learningRateAt, type DecaySchedule } from '../../core/schedule';
import { ADAM } from './fused-update';

const f32 = Math.fround;

export class MemberClock {
  private beta1Power: number;
  private beta2Power: number;

  constructor(
    private readonly schedule: DecaySchedule,
    public step: number,
    public iterations: number,
  ) {
    // A fresh AdamOptimizer starts at β; setWeights() sets β^(iterations + 1) with a float32 pow.
    this.beta1Power = f32(Math.pow(f32(ADAM.beta1), iterations + 1));
    this.beta2Power = f32(Math.pow(f32(ADAM.beta2), iterations + 1));
  }

  rate(): number {
    return learningRateAt(this.schedule, this.step);
  }

  /** 1 − β1^t and 1 − β2^t for the coming step, as tfjs' sub(1, accBeta) gives them. */
  biasCorrections(): [number, number] {
    return [f32(1 - this.beta1Power), f32(1 - this.beta2Power)];
  }

  advance(): void {
    this.step++;
    this.iterations++;
    this.beta1Power = f32(this.beta1Power * f32(ADAM.beta1));
    this.beta2Power = f32(this.beta2Power * f32(ADAM.beta2));
  }
}
