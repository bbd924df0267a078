import { describe, expect, it } from 'vitest';
import {
  estimateBasis,
  estimateWords,
  roughDuration,
  roughRange,
  rungRowsWords,
} from '../../../src/app/components/estimate-words';
import type { TimeEstimate } from '../../../src/core/estimate';

describe('the estimate in words', () => {
  it('rounds a duration as a person says it', () => {
    expect(roughDuration(2_000)).toBe('5 s');
    expect(roughDuration(47_000)).toBe('45 s');
    expect(roughDuration(95_000)).toBe('1 min 40 s');
    expect(roughDuration(250_000)).toBe('4 min');
    expect(roughDuration(4_000_000)).toBe('1 h 5 min');
    expect(roughDuration(7_200_000)).toBe('2 h');
  });

  it('writes a range of minutes once, and others in full', () => {
    expect(roughRange(180_000, 360_000)).toBe('3–6 min');
    expect(roughRange(40_000, 70_000)).toBe('40 s–1 min 10 s');
    expect(roughRange(240_000, 250_000)).toBe('4 min');
  });

  it('says where the speed comes from', () => {
    const e: TimeEstimate = {
      ms: 250_000,
      lowMs: 180_000,
      highMs: 360_000,
      trials: 30,
      fullDataEpochs: 120,
      measuredHere: true,
      slowdown: 1.25,
      backend: 'wasm',
      ratesOf: 'wasm',
      startupMs: 400,
    };
    expect(estimateWords(e)).toBe('about 4 min (3–6 min)');
    expect(estimateBasis(e, 2)).toBe(
      "on WASM, 2 workers, scaled by a probe of this machine (1.3× the bench machine's time)",
    );
    // A probe disturbed by a file load is shown until the new one is done, saying so.
    expect(estimateBasis(e, 2, true)).toBe(
      "on WASM, 2 workers, scaled by a probe of this machine (1.3× the bench machine's time; measuring it again)",
    );
    expect(estimateBasis({ ...e, measuredHere: false, backend: 'webgl', ratesOf: 'wasm' }, 1)).toBe(
      "on WebGL, 1 worker with WASM's measured rates, at the bench machine's speed until this machine is measured",
    );
  });

  it('previews the rows of each rung', () => {
    expect(rungRowsWords([1296, 3889, 11667, 35000], 35000)).toBe(
      'rung 1 trains on 1,296 rows, rung 2 on 3,889, rung 3 on 11,667 and rung 4 on all 35,000',
    );
  });
});
