/**
 * The trainer's defaults (src/core/model/spec.ts) as Python, for the generated scripts: the Keras
 * Tuner script and the Optuna bundle's playground_network.py read a config with the same defaults the browser
 * trained with.
 */
import { MAX_HIDDEN_LAYERS, SPEC_DEFAULTS } from '../../core/model/spec';
import { pyBool, pyFloat, pyInt, pyString } from './python';

/** Marks the lines of playground_network.py that the bundle replaces with `pythonSpecDefaults()`. */
export const SPEC_DEFAULTS_MARKER = /^# spec-defaults: begin\n[\s\S]*?^# spec-defaults: end\n/m;

export function pythonSpecDefaults(): string {
  const d = SPEC_DEFAULTS;
  const entries: [string, string][] = [
    ['units', pyInt(d.units)],
    ['dropout', pyFloat(d.dropout)],
    ['activation', pyString(d.activation)],
    ['optimizer', pyString(d.optimizer)],
    ['momentum', pyFloat(d.momentum)],
    ['learning_rate', pyFloat(d.learningRate)],
    ['lr_decay_rate', pyFloat(d.decayRate)],
    ['lr_decay_steps', pyInt(d.decaySteps)],
    ['lr_staircase', pyBool(d.staircase)],
    ['batch_size', pyInt(d.batchSize)],
  ];
  return [
    '# spec-defaults: begin',
    "# What the browser's trainer uses for a name a configuration leaves out (src/core/model/spec.ts).",
    'SPEC_DEFAULTS = {',
    ...entries.map(([key, value]) => `    ${pyString(key)}: ${value},`),
    '}',
    `MAX_HIDDEN_LAYERS = ${pyInt(MAX_HIDDEN_LAYERS)}`,
    '# spec-defaults: end',
    '',
  ].join('\n');
}

/** playground_network.py with the defaults block written from the spec table. */
export function withSpecDefaults(script: string): string {
  if (!SPEC_DEFAULTS_MARKER.test(script)) throw new Error('the script has no spec-defaults block');
  return script.replace(SPEC_DEFAULTS_MARKER, pythonSpecDefaults());
}
