/**
 * The axes of the parallel-coordinates plot: one per tunable hyperparameter (numbers as they are,
 * log-sampled floats on log10, choices and booleans as indices), the epochs trained when they differ
 * (multi-fidelity searches), and the objective last. Inactive conditional parameters get an "off" slot
 * below the axis. Few ticks per axis: with many axes side by side, more would overlap.
 */
import { isActive, paramValues, type Config, type Param } from '../../core/space';
import { formatNumber } from '../../core/format';
import { paramShort } from '../../report/explain/param-names';
import { shortValue } from './trial-series';

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
  name: string;
  label: string;
  min: number;
  max: number;
  ticks: PcpTick[];
  encode(row: PcpRow): number;
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

function paramAxis(p: Param, configs: readonly Config[]): PcpAxis {
  const sometimesOff = configs.some((c) => !isActive(p, c) || c[p.name] === undefined);
  const label = paramShort(p.name);
  const values = p.kind === 'choice' || p.kind === 'boolean' ? paramValues(p)! : undefined;
  if (values) {
    const ticks = values.map((v, i) => ({ value: i, label: shortValue(v) }));
    const off = -1;
    return {
      name: p.name,
      label,
      min: sometimesOff ? off - 0.4 : -0.4,
      max: values.length - 0.6,
      ticks: sometimesOff ? [{ value: off, label: 'off' }, ...ticks] : ticks,
      encode: ({ config: c }) =>
        isActive(p, c) && c[p.name] !== undefined ? Math.max(0, values.indexOf(c[p.name])) : off,
    };
  }
  const numeric = p.kind === 'int' || p.kind === 'float' ? p : undefined;
  const log = numeric?.sampling === 'log' && numeric.min > 0;
  const toAxis = (v: number) => (log ? Math.log10(v) : v);
  const seen = configs.map((c) => Number(c[p.name])).filter(Number.isFinite);
  const lo = toAxis(numeric ? numeric.min : Math.min(...seen));
  const hi = toAxis(numeric ? numeric.max : Math.max(...seen));
  const span = hi - lo || 1;
  const grid = numeric ? paramValues(numeric) : null;
  const tickValues =
    grid && grid.length <= 5 ? grid.map((v) => toAxis(Number(v))) : log ? logTicks(lo, hi) : [lo, hi];
  const ticks = tickValues.map((value) => ({ value, label: formatNumber(log ? 10 ** value : value, 3) }));
  const off = lo - span * 0.15;
  return {
    name: p.name,
    label,
    min: sometimesOff ? off - span * 0.05 : lo - span * 0.03,
    max: hi + span * 0.03,
    ticks: sometimesOff ? [{ value: off, label: 'off' }, ...ticks] : ticks,
    encode: ({ config: c }) => (isActive(p, c) && c[p.name] !== undefined ? toAxis(Number(c[p.name])) : off),
  };
}

/** Powers of ten within [lo, hi] (in log10 units) when there are 2 to 4 of them, else the ends. */
function logTicks(lo: number, hi: number): number[] {
  const powers: number[] = [];
  for (let e = Math.ceil(lo - 1e-9); e <= hi + 1e-9; e++) powers.push(e);
  return powers.length >= 2 && powers.length <= 4 ? powers : [lo, hi];
}

function epochsAxis(budgets: number[]): PcpAxis {
  const lo = budgets[0];
  const hi = budgets[budgets.length - 1];
  const span = hi - lo || 1;
  return {
    name: 'epochs',
    label: 'epochs',
    min: lo - span * 0.05,
    max: hi + span * 0.05,
    ticks: budgets.map((b) => ({ value: b, label: String(b) })),
    encode: (row) => row.resource,
  };
}

function objectiveAxis(metric: string, scores: readonly number[]): PcpAxis {
  const lo = scores.length ? Math.min(...scores) : 0;
  const hi = scores.length ? Math.max(...scores) : 1;
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  const ticks = niceTicks(lo, hi, 4).map((value) => ({ value, label: formatNumber(value, 3) }));
  return {
    name: metric,
    label: metric,
    min: lo - span * 0.05,
    max: hi + span * 0.05,
    ticks,
    encode: (row) => row.score,
  };
}

export function pcpAxes(params: readonly Param[], metric: string, rows: readonly PcpRow[]): PcpAxis[] {
  const configs = rows.map((r) => r.config);
  const budgets = [...new Set(rows.map((r) => r.resource))].sort((a, b) => a - b);
  return [
    ...params.map((p) => paramAxis(p, configs)),
    ...(budgets.length > 1 ? [epochsAxis(budgets)] : []),
    objectiveAxis(
      metric,
      rows.map((r) => r.score),
    ),
  ];
}
