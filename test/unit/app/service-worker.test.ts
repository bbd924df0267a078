import { describe, expect, it } from 'vitest';
import { registerWhenQuiet } from '../../../src/app/service-worker';

/** Runs the plan's timers and idle callbacks by hand, in order. */
function clock() {
  const queue: { run: () => void; kind: 'later' | 'idle'; ms?: number }[] = [];
  return {
    queue,
    later: (run: () => void, ms: number) => void queue.push({ run, kind: 'later', ms }),
    idle: (run: () => void) => {
      queue.push({ run, kind: 'idle' });
      return () => {};
    },
    next() {
      const item = queue.shift();
      item?.run();
      return item;
    },
  };
}

describe('the service worker is registered when the page is quiet', () => {
  it('waits some seconds after load, then for an idle period', () => {
    const c = clock();
    let registered = 0;
    registerWhenQuiet({
      register: () => registered++,
      busy: () => false,
      idle: c.idle,
      later: c.later,
      afterMs: 8000,
    });
    expect(c.queue).toEqual([expect.objectContaining({ kind: 'later', ms: 8000 })]);
    c.next();
    expect(registered).toBe(0);
    expect(c.next()?.kind).toBe('idle');
    expect(registered).toBe(1);
    expect(c.queue).toHaveLength(0);
  });

  it('waits for a search that is training, including one that starts before the idle period', () => {
    const c = clock();
    let training = true;
    let registered = 0;
    registerWhenQuiet({ register: () => registered++, busy: () => training, idle: c.idle, later: c.later });
    c.next();
    expect(c.next()?.kind).toBe('later');
    training = false;
    c.next();
    training = true;
    expect(c.next()?.kind).toBe('idle');
    expect(registered).toBe(0);
    training = false;
    c.next();
    c.next();
    expect(registered).toBe(1);
  });
});
