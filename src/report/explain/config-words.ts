/** A trial's configuration and learning-rate schedule in words. */
import { trainSpecOrUndefined } from '../../core/model/spec';
import { learningRateAt } from '../../core/schedule';
import type { Config, ParamValue, SearchSpace } from '../../core/space';
import type { Trial } from '../../core/study';
import { formatCount, formatExact, formatNumber } from '../../core/format';
import { groupLayers, paramLabel } from './param-names';

export interface ConfigLine {
  label: string;
  value: string;
  fixed: boolean;
}

const show = (v: ParamValue): string => (typeof v === 'number' ? formatNumber(v, 5) : formatExact(v));

/** The active values in space order; per-layer values (units_0, units_1…) on one line. */
export function configLines(config: Config, space: SearchSpace): ConfigLine[] {
  const lines: ConfigLine[] = [];
  const fixed = new Set(space.params.filter((p) => p.kind === 'fixed').map((p) => p.name));
  const names = [
    ...space.params.map((p) => p.name),
    ...Object.keys(config).filter((k) => !space.params.some((p) => p.name === k)),
  ].filter((name) => name in config);
  for (const { name, layers } of groupLayers(names, config)) {
    if (layers)
      lines.push({
        label: paramLabel(name),
        value: layers.map((l) => show(config[l])).join(', '),
        fixed: layers.every((l) => fixed.has(l)),
      });
    else lines.push({ label: paramLabel(name), value: show(config[name]), fixed: fixed.has(name) });
  }
  return lines;
}

/** "Constant at 0.001", or how it decays, with the rate after 1,000 steps. */
export function describeSchedule(config: Config): string {
  const spec = trainSpecOrUndefined(config);
  if (!spec) return 'This configuration does not describe a network the trainer can build.';
  const { initialRate, decayRate, decaySteps, staircase } = spec.schedule;
  const start = formatNumber(initialRate, 4);
  if (decayRate === 1) return `Constant at ${start}: no decay.`;
  const later = 10 * decaySteps;
  const after = formatNumber(learningRateAt(spec.schedule, later), 3);
  const how = staircase
    ? `is multiplied by ${formatExact(decayRate)} after every ${formatCount(decaySteps)} training steps (staircase)`
    : `shrinks smoothly by a factor ${formatExact(decayRate)} per ${formatCount(decaySteps)} training steps, α = ${start} · ${formatExact(decayRate)}^(step / ${formatCount(decaySteps)})`;
  return `Starts at ${start} and ${how}; after ${formatCount(later)} steps it is ${after}.`;
}

/** Other scored trials with exactly the best trial's score (the lowest number is kept as best). */
export function tiedWith(best: Trial, trials: readonly Trial[]): Trial[] {
  if (best.score === undefined) return [];
  return trials.filter((t) => t.id !== best.id && t.state !== 'failed' && t.score === best.score);
}
