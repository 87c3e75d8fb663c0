import * as z from 'zod';

/**
 * A Lamport clock over the common fields of a linked pair of records.
 * Each local edit ticks it; a message carries it; a book applies a remote state
 * only when the message's clock is newer than its own. Ties (two books editing
 * at once) go to practice, so both books settle on the same state and an echo
 * or a late duplicate never overwrites a newer one.
 */
export const Origin = z.enum(['practice', 'accounting']);
export type Origin = z.infer<typeof Origin>;

export const SyncClock = z.object({ counter: z.number().int().nonnegative(), origin: Origin });
export type SyncClock = z.infer<typeof SyncClock>;

const originRank: Record<Origin, number> = { accounting: 0, practice: 1 };

export function compareClocks(a: SyncClock, b: SyncClock): -1 | 0 | 1 {
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  const d = originRank[a.origin] - originRank[b.origin];
  return d === 0 ? 0 : d < 0 ? -1 : 1;
}

export function tick(clock: SyncClock, origin: Origin): SyncClock {
  return { counter: clock.counter + 1, origin };
}

export const firstClock = (origin: Origin): SyncClock => ({ counter: 1, origin });
