/** The BroadcastChannel on which the page tells its trainers when it draws (src/train/page-courtesy.ts). */
export const PAGE_BUSY_CHANNEL = 'tuning-playground:page-busy';

/** Trainer workers are named in the order they start: "trainer 1", "trainer 2"… */
export function trainerName(index: number): string {
  return `trainer ${index}`;
}

/**
 * Where Web Locks are missing (src/workers/keeper-slots.ts), every other trainer makes way for the page
 * while it draws: one of two trainers on two cores leaves the page a core, and the other keeps the
 * search going (both waiting made searches 9–21% slower). Counted over every trainer the tuner starts,
 * so a lone replacement (a crashed trainer's) can leave both of a pair on the same side.
 */
export function makesWayForPage(name: string): boolean {
  const index = Number(/^trainer (\d+)$/.exec(name)?.[1]);
  return Number.isInteger(index) && index % 2 === 1;
}
