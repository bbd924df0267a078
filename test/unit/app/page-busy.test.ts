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
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const later = (run: () => void, ms: number) => {
    const timer = { run, ms, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  const busy = new PageBusy(
    (message) => posted.push(message.busy),
    afterFrame,
    () => hidden,
    later,
  );
  const frame = () => frames.splice(0).forEach((run) => run());
  const elapse = () => timers.splice(0).forEach((t) => t.cancelled || t.run());
  return { busy, posted, frame, afterFrame, timers, elapse };
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

  it('start ahead of announced work and end after the frame that follows it', () => {
    const { busy, posted, frame, timers, elapse } = setup();
    busy.ahead(24);
    expect(posted).toEqual([true]);
    expect(timers.map((t) => t.ms)).toEqual([24]);
    // Frames before the work comes do not end the spell.
    frame();
    expect(posted).toEqual([true]);
    busy.working();
    elapse();
    expect(posted).toEqual([true]);
    frame();
    expect(posted).toEqual([true, false]);
  });

  it('end after the announced time and a frame when the work never comes', () => {
    const { busy, posted, frame, elapse } = setup();
    busy.ahead(24);
    frame();
    elapse();
    expect(posted).toEqual([true]);
    frame();
    expect(posted).toEqual([true, false]);
  });

  it('are not announced by a hidden page, which draws no frames to end them', () => {
    const { busy, posted, frame, elapse } = setup(true);
    busy.working();
    busy.ahead(24);
    frame();
    elapse();
    expect(posted).toEqual([]);
  });
});
