/**
 * What each hyperparameter of the course space is called: a label for cards and reports, and a short
 * name for the leaderboard, chart axes and tooltips. Per-layer parameters (units_0, units_1…) share
 * their base's names. A parameter the table does not know is called by its own name.
 */

interface ParamName {
  label: string;
  short: string;
  /** Its value says what it is ("adam", "relu"): compact text may show the value alone. */
  valueSpeaks?: boolean;
}

const NAMES: Record<string, ParamName> = {
  layers: { label: 'Hidden layers', short: 'layers' },
  units: { label: 'Units per layer', short: 'units' },
  dropout: { label: 'Dropout per layer', short: 'dropout' },
  optimizer: { label: 'Optimizer', short: 'optimizer', valueSpeaks: true },
  learning_rate: { label: 'Learning rate', short: 'lr' },
  lr_decay_rate: { label: 'Decay rate', short: 'decay' },
  lr_decay_steps: { label: 'Decay every (steps)', short: 'decay steps' },
  lr_staircase: { label: 'Staircase decay', short: 'staircase' },
  batch_size: { label: 'Batch size', short: 'batch' },
  activation: { label: 'Activation', short: 'activation', valueSpeaks: true },
  momentum: { label: 'Momentum', short: 'momentum' },
};

import type { Config } from '../../core/space/types';

const PER_LAYER = /^(.+)_(\d+)$/;

/** "units" and 2 for units_2; undefined for a parameter that is not per layer. */
export function perLayer(name: string): { base: string; layer: number } | undefined {
  const match = name.match(PER_LAYER);
  return match && match[1] in NAMES ? { base: match[1], layer: Number(match[2]) } : undefined;
}

const entry = (name: string): ParamName | undefined => NAMES[name] ?? NAMES[perLayer(name)?.base ?? ''];

/** "Learning rate"; a per-layer parameter by its base ("Units per layer"). */
export const paramLabel = (name: string): string => NAMES[name]?.label ?? name;

/** "lr", "decay steps"; per-layer parameters keep their layer ("units_2"). */
export const paramShort = (name: string): string => {
  const layer = perLayer(name);
  return layer ? name : (NAMES[name]?.short ?? name);
};

/** Whether compact text may show this parameter's value without its name. */
export const valueSpeaks = (name: string): boolean => entry(name)?.valueSpeaks === true;

/**
 * The names in order, each per-layer parameter once, as its base with the names of its layers in the
 * config ("units" with units_0, units_1, units_2): how cards and the leaderboard show a network.
 */
export function groupLayers(names: readonly string[], config: Config): { name: string; layers?: string[] }[] {
  const groups: { name: string; layers?: string[] }[] = [];
  const done = new Set<string>();
  for (const name of names) {
    const layer = perLayer(name);
    if (!layer) {
      groups.push({ name });
      continue;
    }
    if (done.has(layer.base)) continue;
    done.add(layer.base);
    const layers: string[] = [];
    for (let i = 0; `${layer.base}_${i}` in config; i++) layers.push(`${layer.base}_${i}`);
    groups.push({ name: layer.base, layers });
  }
  return groups;
}
