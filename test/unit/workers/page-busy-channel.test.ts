import { describe, expect, it } from 'vitest';
import { makesWayForPage, trainerName } from '../../../src/workers/page-busy-channel';

describe('which trainers make way for the page', () => {
  it('is every other trainer, by the order they started in', () => {
    const names = [1, 2, 3, 4, 5].map(trainerName);
    expect(names).toEqual(['trainer 1', 'trainer 2', 'trainer 3', 'trainer 4', 'trainer 5']);
    expect(names.map(makesWayForPage)).toEqual([true, false, true, false, true]);
  });

  it('is none of the workers not named as trainers', () => {
    expect(makesWayForPage('trainer')).toBe(false);
    expect(makesWayForPage('')).toBe(false);
    expect(makesWayForPage('tuner 1')).toBe(false);
  });
});
