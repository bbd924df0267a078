import { describe, expect, it } from 'vitest';
import { PageBusy } from '../../../src/app/page-busy';

function setup(hidden = false) {
  const posted: boolean[] = [];
  const frames: (() => void)[] = [];
  const afterFrame = (run: () => void) => {
    let cancelled = false;
    frames.push(() => {
      if (!cancelled) run();
    });
    return () => (cancelled = true);
  };
  const busy = new PageBusy(
    (message) => posted.push(message.busy),
    afterFrame,
    () => hidden,
  );
  const frame = () => frames.splice(0).forEach((run) => run());
  return { busy, posted, frame, afterFrame };
}

describe("the page's busy spells, as the trainers hear them", () => {
  it('start with the first piece of work and end after a frame with no more', () => {
    const { busy, posted, frame } = setup();
    busy.working();
    busy.working();
    expect(posted).toEqual([true]);
    frame();
    expect(posted).toEqual([true, false]);
    frame();
    expect(posted).toEqual([true, false]);
  });

  it('last while work planned after the next frame follows (a chart redrawn after the events shown)', () => {
    const { busy, posted, frame, afterFrame } = setup();
    busy.working();
    // The chart plans its redraw for after the next frame, then says so.
    afterFrame(() => busy.working());
    busy.working();
    frame();
    expect(posted).toEqual([true]);
    frame();
    expect(posted).toEqual([true, false]);
    busy.working();
    expect(posted).toEqual([true, false, true]);
  });

  it('are not announced by a hidden page, which draws no frames to end them', () => {
    const { busy, posted, frame } = setup(true);
    busy.working();
    frame();
    expect(posted).toEqual([]);
  });
});
