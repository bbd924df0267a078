/**
 * A group's weights on the host, slot-major: one Float32Array per weight tensor of the model
 * (kernel, bias of each Dense layer, in model.weights order), holding all K members' copies padded to
 * the group's widths, member after member. Packing and unpacking move one member's own arrays in and out.
 */
import type { ParamSlot } from './group-shape';

/** [in, out] of each of the member's own Dense layers. */
export type LayerDims = [number, number][];

/** slotArrays[s]: K × (padded size of weight s). */
export type SlotArrays = Float32Array[];

function memberDims(slot: ParamSlot, dims: LayerDims): [number, number] {
  const [n, m] = dims[slot.layer];
  return slot.kind === 'kernel' ? [n, m] : [1, m];
}

export function emptySlotArrays(k: number, slots: ParamSlot[]): SlotArrays {
  return slots.map((s) => new Float32Array(k * s.size));
}

/** Copies member k's own arrays into the group arrays (its padding stays zero). */
export function packMember(
  target: SlotArrays,
  k: number,
  values: Float32Array[],
  slots: ParamSlot[],
  dims: LayerDims,
): void {
  slots.forEach((slot, i) => {
    const [n, m] = memberDims(slot, dims);
    const value = values[i];
    if (value.length !== n * m) throw new Error(`weight ${i}: ${value.length} values for [${n}, ${m}]`);
    const stride = slot.shape[1];
    const base = k * slot.size;
    for (let r = 0; r < n; r++) target[i].set(value.subarray(r * m, (r + 1) * m), base + r * stride);
  });
}

/** Member k's own arrays, padding dropped. */
export function unpackMember(
  source: SlotArrays,
  k: number,
  slots: ParamSlot[],
  dims: LayerDims,
): Float32Array[] {
  return slots.map((slot, i) => {
    const [n, m] = memberDims(slot, dims);
    const stride = slot.shape[1];
    const base = k * slot.size;
    const value = new Float32Array(n * m);
    for (let r = 0; r < n; r++)
      value.set(source[i].subarray(base + r * stride, base + r * stride + m), r * m);
    return value;
  });
}

/** The arrays of the listed members only, in that order. */
export function keepMembers(source: SlotArrays, members: number[], slots: ParamSlot[]): SlotArrays {
  return slots.map((slot, i) => {
    const out = new Float32Array(members.length * slot.size);
    members.forEach((k, j) => out.set(source[i].subarray(k * slot.size, (k + 1) * slot.size), j * slot.size));
    return out;
  });
}

/** Shapes of the member's weights as its model reports them: kernels [in, out], biases [out]. */
export function weightShapes(slots: ParamSlot[], dims: LayerDims): number[][] {
  return slots.map((slot) => (slot.kind === 'kernel' ? dims[slot.layer] : [dims[slot.layer][1]]));
}
