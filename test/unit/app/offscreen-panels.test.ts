import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { skipOffscreenPanels } from '../../../src/app/offscreen-panels';

let classes: Set<string>;

beforeEach(() => {
  classes = new Set();
  const classList = {
    toggle: (c: string, on: boolean) => void (on ? classes.add(c) : classes.delete(c)),
  };
  vi.stubGlobal('document', { body: { classList } });
});
afterEach(() => vi.unstubAllGlobals());

describe('off-screen panels during a search', () => {
  it('are skipped while it trains and rendered again as soon as it ends, not later', () => {
    skipOffscreenPanels(true);
    expect(classes.has('training')).toBe(true);
    skipOffscreenPanels(false);
    // Skipped content has no innerText: whoever reads "Search finished." must read every panel.
    expect(classes.has('training')).toBe(false);
  });
});
