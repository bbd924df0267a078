/** Parallel coordinates: which axes it draws (pcp-axes.ts) and how they fit a width (pcp-fit.ts). */
import { describe, expect, it } from 'vitest';
import { budgetUnit } from '../../../src/report/explain/budget-unit';
import { defaultSetup } from '../../../src/core/experiment';
import { groupId, pcpView, type PcpRow } from '../../../src/app/charts/pcp-axes';
import { fitAxes, fitTicks, type FitInput } from '../../../src/app/charts/pcp-fit';
import { courseSearchSpace, tunableParams, type Config } from '../../../src/core/space';

const params = tunableParams(courseSearchSpace());

/** Configs of the course space: `layers` layers of the given units and dropout. */
function row(layers: number, units: number[], extra: Config = {}, score = 0.9, resource = 3): PcpRow {
  const config: Config = { layers, optimizer: 'adam', learning_rate: 0.001, lr_decay_rate: 1, ...extra };
  for (let i = 0; i < layers; i++) {
    config[`units_${i}`] = units[i % units.length];
    config[`dropout_${i}`] = 0.1;
  }
  return { config, score, resource };
}

const rows = [
  row(2, [32], { learning_rate: 0.01 }, 0.8, 1),
  row(4, [160, 416], { optimizer: 'rmsprop' }, 0.95, 3),
  row(3, [288], { learning_rate: 0.0003 }, 0.9, 3),
];

/** Every character 8 px wide: enough to reason about widths. */
const measure = (text: string) => text.length * 8;
const fitInput = (axes: FitInput['axes'], width: number): FitInput => ({
  axes,
  width,
  minSpacing: 48,
  axisWidth: 8,
  measureTick: measure,
  measureName: measure,
});

describe('pcpView', () => {
  it('draws only the hyperparameters that vary, per-layer ones as one mean axis each, the objective last', () => {
    const { axes, choices } = pcpView(params, 'val_accuracy', rows);
    expect(axes.map((a) => a.id)).toEqual([
      'layers',
      groupId('units'),
      'optimizer',
      'learning_rate',
      'epochs',
      'val_accuracy',
    ]);
    // Dropout is 0.1 in every layer of every row: no axis. Decay is 1 everywhere: none either.
    expect(choices.map((c) => c.id)).not.toContain(groupId('dropout'));
    expect(choices.find((c) => c.id === groupId('units'))?.members).toHaveLength(6);
    const units = axes[1];
    expect(units.describe(rows[1])).toBe('288');
    expect(units.encode(rows[1])).toBe(288);
  });

  it('with a data budget, the budget axis reads as the share of the rows', () => {
    const unit = budgetUnit({
      budget: 'data',
      tuner: { ...defaultSetup().study.tuner, algorithm: 'hyperband', maxEpochs: 9 },
    });
    const { axes, choices } = pcpView(params, 'val_accuracy', rows, { unit });
    const budget = axes.find((a) => a.id === 'epochs')!;
    expect(budget.label).toBe('rows %');
    expect(choices.find((c) => c.id === 'epochs')?.label).toBe('rows %');
    expect(budget.ticks.map((t) => t.label).every((l) => l.endsWith(' %'))).toBe(true);
    expect(budget.describe(rows[0])).toBe(unit.tick(rows[0].resource));
  });

  it('expands a group into one axis per layer that varies, and hides what the user hides', () => {
    const { axes } = pcpView(params, 'val_accuracy', rows, {
      expanded: [groupId('units')],
      hidden: ['optimizer', 'epochs'],
    });
    expect(axes.map((a) => a.id)).toEqual([
      'layers',
      'units_0',
      'units_1',
      'units_2',
      'units_3',
      'learning_rate',
      'val_accuracy',
    ]);
    // units_2 is off for the two-layer config: it gets the "off" slot below the axis.
    const units2 = axes[3];
    expect(units2.describe(rows[0])).toBe('off');
    expect(units2.encode(rows[0])).toBeLessThan(units2.ticks.find((t) => t.label !== 'off')!.value);
    expect(units2.choice).toBe(groupId('units'));
  });

  it('keeps every axis while fewer than two configurations are there to compare', () => {
    const { axes } = pcpView(params, 'val_accuracy', [rows[0]]);
    expect(axes.length).toBeGreaterThan(8);
  });
});

describe('fitAxes', () => {
  const wide = pcpView(params, 'val_accuracy', rows, { expanded: [groupId('units')] }).axes;

  it('keeps neighbouring axes at least minSpacing apart and names the ones left out', () => {
    const fit = fitAxes(fitInput(wide, 400));
    expect(fit.spacing).toBeGreaterThanOrEqual(48);
    expect(fit.axes.length + fit.left.length).toBe(wide.length);
    expect(fit.left.length).toBeGreaterThan(0);
    expect(fit.axes.at(-1)!.axis.id).toBe('val_accuracy');
    expect(fit.padding.left + fit.padding.right + fit.spacing * fit.axes.length).toBeCloseTo(400, 6);
  });

  it('leaves nothing out when there is room', () => {
    const fit = fitAxes(fitInput(wide, 1400));
    expect(fit.left).toEqual([]);
    expect(fit.rotation).toBe(0);
  });

  it('keeps every middle axis’s tick labels narrower than the gap to the next axis', () => {
    for (const width of [300, 420, 560, 800]) {
      const fit = fitAxes(fitInput(wide, width));
      const room = fit.spacing - 8;
      for (const f of fit.axes.slice(1, -1))
        for (const tick of f.ticks) expect(measure(tick.label), `${width}: ${tick.label}`).toBeLessThan(room);
      // The first axis labels to its left, the last to its right: inside the padding.
      const first = Math.max(...fit.axes[0].ticks.map((t) => measure(t.label)));
      expect(fit.padding.left + fit.spacing / 2).toBeGreaterThanOrEqual(8 + first);
    }
  });

  it('turns the names 45° when a word is wider than the gap, else wraps them on words', () => {
    const horizontal = fitAxes(fitInput(wide, 1400));
    expect(horizontal.axes.find((f) => f.axis.id === 'learning_rate')!.name).toEqual(['lr']);
    const rotated = fitAxes(fitInput(wide, 420));
    expect(rotated.rotation).toBe(45);
  });
});

describe('fitTicks', () => {
  const ticks = [
    { value: -1, label: 'off' },
    { value: -4, label: '0.0001' },
    { value: -3, label: '0.00316' },
    { value: -2, label: '0.01' },
  ];
  it('keeps all ticks when they fit, then the ends, then shorter labels', () => {
    expect(fitTicks(ticks, 56, measure)).toHaveLength(4);
    expect(fitTicks(ticks, 50, measure).map((t) => t.label)).toEqual(['off', '0.0001', '0.01']);
    expect(fitTicks(ticks, 40, measure).map((t) => t.label)).toEqual(['off', '1e-4', '0.01']);
    expect(fitTicks([{ value: 0, label: 'rmsprop' }], 40, measure)[0].label).toBe('rmsp…');
  });
});
