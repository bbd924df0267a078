import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShownEvents } from '../../../src/app/state/shown-events';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the tuner's events on the page", () => {
  it('are shown together at most once per interval, in order, each with when it arrived', () => {
    const shown: [string, number][] = [];
    const events = new ShownEvents<string>(250, (event, at) => shown.push([event, at]));
    events.receive('a');
    events.receive('b');
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(shown.map(([e]) => e)).toEqual(['a', 'b']);
    // The next batch waits out the interval from the last showing, and keeps each arrival time.
    vi.advanceTimersByTime(50);
    events.receive('c');
    vi.advanceTimersByTime(100);
    events.receive('d');
    vi.advanceTimersByTime(99);
    expect(shown).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(shown.map(([e]) => e)).toEqual(['a', 'b', 'c', 'd']);
    expect(shown[3][1] - shown[2][1]).toBe(100);
  });

  it('say once before each batch that the page is about to show it', () => {
    const log: string[] = [];
    const events = new ShownEvents<string>(
      250,
      (event) => log.push(event),
      () => log.push('busy'),
    );
    events.receive('a');
    events.receive('b');
    vi.advanceTimersByTime(0);
    events.receive('c');
    vi.advanceTimersByTime(250);
    expect(log).toEqual(['busy', 'a', 'b', 'busy', 'c']);
  });

  it('with a lead, are announced that long before each batch is shown', () => {
    const log: string[] = [];
    const events = new ShownEvents<string>(
      250,
      (event) => log.push(event),
      () => log.push('busy'),
      () => 24,
      (inMs) => log.push(`ahead ${inMs}`),
    );
    // After a quiet spell the batch waits out the lead.
    events.receive('a');
    vi.advanceTimersByTime(0);
    expect(log).toEqual(['ahead 24']);
    vi.advanceTimersByTime(23);
    expect(log).toEqual(['ahead 24']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['ahead 24', 'busy', 'a']);
    // Within the interval, the announcement comes 24 ms before the batch.
    events.receive('b');
    vi.advanceTimersByTime(225);
    expect(log).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('ahead 24');
    vi.advanceTimersByTime(23);
    expect(log).toHaveLength(4);
    vi.advanceTimersByTime(1);
    expect(log.slice(4)).toEqual(['busy', 'b']);
  });

  it('with no lead, are shown as soon as the interval allows and never announced', () => {
    const log: string[] = [];
    const events = new ShownEvents<string>(
      250,
      (event) => log.push(event),
      () => log.push('busy'),
      () => 0,
      () => log.push('ahead'),
    );
    events.receive('a');
    vi.advanceTimersByTime(0);
    expect(log).toEqual(['busy', 'a']);
  });

  it('drop what has not been shown, and its announcement', () => {
    const log: string[] = [];
    const events = new ShownEvents<string>(
      250,
      (event) => log.push(event),
      () => {},
      () => 24,
      () => log.push('ahead'),
    );
    events.receive('a');
    vi.advanceTimersByTime(0);
    events.drop();
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['ahead']);
    events.receive('b');
    events.drop();
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['ahead']);
  });

  it('drop what has not been shown', () => {
    const shown: string[] = [];
    const events = new ShownEvents<string>(250, (event) => shown.push(event));
    events.receive('old');
    events.drop();
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([]);
    events.receive('new');
    vi.advanceTimersByTime(0);
    expect(shown).toEqual(['new']);
  });
});
