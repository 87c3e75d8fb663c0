import { TransactionRefused, type BookStore, type TxItem } from '../aws/book-store.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import type { Link, SyncState } from './link.ts';

export interface SyncedRecord {
  firmId: string;
  id: string;
  version: number;
  updatedAt: string;
  link: Link;
  sync: SyncState;
}

export interface ReconcileReport {
  resent: number;
  gaveUp: number;
}

/** How many stuck records one run handles at most; the next run takes the rest. */
const MAX_PER_RUN = 2000;

/**
 * Re-drives records whose link stayed pending (a lost message, a consumer
 * that crashed, a restart that dropped a queue): each is sent again with the
 * same clock, which the other book answers idempotently. After
 * `config.sync.maxAttempts` sends without an answer the link turns `unknown`,
 * so no record stays pending forever and a person can see it.
 */
export async function reconcilePending<R extends SyncedRecord>(
  store: BookStore,
  resend: (record: R) => Promise<TxItem>,
  now = new Date(),
): Promise<ReconcileReport> {
  const before = new Date(now.getTime() - config.sync.redriveAfterSeconds * 1000).toISOString();
  const report: ReconcileReport = { resent: 0, gaveUp: 0 };
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const stuck = await store.pendingSince(before, 100);
    if (stuck.length === 0) break;
    let progressed = false;
    for (const key of stuck) {
      handled++;
      const record = await store.get<R>(key.firmId, key.sk);
      if (!record || record.link.status !== 'pending' || record.sync.sentAt >= before) continue;
      try {
        if (record.sync.attempts >= config.sync.maxAttempts) {
          const next: R = {
            ...record,
            link: {
              status: 'unknown',
              ...(record.link.otherId ? { otherId: record.link.otherId } : {}),
              error: { code: 'no_response', message: `No answer from the other book after ${record.sync.attempts} sends.` },
            },
            version: record.version + 1,
            updatedAt: now.toISOString(),
          };
          await store.commit([store.putRecord(key.sk, next, record.version)]);
          report.gaveUp++;
        } else {
          // Internal bookkeeping only: the version (and so the ETag) stays.
          const next: R = { ...record, sync: { ...record.sync, attempts: record.sync.attempts + 1, sentAt: now.toISOString() } };
          await store.commit([store.putRecord(key.sk, next, record.version), await resend(next)]);
          report.resent++;
        }
        progressed = true;
      } catch (error) {
        // Changed by someone else meanwhile: that change re-sent it or settled it.
        if (!(error instanceof TransactionRefused)) throw error;
      }
    }
    if (!progressed) break;
  }
  if (report.resent || report.gaveUp) logger.info('reconciled pending links', { ...report });
  return report;
}
