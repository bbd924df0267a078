import { describe, expect, it } from 'vitest';
import { generateSynthetic, loadSynthetic, SYNTHETIC_KINDS } from '../../../src/data';

describe('synthetic 2-D datasets', () => {
  it.each(SYNTHETIC_KINDS)(
    '%s: right size, two features, both classes, binary through the CSV path',
    (kind) => {
      for (const size of [40, 500]) {
        const result = loadSynthetic(kind, { seed: 9, size, noise: 0.2 });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { dataset, analysis } = result.value;
        expect(dataset.rows).toBe(size);
        expect(dataset.featureNames).toEqual(['x1', 'x2']);
        expect(dataset.task).toBe('binary');
        expect(dataset.classNames).toEqual(['0', '1']);
        expect(analysis.classCounts.every((n) => n >= size * 0.3)).toBe(true);
        expect(dataset.name).toBe(kind);
      }
    },
  );

  it.each(SYNTHETIC_KINDS)('%s: the same seed gives the same points, another seed others', (kind) => {
    const a = generateSynthetic(kind, { seed: 1, size: 50, noise: 0.1 });
    const b = generateSynthetic(kind, { seed: 1, size: 50, noise: 0.1 });
    const c = generateSynthetic(kind, { seed: 2, size: 50, noise: 0.1 });
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.value.rows).toEqual(b.value.rows);
    expect(a.value.rows).not.toEqual(c.value.rows);
  });

  it('without noise the classes follow the shape exactly', () => {
    const points = (kind: 'circle' | 'xor' | 'spiral') => {
      const t = generateSynthetic(kind, { seed: 4, size: 300, noise: 0 });
      if (!t.ok) throw new Error(t.error.message);
      return t.value.rows.map((r) => r.map(Number));
    };
    for (const [x, y, label] of points('circle')) expect(label).toBe(Math.hypot(x, y) < 2.5 ? 1 : 0);
    for (const [x, y, label] of points('xor')) {
      expect(label).toBe(x * y >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.3);
    }
    for (const [x, y] of points('spiral')) expect(Math.hypot(x, y)).toBeLessThanOrEqual(5 + 1e-9);
  });

  it('noise flips some circle labels relative to the shape', () => {
    const t = generateSynthetic('circle', { seed: 4, size: 500, noise: 0.5 });
    if (!t.ok) throw new Error(t.error.message);
    const flipped = t.value.rows
      .map((r) => r.map(Number))
      .filter(([x, y, l]) => l !== (Math.hypot(x, y) < 2.5 ? 1 : 0));
    expect(flipped.length).toBeGreaterThan(10);
  });

  it('rejects bad settings with a message', () => {
    const tooSmall = loadSynthetic('moons', { seed: 1, size: 5 });
    expect(!tooSmall.ok && tooSmall.error).toMatchObject({ code: 'bad-options', file: 'moons (synthetic)' });
    const noisy = generateSynthetic('xor', { seed: 1, noise: 2 });
    expect(!noisy.ok && noisy.error.message).toBe('Noise must be between 0 and 1 (got 2).');
  });

  it('defaults to 500 points and takes split options', () => {
    const result = loadSynthetic('gaussian', { seed: 3, folds: 4 });
    expect(result.ok && result.value.dataset.rows).toBe(500);
    expect(result.ok && result.value.dataset.splits.folds).toHaveLength(4);
  });
});
