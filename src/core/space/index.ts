export * from './types';
export {
  paramValues,
  gridValues,
  sampleParam,
  toUnit,
  fromUnit,
  isTunable,
  validateParam,
} from './param-kinds';
export {
  isActive,
  validateSpace,
  tunableParams,
  sampleConfig,
  completeConfig,
  configKey,
  spaceSize,
  enumerateConfigs,
  gridSize,
  configFits,
} from './space';
export { courseSearchSpace, tunedBatchSize } from './preset';
export { steppedGrid } from './numeric';
export {
  TASK_OUTPUT_PARAMS,
  isTaskOutputParam,
  withoutTaskOutput,
  configWithoutTaskOutput,
} from './task-output';
export { configKeys, varyingKeys } from './config-keys';
