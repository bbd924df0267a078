/**
 * Which trainers keep training while the page draws. One fewer than the cores do (a "keeper slot" each,
 * held as a Web Lock for the worker's life); every other trainer makes way (src/train/page-courtesy.ts).
 * With 2 cores one trainer keeps going whatever the worker count, so the page always has a core: with
 * every other trainer by start order, 4 workers on 2 cores had left two trainers training beside the
 * page. Locks are the origin's, so trainers of two open tabs share the slots, and a slot comes free
 * when its trainer ends; a trainer without one asks again as the page next gets busy.
 */

/** The part of the Web Locks API a claim needs. */
export interface Locks {
  request(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

const PREFIX = 'tuning-playground:keeper';

export function keeperSlots(cores: number): number {
  return Math.max(0, Math.floor(cores) - 1);
}

export class KeeperClaim {
  private held = false;
  private asking = false;

  constructor(
    private readonly locks: Locks | undefined,
    private readonly slots: number,
  ) {}

  /** Whether this trainer holds a slot: it trains on while the page draws. */
  get keeps(): boolean {
    return this.held;
  }

  /** Asks for a free slot, without waiting for one; a slot once held is kept. */
  claim(): void {
    if (this.held || this.asking || !this.locks) return;
    this.asking = true;
    const tryFrom = (slot: number): void => {
      if (slot >= this.slots) {
        this.asking = false;
        return;
      }
      this.locks!.request(`${PREFIX} ${slot}`, { ifAvailable: true }, (lock) => {
        if (!lock) return tryFrom(slot + 1);
        this.held = true;
        this.asking = false;
        return new Promise<void>(() => {});
      }).catch(() => {
        this.asking = false;
      });
    };
    tryFrom(0);
  }
}
