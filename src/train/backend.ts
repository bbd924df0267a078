/**
 * Choosing the tfjs backend of a trainer worker. `auto` initialises WebGPU and WebGL (unless their
 * adapter or renderer is software) and WASM in turn, times the same short training probe on each and
 * keeps the fastest; CPU (tfjs' plain JavaScript kernels, never faster than WASM) is probed only when
 * none of them trained. A forced backend that fails to initialise falls back along BACKEND_ORDER.
 */
import { initBackend, inspectWebGl, inspectWebGpu } from './backend-init';
import { timeTrainingProbe, type ProbeShape } from './backend-probe';
import {
  BACKEND_ORDER,
  describeProbes,
  fallbackChain,
  fastestProbe,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
  type BackendProbe,
} from './backend-select';

async function probeOne(name: BackendProbe['name'], shape: ProbeShape): Promise<BackendProbe> {
  const init = await initBackend(name);
  if (!init.ok) return { name, ok: false, error: init.error };
  try {
    return { name, ok: true, ms: await timeTrainingProbe(shape) };
  } catch (e) {
    return { name, ok: false, error: `probe failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Why `name` is not probed: no WebGPU adapter, or a software WebGPU adapter or WebGL renderer (slower
 * than WASM, and probing software WebGL compiles its shaders for seconds of CPU as the page starts).
 */
async function skipReason(name: BackendName): Promise<string | undefined> {
  if (name === 'webgpu') {
    const gpu = await inspectWebGpu().catch((e: unknown) => ({
      available: false as const,
      error: String(e),
    }));
    if (!gpu.available) return gpu.error;
    if (gpu.software) return `software adapter (${gpu.software}), not preferred: slower than WASM`;
  }
  if (name === 'webgl') {
    const gl = inspectWebGl();
    if (gl.available && gl.software)
      return `software renderer (${gl.software}), not preferred: slower than WASM`;
  }
  return undefined;
}

/** Told as each backend's probe begins: its name, its place in the order, and how many there are. */
export type OnProbe = (name: BackendName, index: number, of: number) => void;

async function chooseAuto(shape: ProbeShape, onProbe?: OnProbe): Promise<BackendChoice> {
  const probes: BackendProbe[] = [];
  for (const [index, name] of BACKEND_ORDER.entries()) {
    if (name === 'cpu' && fastestProbe(probes)) break;
    onProbe?.(name, index, BACKEND_ORDER.length);
    const skipped = await skipReason(name);
    if (skipped) {
      probes.push({ name, ok: false, error: skipped });
      continue;
    }
    probes.push(await probeOne(name, shape));
  }
  const best = fastestProbe(probes);
  if (!best) throw new Error(`no tfjs backend could train: ${describeProbes(probes)}`);
  const init = await initBackend(best.name);
  if (!init.ok) throw new Error(`${best.name} won the probe but failed to re-initialise: ${init.error}`);
  return { backend: best.name, reason: `auto: ${best.name} was fastest (${describeProbes(probes)})`, probes };
}

async function chooseForced(preference: BackendProbe['name']): Promise<BackendChoice> {
  const probes: BackendProbe[] = [];
  for (const name of fallbackChain(preference)) {
    const init = await initBackend(name);
    if (!init.ok) {
      probes.push({ name, ok: false, error: init.error });
      continue;
    }
    probes.push({ name, ok: true });
    const note = init.note ? ` on a ${init.note}: expect it to be slow` : '';
    const reason =
      name === preference
        ? `${name} as chosen${note}`
        : `${preference} failed to initialise; fell back to ${name}${note} (${describeProbes(probes.slice(0, -1))})`;
    return { backend: name, reason, probes };
  }
  throw new Error(`no tfjs backend could be initialised: ${describeProbes(probes)}`);
}

export async function chooseBackend(
  preference: BackendPreference,
  probeShape: ProbeShape,
  onProbe?: OnProbe,
): Promise<BackendChoice> {
  return preference === 'auto' ? chooseAuto(probeShape, onProbe) : chooseForced(preference);
}

/**
 * The backend choice with the chosen backend's probe time at `shape`: what the app knows of this
 * machine's speed. The probe runs once more after the choice and the faster time counts: a worker's
 * first probe can still be waiting for its WebAssembly to be optimised, more so on a busy machine.
 */
export async function measureBackend(
  preference: BackendPreference,
  shape: ProbeShape,
  onProbe?: OnProbe,
): Promise<BackendChoice & { probeMs: number }> {
  const choice = await chooseBackend(preference, shape, onProbe);
  const probed = choice.probes.find((p) => p.name === choice.backend)?.ms ?? Infinity;
  return { ...choice, probeMs: Math.min(probed, await timeTrainingProbe(shape)) };
}
