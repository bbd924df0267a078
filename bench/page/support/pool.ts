/** Runs a list of training requests over a pool of trainers, each taking the next request when free. */
import type { TrainRequest } from '../../../src/train/types';
import type { TrainerHandle } from '../../../src/scheduler/trainer-handle';

export async function runOnPool(
  trainers: TrainerHandle[],
  requests: TrainRequest[],
): Promise<{ ms: number; epochs: number }> {
  let next = 0;
  let epochs = 0;
  const started = performance.now();
  await Promise.all(
    trainers.map(async (trainer) => {
      while (next < requests.length) {
        const request = requests[next++];
        const result = await trainer.train(request, () => {});
        if (result.status !== 'completed')
          throw new Error(`a benchmark trial ended ${result.status}: ${result.reason}`);
        epochs += result.epochsTrained;
      }
    }),
  );
  return { ms: performance.now() - started, epochs };
}
