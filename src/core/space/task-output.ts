/**
 * The output layer's activation and the loss follow from the task (sigmoid and binary cross-entropy,
 * softmax and categorical cross-entropy, linear and mean squared error): they are not hyperparameters.
 * Spaces saved before this was so listed them as fixed values (always sigmoid and binary
 * cross-entropy, whatever the task), which the trainer never read; they are dropped on reading.
 */
import type { Config, SearchSpace } from './types';

export const TASK_OUTPUT_PARAMS: readonly string[] = ['output_activation', 'loss'];

export const isTaskOutputParam = (name: string): boolean => TASK_OUTPUT_PARAMS.includes(name);

/** The space without the task's output parameters (the same object when it has none). */
export function withoutTaskOutput(space: SearchSpace): SearchSpace {
  if (!space.params.some((p) => isTaskOutputParam(p.name))) return space;
  return { ...space, params: space.params.filter((p) => !isTaskOutputParam(p.name)) };
}

/** The config without the task's output parameters (the same object when it has none). */
export function configWithoutTaskOutput(config: Config): Config {
  if (!Object.keys(config).some(isTaskOutputParam)) return config;
  return Object.fromEntries(Object.entries(config).filter(([key]) => !isTaskOutputParam(key)));
}
