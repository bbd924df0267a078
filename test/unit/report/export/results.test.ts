import { describe, expect, it } from 'vitest';
import { Study } from '../../../../src/core/study';
import { resultsCsv, resultsJson } from '../../../../src/report/export/results-file';
import { parseResultsJson } from '../../../../src/report/read/results-reader';
import { RESULTS_FORMAT } from '../../../../src/report/results-format';
import type { SearchSpace } from '../../../../src/core/space/types';
import type { Trial } from '../../../../src/core/study';
import { courseSettings, runStudy } from '../../support/report-fixtures';

const meta = {
  datasetName: 'Banknote authentication',
  backend: 'wasm',
  createdAt: '2025-01-02T03:04:05.000Z',
};

function parseOk(text: string) {
  const parsed = parseResultsJson(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('results JSON', () => {
  it('round-trips a finished Hyperband study exactly, failures and non-finite metrics included', () => {
    const study = runStudy(courseSettings({ maxEpochs: 9, factor: 3 }, { executionsPerTrial: 2 }), {
      fail: [1, 4],
      stopAt: 6,
    });
    const state = study.toJSON();
    expect(state.trials.some((t) => t.state === 'failed')).toBe(true);
    const text = resultsJson(state, meta);
    const { meta: readMeta, state: readState } = parseOk(text);
    expect(readMeta).toEqual(meta);
    expect(readState).toEqual(state);
    const failed = readState.trials.find((t) => t.state === 'failed')!;
    const last = failed.executions[0].history.at(-1)!;
    expect(last.metrics.val_accuracy).toBeNaN();
    expect(last.metrics.val_loss).toBe(Infinity);
    expect(last.metrics.loss).toBe(-Infinity);
    expect(Study.restore(readState).toJSON()).toEqual(Study.restore(state).toJSON());
    expect(Study.restore(readState).toJSON()).toEqual(state);
  });

  it('round-trips a study stopped half-way (running trials re-queued on restore)', () => {
    const study = new Study(courseSettings({ algorithm: 'random', maxTrials: 5, epochs: 2 }));
    const a = study.next();
    study.next();
    if (a.kind !== 'trial') throw new Error('expected a trial');
    study.recordExecution(a.trial.id, {
      status: 'completed',
      history: [{ epoch: 1, metrics: { val_accuracy: 0.7 } }],
    });
    const state = study.toJSON();
    const read = parseOk(resultsJson(state, { datasetName: 'x', createdAt: 'now' })).state;
    expect(read).toEqual(state);
    expect(Study.restore(read).toJSON()).toEqual(Study.restore(state).toJSON());
  });

  it('is self-describing: format, version, summary with the best trial', () => {
    const study = runStudy(courseSettings({ algorithm: 'random', maxTrials: 4, epochs: 2 }));
    const file = JSON.parse(resultsJson(study.toJSON(), meta));
    expect(file).toMatchObject({
      format: RESULTS_FORMAT,
      version: 1,
      dataset: meta.datasetName,
      backend: 'wasm',
    });
    expect(file.about).toMatch(/tuning playground/);
    expect(file.summary).toMatchObject({
      trials: 4,
      completed: 4,
      failed: 0,
      best: { id: study.best()!.id },
    });
    expect(file.state.trials[0].executions[0].history.length).toBe(2);
  });

  it.each([
    ['not JSON', '{"format":', /not a JSON file/],
    ['another JSON', '{"hello": 1}', /not a tuning playground results file/],
    [
      'a newer version',
      `{"format": "${RESULTS_FORMAT}", "version": 2}`,
      /version 2; this app reads version 1/,
    ],
    ['an array', '[1, 2]', /expected an object, got a list/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const parsed = parseResultsJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('names the damaged field', () => {
    const study = runStudy(courseSettings({ algorithm: 'random', maxTrials: 3, epochs: 2 }));
    const good = JSON.parse(resultsJson(study.toJSON(), meta));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits arbitrary fields of parsed JSON
    const damage = (edit: (file: any) => void): string => {
      const copy = structuredClone(good);
      edit(copy);
      const parsed = parseResultsJson(JSON.stringify(copy));
      return parsed.ok ? 'accepted' : parsed.error;
    };
    expect(damage((f) => (f.state.trials[1].score = 'high'))).toMatch(
      /state\.trials\[1\]\.score: expected a number, got text/,
    );
    expect(damage((f) => (f.state.trials[0].state = 'exploded'))).toMatch(
      /state\.trials\[0\]\.state: expected one of pending/,
    );
    expect(damage((f) => (f.state.settings.space.params[0].min = 9))).toMatch(
      /state\.settings\.space: layers: min \(9\) is greater than max/,
    );
    expect(damage((f) => (f.state.events[0] = { ask: 'nobody' }))).toMatch(
      /state\.events\[0\]: no trial has the id "nobody"/,
    );
    expect(damage((f) => f.state.trials.push(f.state.trials[0]))).toMatch(/is used twice/);
    expect(damage((f) => delete f.state.settings.tuner.factor)).toMatch(
      /state\.settings\.tuner\.factor: expected a number, got nothing/,
    );
    expect(
      damage((f) => (f.state.trials[0].executions[0].history[0].metrics = JSON.parse('{"__proto__": 1}'))),
    ).toMatch(/__proto__/);
  });

  it('never throws on hostile input', () => {
    for (const text of [
      '',
      'null',
      '"x"',
      '1e999',
      '['.repeat(100_000),
      `{"format":"${RESULTS_FORMAT}","version":1,"dataset":"d","createdAt":"c","state":null}`,
    ]) {
      expect(() => parseResultsJson(text)).not.toThrow();
      expect(parseResultsJson(text).ok).toBe(false);
    }
  });
});

describe('results CSV', () => {
  const space: SearchSpace = {
    params: [
      { kind: 'int', name: 'layers', min: 1, max: 2 },
      {
        kind: 'int',
        name: 'units_1',
        min: 8,
        max: 16,
        step: 8,
        condition: { parent: 'layers', values: [2] },
      },
      { kind: 'choice', name: 'note', values: ['=HYPERLINK("x")', 'a,b', 'say "hi"', '-1', '@sum', 'plain'] },
      { kind: 'float', name: '+lr', min: -1, max: 1 },
    ],
  };
  const trial = (over: Partial<Trial>): Trial => ({
    id: 't',
    number: 0,
    config: {},
    resource: 3,
    state: 'completed',
    executions: [],
    ...over,
  });

  it('writes one row per trial with a column per hyperparameter, empty when inactive', () => {
    const csv = resultsCsv(
      [
        trial({
          id: 't0',
          number: 0,
          config: { layers: 1, note: 'plain', '+lr': -0.5 },
          score: 0.91,
          spread: { std: 0.01, min: 0.9, max: 0.92 },
          bracket: 1,
          round: 0,
        }),
        trial({
          id: 't1',
          number: 1,
          config: { layers: 2, units_1: 16, note: 'a,b', '+lr': 0.25 },
          parentId: 't0',
          state: 'failed',
          reason: 'diverged at epoch 2',
        }),
      ],
      space,
      { metric: 'val_accuracy', direction: 'max' },
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'number,id,state,reason,"score (val_accuracy, max)",std,resource,bracket,round,parent,layers,units_1,note,\'+lr',
    );
    expect(lines[1]).toBe('0,t0,completed,,0.91,0.01,3,1,0,,1,,plain,-0.5');
    expect(lines[2]).toBe('1,t1,failed,diverged at epoch 2,,,3,,,t0,2,16,"a,b",0.25');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('quotes per RFC 4180 and neutralises formulas in text cells only', () => {
    const rows = ['=HYPERLINK("x")', 'say "hi"', '-1', '@sum'].map((note, i) =>
      trial({
        id: `t${i}`,
        number: i,
        config: { layers: 1, note, '+lr': -1 },
        reason: i === 0 ? 'line one\nline two' : undefined,
      }),
    );
    // A quoted line break stays inside its cell: rows are still separated by CRLF only.
    const lines = resultsCsv(rows, space, { metric: 'val_loss', direction: 'min' }).split('\r\n');
    expect(lines[1]).toBe('0,t0,completed,"line one\nline two",,,3,,,,1,,"\'=HYPERLINK(""x"")",-1');
    expect(lines[2]).toContain('"say ""hi"""');
    expect(lines[3]).toMatch(/,-1,-1$/);
    expect(lines[4]).toContain(",'@sum,");
  });
});
