/** Every tuner setting once: label, range, default and hint. The panel, the URL codec and the reports read this. */
import {
  choiceSetting,
  realSetting,
  wholeSetting,
  type ChoiceSetting,
  type NumberSetting,
} from '../setting-descriptors';
import type { AlgorithmSetting, HyperbandVariant, TunerSettings } from './types';

export type TunerSettingKey = Exclude<keyof TunerSettings, 'algorithm'>;

type Described<T> = [T] extends [string] ? ChoiceSetting<T> : NumberSetting;
type SettingTable = { [K in TunerSettingKey]: Described<TunerSettings[K]> & { default: TunerSettings[K] } };

const int = wholeSetting;

export const TUNER_SETTINGS: SettingTable = {
  maxTrials: { ...int('Max trials', 1, 10_000), default: 30 },
  epochs: { ...int('Epochs per trial', 1, 1000), default: 10 },
  maxEpochs: { ...int('Max epochs (R)', 1, 1000, 'The longest a trial trains.'), default: 10 },
  factor: { ...int('Factor (η)', 2, 10, 'Keep the best 1/η each round.'), default: 3 },
  iterations: { ...int('Iterations', 1, 10, 'Times the bracket sweep repeats.'), default: 1 },
  variant: {
    ...choiceSetting<HyperbandVariant>('Hyperband variant', [
      ['keras-tuner', 'Keras Tuner'],
      ['paper', 'Paper (Li et al.)'],
    ]),
    default: 'keras-tuner',
  },
  minEpochs: { ...int('Min epochs (r)', 1, 1000, 'Budget of the first rung.'), default: 1 },
  initialConfigs: {
    ...int('Initial configurations', 1, 10_000, '0 = η to the power of (rounds − 1).', {
      value: 0,
      means: 'η to the power of (rounds − 1)',
    }),
    default: 0,
  },
  gridPoints: { ...int('Grid points', 1, 100, 'Values for a float without a step.'), default: 5 },
  acquisition: {
    ...choiceSetting<TunerSettings['acquisition']>('Acquisition', [
      ['ucb', 'Confidence bound', 'Tries the lowest μ − β·σ of the predicted loss.'],
      ['ei', 'Expected improvement', 'Tries where the expected gain over the best is largest.'],
    ]),
    default: 'ucb',
  },
  beta: {
    ...realSetting('β (exploration)', 0, 20, 'Higher tries uncertain places more.', 0.1),
    default: 2.6,
  },
  alpha: {
    ...realSetting(
      'Noise (α)',
      1e-12,
      1,
      'Added to the kernel diagonal: how noisy scores are assumed to be.',
    ),
    default: 1e-4,
  },
  initialPoints: {
    ...int(
      'Initial random trials',
      1,
      1000,
      "0 = the algorithm's default (Keras Tuner's 3 × dimensions, Optuna's 10), at most a third of max trials.",
      { value: 0, means: "the algorithm's default, at most a third of max trials" },
    ),
    default: 0,
  },
  eiCandidates: { ...int('EI candidates', 1, 1000, 'Samples scored per proposal.'), default: 24 },
};

export const TUNER_SETTING_KEYS = Object.keys(TUNER_SETTINGS) as TunerSettingKey[];

export const defaultTunerSettings: TunerSettings = {
  algorithm: 'hyperband',
  ...(Object.fromEntries(TUNER_SETTING_KEYS.map((k) => [k, TUNER_SETTINGS[k].default])) as Omit<
    TunerSettings,
    'algorithm'
  >),
};

/** The default random start of a model-based tuner is at most a third of max trials (and at least 3). */
export const startupShare = (tuner: Pick<TunerSettings, 'maxTrials'>): number =>
  Math.max(3, Math.ceil(tuner.maxTrials / 3));

/** The epochs of a single-fidelity trial. */
export const EPOCHS_PER_TRIAL: AlgorithmSetting = { key: 'epochs', group: 'budget' };

/** Multi-fidelity with a data budget: each rung trains this many epochs on its share of the rows. */
export const EPOCHS_ON_EACH_FRACTION: AlgorithmSetting = {
  key: 'epochs',
  group: 'budget',
  when: (input) => input.budget === 'data',
  label: 'Epochs on each fraction',
};

/** R and η: what every multi-fidelity algorithm reads. */
export const RUNG_SETTINGS: readonly AlgorithmSetting[] = [
  { key: 'maxEpochs', group: 'budget' },
  { key: 'factor', group: 'budget' },
];
