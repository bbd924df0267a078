import { describe, expect, it } from 'vitest';
import { PageCourtesy, type PageChannel } from '../../../src/train/page-courtesy';

const channel = (): PageChannel => ({ onmessage: null });
const say = (c: PageChannel, busy: boolean) => c.onmessage?.({ data: { busy } } as MessageEvent);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('training makes way for the page', () => {
  it('does nothing until the trainer listens, however busy the page says it is', async () => {
    const courtesy = new PageCourtesy(() => performance.now(), 0, 1000);
    courtesy.hear({ busy: true });
    const started = performance.now();
    await courtesy.between();
    expect(performance.now() - started).toBeLessThan(50);
    expect(courtesy.waitedMs).toBe(0);
  });

  it('waits between steps while the page is busy, and goes on as soon as the page is done', async () => {
    const c = channel();
    const courtesy = new PageCourtesy(() => performance.now(), 0, 1000);
    courtesy.listen(c);
    say(c, true);
    const started = performance.now();
    setTimeout(() => say(c, false), 40);
    await courtesy.between();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(35);
    expect(waited).toBeLessThan(500);
    expect(courtesy.waitedMs).toBeGreaterThanOrEqual(35);
    // The page is idle now: the next step goes straight on.
    const next = performance.now();
    await courtesy.between();
    expect(performance.now() - next).toBeLessThan(30);
  });

  it('waits at most maxWaitMs in one busy spell, for a page that never says it is done', async () => {
    const c = channel();
    const courtesy = new PageCourtesy(() => performance.now(), 0, 40);
    courtesy.listen(c);
    say(c, true);
    const started = performance.now();
    await courtesy.between();
    await courtesy.between();
    await courtesy.between();
    const spent = performance.now() - started;
    expect(spent).toBeGreaterThanOrEqual(35);
    expect(spent).toBeLessThan(200);
    // A new spell may hold the trainer again.
    say(c, false);
    say(c, true);
    const again = performance.now();
    await courtesy.between();
    expect(performance.now() - again).toBeGreaterThanOrEqual(35);
  });

  it('does not yield within an epoch unless it has heard the page lately', async () => {
    let now = 0;
    const c = channel();
    const courtesy = new PageCourtesy(() => now, 4, 1000, 2000);
    courtesy.listen(c);
    const settledAt = async () => {
      let done = false;
      void courtesy.between().then(() => (done = true));
      await Promise.resolve();
      await Promise.resolve();
      return done;
    };
    // Nobody has spoken (the bench's trainers): each step goes straight on.
    now = 100;
    expect(await settledAt()).toBe(true);
    // The page spoke a moment ago: past a slice, the step yields to hear more.
    say(c, false);
    now = 105;
    expect(await settledAt()).toBe(false);
    // Silent for longer than activeMs: straight on again.
    now = 2200;
    expect(await settledAt()).toBe(true);
  });

  it('lets messages in only once per slice of work', async () => {
    let now = 0;
    const c = channel();
    const courtesy = new PageCourtesy(() => now, 4, 1000);
    courtesy.listen(c);
    say(c, true);
    // Within the slice the step does not even yield, so a busy page costs nothing yet.
    now = 3;
    let done = false;
    void courtesy.between().then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(true);
    // Past the slice it yields and, the page being busy, waits for it.
    now = 5;
    done = false;
    void courtesy.between().then(() => (done = true));
    await sleep(20);
    expect(done).toBe(false);
    say(c, false);
    await sleep(0);
    expect(done).toBe(true);
  });
});

describe('a trainer that keeps a keeper slot', () => {
  it('trains on while the page is busy; one that gets a slot later stops waiting from then', async () => {
    const c = channel();
    const keeper = {
      keeps: false,
      claims: 0,
      claim() {
        this.claims++;
      },
    };
    const courtesy = new PageCourtesy(() => performance.now(), 0, 1000);
    courtesy.listen(c, keeper);
    expect(keeper.claims).toBe(1);
    say(c, true);
    expect(keeper.claims).toBe(2);
    setTimeout(() => say(c, false), 30);
    let started = performance.now();
    await courtesy.between();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);

    keeper.keeps = true;
    say(c, true);
    started = performance.now();
    await courtesy.between();
    expect(performance.now() - started).toBeLessThan(20);
    expect(courtesy.waitedMs).toBeLessThan(200);
  });
});
