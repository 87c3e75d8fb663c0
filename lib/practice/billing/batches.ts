import type { ExportedEntry } from '#events/messages';
import { asciiJson } from '../../sync/outbox.entity.ts';
import { packInOrder } from '../../shared/pack.ts';

/** A batch message stays well under DynamoDB's 400 KB item (its outbox entry) and SQS's message limit. */
export const BATCH_BYTES = 200_000;

/**
 * Splits a page's entries, in order, into batches whose messages stay under
 * `maxBytes` as the outbox writes them (every non-ASCII character escaped, so
 * a 2,000-character description can take 12 KB).
 */
export const batchesOf = (entries: readonly ExportedEntry[], maxBytes = BATCH_BYTES): ExportedEntry[][] =>
  packInOrder(entries, (e) => asciiJson(e).length + 1, { maxBytes });
