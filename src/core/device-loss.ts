/**
 * A lost GPU device is the one training error that is not the trial's fault: the trainer rethrows it,
 * and the scheduler moves the trainer to the next backend. Both recognise it by its message, the only
 * thing that survives the worker boundary.
 */
export const LOST_DEVICE = /device (was )?lost|GPUDevice|context lost/i;

export function isLostDevice(error: unknown): boolean {
  return LOST_DEVICE.test(error instanceof Error ? error.message : String(error));
}
