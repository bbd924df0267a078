import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageIsTraining, skipOffscreenPanels, SHOWN } from '../../../src/app/offscreen-panels';

/** A panel: its attributes, and whether it holds a table. */
class Panel {
  attributes = new Set<string>();
  constructor(
    readonly name: string,
    private readonly table = false,
  ) {}
  setAttribute(a: string) {
    this.attributes.add(a);
  }
  removeAttribute(a: string) {
    this.attributes.delete(a);
  }
  hasAttribute(a: string) {
    return this.attributes.has(a);
  }
  querySelector(selector: string) {
    return selector === 'table' && this.table ? {} : null;
  }
}

let classes: Set<string>;
let panels: Panel[];
let frames: (() => void)[];
const nextFrame = (run: () => void) => {
  frames.push(run);
  return () => void frames.splice(frames.indexOf(run), 1);
};
const shown = () => panels.filter((p) => p.hasAttribute(SHOWN)).map((p) => p.name);

beforeEach(() => {
  classes = new Set();
  frames = [];
  panels = [new Panel('setup'), new Panel('leaderboard', true), new Panel('charts'), new Panel('export')];
  const body = {
    classList: {
      toggle: (c: string, on: boolean) => void (on ? classes.add(c) : classes.delete(c)),
      contains: (c: string) => classes.has(c),
    },
    querySelectorAll: (selector: string) =>
      panels.filter((p) => (selector.includes(':not(') ? !p.hasAttribute(SHOWN) : p.hasAttribute(SHOWN))),
  };
  vi.stubGlobal('document', { body });
});
afterEach(() => vi.unstubAllGlobals());

describe('off-screen panels during a search', () => {
  it('are skipped while it trains', () => {
    skipOffscreenPanels(true, nextFrame);
    expect(classes.has('training')).toBe(true);
    expect(pageIsTraining()).toBe(true);
  });

  it('render again as it ends: panels with a table at once, the others one per frame, then the class goes', () => {
    skipOffscreenPanels(true, nextFrame);
    skipOffscreenPanels(false, nextFrame);
    // Skipped content has no innerText: whoever reads "Search finished." reads the leaderboard.
    expect(shown()).toEqual(['leaderboard']);
    expect(classes.has('training')).toBe(true);
    frames.shift()!();
    expect(shown()).toEqual(['setup', 'leaderboard']);
    frames.shift()!();
    frames.shift()!();
    expect(shown()).toEqual(['setup', 'leaderboard', 'charts', 'export']);
    frames.shift()!();
    expect(classes.has('training')).toBe(false);
    expect(shown()).toEqual([]);
    expect(frames).toEqual([]);
  });

  it('a search that starts again while panels are still being rendered skips them all again', () => {
    skipOffscreenPanels(true, nextFrame);
    skipOffscreenPanels(false, nextFrame);
    frames.shift()!();
    skipOffscreenPanels(true, nextFrame);
    expect(frames).toEqual([]);
    expect(shown()).toEqual([]);
    expect(classes.has('training')).toBe(true);
  });

  it('does nothing at the end when no search trained', () => {
    skipOffscreenPanels(false, nextFrame);
    expect(frames).toEqual([]);
    expect(classes.has('training')).toBe(false);
  });
});
