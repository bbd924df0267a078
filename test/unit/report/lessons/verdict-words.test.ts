/** A verdict in the panel's words: for the claim, or honestly against it with the seed named. */
import { describe, expect, it } from 'vitest';
import { verdictWords } from '../../../../src/report/lessons/verdict-words';

const because = 'the gap was 0.01.';

describe('verdictWords', () => {
  it('says a run supports the claim, naming a seed that is not the lesson’s', () => {
    expect(verdictWords({ status: 'supported', because }, 42)).toBe(
      'This run supports the claim: the gap was 0.01.',
    );
    expect(verdictWords({ status: 'supported', because }, 7)).toBe(
      'This run supports the claim at seed 7: the gap was 0.01.',
    );
  });

  it('says honestly when a run at another seed does not support it', () => {
    expect(verdictWords({ status: 'not-supported', because }, 7)).toBe(
      "This run does not support the claim at seed 7: the gap was 0.01. (the lesson's seed is 42, where it was checked). One seed is one sample: this is what your run shows.",
    );
  });

  it('at the lesson’s own seed, names what else changes a run', () => {
    expect(verdictWords({ status: 'not-supported', because }, 42)).toMatch(
      /^This run does not support the claim: the gap was 0\.01\. The lesson was checked at this seed; another backend/,
    );
  });

  it('before the end, says what it waits for', () => {
    expect(verdictWords({ status: 'not-yet', because: 'The search is still running.' }, undefined)).toBe(
      'The search is still running.',
    );
  });
});
