import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_DEFAULTS } from '../../../../src/core/model/spec';
import { pythonSpecDefaults, withSpecDefaults } from '../../../../src/report/export/python-spec';

const script = readFileSync(
  resolve(__dirname, '../../../../src/report/export/optuna/playground_network.py'),
  'utf8',
);

describe('the spec defaults in Python', () => {
  it('are the spec table, key by key', () => {
    const text = pythonSpecDefaults();
    expect(text).toContain(`"units": ${SPEC_DEFAULTS.units},`);
    expect(text).toContain(`"learning_rate": ${SPEC_DEFAULTS.learningRate},`);
    expect(text).toContain(`"activation": "${SPEC_DEFAULTS.activation}",`);
    expect(text).toContain('"lr_staircase": False,');
    expect(text).toContain('MAX_HIDDEN_LAYERS = 6');
  });

  it('are written into playground_network.py, whose committed copy is already up to date', () => {
    expect(withSpecDefaults(script)).toBe(script);
    expect(() => withSpecDefaults('print(1)\n')).toThrow(/spec-defaults/);
  });
});
