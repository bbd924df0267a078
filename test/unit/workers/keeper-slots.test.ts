import { describe, expect, it } from 'vitest';
import { KeeperClaim, keeperSlots, type Locks } from '../../../src/workers/keeper-slots';

/** Web Locks' ifAvailable requests, with release when an owner ends. */
class FakeLocks implements Locks {
  constructor(private readonly owner: { id: string }) {}
  static shared = new Map<string, string>();
  request(name: string, _options: { ifAvailable: true }, callback: (lock: unknown) => Promise<void> | void) {
    const free = !FakeLocks.shared.has(name);
    if (free) FakeLocks.shared.set(name, this.owner.id);
    return Promise.resolve().then(() => callback(free ? { name } : null));
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const end = (id: string) => {
  for (const [name, owner] of FakeLocks.shared) if (owner === id) FakeLocks.shared.delete(name);
};

describe('keeper slots: which trainers train on while the page draws', () => {
  it('leaves the page one core: one slot fewer than the cores, none on one core', () => {
    expect(keeperSlots(2)).toBe(1);
    expect(keeperSlots(4)).toBe(3);
    expect(keeperSlots(1)).toBe(0);
    expect(keeperSlots(0)).toBe(0);
  });

  it('gives each slot to one trainer; the others make way until a slot comes free', async () => {
    FakeLocks.shared.clear();
    const trainers = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      claim: new KeeperClaim(new FakeLocks({ id }), 1),
    }));
    for (const t of trainers) t.claim.claim();
    await settle();
    expect(trainers.map((t) => t.claim.keeps)).toEqual([true, false, false, false]);

    end('a');
    for (const t of trainers.slice(1)) t.claim.claim();
    await settle();
    expect(trainers.slice(1).filter((t) => t.claim.keeps)).toHaveLength(1);
  });

  it('fills every slot on a machine with cores to spare, and keeps none without Web Locks', async () => {
    FakeLocks.shared.clear();
    const claims = ['a', 'b', 'c'].map((id) => new KeeperClaim(new FakeLocks({ id }), keeperSlots(4)));
    for (const c of claims) c.claim();
    await settle();
    await settle();
    expect(claims.map((c) => c.keeps)).toEqual([true, true, true]);

    const none = new KeeperClaim(undefined, 1);
    none.claim();
    await settle();
    expect(none.keeps).toBe(false);
  });
});
