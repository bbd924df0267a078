/**
 * The training probe that measures a machine: the app times it on the chosen backend before Start,
 * and the bench times it beside the rates it measures, so the ratio of the two scales the rates.
 */
export const REFERENCE_PROBE = { inputs: 16, units: 256, batch: 32, layers: 3 } as const;
