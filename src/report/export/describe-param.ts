/** One hyperparameter in words: its kind, its range or values, its sampling and its condition. */
import { paramValues } from '../../core/space';
import type { Param } from '../../core/space/types';
import { formatValue } from '../../core/format';

export interface ParamDescription {
  kind: string;
  values: string;
  sampling: string;
  condition: string;
}

const KIND_LABELS: Record<Param['kind'], string> = {
  int: 'integer',
  float: 'real',
  choice: 'categorical',
  boolean: 'boolean',
  fixed: 'fixed',
};

/** Lists at most this many exact values; longer grids are shown as a range with their step. */
const LISTED_VALUES = 8;

export function describeParam(p: Param): ParamDescription {
  return {
    kind: KIND_LABELS[p.kind],
    values: describeValues(p),
    sampling: describeSampling(p),
    condition: p.condition
      ? `${p.condition.parent} ∈ {${p.condition.values.map(formatValue).join(', ')}}`
      : '',
  };
}

function describeValues(p: Param): string {
  if (p.kind === 'fixed') return formatValue(p.value);
  if (p.kind === 'boolean') return 'false, true';
  if (p.kind === 'choice') return p.values.map(formatValue).join(', ');
  const exact = paramValues(p);
  if (!exact) return `${formatValue(p.min)} to ${formatValue(p.max)} (continuous)`;
  const step = p.step ?? 1;
  if (exact.length <= LISTED_VALUES) {
    const listed = exact.map(formatValue).join(', ');
    return step === 1 && p.kind === 'int'
      ? listed
      : `${listed} (${formatValue(p.min)} to ${formatValue(p.max)}, step ${formatValue(step)})`;
  }
  return `${formatValue(exact[0])} to ${formatValue(exact[exact.length - 1])} in steps of ${formatValue(step)} (${exact.length} values)`;
}

function describeSampling(p: Param): string {
  if (p.kind === 'fixed') return '—';
  if (p.kind === 'choice' || p.kind === 'boolean') return 'uniform over the values';
  if (p.sampling === 'log') return 'log-uniform';
  if (p.sampling === 'reverse_log') return 'reverse log';
  return 'uniform';
}
