import type { FieldError } from '../../shared/errors.ts';
import { timeEntryEntity } from '../entities/time-entry.entity.ts';
import type { TimeEntryRecord } from './model.ts';

/**
 * LEDES matters take coded time only: every entry of a matter with
 * `billing.ledesEnabled` carries a UTBMS task and activity code, because the
 * e-billing portal refuses a fee line without them. Entries are refused when
 * written (400), and the matter refuses to switch LEDES on while open entries
 * lack codes (409), so the refusal comes when the user can still fix it, not
 * at e-billing weeks later.
 */

type Coded = Pick<TimeEntryRecord, 'taskCode' | 'activityCode'>;

const CODES = ['taskCode', 'activityCode'] as const;

/** The codes an entry lacks, as the fields to name. */
export const missingCodes = (entry: Coded): (typeof CODES)[number][] => CODES.filter((field) => !entry[field]);

/** The 400's field errors for an entry on a LEDES matter (none when it is coded). */
export function ledesCodeErrors(entry: Coded, prefix = ''): FieldError[] {
  return missingCodes(entry).map((field) => ({
    path: `${prefix}${field}`,
    message: `is required on a LEDES matter (billing.ledesEnabled): ${field === 'taskCode' ? 'a UTBMS task code like L110' : 'a UTBMS activity code like A101'}`,
  }));
}

/** How long after an uncoded entry was written the matter's entry index may still be missing it (DynamoDB GSIs are eventually consistent). */
export const INDEX_SETTLE_MS = 2_000;

/** The most entries a refusal lists (it says when there are more). */
export const LISTED_AT_MOST = 100;

/**
 * The open entries of a matter that lack a code, by date, at most `limit`
 * (and whether there were more). Reads the matter's entry index page by page.
 */
export async function openUncodedEntries(firmId: string, matterId: string, limit = LISTED_AT_MOST): Promise<{ entries: TimeEntryRecord[]; more: boolean }> {
  const entries: TimeEntryRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await timeEntryEntity.pageByMatter(firmId, matterId, { status: 'open' }, { limit: 500, cursor });
    for (const entry of page.items) {
      if (missingCodes(entry).length === 0) continue;
      if (entries.length === limit) return { entries, more: true };
      entries.push(entry);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { entries, more: false };
}
