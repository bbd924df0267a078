/**
 * The group's host-side optimizer update as WebAssembly SIMD (kernels/update.wat): the weights and
 * optimizer slots live in one WebAssembly.Memory per group, and each member's update is one call over
 * its whole weight tensor. The arithmetic is tfjs' optimizers', in float32, in their order: the same
 * bits as tfjs' own update, at a fraction of a JavaScript loop's time (Math.fround per operation).
 */
import type { OptimizerName } from '../../core/model/spec';
import { ADAM, RMSPROP } from './fused-update';
import type { MemberStep } from './group-params';
import updateWasm from './kernels/update.wat';

const f = Math.fround;

interface UpdateExports {
  adam(...args: number[]): void;
  rmsprop(...args: number[]): void;
  momentum(...args: number[]): void;
  sgd(...args: number[]): void;
}

let compiled: WebAssembly.Module | undefined;
const PAGE_BYTES = 65536;

interface Instance {
  memory: WebAssembly.Memory;
  kernels: UpdateExports;
}

/**
 * A released arena's memory and kernels, for the next arena. The first write to each page of a fresh
 * WebAssembly.Memory faults it in: 6 ms for the 2 MB of a 2 × 416 model's weights and Adam slots
 * here, every trial, where rewriting pages already in use takes 0.1 ms.
 */
let spare: Instance | undefined;

function instance(bytes: number): Instance {
  const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
  const reused = spare;
  spare = undefined;
  if (reused) {
    const more = pages - reused.memory.buffer.byteLength / PAGE_BYTES;
    if (more > 0) reused.memory.grow(more);
    return reused;
  }
  compiled ??= new WebAssembly.Module(updateWasm);
  const memory = new WebAssembly.Memory({ initial: pages });
  const kernels = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as UpdateExports;
  return { memory, kernels };
}

/** Float32 arrays in one WebAssembly memory, and the update kernels over them. */
export class UpdateArena {
  private readonly memory: WebAssembly.Memory;
  private readonly kernels: UpdateExports;
  private used = 0;
  private released = false;

  constructor(floats: number) {
    ({ memory: this.memory, kernels: this.kernels } = instance(floats * 4));
  }

  /** A zeroed array of `length` floats in the arena. */
  alloc(length: number): Float32Array {
    if (this.released) throw new Error('UpdateArena: used after release');
    const view = new Float32Array(this.memory.buffer, this.used * 4, length);
    this.used += length + ((4 - (length % 4)) % 4);
    if (this.used * 4 > this.memory.buffer.byteLength) throw new Error('UpdateArena: out of room');
    return view.fill(0);
  }

  /** Hands the memory to the next arena: every array from alloc() is void after this. */
  release(): void {
    if (this.released) return;
    this.released = true;
    spare = { memory: this.memory, kernels: this.kernels };
  }

  /**
   * One step of `optimizer` on floats [from, from + n) of the weights `p` and its `slots`, from the
   * gradient `g` (n floats from its start); all arrays from alloc().
   */
  step(
    optimizer: OptimizerName,
    p: Float32Array,
    slots: Float32Array[],
    g: Float32Array,
    from: number,
    n: number,
    c: MemberStep,
  ): void {
    const at = (a: Float32Array) => a.byteOffset + from * 4;
    const k = this.kernels;
    if (optimizer === 'adam') {
      const [m, v] = slots;
      k.adam(
        at(p),
        at(m),
        at(v),
        g.byteOffset,
        n,
        f(ADAM.beta1),
        f(1 - ADAM.beta1),
        f(ADAM.beta2),
        f(1 - ADAM.beta2),
        f(ADAM.epsilon),
        f(c.biasCorrections[0]),
        f(c.biasCorrections[1]),
        f(-c.rate),
      );
    } else if (optimizer === 'rmsprop') {
      const [ms, moments] = slots;
      k.rmsprop(
        at(p),
        at(ms),
        at(moments),
        g.byteOffset,
        n,
        f(RMSPROP.rho),
        f(1 - RMSPROP.rho),
        f(RMSPROP.epsilon),
        f(c.rate),
      );
    } else if (slots.length === 0) {
      k.sgd(at(p), g.byteOffset, n, f(-c.rate));
    } else {
      k.momentum(at(p), at(slots[0]), g.byteOffset, n, f(-c.rate), f(c.momentum));
    }
  }
}
