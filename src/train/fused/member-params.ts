/**
 * A member's weights between their model form (one array per tensor, in model.weights order, its own
 * widths) and its row of the group's flat [K, P] parameters (padded to the group's widths with zeros).
 */
import type { ParamSlot } from './group-shape';

/** [in, out] of each of the member's own Dense layers. */
export type LayerDims = [number, number][];

function slotDims(slot: ParamSlot, dims: LayerDims): [number, number] {
  const [n, m] = dims[slot.layer];
  return slot.kind === 'kernel' ? [n, m] : [1, m];
}

/** Copies the member's arrays into `row` (length P, zero where padded). */
export function packMember(row: Float32Array, values: Float32Array[], slots: ParamSlot[], dims: LayerDims) {
  slots.forEach((slot, i) => {
    const [n, m] = slotDims(slot, dims);
    const stride = slot.shape[1];
    const value = values[i];
    if (value.length !== n * m) throw new Error(`weight ${i}: ${value.length} values for [${n}, ${m}]`);
    for (let r = 0; r < n; r++) row.set(value.subarray(r * m, (r + 1) * m), slot.offset + r * stride);
  });
}

/** The member's arrays read back from its row, padding dropped. */
export function unpackMember(row: Float32Array, slots: ParamSlot[], dims: LayerDims): Float32Array[] {
  return slots.map((slot) => {
    const [n, m] = slotDims(slot, dims);
    const stride = slot.shape[1];
    const value = new Float32Array(n * m);
    for (let r = 0; r < n; r++)
      value.set(row.subarray(slot.offset + r * stride, slot.offset + r * stride + m), r * m);
    return value;
  });
}

/** Shapes of the member's weights as the model reports them: kernels [in, out], biases [out]. */
export function weightShapes(slots: ParamSlot[], dims: LayerDims): number[][] {
  return slots.map((slot) => (slot.kind === 'kernel' ? dims[slot.layer] : [dims[slot.layer][1]]));
}
