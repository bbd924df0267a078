/** Pure decisions of the backend choice: order, software-adapter detection, fastest probe. */

import type { BackendName, BackendPreference } from '../core/experiment';

export type { BackendName, BackendPreference };

/** Fastest on real hardware first; the order a forced backend falls back along. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendProbe {
  name: BackendName;
  /** Initialised (and, in auto mode, probed) successfully. */
  ok: boolean;
  /** Measured probe time (auto mode). */
  ms?: number;
  /** Why it was not initialised or not considered. */
  error?: string;
}

export interface BackendChoice {
  backend: BackendName;
  reason: string;
  probes: BackendProbe[];
}

/** What a GPUAdapter / GPUAdapterInfo tells about itself (fields vary across Chrome versions). */
export interface AdapterFacts {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** A software WebGPU adapter (SwiftShader / fallback): slower than WASM, so never preferred in auto. */
export function softwareAdapterName(facts: AdapterFacts): string | undefined {
  const text = [facts.vendor, facts.architecture, facts.device, facts.description].join(' ').toLowerCase();
  if (text.includes('swiftshader')) return 'SwiftShader';
  if (facts.isFallbackAdapter) return 'a fallback adapter';
  return undefined;
}

/** A software WebGL renderer (SwiftShader, llvmpipe…): slower than WASM, so never preferred in auto. */
export function softwareRendererName(renderer: string | undefined): string | undefined {
  const text = (renderer ?? '').toLowerCase();
  if (text.includes('swiftshader')) return 'SwiftShader';
  if (text.includes('llvmpipe')) return 'llvmpipe';
  if (text.includes('softpipe')) return 'softpipe';
  if (text.includes('microsoft basic render')) return 'Microsoft Basic Render Driver';
  return undefined;
}

/** The forced backend, then the ones after it in BACKEND_ORDER (cpu last, always). */
export function fallbackChain(forced: BackendName): BackendName[] {
  return BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(forced));
}

/** The fastest successfully probed backend; undefined when none has a time. */
export function fastestProbe(probes: BackendProbe[]): BackendProbe | undefined {
  return probes
    .filter((p) => p.ok && p.ms !== undefined)
    .reduce<BackendProbe | undefined>(
      (best, p) => (best === undefined || p.ms! < best.ms! ? p : best),
      undefined,
    );
}

export function describeProbes(probes: BackendProbe[]): string {
  return probes
    .map((p) =>
      p.ok
        ? p.ms !== undefined
          ? `${p.name} ${Math.round(p.ms)} ms`
          : `${p.name} ok`
        : `${p.name}: ${p.error}`,
    )
    .join('; ');
}
