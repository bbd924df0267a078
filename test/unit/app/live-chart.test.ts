import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveChart } from '../../../src/app/charts/live-chart';

type LiveChartModule = typeof import('../../../src/app/charts/live-chart');

/** Time spent inside chart redraws: the fake clock moves only between timers, so draws add to it. */
let drawTime = 0;
let observerCallback: ((entries: { target: unknown; isIntersecting: boolean }[]) => void) | undefined;

function fakeChart(name: string, drawMs: number, log: string[]): LiveChart {
  const canvas = { name } as unknown as HTMLCanvasElement;
  return {
    update: () => {
      drawTime += drawMs;
      log.push(name);
    },
    resize: () => {},
    height: 300,
    destroy: () => {},
    canvas,
  };
}

async function load(): Promise<LiveChartModule> {
  vi.resetModules();
  return import('../../../src/app/charts/live-chart');
}

/** The page scrolled: the chart's canvas comes into view or leaves it. */
function inView(chart: LiveChart, isIntersecting: boolean): void {
  observerCallback?.([{ target: chart.canvas, isIntersecting }]);
}

/** Schedules every chart's first update and reports them all in view. */
function showAll(scheduleUpdate: LiveChartModule['scheduleUpdate'], charts: LiveChart[]): void {
  for (const chart of charts) scheduleUpdate(chart);
  for (const chart of charts) inView(chart, true);
}

/** One frame: the frame callback, then the task it posts (MessageChannel is absent, so it runs inline). */
const nextFrame = () => vi.advanceTimersByTime(16);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  drawTime = 0;
  observerCallback = undefined;
  vi.stubGlobal('MessageChannel', undefined);
  vi.stubGlobal('document', { fullscreenElement: null });
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  vi.stubGlobal('requestIdleCallback', (run: (d: { timeRemaining(): number }) => void) =>
    setTimeout(() => run({ timeRemaining: () => 50 }), 5),
  );
  vi.stubGlobal('cancelIdleCallback', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: typeof observerCallback) {
        observerCallback = callback;
      }
      observe() {}
      unobserve() {}
    },
  );
  vi.spyOn(performance, 'now').mockImplementation(() => Date.now() + drawTime);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('live charts', () => {
  it('starts no slow redraw in a task that has already redrawn a chart', async () => {
    const { scheduleUpdate } = await load();
    const log: string[] = [];
    const charts = [fakeChart('quick', 5, log), fakeChart('slow', 30, log), fakeChart('slower', 40, log)];
    showAll(scheduleUpdate, charts);
    nextFrame();
    expect(log).toEqual(['quick']);
    nextFrame();
    expect(log).toEqual(['quick', 'slow']);
    nextFrame();
    expect(log).toEqual(['quick', 'slow', 'slower']);
    // Known now: the quick one and a slow one no longer share a task either.
    vi.advanceTimersByTime(1000);
    log.length = 0;
    for (const chart of charts) scheduleUpdate(chart);
    nextFrame();
    expect(log).toEqual(['quick']);
  });

  it('redraws charts known to be quick together, up to the frame budget', async () => {
    const { scheduleUpdate } = await load();
    const log: string[] = [];
    const charts = ['a', 'b', 'c', 'd'].map((name) => fakeChart(name, 1, log));
    showAll(scheduleUpdate, charts);
    // Their first redraws' times are unknown: each is assumed to take the whole budget.
    for (let i = 0; i < 4; i++) nextFrame();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    log.length = 0;
    vi.advanceTimersByTime(1000);
    for (const chart of charts) scheduleUpdate(chart);
    nextFrame();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps an off-screen chart waiting while a search trains, and draws it in idle time after', async () => {
    const { scheduleUpdate, setTraining } = await load();
    const log: string[] = [];
    const hidden = fakeChart('hidden', 60, log);
    showAll(scheduleUpdate, [hidden]);
    nextFrame();
    expect(log).toEqual(['hidden']);
    inView(hidden, false);
    setTraining(true);
    log.length = 0;
    scheduleUpdate(hidden);
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual([]);
    setTraining(false);
    vi.advanceTimersByTime(2_000);
    expect(log).toEqual(['hidden']);
  });

  it('drops an idle redraw planned before the search began training', async () => {
    const { scheduleUpdate, setTraining } = await load();
    const log: string[] = [];
    const hidden = fakeChart('hidden', 60, log);
    showAll(scheduleUpdate, [hidden]);
    nextFrame();
    inView(hidden, false);
    log.length = 0;
    scheduleUpdate(hidden);
    vi.advanceTimersByTime(100);
    setTraining(true);
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual([]);
  });

  it('draws a visible chart while a search trains', async () => {
    const { scheduleUpdate, setTraining } = await load();
    const log: string[] = [];
    setTraining(true);
    showAll(scheduleUpdate, [fakeChart('shown', 5, log)]);
    nextFrame();
    expect(log).toEqual(['shown']);
  });

  it('builds an off-screen chart in one idle period and draws it in the next', async () => {
    const { scheduleUpdate } = await load();
    const log: string[] = [];
    const hidden = { ...fakeChart('hidden', 60, log), built: false };
    hidden.create = () => {
      if (hidden.built) return false;
      hidden.built = true;
      log.push('built');
      return true;
    };
    scheduleUpdate(hidden);
    inView(hidden, false);
    // The first idle period after the charts are quiet builds it; the next draws it.
    vi.advanceTimersByTime(1_500);
    vi.advanceTimersByTime(10);
    expect(log).toEqual(['built']);
    vi.advanceTimersByTime(10);
    expect(log).toEqual(['built', 'hidden']);
  });
});
