/** Pure edits of a dataset setup from the roles table: use a column or not, its type, the target. */
import type { DatasetSetup } from '../../core/experiment';
import type { ColumnAnalysis } from '../../data';

type List = 'exclude' | 'include' | 'categorical' | 'numeric';

function edit(setup: DatasetSetup, list: List, name: string, present: boolean): DatasetSetup {
  const names = (setup[list] ?? []).filter((n) => n !== name);
  if (present) names.push(name);
  const next = { ...setup };
  if (names.length > 0) next[list] = names;
  else delete next[list];
  return next;
}

/** A column the rules left out (identifier, many values) needs `include`; one the user left out, not `exclude`. */
export function withUse(setup: DatasetSetup, column: ColumnAnalysis, use: boolean): DatasetSetup {
  const overridable = column.because === 'identifier' || column.because === 'too-many-values';
  let next = edit(setup, 'exclude', column.name, !use);
  next = edit(
    next,
    'include',
    column.name,
    use && (overridable || (setup.include ?? []).includes(column.name)),
  );
  return next;
}

/** Back to the inferred type clears the override; otherwise one list names the column. */
export function withType(
  setup: DatasetSetup,
  column: ColumnAnalysis,
  type: 'numeric' | 'categorical',
): DatasetSetup {
  const inferred = type === column.inferredType;
  const next = edit(setup, 'categorical', column.name, !inferred && type === 'categorical');
  return edit(next, 'numeric', column.name, !inferred && type === 'numeric');
}

/** The new target is never left out. */
export function withTarget(setup: DatasetSetup, name: string): DatasetSetup {
  return { ...edit(setup, 'exclude', name, false), target: name };
}

/** Why a column cannot be used as an input, when no switch can change that. */
export function unusableReason(column: ColumnAnalysis): string | undefined {
  if (column.role === 'target') return 'the target is what the model predicts';
  if (column.because === 'empty' || column.because === 'constant') return column.reason;
  return undefined;
}

export interface RoleCounts {
  inputs: number;
  leftOut: number;
  columns: number;
}

export function roleCounts(columns: readonly ColumnAnalysis[]): RoleCounts {
  return {
    inputs: columns.filter((c) => c.role === 'feature').length,
    leftOut: columns.filter((c) => c.role === 'ignored').length,
    columns: columns.length,
  };
}
