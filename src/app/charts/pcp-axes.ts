/**
 * The axes of the parallel-coordinates plot: one per hyperparameter that varies among the shown
 * configurations (numbers as they are, log-sampled floats on log10, choices and booleans as indices),
 * per-layer numbers (units_0 … units_5) summarised as one axis each (their mean over the active layers)
 * unless expanded, the epochs trained when they differ (multi-fidelity searches), and the objective last.
 * Inactive conditional parameters get an "off" slot below the axis.
 */
import { isActive, paramValues, type Config, type Param } from '../../core/space';
import { formatNumber } from '../../core/format';
import { paramShort } from '../../report/explain/param-names';
import { shortValue } from './trial-series';
import { EPOCH_UNIT, type BudgetUnit } from '../../report/explain/budget-unit';

export interface PcpTick {
  value: number;
  label: string;
}

export interface PcpRow {
  config: Config;
  score: number;
  /** Epochs trained. */
  resource: number;
}

export interface PcpAxis {
  /** The parameter's name, a group's id ("units (mean)"), "epochs" or the metric. */
  id: string;
  label: string;
  /** The choice that shows or hides it: its own id, or its group's when the group is expanded. */
  choice: string;
  min: number;
  max: number;
  ticks: PcpTick[];
  /** The value on the axis, the "off" slot when the parameter is inactive. */
  encode(row: PcpRow): number;
  /** The value as read aloud or in a table: "160", "adam", "off". */
  describe(row: PcpRow): string;
}

/** An axis the user may show or hide; a group of per-layer axes may also be expanded. */
export interface PcpChoice {
  id: string;
  label: string;
  /** Per-layer parameter names, for a group. */
  members?: string[];
  expanded?: boolean;
}

export interface PcpView {
  /** The axes to draw, the objective last. */
  axes: PcpAxis[];
  /** Every axis that varies (the objective excepted), in order, for the chooser. */
  choices: PcpChoice[];
}

export interface PcpOptions {
  /** Choice ids hidden by the user. */
  hidden?: readonly string[];
  /** Group ids shown as one axis per layer. */
  expanded?: readonly string[];
  /** What a trial's budget counts (the budget axis): epochs unless told. */
  unit?: BudgetUnit;
}

/** About `count` round numbers between lo and hi. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

type NumericParam = Extract<Param, { kind: 'int' | 'float' }>;

const isNumeric = (p: Param): p is NumericParam => p.kind === 'int' || p.kind === 'float';
const PER_LAYER = /^(.+)_(\d+)$/;

/** Numeric per-layer parameters (two or more named base_0, base_1, …) by base name. */
export function layerGroups(params: readonly Param[]): Map<string, NumericParam[]> {
  const byBase = new Map<string, NumericParam[]>();
  for (const p of params) {
    const base = p.name.match(PER_LAYER)?.[1];
    if (!base || !isNumeric(p)) continue;
    byBase.set(base, [...(byBase.get(base) ?? []), p]);
  }
  return new Map([...byBase].filter(([, members]) => members.length > 1));
}

export const groupId = (base: string): string => `${base} (mean)`;

function choiceAxis(p: Param, configs: readonly Config[]): PcpAxis {
  const values = paramValues(p)!;
  const on = (c: Config) => isActive(p, c) && c[p.name] !== undefined;
  const sometimesOff = configs.some((c) => !on(c));
  const ticks = values.map((v, i) => ({ value: i, label: shortValue(v) }));
  const off = -1;
  return {
    id: p.name,
    label: paramShort(p.name),
    choice: p.name,
    min: sometimesOff ? off - 0.4 : -0.4,
    max: values.length - 0.6,
    ticks: sometimesOff ? [{ value: off, label: 'off' }, ...ticks] : ticks,
    encode: ({ config: c }) => (on(c) ? Math.max(0, values.indexOf(c[p.name])) : off),
    describe: ({ config: c }) => (on(c) ? shortValue(c[p.name]) : 'off'),
  };
}

interface NumericSpec {
  id: string;
  label: string;
  choice: string;
  lo: number;
  hi: number;
  log: boolean;
  /** The exact values, when there are few enough to label each. */
  grid?: readonly number[];
  /** The value, or undefined when inactive. */
  read(c: Config): number | undefined;
}

function numericAxis(spec: NumericSpec, configs: readonly Config[]): PcpAxis {
  const toAxis = (v: number) => (spec.log ? Math.log10(v) : v);
  const lo = toAxis(spec.lo);
  const hi = toAxis(spec.hi);
  const span = hi - lo || 1;
  const sometimesOff = configs.some((c) => spec.read(c) === undefined);
  const tickValues =
    spec.grid && spec.grid.length <= 5 ? spec.grid.map(toAxis) : spec.log ? logTicks(lo, hi) : [lo, hi];
  const ticks = tickValues.map((value) => ({
    value,
    label: formatNumber(spec.log ? 10 ** value : value, 3),
  }));
  const off = lo - span * 0.15;
  return {
    id: spec.id,
    label: spec.label,
    choice: spec.choice,
    min: sometimesOff ? off - span * 0.05 : lo - span * 0.03,
    max: hi + span * 0.03,
    ticks: sometimesOff ? [{ value: off, label: 'off' }, ...ticks] : ticks,
    encode: ({ config: c }) => {
      const v = spec.read(c);
      return v === undefined ? off : toAxis(v);
    },
    describe: ({ config: c }) => {
      const v = spec.read(c);
      return v === undefined ? 'off' : formatNumber(v, 3);
    },
  };
}

function paramAxis(p: Param, configs: readonly Config[], choice = p.name): PcpAxis {
  if (p.kind === 'choice' || p.kind === 'boolean') return choiceAxis(p, configs);
  const numeric = isNumeric(p) ? p : undefined;
  const seen = configs.map((c) => Number(c[p.name])).filter(Number.isFinite);
  const grid = numeric ? paramValues(numeric)?.map(Number) : undefined;
  return numericAxis(
    {
      id: p.name,
      label: paramShort(p.name),
      choice,
      lo: numeric ? numeric.min : Math.min(...seen),
      hi: numeric ? numeric.max : Math.max(...seen),
      log: numeric?.sampling === 'log' && numeric.min > 0,
      grid,
      read: (c) => (isActive(p, c) && Number.isFinite(Number(c[p.name])) ? Number(c[p.name]) : undefined),
    },
    configs,
  );
}

/** One axis for a per-layer group: the mean of the active layers' values. */
function groupAxis(base: string, members: readonly NumericParam[], configs: readonly Config[]): PcpAxis {
  const id = groupId(base);
  const log = members.every((p) => p.sampling === 'log' && p.min > 0);
  const grid = paramValues(members[0])?.map(Number);
  const sameGrid = members.every((p) => JSON.stringify(paramValues(p)?.map(Number)) === JSON.stringify(grid));
  return numericAxis(
    {
      id,
      label: id,
      choice: id,
      lo: Math.min(...members.map((p) => p.min)),
      hi: Math.max(...members.map((p) => p.max)),
      log,
      grid: sameGrid ? grid : undefined,
      read: (c) => {
        const values = members
          .filter((p) => isActive(p, c) && Number.isFinite(Number(c[p.name])))
          .map((p) => Number(c[p.name]));
        if (values.length === 0) return undefined;
        const mean = log
          ? 10 ** (values.reduce((s, v) => s + Math.log10(v), 0) / values.length)
          : values.reduce((s, v) => s + v, 0) / values.length;
        // Equal layers give their value exactly, not 0.10000000000000002.
        return Number(mean.toPrecision(12));
      },
    },
    configs,
  );
}

/** Powers of ten within [lo, hi] (in log10 units) when there are 2 to 4 of them, else the ends. */
function logTicks(lo: number, hi: number): number[] {
  const powers: number[] = [];
  for (let e = Math.ceil(lo - 1e-9); e <= hi + 1e-9; e++) powers.push(e);
  return powers.length >= 2 && powers.length <= 4 ? powers : [lo, hi];
}

function epochsAxis(budgets: number[], unit: BudgetUnit): PcpAxis {
  const lo = budgets[0];
  const hi = budgets[budgets.length - 1];
  const span = hi - lo || 1;
  return {
    id: 'epochs',
    label: unit.short,
    choice: 'epochs',
    min: lo - span * 0.05,
    max: hi + span * 0.05,
    ticks: budgets.map((b) => ({ value: b, label: unit.tick(b) })),
    encode: (row) => row.resource,
    describe: (row) => unit.tick(row.resource),
  };
}

function objectiveAxis(metric: string, scores: readonly number[]): PcpAxis {
  const lo = scores.length ? Math.min(...scores) : 0;
  const hi = scores.length ? Math.max(...scores) : 1;
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  const ticks = niceTicks(lo, hi, 4).map((value) => ({ value, label: formatNumber(value, 3) }));
  return {
    id: metric,
    label: metric,
    choice: metric,
    min: lo - span * 0.05,
    max: hi + span * 0.05,
    ticks,
    encode: (row) => row.score,
    describe: (row) => formatNumber(row.score, 4),
  };
}

/** Whether the rows fall on more than one point of the axis (with fewer than 2 rows, every axis counts). */
function varies(axis: PcpAxis, rows: readonly PcpRow[]): boolean {
  return rows.length < 2 || new Set(rows.map((r) => axis.encode(r))).size > 1;
}

export function pcpView(
  params: readonly Param[],
  metric: string,
  rows: readonly PcpRow[],
  options: PcpOptions = {},
): PcpView {
  const configs = rows.map((r) => r.config);
  const groups = layerGroups(params);
  const hidden = new Set(options.hidden ?? []);
  const expanded = new Set(options.expanded ?? []);
  const memberOf = new Map([...groups].flatMap(([base, ps]) => ps.map((p) => [p.name, base] as const)));

  const choices: PcpChoice[] = [];
  const axes: PcpAxis[] = [];
  const add = (axis: PcpAxis) => {
    if (!varies(axis, rows)) return false;
    if (!hidden.has(axis.choice)) axes.push(axis);
    return true;
  };
  for (const p of params) {
    const base = memberOf.get(p.name);
    if (base === undefined) {
      if (add(paramAxis(p, configs))) choices.push({ id: p.name, label: paramShort(p.name) });
      continue;
    }
    const members = groups.get(base)!;
    if (members[0] !== p) continue;
    const id = groupId(base);
    const open = expanded.has(id);
    const shown = open
      ? members.map((m) => add(paramAxis(m, configs, id))).some(Boolean)
      : add(groupAxis(base, members, configs));
    if (shown) choices.push({ id, label: id, members: members.map((m) => m.name), expanded: open });
  }
  const budgets = [...new Set(rows.map((r) => r.resource))].sort((a, b) => a - b);
  const unit = options.unit ?? EPOCH_UNIT;
  if (budgets.length > 1 && add(epochsAxis(budgets, unit))) choices.push({ id: 'epochs', label: unit.short });
  axes.push(
    objectiveAxis(
      metric,
      rows.map((r) => r.score),
    ),
  );
  return { axes, choices };
}
