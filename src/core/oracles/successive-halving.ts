import { createBracketOracle } from './bracket-oracle';
import type { PlanRound } from './hyperband-plan';
import { floorDiv, floorLog, requireInteger, requireRungSettings } from './rungs-arithmetic';
import { EPOCHS_ON_EACH_FRACTION, RUNG_SETTINGS } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext, TunerSettings } from './types';

export const ALL_ROUNDS_FINISHED = 'all rounds finished';

export type SuccessiveHalvingOptions = Pick<
  TunerSettings,
  'maxEpochs' | 'factor' | 'minEpochs' | 'initialConfigs'
>;

/**
 * One bracket: s = max k with r·η^k ≤ R halvings, so rounds i = 0…s train to r·η^i epochs except the
 * last, which trains to R. Round 0 has n configs (0 means η^s); each later round keeps ⌊n_i/η⌋, at least 1.
 */
export function successiveHalvingRounds({
  maxEpochs,
  factor,
  minEpochs,
  initialConfigs,
}: SuccessiveHalvingOptions): PlanRound[] {
  requireRungSettings({ maxEpochs, factor, minEpochs });
  requireInteger('initialConfigs', initialConfigs, 0);
  const halvings = floorLog(factor, floorDiv(maxEpochs, minEpochs));
  const rounds: PlanRound[] = [];
  let models = initialConfigs > 0 ? initialConfigs : factor ** halvings;
  for (let i = 0; i <= halvings; i++) {
    rounds.push({ models, epochs: i === halvings ? maxEpochs : minEpochs * factor ** i });
    models = Math.max(1, floorDiv(models, factor));
  }
  return rounds;
}

/** Successive halving (Jamieson & Talwalkar 2016): Hyperband's bracket runner with a single bracket. */
export function createSuccessiveHalving(ctx: OracleContext): Oracle {
  const rounds = successiveHalvingRounds(ctx.settings);
  return createBracketOracle(ctx, [{ bracket: rounds.length - 1, rounds }], ALL_ROUNDS_FINISHED);
}

export const successiveHalving: AlgorithmDefinition = {
  id: 'successive-halving',
  label: 'Successive halving',
  explanation: 'Starts many configurations on a small budget and keeps the best 1/factor at each rung.',
  multiFidelity: true,
  settings: [
    ...RUNG_SETTINGS,
    { key: 'minEpochs', group: 'budget' },
    { key: 'initialConfigs', group: 'budget' },
    EPOCHS_ON_EACH_FRACTION,
  ],
  create: createSuccessiveHalving,
  plan: ({ tuner }) => {
    const rounds = successiveHalvingRounds(tuner);
    return { kind: 'brackets', brackets: [{ bracket: rounds.length - 1, rounds }] };
  },
};
