import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { skipOffscreenPanels } from '../../../src/app/offscreen-panels';

/** An element with only a class list. */
const element = () => {
  const classes = new Set<string>();
  return {
    classList: {
      add: (c: string) => void classes.add(c),
      remove: (c: string) => void classes.delete(c),
      contains: (c: string) => classes.has(c),
    },
    classes,
  };
};

let panels: ReturnType<typeof element>[];
let body: ReturnType<typeof element> & { querySelectorAll: () => unknown[] };
let idle: { id: number; run: () => void }[];
let ids = 0;

beforeEach(() => {
  panels = [element(), element(), element()];
  body = Object.assign(element(), { querySelectorAll: () => panels });
  idle = [];
  vi.stubGlobal('document', { body });
  vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push({ id: ++ids, run }) && ids);
  vi.stubGlobal('cancelIdleCallback', (id: number) => (idle = idle.filter((i) => i.id !== id)));
});
afterEach(() => vi.unstubAllGlobals());

/** Runs the idle callback waiting now (there is at most one). */
function idlePeriod() {
  expect(idle.length).toBeLessThanOrEqual(1);
  idle.shift()?.run();
}

const rendered = () => panels.map((p) => p.classes.has('rendered'));

describe('off-screen panels during a search', () => {
  it('are skipped while it trains and rendered again one per idle period after', () => {
    skipOffscreenPanels(true);
    expect(body.classes.has('training')).toBe(true);
    expect(idle).toHaveLength(0);

    skipOffscreenPanels(false);
    expect(body.classes.has('training')).toBe(true);
    idlePeriod();
    expect(rendered()).toEqual([true, false, false]);
    idlePeriod();
    expect(rendered()).toEqual([true, true, false]);
    idlePeriod();
    expect(rendered()).toEqual([true, true, true]);
    expect(body.classes.has('training')).toBe(true);
    idlePeriod();
    expect(body.classes.has('training')).toBe(false);
    expect(rendered()).toEqual([false, false, false]);
    expect(idle).toHaveLength(0);
  });

  it('skip again when a new search starts before all were rendered', () => {
    skipOffscreenPanels(true);
    skipOffscreenPanels(false);
    idlePeriod();
    idlePeriod();
    skipOffscreenPanels(true);
    expect(body.classes.has('training')).toBe(true);
    expect(rendered()).toEqual([false, false, false]);
    // The rendering that was under way does not go on.
    expect(idle).toHaveLength(0);
    skipOffscreenPanels(false);
    idlePeriod();
    expect(rendered()).toEqual([true, false, false]);
  });

  it('leave a page that never trained alone', () => {
    skipOffscreenPanels(false);
    expect(idle).toHaveLength(0);
    expect(body.classes.has('training')).toBe(false);
  });
});
