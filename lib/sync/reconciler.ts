import { commit, TransactionRefused, type TxItem } from '../aws/transactions.ts';
import type { PendingLinks } from '../aws/entity.ts';
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
 * Re-drives one record: returns the record to store (its attempts already
 * counted) and the items to write with it, usually its message again.
 */
export type Redrive<R> = (record: R, now: string) => Promise<{ record: R; items: TxItem[] }>;

/**
 * Re-drives records whose link stayed pending (a lost message, a consumer
 * that crashed, a restart that dropped a queue): each is sent again with the
 * same clock, which the other book answers idempotently. After
 * `config.sync.maxAttempts` sends without an answer the link turns `unknown`,
 * so no record stays pending forever and a person can see it.
 */
export async function reconcilePending<R extends SyncedRecord>(
  pending: PendingLinks<R>,
  redrive: Redrive<R>,
  now = new Date(),
): Promise<ReconcileReport> {
  const before = new Date(now.getTime() - config.sync.redriveAfterSeconds * 1000).toISOString();
  const report: ReconcileReport = { resent: 0, gaveUp: 0 };
  let handled = 0;
  while (handled < MAX_PER_RUN) {
    const stuck = await pending.since(before, 100);
    if (stuck.length === 0) break;
    let progressed = false;
    for (const key of stuck) {
      handled++;
      const record = await pending.get(key.firmId, key.sk);
      if (!record || record.link.status !== 'pending' || record.sync.sentAt >= before) continue;
      try {
        // A record waiting for others (a matter for its clients) is looked at again, never given up on.
        const waiting = (record.sync.waitingFor?.length ?? 0) > 0;
        if (!waiting && record.sync.attempts >= config.sync.maxAttempts) {
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
          await commit([pending.put(key.sk, next, record.version)]);
          report.gaveUp++;
        } else {
          // Internal bookkeeping only: the version (and so the ETag) stays unless the redrive changes what is shown.
          const counted: R = {
            ...record,
            sync: { ...record.sync, attempts: record.sync.attempts + (waiting ? 0 : 1), sentAt: now.toISOString() },
          };
          const { record: next, items } = await redrive(counted, now.toISOString());
          await commit([pending.put(key.sk, next, record.version), ...items]);
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
