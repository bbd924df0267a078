/**
 * A float32 tensor's values for one immediate read. On tfjs-wasm, dataSync() allocates a fresh copy of
 * the tensor's bytes (a large share of a wide step's host time); a view of its place in the backend's
 * heap reads the same values without one. The view is only good until the next tfjs operation (which
 * may grow and so move the heap): copy out of it at once.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmInternals {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { HEAPU8: Uint8Array };
}

export function valuesForImmediateRead(t: tf.Tensor): Float32Array {
  if (t.dtype === 'float32' && tf.getBackend() === 'wasm') {
    const backend = tf.backend() as unknown as WasmInternals;
    const info = backend.dataIdMap.get(t.dataId);
    if (info) return new Float32Array(backend.wasm.HEAPU8.buffer, info.memoryOffset, t.size);
  }
  return t.dataSync() as Float32Array;
}
