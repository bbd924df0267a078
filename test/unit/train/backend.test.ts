import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../../src/train/backend';
import { timeTrainingProbe } from '../../../src/train/backend-probe';
import {
  describeProbes,
  fallbackChain,
  fastestProbe,
  softwareAdapterName,
  softwareRendererName,
} from '../../../src/train/backend-select';

describe('backend decisions', () => {
  it('recognises a software WebGPU adapter from any of its descriptions', () => {
    expect(softwareAdapterName({ vendor: 'google', architecture: 'swiftshader' })).toBe('SwiftShader');
    expect(softwareAdapterName({ description: 'SwiftShader Device (Subzero)' })).toBe('SwiftShader');
    expect(softwareAdapterName({ vendor: 'nvidia', isFallbackAdapter: true })).toBe('a fallback adapter');
    expect(softwareAdapterName({ vendor: 'nvidia', architecture: 'ampere' })).toBeUndefined();
  });

  it('recognises a software WebGL renderer from its unmasked name', () => {
    const chromiumHeadless =
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(softwareRendererName(chromiumHeadless)).toBe('SwiftShader');
    expect(softwareRendererName('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRendererName('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11)')).toBe(
      'Microsoft Basic Render Driver',
    );
    expect(
      softwareRendererName('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)'),
    ).toBeUndefined();
    expect(softwareRendererName(undefined)).toBeUndefined();
  });

  it('falls back along webgpu → webgl → wasm → cpu', () => {
    expect(fallbackChain('webgpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(fallbackChain('wasm')).toEqual(['wasm', 'cpu']);
    expect(fallbackChain('cpu')).toEqual(['cpu']);
  });

  it('picks the fastest probe that worked', () => {
    const probes = [
      { name: 'webgpu' as const, ok: false, error: 'software adapter (SwiftShader), not preferred' },
      { name: 'webgl' as const, ok: true, ms: 430 },
      { name: 'wasm' as const, ok: true, ms: 100 },
      { name: 'cpu' as const, ok: true, ms: 510 },
    ];
    expect(fastestProbe(probes)?.name).toBe('wasm');
    expect(fastestProbe([probes[0]])).toBeUndefined();
    expect(describeProbes(probes)).toBe(
      'webgpu: software adapter (SwiftShader), not preferred; webgl 430 ms; wasm 100 ms; cpu 510 ms',
    );
  });
});

describe('in Node (cpu only)', () => {
  it('a forced cpu backend initialises and says so', async () => {
    const choice = await chooseBackend('cpu', { inputs: 4, units: 8, batch: 16 });
    expect(choice).toEqual({ backend: 'cpu', reason: 'cpu as chosen', probes: [{ name: 'cpu', ok: true }] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('the timing probe trains a few steps and cleans up', async () => {
    await tf.setBackend('cpu');
    const baseline = tf.memory().numTensors;
    const ms = await timeTrainingProbe({ inputs: 8, units: 16, batch: 32, steps: 3 });
    expect(ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
