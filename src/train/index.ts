/** The training runtime's public API (tfjs; used by the trainer worker). */
export { trainTrial } from './train-loop';
export { trainTrialOrFail } from './train-or-fail';
export { trainGroup, type GroupOptions } from './fused/train-group';
export { trainGroupOrFail } from './fused/train-group-or-fail';
export { failureReason } from './failure-reason';
export { warmUpTraining } from './warm-up';
export { pageCourtesy } from './page-courtesy';
export { chooseBackend, measureBackend, type OnProbe } from './backend';
export type { ProbeShape } from './backend-probe';
export {
  BACKEND_ORDER,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
  type BackendProbe,
} from './backend-select';
export { checkpointBuffers } from './checkpoint';
export { buildModel, exportModelArtifacts } from './model';
export { aucByRank } from './metrics';
export type {
  Checkpoint,
  EarlyStopping,
  EpochReport,
  ModelArtifacts,
  TensorData,
  TrainRequest,
  TrainResult,
  TrainStatus,
} from './types';
export { evaluateOnTest, exportTrainedModel, predictGrid, type TestEvaluation } from './best-model';
