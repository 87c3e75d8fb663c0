import * as z from 'zod';
import { compareClocks, type SyncClock } from '#events/clock';
import { LinkErrorCode } from '#events/messages';

/** How a record stands with its twin in the other book. */
export const LinkStatus = z.enum(['pending', 'synchronized', 'unsynchronized', 'unknown', 'error']);
export type LinkStatus = z.infer<typeof LinkStatus>;

export const Link = z.object({
  status: LinkStatus,
  otherId: z.string().optional(),
  error: z.object({ code: LinkErrorCode, message: z.string() }).optional(),
});
export type Link = z.infer<typeof Link>;

/**
 * Sync bookkeeping kept on every synced record and never shown: the clock of
 * its common fields, how often it was sent without an answer, and since when.
 */
export interface SyncState {
  clock: SyncClock;
  attempts: number;
  sentAt: string;
  /** Records that cannot be sent yet (a matter whose clients are not linked) name what they wait for. */
  waitingFor?: string[];
}

export const pendingLink = (previous?: Link): Link => ({
  status: 'pending',
  ...(previous?.otherId ? { otherId: previous.otherId } : {}),
});

/**
 * An answer from the other book settles the link only if it covers our
 * latest state; an older answer arriving after a newer edit leaves it pending.
 */
export function answerCovers(answer: SyncClock, own: SyncClock): boolean {
  return compareClocks(answer, own) >= 0;
}
