/**
 * A short run of the training code on a small generated problem, in a trainer started before Start.
 * Each worker's engine optimises the code it runs hot (the training step, the fused group, the metrics,
 * a promotion from a checkpoint); done here, that compiling is over before the search instead of
 * taking the cores its first trials and the page need.
 */
import { Rng } from '../core/rng';
import { courseSearchSpace, sampleConfig } from '../core/space';
import { loadSynthetic } from '../data/synthetic';
import { trainGroupOrFail } from './fused/train-group-or-fail';
import type { TrainRequest } from './types';

const ROWS = 300;
const EPOCHS = 2;

/**
 * `cancelled` is asked at each epoch's end: a search that wants the trainer ends the warm-up. Returns
 * the epochs it trained (each member's counted).
 */
export async function warmUpTraining(cancelled: () => boolean = () => false): Promise<number> {
  const loaded = loadSynthetic('moons', { size: ROWS, noise: 0.1, seed: 1 });
  if (!loaded.ok) return 0;
  const { dataset } = loaded.value;
  const config = sampleConfig(courseSearchSpace(), new Rng(3));
  const request = (seed: number): TrainRequest => ({
    config,
    seed,
    epochs: EPOCHS,
    initialEpoch: 0,
    keepCheckpoint: true,
  });
  let epochs = 0;
  const train = async (requests: TrainRequest[]) => {
    const results = await trainGroupOrFail(dataset, requests, undefined, () => cancelled());
    for (const result of results) epochs += result.history.length;
    return results;
  };
  const [alone] = await train([request(1)]);
  if (!cancelled()) await train([request(2), request(3)]);
  if (!cancelled() && alone.checkpoint)
    await train([{ ...request(1), epochs: EPOCHS + 1, initialEpoch: EPOCHS, checkpoint: alone.checkpoint }]);
  return epochs;
}
