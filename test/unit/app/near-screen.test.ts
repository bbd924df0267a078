import { afterEach, describe, expect, it, vi } from 'vitest';

type Entry = { target: unknown; isIntersecting: boolean };

async function load() {
  vi.resetModules();
  return import('../../../src/app/near-screen');
}

afterEach(() => vi.unstubAllGlobals());

describe('whether an element is near the screen', () => {
  it('tells each watcher about its own element from one shared observer, until it stops', async () => {
    const made: { callback: (entries: Entry[]) => void; observed: Set<unknown>; margin?: string }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observed = new Set<unknown>();
        constructor(callback: (entries: Entry[]) => void, options: { rootMargin?: string }) {
          made.push({ callback, observed: this.observed, margin: options.rootMargin });
        }
        observe(e: unknown) {
          this.observed.add(e);
        }
        unobserve(e: unknown) {
          this.observed.delete(e);
        }
      },
    );
    const { watchNear } = await load();
    const a = {} as Element;
    const b = {} as Element;
    const seen: string[] = [];
    const stopA = watchNear(a, (near) => seen.push(`a ${near}`));
    watchNear(b, (near) => seen.push(`b ${near}`));
    expect(made).toHaveLength(1);
    expect(made[0].margin).toBe('200px');
    made[0].callback([
      { target: b, isIntersecting: true },
      { target: a, isIntersecting: false },
    ]);
    expect(seen).toEqual(['b true', 'a false']);
    stopA!();
    expect(made[0].observed.has(a)).toBe(false);
    made[0].callback([{ target: a, isIntersecting: true }]);
    expect(seen).toEqual(['b true', 'a false']);
  });

  it('cannot tell where IntersectionObserver is missing', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { watchNear } = await load();
    expect(watchNear({} as Element, () => {})).toBeUndefined();
  });
});
