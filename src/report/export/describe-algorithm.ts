/** The search algorithm and its settings as a sentence for a methods section, with what it cites. */
import { hyperbandPlan } from '../../core/oracles/hyperband-plan';
import type { StudySettings } from '../../core/study';
import { gridSize } from '../../core/space';
import { algorithmInfo } from '../../core/oracles/registry';
import type { CitationKey } from './citations';
import { CITATIONS } from './citations';
import { plural } from '../../core/format';

export interface AlgorithmDescription {
  text: string;
  cites: CitationKey[];
}

const cite = (key: CitationKey) => CITATIONS[key].inText;

const initialRandomTrials = (settings: StudySettings): number =>
  algorithmInfo(settings.tuner.algorithm).initialRandomTrials?.(settings) ?? 0;

export function describeAlgorithm(settings: StudySettings): AlgorithmDescription {
  const t = settings.tuner;
  const cap = `at most ${plural(t.maxTrials, 'trial')}`;
  switch (t.algorithm) {
    case 'random':
      return {
        text: `The hyperparameters were optimised by random search (${cite('randomSearch')}), which drew each configuration independently from the search space (${cap}, ${plural(t.epochs, 'epoch')} each).`,
        cites: ['randomSearch'],
      };
    case 'grid': {
      const size = gridSize(settings.space, t.gridPoints);
      return {
        text:
          `The hyperparameters were optimised by grid search, which visited the ${plural(size, 'combination')} of the listed values in order (${cap}, ${plural(t.epochs, 'epoch')} each)` +
          (settings.space.params.some((p) => p.kind === 'float' && p.step === undefined)
            ? `; continuous real-valued hyperparameters were represented by ${t.gridPoints} points spaced according to their sampling.`
            : '.'),
        cites: [],
      };
    }
    case 'hyperband': {
      const plan = hyperbandPlan(t);
      const sweep = `${plural(plan.totalTrials, 'trial')} and ${plural(plan.totalEpochs, 'epoch')} in ${plural(plan.brackets.length, 'bracket')}`;
      const settingsText = `max epochs ${t.maxEpochs}, factor ${t.factor}, ${plural(t.iterations, 'iteration')}`;
      const capped =
        t.maxTrials < plan.totalTrials
          ? ` The search was capped at ${plural(t.maxTrials, 'trial')}, promotions included.`
          : '';
      const text =
        t.variant === 'paper'
          ? `The hyperparameters were optimised with Hyperband (${cite('hyperband')}), with the bracket sizes of Algorithm 1 of the paper: ${settingsText} — ${sweep}. Each round kept the best 1/${t.factor} of its trials, which continued training from their checkpoints.${capped}`
          : `The hyperparameters were optimised with Hyperband (${cite('hyperband')}) as implemented by Keras Tuner (${cite('kerasTuner')}): ${settingsText} — ${sweep}. Each round kept the best 1/${t.factor} of its trials, which continued training from their checkpoints (weights, optimizer state and learning-rate schedule position).${capped}`;
      return { text, cites: t.variant === 'paper' ? ['hyperband'] : ['hyperband', 'kerasTuner'] };
    }
    case 'successive-halving':
      return {
        text:
          `The hyperparameters were optimised by successive halving (${cite('successiveHalving')}), which started ${t.initialConfigs > 0 ? plural(t.initialConfigs, 'configuration') : 'factor^(rounds − 1) configurations'} ` +
          `at ${plural(t.minEpochs, 'epoch')} and kept the best 1/${t.factor} after each round, up to ${plural(t.maxEpochs, 'epoch')} (factor ${t.factor}, ${cap}); promoted trials continued from their checkpoints.`,
        cites: ['successiveHalving'],
      };
    case 'asha':
      return {
        text: `The hyperparameters were optimised by asynchronous successive halving, ASHA (${cite('asha')}), with rungs from ${plural(t.minEpochs, 'epoch')} to ${plural(t.maxEpochs, 'epoch')} and reduction factor ${t.factor}: a trial was promoted to the next rung as soon as it ranked in the top 1/${t.factor} of the results at its rung (${cap}, promotions included); promoted trials continued from their checkpoints.`,
        cites: ['asha'],
      };
    case 'bayesian': {
      const initial = initialRandomTrials(settings);
      const acquisition =
        t.acquisition === 'ucb'
          ? `a confidence-bound acquisition (mean − ${t.beta}·sd on the loss, as in Keras Tuner)`
          : 'expected improvement';
      return {
        text: `The hyperparameters were optimised by Bayesian optimisation with a Gaussian process (${cite('gpBo')}) in the manner of Keras Tuner's BayesianOptimization (${cite('kerasTuner')}): a Matérn-5/2 kernel on the unit-scaled hyperparameters, normalised targets and noise term alpha = ${t.alpha}, ${acquisition}; the first ${plural(initial, 'trial')} were drawn at random (${cap}, ${plural(t.epochs, 'epoch')} each).`,
        cites: ['gpBo', 'kerasTuner'],
      };
    }
    case 'tpe': {
      const startup = initialRandomTrials(settings);
      return {
        text: `The hyperparameters were optimised by the tree-structured Parzen estimator, TPE (${cite('tpe')}), with the defaults of Optuna's TPESampler (${cite('optuna')}): ${plural(startup, 'random startup trial')}, then ${t.eiCandidates} candidates per proposal scored by the ratio of the good and bad densities (${cap}, ${plural(t.epochs, 'epoch')} each).`,
        cites: ['tpe', 'optuna'],
      };
    }
  }
}
