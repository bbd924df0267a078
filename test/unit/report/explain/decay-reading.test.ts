/** The decay experiment's reading: how much the loss still moves per epoch over the last half. */
import { describe, expect, it } from 'vitest';
import { decayReading, wobble } from '../../../../src/report/explain/decay-reading';

const records = (values: number[]) =>
  values.map((v, i) => ({ epoch: i + 1, metrics: { val_loss: v, loss: v } }));

describe('wobble', () => {
  it('averages the absolute epoch-to-epoch change over the second half', () => {
    // Second half of 6 values: 0.3, 0.5, 0.2 → changes 0.2 and 0.3.
    expect(wobble(records([0.9, 0.8, 0.7, 0.3, 0.5, 0.2]), 'val_loss')).toBeCloseTo(0.25);
  });

  it('needs two values in the second half, and skips values that are not finite', () => {
    expect(wobble(records([0.9, 0.8]), 'val_loss')).toBeUndefined();
    expect(wobble(records([0.9, NaN, 0.5, 0.4]), 'val_loss')).toBeCloseTo(0.1);
  });
});

describe('decayReading', () => {
  it('says the decayed run settled more when its loss moves less', () => {
    const reading = decayReading(
      records([1, 0.5, 0.3, 0.5, 0.3, 0.5]),
      records([1, 0.5, 0.3, 0.29, 0.28, 0.27]),
    );
    expect(reading).toMatchObject({ metric: 'val_loss', steadier: true });
    expect(reading!.words).toBe(
      'over the last half of training val_loss moved by 0.2 per epoch on average with the constant rate, and by 0.01 with decay: the decayed run settled more.',
    );
  });

  it('says so when decay did not make it steadier', () => {
    const reading = decayReading(
      records([1, 0.5, 0.3, 0.29, 0.28, 0.27]),
      records([1, 0.5, 0.3, 0.5, 0.3, 0.5]),
    );
    expect(reading!.steadier).toBe(false);
    expect(reading!.words).toContain('here decay did not make it steadier');
  });
});
