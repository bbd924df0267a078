/**
 * The x·w of a Dense layer with gradients in the layouts tfjs-wasm computes fast. tfjs' own gradient of
 * a matMul asks for products with a transpose flag (dy·wᵀ, xᵀ·dy), which tfjs-wasm runs in a plain
 * loop 5–10× slower than XNNPACK's path, and a rank-3 batched product is slower still: XNNPACK takes
 * only untransposed 2-D products. Here dX = (w·dyᵀ)ᵀ and dW = (xᵀ)·dy transpose only the thin
 * [batch, width] operands, never the weights, and a group's K members run K 2-D products.
 * Other backends transpose inside their kernels for free and keep tfjs' own gradients.
 */
import * as tf from '@tensorflow/tfjs';

/** x [rows, in] · w [in, out] whose gradients are untransposed 2-D products. */
export const untransposedProduct = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
      const [input, weights] = saved as tf.Tensor2D[];
      return [tf.transpose(tf.matMul(weights, tf.transpose(dy))), tf.matMul(tf.transpose(input), dy)];
    },
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

/** Whether the active backend needs the untransposed layouts (only tfjs-wasm does). */
export function prefersUntransposed(): boolean {
  return tf.getBackend() === 'wasm';
}

/** A Dense layer's x·w on the active backend. */
export function denseProduct(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  return prefersUntransposed() ? untransposedProduct(x, w) : tf.matMul(x, w);
}

/**
 * Whether a group of `members` runs its products member by member: on tfjs-wasm, for a group of one
 * (a reshape away from a 2-D product). Larger groups stay batched: splitting their weights into
 * members each step (tfjs-wasm's Unpack) costs more than the batched product saves (measured at
 * K = 8, 2 × 160 units: 8.6 ms of Unpack per step).
 */
export function perMemberProducts(members: number): boolean {
  return prefersUntransposed() && members === 1;
}

/** Each member's rows: h [K, rows, in], or [1, rows, in] shared by all K members. */
function memberRows(h: tf.Tensor3D, members: number): tf.Tensor2D[] {
  if (h.shape[0] === 1) return new Array<tf.Tensor2D>(members).fill(tf.squeeze(h, [0]));
  return members2d(h);
}

/** The members of a [K, a, b] tensor as K [a, b] ones (one member: a reshape, which copies nothing). */
function members2d(t: tf.Tensor3D): tf.Tensor2D[] {
  return t.shape[0] === 1 ? [tf.squeeze(t, [0])] : (tf.unstack(t) as tf.Tensor2D[]);
}

function stacked(members: tf.Tensor[]): tf.Tensor3D {
  return (members.length === 1 ? tf.expandDims(members[0], 0) : tf.stack(members)) as tf.Tensor3D;
}

/**
 * A group's products: h [K, rows, in] (or [1, rows, in] shared by every member) · w [K, in, out]; or,
 * for a group of one, h [rows, in] · w [in, out]. `perMember` runs K 2-D products, else one batched matMul.
 */
export function groupProduct<T extends tf.Tensor2D | tf.Tensor3D>(h: T, w: T, perMember: boolean): T {
  if (h.rank === 2 || !perMember) return tf.matMul(h, w);
  const kernels = members2d(w as tf.Tensor3D);
  const rows = memberRows(h as tf.Tensor3D, kernels.length);
  return stacked(kernels.map((k, m) => tf.matMul(rows[m], k))) as T;
}

interface ProductGradients<T> {
  dInput?: T;
  dWeights: T;
}

/** tfjs' own BatchMatMul gradient (products with transpose flags), 2-D or batched. */
function flaggedGradients<T extends tf.Tensor2D | tf.Tensor3D>(
  x: T,
  w: T,
  dy: T,
  withInput: boolean,
): ProductGradients<T> {
  return {
    dInput: withInput ? tf.matMul<T>(dy, w, false, true) : undefined,
    dWeights: tf.matMul<T>(x, dy, true, false),
  };
}

/** A 2-D product's gradients in the untransposed layouts: dX = (w·dyᵀ)ᵀ, dW = xᵀ·dy. */
function untransposedGradients(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  dy: tf.Tensor2D,
  withInput: boolean,
): ProductGradients<tf.Tensor2D> {
  return {
    dInput: withInput ? (tf.transpose(tf.matMul(w, tf.transpose(dy))) as tf.Tensor2D) : undefined,
    dWeights: tf.matMul(tf.transpose(x), dy),
  };
}

/**
 * The gradients of groupProduct(h, w) by h and w from dy, the products' own gradient: per member the
 * untransposed layouts, batched tfjs' BatchMatMul gradient. h must hold every member's own rows;
 * `withInput` false skips dX (a first layer's input needs none).
 */
export function groupProductGradients<T extends tf.Tensor2D | tf.Tensor3D>(
  h: T,
  w: T,
  dy: T,
  perMember: boolean,
  withInput: boolean,
): ProductGradients<T> {
  if (!perMember) return flaggedGradients(h, w, dy, withInput);
  if (h.rank === 2)
    return untransposedGradients(
      h as tf.Tensor2D,
      w as tf.Tensor2D,
      dy as tf.Tensor2D,
      withInput,
    ) as ProductGradients<T>;
  const ws = members2d(w as tf.Tensor3D);
  const xs = members2d(h as tf.Tensor3D);
  const members = members2d(dy as tf.Tensor3D).map((d, m) =>
    untransposedGradients(xs[m], ws[m], d, withInput),
  );
  return {
    dInput: withInput ? (stacked(members.map((g) => g.dInput!)) as T) : undefined,
    dWeights: stacked(members.map((g) => g.dWeights)) as T,
  };
}
