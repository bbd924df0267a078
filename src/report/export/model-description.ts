/** The network a config describes, as the trainer reads it, with the output layer the task implies. */
import { trainSpecOrUndefined, type TrainSpec } from '../../core/model/spec';
import type { Config } from '../../core/space/types';
import { outputFor, type Task } from '../../data/types';

export interface ModelDescription extends TrainSpec {
  output: { units: number; activation: string; loss: string };
}

/** Undefined when the config is not one the trainer can build (say, from a hand-edited results file). */
export function describeModel(config: Config, task: Task, classes: number): ModelDescription | undefined {
  const spec = trainSpecOrUndefined(config);
  return spec && { ...spec, output: outputFor(task, classes) };
}
