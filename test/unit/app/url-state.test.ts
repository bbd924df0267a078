import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSetup,
  encodeSetup,
  fromBase64Url,
  HIDEABLE_GROUPS,
  MAX_HASH_LENGTH,
  toBase64Url,
} from '../../../src/app/url-state';
import { joinColumnNames, splitColumnNames } from '../../../src/app/url-fields';
import { defaultSetup, type ExperimentSetup } from '../../../src/core/experiment';
import { courseSearchSpace, validateSpace } from '../../../src/core/space';
import type { SearchSpace } from '../../../src/core/space/types';
import { Study } from '../../../src/core/study';

function setupWith(edit: (s: ExperimentSetup) => void): ExperimentSetup {
  const s = defaultSetup();
  edit(s);
  return s;
}

const customSpace: SearchSpace = {
  params: [
    { kind: 'choice', name: 'optimizer', values: ['adam', 'sgd'] },
    { kind: 'float', name: 'learning_rate', min: 1e-5, max: 0.1, sampling: 'log', gridPoints: 4 },
    { kind: 'int', name: 'layers', min: 1, max: 3 },
    { kind: 'int', name: 'units_2', min: 8, max: 64, step: 8, condition: { parent: 'layers', values: [3] } },
    { kind: 'boolean', name: 'größe ☃ & <b>', condition: { parent: 'optimizer', values: ['sgd'] } },
    { kind: 'fixed', name: 'batch_size', value: 64 },
  ],
};

const varied: [string, ExperimentSetup][] = [
  ['the default', defaultSetup()],
  [
    'random search on iris with a target',
    setupWith((s) => {
      s.dataset.source = { kind: 'catalogue', id: 'iris' };
      s.dataset.target = 'variety';
      s.study.tuner = { ...s.study.tuner, algorithm: 'random', maxTrials: 50, epochs: 20 };
      s.study.objective = { metric: 'val_loss', direction: 'min' };
    }),
  ],
  [
    'synthetic spiral, Bayesian, custom space',
    setupWith((s) => {
      s.dataset = { source: { kind: 'catalogue', id: 'spiral' }, size: 1200, noise: 0.35, folds: 5 };
      s.study.tuner = {
        ...s.study.tuner,
        algorithm: 'bayesian',
        acquisition: 'ei',
        beta: 1.5,
        alpha: 1e-7,
        initialPoints: 8,
      };
      s.study.space = customSpace;
      s.study.scoring = 'last';
      s.study.executionsPerTrial = 3;
      s.study.seed = 2 ** 31 - 1;
      s.workers = 16;
      s.backend = 'webgpu';
      s.earlyStopping = { enabled: true, patience: 7 };
    }),
  ],
  [
    'ASHA with data budget and irrelevant non-defaults',
    setupWith((s) => {
      s.study.tuner = {
        ...s.study.tuner,
        algorithm: 'asha',
        maxEpochs: 27,
        minEpochs: 3,
        factor: 3,
        gridPoints: 9,
        eiCandidates: 64,
      };
      s.study.budget = 'data';
      s.study.seed = 0;
      s.earlyStopping = { enabled: false, patience: 10 };
      s.timeBudget = 5;
    }),
  ],
  [
    'paper Hyperband, 3 iterations',
    setupWith((s) => {
      s.study.tuner = {
        ...s.study.tuner,
        variant: 'paper',
        iterations: 3,
        maxEpochs: 81,
        factor: 3,
        maxTrials: 10_000,
      };
    }),
  ],
  [
    'grid and TPE settings',
    setupWith((s) => {
      s.study.tuner = {
        ...s.study.tuner,
        algorithm: 'tpe',
        gridPoints: 2,
        initialPoints: 0,
        eiCandidates: 12,
        initialConfigs: 9,
      };
      s.dataset.target = 'a & b, "c" = d%20?#';
    }),
  ],
  [
    'a dataset read with the header switch and edited roles',
    setupWith((s) => {
      s.dataset.source = { kind: 'catalogue', id: 'iris' };
      s.dataset.target = 'petal_width';
      s.dataset.header = false;
      s.dataset.exclude = ['sepal_width', 'a, b', 'back\\slash'];
      s.dataset.include = ['id'];
      s.dataset.categorical = ['0', '56'];
      s.dataset.numeric = ['petal_width'];
    }),
  ],
];

describe('URL state: round trip', () => {
  it.each(varied)('decode(encode(s)) equals s for %s', (_name, setup) => {
    const decoded = decodeSetup(encodeSetup(setup));
    expect(decoded.notices).toEqual([]);
    expect(decoded.setup).toEqual(setup);
  });

  it('round-trips the UI options', () => {
    const hash = encodeSetup(defaultSetup(), {
      hide: ['dataset', 'space', 'tuner', 'backend'],
      presenter: true,
      theme: 'dark',
    });
    expect(hash).toContain('hide=dataset,space,tuner,backend');
    expect(decodeSetup(hash).ui).toEqual({
      hide: ['dataset', 'space', 'tuner', 'backend'],
      presenter: true,
      theme: 'dark',
    });
    expect(decodeSetup(encodeSetup(defaultSetup())).ui).toEqual({ hide: [], presenter: false });
  });

  it('is readable, and carries the space only when it differs from the preset', () => {
    const hash = encodeSetup(defaultSetup());
    expect(hash).toBe(
      '#v=1&dataset=spiral&size=1000&noise=0.2&tuner=hyperband&maxTrials=30&maxEpochs=10&factor=3&iterations=1&variant=keras-tuner&metric=val_accuracy&direction=max&seed=42',
    );
    expect(encodeSetup(varied[2][1])).toMatch(/&space=[A-Za-z0-9_-]+/);
  });

  it('writes a time budget as time=<minutes>, any whole minutes, and refuses the rest with a notice', () => {
    expect(encodeSetup(setupWith((s) => (s.timeBudget = 15)))).toContain('&time=15');
    expect(encodeSetup(setupWith((s) => (s.timeBudget = 7)))).toContain('&time=7');
    expect(encodeSetup(defaultSetup())).not.toContain('time=');
    expect(decodeSetup('#v=1&dataset=banknote&time=7').setup.timeBudget).toBe(7);
    expect(decodeSetup('#v=1&dataset=banknote&time=600').setup.timeBudget).toBe(600);
    for (const odd of ['601', '2.5', '-3', 'ten']) {
      const decoded = decodeSetup(`#v=1&dataset=banknote&time=${odd}`);
      expect(decoded.setup.timeBudget, odd).toBe(0);
      expect(decoded.notices.join(' '), odd).toContain('expected whole minutes from 1 to 600');
    }
  });

  it('accepts a hash with or without the leading #', () => {
    expect(decodeSetup('dataset=iris&seed=7').setup.study.seed).toBe(7);
    expect(decodeSetup('#dataset=iris&seed=7').setup.dataset.source).toEqual({
      kind: 'catalogue',
      id: 'iris',
    });
  });
});

describe('URL state: dataset roles', () => {
  it('writes the header switch and role lists readably, only when set', () => {
    const hash = encodeSetup(
      setupWith((s) => {
        s.dataset.header = true;
        s.dataset.exclude = ['Name', 'Ticket'];
        s.dataset.categorical = ['Pclass'];
      }),
    );
    expect(hash).toContain('&header=yes&exclude=Name,Ticket&categorical=Pclass&');
    expect(encodeSetup(defaultSetup())).not.toMatch(/header|exclude|include|categorical|numeric/);
  });

  it('escapes commas and backslashes inside names', () => {
    expect(joinColumnNames(['a,b', 'c\\d', 'e'])).toBe('a\\,b,c\\\\d,e');
    expect(splitColumnNames('a\\,b,c\\\\d,e')).toEqual(['a,b', 'c\\d', 'e']);
    expect(splitColumnNames('a\\x')).toBeUndefined();
  });

  it('ignores bad role settings with a notice', () => {
    const { setup, notices } = decodeSetup('#header=maybe&exclude=a,,b&numeric=x%5Cy');
    expect(setup.dataset.header).toBeUndefined();
    expect(setup.dataset.exclude).toBeUndefined();
    expect(setup.dataset.numeric).toBeUndefined();
    expect(notices).toEqual([
      'Ignored header="maybe": expected auto, yes or no.',
      'Ignored exclude="a,,b": expected column names of 1 to 200 characters, separated by commas.',
      'Ignored numeric="x\\\\y": a backslash must be followed by a comma or a backslash.',
    ]);
    expect(decodeSetup('#header=auto').setup.dataset.header).toBeUndefined();
  });
});

describe('URL state: bad and hostile links', () => {
  const decode = (hash: string) => decodeSetup(hash);

  it('falls back field by field, naming what it ignored', () => {
    const { setup, notices } = decode(
      '#dataset=iris&workers=99&factor=2.5&seed=-1&epochs=abc&maxTrials=1e3&tuner=magic',
    );
    expect(setup.dataset.source).toEqual({ kind: 'catalogue', id: 'iris' });
    expect(setup.workers).toBe(1);
    expect(setup.study.tuner.factor).toBe(3);
    expect(setup.study.seed).toBe(42);
    expect(setup.study.tuner.epochs).toBe(10);
    expect(setup.study.tuner.maxTrials).toBe(1000);
    expect(setup.study.tuner.algorithm).toBe('hyperband');
    expect(notices).toEqual([
      'Ignored workers="99": expected a whole number from 1 to 16.',
      'Ignored factor="2.5": expected a whole number from 2 to 10.',
      'Ignored seed="-1": expected a whole number from 0 to 2147483647.',
      'Ignored epochs="abc": expected a whole number from 1 to 1000.',
      'Ignored tuner="magic": expected one of random, grid, hyperband, successive-halving, asha, bayesian, tpe.',
    ]);
  });

  it('says a local file must be chosen again and shows the default dataset', () => {
    const setup = setupWith((s) => (s.dataset.source = { kind: 'csv', fileName: 'my data.csv' }));
    const hash = encodeSetup(setup);
    expect(hash).toContain('file=my%20data.csv');
    const decoded = decode(hash);
    expect(decoded.setup.dataset.source).toEqual(defaultSetup().dataset.source);
    expect(decoded.notices).toEqual([]);
    expect(decoded.localFile?.fileName).toBe('my data.csv');
    expect(decoded.localFile?.notice).toMatch(/local file \("my data\.csv"\).*choose it again/);
  });

  it('refuses an unknown dataset, unknown keys, duplicates, bad escapes and prototype keys', () => {
    const { setup, notices } = decode(
      '#dataset=nope&colour=red&seed=1&seed=2&x=%E0%A4%A&__proto__=1&constructor=2&prototype=3',
    );
    expect(setup).toEqual(setupWith((s) => (s.study.seed = 1)));
    expect(notices).toEqual([
      'Ignored the unknown setting "colour".',
      'The setting "seed" appears more than once; the first was used.',
      'Ignored "x=%E0%A4%A": it is not properly encoded.',
      'Ignored the setting "__proto__": that name is not allowed.',
      'Ignored the setting "constructor": that name is not allowed.',
      'Ignored the setting "prototype": that name is not allowed.',
      'Ignored dataset="nope": there is no built-in dataset of that name.',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a hash over 20 kB outright', () => {
    const { setup, notices } = decode(`#seed=7&target=${'x'.repeat(MAX_HASH_LENGTH)}`);
    expect(setup).toEqual(defaultSetup());
    expect(notices[0]).toMatch(/too long/);
  });

  it.each([
    ['not base64', '***', /not valid base64url/],
    ['not JSON', toBase64Url('{params:'), /not valid JSON/],
    [
      'an invalid space',
      toBase64Url(JSON.stringify({ params: [{ kind: 'int', name: 'a', min: 5, max: 1 }] })),
      /a: min \(5\) is greater than max/,
    ],
    [
      'a prototype key',
      toBase64Url('{"params":[{"kind":"boolean","name":"a","__proto__":{"polluted":1}}]}'),
      /key "__proto__"/,
    ],
    [
      'a constructor key',
      toBase64Url('{"params":[],"constructor":{"prototype":{"x":1}}}'),
      /key "constructor"/,
    ],
    [
      'a parameter named __proto__',
      toBase64Url('{"params":[{"kind":"boolean","name":"__proto__"}]}'),
      /not allowed/,
    ],
    [
      'an enormous grid',
      toBase64Url('{"params":[{"kind":"int","name":"a","min":0,"max":1000000000}]}'),
      /more than 10000 values/,
    ],
    ['an empty space', toBase64Url('{"params":[]}'), /no parameters/],
  ])('falls back to the course space for %s', (_name, encoded, reason) => {
    const { setup, notices } = decode(`#space=${encoded}`);
    expect(setup.study.space).toEqual(courseSearchSpace());
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(reason);
    expect(notices[0]).toMatch(/course's search space is used/);
  });

  it('keeps markup out of notices', () => {
    const { notices } = decode('#dataset=<img src=x onerror=alert(1)>&theme=<script>&hide=<b>,space&<i>=1');
    expect(notices.length).toBe(4);
    for (const n of notices) expect(n).not.toMatch(/[<>]/);
  });

  it('truncates long values in notices', () => {
    const { notices } = decode(`#dataset=${'a'.repeat(5000)}`);
    expect(notices[0].length).toBeLessThan(150);
  });

  it('checks minEpochs against maxEpochs', () => {
    const { setup, notices } = decode('#tuner=asha&maxEpochs=5&minEpochs=9');
    expect(setup.study.tuner.minEpochs).toBe(1);
    expect(notices).toEqual(['Ignored minEpochs=9: it must not exceed maxEpochs (5).']);
  });

  it('reads hide lists leniently and ignores unknown groups', () => {
    const { ui, notices } = decode('#hide=dataset,,tuner,dataset,secret&presenter=yes&theme=dark');
    expect(ui).toEqual({ hide: ['dataset', 'tuner'], presenter: false, theme: 'dark' });
    expect(notices).toEqual([
      `Ignored hide="secret": the groups that can be hidden are ${HIDEABLE_GROUPS.join(', ')}.`,
      'Ignored presenter="yes": expected 1 or 0.',
    ]);
  });

  it('base64url round-trips any text, and rejects malformed input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fromBase64Url(toBase64Url(s)) === s));
    expect(fromBase64Url('a')).toBeUndefined();
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url(toBase64Url('x').slice(0, 1))).toBeUndefined();
    expect(fromBase64Url('_-8')).toBeUndefined();
  });
});

/** What every decoded setup must satisfy, however hostile the link. */
function expectValid(setup: ExperimentSetup, notices: string[]): void {
  expect(() => validateSpace(setup.study.space)).not.toThrow();
  const { tuner } = setup.study;
  const inRange = (x: number, min: number, max: number) => Number.isInteger(x) && x >= min && x <= max;
  expect(inRange(setup.workers, 1, 16)).toBe(true);
  expect(inRange(tuner.maxTrials, 1, 10_000)).toBe(true);
  expect(inRange(tuner.factor, 2, 10)).toBe(true);
  expect(inRange(tuner.epochs, 1, 1000)).toBe(true);
  expect(inRange(tuner.maxEpochs, 1, 1000)).toBe(true);
  expect(inRange(tuner.minEpochs, 1, tuner.maxEpochs)).toBe(true);
  expect(inRange(setup.study.seed, 0, 2 ** 31 - 1)).toBe(true);
  expect(inRange(setup.dataset.size, 10, 100_000)).toBe(true);
  expect(setup.dataset.noise >= 0 && setup.dataset.noise <= 1).toBe(true);
  expect(setup.dataset.folds === 0 || inRange(setup.dataset.folds, 2, 20)).toBe(true);
  expect(tuner.alpha > 0 && tuner.alpha <= 1).toBe(true);
  expect(setup.dataset.source.kind).toBe('catalogue');
  for (const n of notices) expect(n).not.toMatch(/[<>]/);
  expect(() => new Study(setup.study)).not.toThrow();
}

describe('URL state: fuzz', () => {
  const keys = fc.constantFrom(
    'v',
    'dataset',
    'file',
    'target',
    'header',
    'exclude',
    'include',
    'categorical',
    'numeric',
    'size',
    'noise',
    'folds',
    'tuner',
    'maxTrials',
    'epochs',
    'maxEpochs',
    'factor',
    'iterations',
    'variant',
    'minEpochs',
    'initialConfigs',
    'gridPoints',
    'acquisition',
    'beta',
    'alpha',
    'initialPoints',
    'eiCandidates',
    'metric',
    'direction',
    'scoring',
    'executions',
    'seed',
    'budget',
    'time',
    'workers',
    'backend',
    'earlyStopping',
    'patience',
    'space',
    'hide',
    'presenter',
    'theme',
    '__proto__',
    'constructor',
    'prototype',
  );
  const values = fc.oneof(
    fc.string(),
    fc.integer().map(String),
    fc.double().map(String),
    fc.constantFrom(
      'hyperband',
      'asha',
      'grid',
      'tpe',
      'bayesian',
      'iris',
      'spiral',
      'true',
      '1',
      '0',
      '-0',
      '1e3',
      'NaN',
      'Infinity',
      '%',
      '%E0',
    ),
    fc.jsonValue().map((j) => toBase64Url(JSON.stringify(j) ?? 'null')),
  );

  it('never throws on arbitrary strings and always returns a valid setup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (hash) => {
        const { setup, notices } = decodeSetup(hash);
        expectValid(setup, notices);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary key/value pairs and always returns a valid setup', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 12 }), fc.boolean(), (pairs, encode) => {
        const hash = '#' + pairs.map(([k, v]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join('&');
        const { setup, notices } = decodeSetup(hash);
        expectValid(setup, notices);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts arbitrary valid search spaces from a link, and round-trips them', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'units_0', 'lr', 'x y', 'é');
    const param = fc.oneof(
      fc
        .record({
          kind: fc.constant('int' as const),
          min: fc.integer({ min: -50, max: 50 }),
          span: fc.integer({ min: 0, max: 100 }),
          step: fc.integer({ min: 1, max: 9 }),
        })
        .map(({ kind, min, span, step }) => ({ kind, min, max: min + span, step })),
      fc
        .record({
          kind: fc.constant('float' as const),
          min: fc.double({ min: 0.001, max: 1, noNaN: true }),
          span: fc.double({ min: 0, max: 10, noNaN: true }),
        })
        .map(({ kind, min, span }) => ({ kind, min, max: min + span, sampling: 'log' as const })),
      fc
        .uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), {
          minLength: 1,
          maxLength: 5,
        })
        .map((values) => ({ kind: 'choice' as const, values })),
      fc.constant({ kind: 'boolean' as const }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, param), { minLength: 1, maxLength: 6, selector: ([n]) => n }),
        (entries) => {
          const space = { params: entries.map(([n, p]) => ({ name: n, ...p })) } as SearchSpace;
          const setup = setupWith((s) => (s.study.space = space));
          const decoded = decodeSetup(encodeSetup(setup));
          expect(decoded.notices).toEqual([]);
          expect(decoded.setup).toEqual(setup);
        },
      ),
      { numRuns: 200 },
    );
  });
});
