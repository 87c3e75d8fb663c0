import type { ExportedEntry } from '#events/messages';
import { asciiJson } from '../../sync/outbox.entity.ts';

/** A batch message stays well under DynamoDB's 400 KB item (its outbox entry) and SQS's message limit. */
export const BATCH_BYTES = 200_000;

/**
 * Splits a page's entries, in order, into batches whose messages stay under
 * `maxBytes` as the outbox writes them (every non-ASCII character escaped, so
 * a 2,000-character description can take 12 KB).
 */
export function batchesOf(entries: readonly ExportedEntry[], maxBytes = BATCH_BYTES): ExportedEntry[][] {
  const batches: ExportedEntry[][] = [];
  let current: ExportedEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = asciiJson(e).length + 1;
    if (current.length && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return batches;
}
