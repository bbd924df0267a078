/**
 * Runs `run` in a task of its own just after the next frame, rather than inside the frame's callback:
 * drawing a canvas there adds the drawing to the frame's own style, layout and paint, and the sum made
 * long tasks. Returns a function that cancels the run if it has not started.
 */
export function afterNextFrame(run: () => void): () => void {
  let cancelled = false;
  const go = () => {
    if (!cancelled) run();
  };
  const frame = requestAnimationFrame(() => {
    if (typeof MessageChannel !== 'function') return go();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      go();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

/** A hidden page draws no frames: waiting for one would hold up work until it is shown again. */
const HIDDEN_FRAME_WAIT_MS = 100;

/**
 * Resolves in a task of its own after the next frame, so the page shows what changed so far first (or
 * after HIDDEN_FRAME_WAIT_MS when no frame comes).
 */
export function nextFrameDone(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      cancel();
      resolve();
    }, HIDDEN_FRAME_WAIT_MS);
    const cancel = afterNextFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Runs `run` when the browser is next idle (within `timeout` ms if given), or after `fallbackMs` where
 * requestIdleCallback is missing. Returns a function that cancels the run if it has not started.
 */
export function whenIdle(
  run: () => void,
  { timeout, fallbackMs = 0 }: { timeout?: number; fallbackMs?: number } = {},
): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => run(), timeout === undefined ? undefined : { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, fallbackMs);
  return () => clearTimeout(id);
}
