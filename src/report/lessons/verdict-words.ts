/** A lesson's verdict as the panel says it: for the claim, or honestly against it, naming the seed. */
import { LESSON_SEED, type Verdict } from './types';

export function verdictWords(verdict: Verdict, runSeed: number | undefined): string {
  const otherSeed = runSeed !== undefined && runSeed !== LESSON_SEED;
  switch (verdict.status) {
    case 'not-yet':
      return verdict.because;
    case 'supported':
      return `This run supports the claim${otherSeed ? ` at seed ${runSeed}` : ''}: ${verdict.because}`;
    case 'not-supported':
      return otherSeed
        ? `This run does not support the claim at seed ${runSeed}: ${verdict.because} (the lesson's seed is ${LESSON_SEED}, where it was checked). One seed is one sample: this is what your run shows.`
        : `This run does not support the claim: ${verdict.because} The lesson was checked at this seed; another backend, worker count or a changed setup can change a run, and this is what yours shows.`;
  }
}
