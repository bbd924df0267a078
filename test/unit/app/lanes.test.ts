import { describe, expect, it } from 'vitest';
import { emptyLane, withEpochs, withTrial } from '../../../src/app/state/lanes';
import type { StudySettings, Trial } from '../../../src/core/study';
import type { EpochReport } from '../../../src/train/types';

const settings = {} as StudySettings;
const trial = (id: string, state: Trial['state']) => ({ id, state }) as Trial;
const report = (epoch: number) => ({ epoch }) as EpochReport;
const epoch = (lane: number, n: number) => ({ lane, trialId: 'a', execution: 0, report: report(n) });

describe('lanes on screen', () => {
  it('add a trial, replace it in place, and drop its streamed epochs once it stops running', () => {
    let lane = withTrial(emptyLane(settings), trial('a', 'running'));
    lane = withTrial(lane, trial('b', 'running'));
    [lane] = withEpochs([lane], [epoch(0, 1)]);
    expect(lane.live.a).toEqual([report(1)]);
    lane = withTrial(lane, trial('a', 'completed'));
    expect(lane.trials.map((t) => [t.id, t.state])).toEqual([
      ['a', 'completed'],
      ['b', 'running'],
    ]);
    expect(lane.live.a).toBeUndefined();
  });

  it('append streamed epochs per lane; an epoch not after the last starts a new execution', () => {
    const lanes = [emptyLane(settings), emptyLane(settings)];
    const once = withEpochs(lanes, [epoch(0, 1), epoch(1, 1), epoch(0, 2), epoch(5, 1)]);
    expect(once.map((l) => l.live.a)).toEqual([[report(1), report(2)], [report(1)]]);
    const again = withEpochs(once, [epoch(0, 1)]);
    expect(again[0].live.a).toEqual([report(1)]);
    expect(lanes[0].live).toEqual({});
  });
});
