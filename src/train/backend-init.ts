/**
 * Initialising each tfjs backend in a browser worker. WASM and WebGPU are imported lazily, so code that
 * never asks for them (Node tests, the cpu path) does not load them.
 */
import * as tf from '@tensorflow/tfjs';
import {
  softwareAdapterName,
  softwareRendererName,
  type AdapterFacts,
  type BackendName,
} from './backend-select';

export type InitOutcome = { ok: true; note?: string } | { ok: false; error: string };

interface GpuAdapterLike extends AdapterFacts {
  info?: AdapterFacts;
  requestAdapterInfo?: () => Promise<AdapterFacts>;
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

function gpuOfThisContext(): GpuLike | undefined {
  return (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
}

/** The adapter's self-description, from `adapter.info` (current) or `requestAdapterInfo()` (older Chrome). */
async function adapterFacts(adapter: GpuAdapterLike): Promise<AdapterFacts> {
  const info =
    adapter.info ??
    (typeof adapter.requestAdapterInfo === 'function' ? await adapter.requestAdapterInfo() : {});
  // GPUAdapterInfo fields are prototype getters: an object spread would copy none of them.
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter: adapter.isFallbackAdapter ?? info.isFallbackAdapter,
  };
}

/** Which WebGPU adapter the browser offers: undefined when none, else the software name if it is one. */
export async function inspectWebGpu(): Promise<
  { available: false; error: string } | { available: true; software?: string }
> {
  const gpu = gpuOfThisContext();
  if (!gpu) return { available: false, error: 'navigator.gpu is not available' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { available: false, error: 'no WebGPU adapter' };
  return { available: true, software: softwareAdapterName(await adapterFacts(adapter)) };
}

/**
 * Which WebGL renderer the browser offers, from a 1×1 context of its own: the software name if it is
 * one. Cheap next to the probe, whose shaders a software renderer compiles for seconds of CPU.
 */
export function inspectWebGl(): { available: false; error: string } | { available: true; software?: string } {
  if (typeof OffscreenCanvas !== 'function') return { available: false, error: 'no OffscreenCanvas' };
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
  if (!gl) return { available: false, error: 'no WebGL context' };
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return { available: true, software: softwareRendererName(renderer) };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

async function register(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const [wasm, paths] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('./wasm-paths'),
    ]);
    wasm.setWasmPaths(paths.WASM_PATHS);
  }
}

/** Makes `name` the active tfjs backend; never throws. */
export async function initBackend(name: BackendName): Promise<InitOutcome> {
  try {
    let note: string | undefined;
    if (name === 'webgpu') {
      const gpu = await inspectWebGpu();
      if (!gpu.available) return { ok: false, error: gpu.error };
      if (gpu.software) note = `software adapter (${gpu.software})`;
    }
    await register(name);
    if (!(await tf.setBackend(name))) return { ok: false, error: `tf.setBackend('${name}') failed` };
    await tf.ready();
    return { ok: true, note };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
