/** Every place that reads a config as a network reads it through readTrainSpec, so none can drift. */
import { describe, expect, it } from 'vitest';
import { scheduleOf } from '../../../../src/app/charts/lr-series';
import { describeSchedule } from '../../../../src/report/explain/config-words';
import { decayPair, EXPERIMENT_DECAY } from '../../../../src/core/model/decay-pair';
import { readTrainSpec, SPEC_DEFAULTS, trainSpecOrUndefined } from '../../../../src/core/model/spec';
import { describeModel } from '../../../../src/report/export/model-description';

describe('readers of the model spec', () => {
  const sparse = { learning_rate: 0.01, lr_decay_rate: 0.9 };

  it('fill a missing decay step count as the trainer does', () => {
    expect(readTrainSpec(sparse).schedule.decaySteps).toBe(SPEC_DEFAULTS.decaySteps);
    expect(scheduleOf(sparse)).toEqual(readTrainSpec(sparse).schedule);
    expect(describeSchedule(sparse)).toContain(`per ${SPEC_DEFAULTS.decaySteps} training steps`);
  });

  it('describe the network the trainer builds, output layer included', () => {
    const config = { layers: 2, units_0: 64 };
    const model = describeModel(config, 'binary', 2)!;
    expect(model.units).toEqual([64, SPEC_DEFAULTS.units]);
    expect(model.optimizer).toBe(SPEC_DEFAULTS.optimizer);
    expect(model.output.activation).toBe('sigmoid');
  });

  it('say so instead of guessing when a config cannot train', () => {
    const bad = { layers: 2, activation: 'swish' };
    expect(trainSpecOrUndefined(bad)).toBeUndefined();
    expect(describeModel(bad, 'binary', 2)).toBeUndefined();
    expect(describeSchedule(bad)).toMatch(/does not describe a network/);
  });

  it('leave the charts without a schedule for a space that does not tune the learning rate', () => {
    expect(scheduleOf({ layers: 2 })).toBeUndefined();
  });

  it('pair the decay experiment with the config’s own decay, or a typical one', () => {
    const own = decayPair({ learning_rate: 0.01, lr_decay_rate: 0.95, lr_decay_steps: 100 });
    expect(own.decay).toEqual({ rate: 0.95, steps: 100 });
    expect(readTrainSpec(own.constant).schedule.decayRate).toBe(1);
    expect(readTrainSpec(own.decayed).schedule).toMatchObject({ decayRate: 0.95, decaySteps: 100 });
    expect(decayPair({ learning_rate: 0.01 }).decay).toEqual(EXPERIMENT_DECAY);
  });
});
