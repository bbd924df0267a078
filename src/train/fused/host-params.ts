/**
 * The group's weights and optimizer slots as host arrays, stepped by one JavaScript loop per weight
 * tensor. Every operation is rounded to float32 in the order tfjs' optimizers apply their kernels, so
 * the result is the same, bit for bit, as tfjs' own update; it just skips a dozen kernel launches and
 * intermediate tensors per weight, which on wasm cost far more than the arithmetic.
 */
import * as tf from '@tensorflow/tfjs';
import { ADAM, RMSPROP } from './fused-update';
import type { GroupParams, HostState, MemberStep } from './group-params';
import type { ParamSlot } from './group-shape';
import { keepMembers } from './member-params';
import type { OptimizerName } from '../../core/model/spec';

const f = Math.fround;
const BETA1 = f(ADAM.beta1);
const ONE_MINUS_BETA1 = f(1 - ADAM.beta1);
const BETA2 = f(ADAM.beta2);
const ONE_MINUS_BETA2 = f(1 - ADAM.beta2);
const ADAM_EPSILON = f(ADAM.epsilon);
const RHO = f(RMSPROP.rho);
const ONE_MINUS_RHO = f(1 - RMSPROP.rho);
const RMS_EPSILON = f(RMSPROP.epsilon);

type Rule = (
  p: Float32Array,
  s: Float32Array[],
  g: Float32Array,
  from: number,
  to: number,
  c: MemberStep,
) => void;

function adam(
  p: Float32Array,
  [m, v]: Float32Array[],
  g: Float32Array,
  from: number,
  to: number,
  c: MemberStep,
) {
  const c1 = f(c.biasCorrections[0]);
  const c2 = f(c.biasCorrections[1]);
  const negativeRate = f(-c.rate);
  for (let i = from; i < to; i++) {
    const gi = g[i - from];
    const m1 = f(f(m[i] * BETA1) + f(gi * ONE_MINUS_BETA1));
    const v1 = f(f(v[i] * BETA2) + f(f(gi * gi) * ONE_MINUS_BETA2));
    m[i] = m1;
    v[i] = v1;
    const corrected = f(f(m1 / c1) / f(f(Math.sqrt(f(v1 / c2))) + ADAM_EPSILON));
    p[i] = f(f(corrected * negativeRate) + p[i]);
  }
}

function rmsprop(
  p: Float32Array,
  [ms, mom]: Float32Array[],
  g: Float32Array,
  from: number,
  to: number,
  c: MemberStep,
) {
  const rate = f(c.rate);
  for (let i = from; i < to; i++) {
    const gi = g[i - from];
    const ms1 = f(f(ms[i] * RHO) + f(f(gi * gi) * ONE_MINUS_RHO));
    ms[i] = ms1;
    const moment = f(f(gi * rate) / f(Math.sqrt(f(ms1 + RMS_EPSILON))));
    mom[i] = moment;
    p[i] = f(p[i] - moment);
  }
}

function sgd(
  p: Float32Array,
  slots: Float32Array[],
  g: Float32Array,
  from: number,
  to: number,
  c: MemberStep,
) {
  const negativeRate = f(-c.rate);
  if (slots.length === 0) {
    for (let i = from; i < to; i++) p[i] = f(f(negativeRate * g[i - from]) + p[i]);
    return;
  }
  const [acc] = slots;
  const momentum = f(c.momentum);
  for (let i = from; i < to; i++) {
    const a = f(f(momentum * acc[i]) + g[i - from]);
    acc[i] = a;
    p[i] = f(f(negativeRate * a) + p[i]);
  }
}

const RULES: Record<OptimizerName, Rule> = { adam, rmsprop, sgd };

export class HostParams implements GroupParams {
  constructor(
    readonly optimizer: OptimizerName,
    private readonly slots: ParamSlot[],
    private state: HostState,
    private members: number,
  ) {}

  views(): tf.Tensor[] {
    return this.slots.map((s, i) => tf.tensor(this.state.params[i], [this.members, ...s.shape]));
  }

  update(grads: tf.Tensor[], steps: MemberStep[]): void {
    const rule = RULES[this.optimizer];
    grads.forEach((gradient, i) => {
      const values = gradient.dataSync() as Float32Array;
      const size = this.slots[i].size;
      const params = this.state.params[i];
      const slots = this.state.slots.map((s) => s[i]);
      steps.forEach((step, k) => {
        if (step.active)
          rule(params, slots, values.subarray(k * size, (k + 1) * size), k * size, (k + 1) * size, step);
      });
    });
  }

  keep(members: number[]): void {
    this.state = {
      params: keepMembers(this.state.params, members, this.slots),
      slots: this.state.slots.map((s) => keepMembers(s, members, this.slots)),
    };
    this.members = members.length;
  }

  async download(): Promise<HostState> {
    return this.state;
  }

  dispose(): void {}
}
