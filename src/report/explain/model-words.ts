/** The words for a model's task, loss and optimizer, as the panels and the reports write them. */
import type { Task } from '../../data/types';

export const TASK_WORDS: Record<Task, string> = {
  binary: 'Binary classification',
  multiclass: 'Multi-class classification',
  regression: 'Regression',
};

const LOSS_WORDS: Record<string, string> = {
  binary_crossentropy: 'binary cross-entropy',
  categorical_crossentropy: 'categorical cross-entropy',
  mean_squared_error: 'mean squared error',
};

const OPTIMIZER_WORDS: Record<string, string> = {
  adam: 'Adam',
  rmsprop: 'RMSprop',
  sgd: 'stochastic gradient descent with momentum',
};

/** "binary cross-entropy". */
export const lossWords = (loss: string): string => LOSS_WORDS[loss] ?? loss.replace(/_/g, ' ');

/** "Adam", "stochastic gradient descent with momentum". */
export const optimizerWords = (name: string): string => OPTIMIZER_WORDS[name] ?? name;
