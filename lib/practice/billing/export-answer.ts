import type * as z from 'zod';
import type { AccountingTimeBatchBooked } from '#events/messages';
import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { finishJobIfDone, jobEntity } from '../../jobs/job.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { logger } from '../../shared/logger.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { timeEntryEntity } from '../entities/time-entry.entity.ts';

/**
 * Accounting booked (or refused) a batch: the batch is counted on the job,
 * refusals are listed on it and their entries unlocked, all at once and only
 * once (keyed on the batch). Booked entries stay locked (draft) as planning
 * left them.
 */
export async function onBatchBooked(m: z.infer<typeof AccountingTimeBatchBooked>): Promise<void> {
  let unlock = m.failed.map((f) => f.timeEntryId);
  await retrying(async () => {
    const now = nowIso();
    const items: TxItem[] = [
      jobEntity.putMarker(m.jobId, m.batchNo),
      jobEntity.count(m.jobId, m.booked.length, m.failed.length, now),
      ...m.failed.map((f) => jobEntity.putError(m.jobId, f.timeEntryId, f)),
      ...unlock.map((id) => timeEntryEntity.unlock(m.firmId, id, m.jobId, now)),
    ];
    const firstUnlock = items.length - unlock.length;
    try {
      await commit(items);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (error.failedAt(0)) return; // this batch was already counted
      // An entry this job no longer holds is left as it is.
      const gone = new Set(unlock.filter((_, i) => error.failedAt(firstUnlock + i)));
      if (gone.size) {
        unlock = unlock.filter((id) => !gone.has(id));
        throw new Retry('some refused entries were no longer held by this export');
      }
      throw error;
    }
  });
  await finishExportIfDone(m.jobId);
}

/** Ends the export job once every entry is accounted for, and tells accounting (for its import alert). */
export async function finishExportIfDone(jobId: string): Promise<void> {
  const job = await finishJobIfDone(jobId, (j) => [
    outboxMessage('toAccounting', {
      type: 'practice.time_export.finished', firmId: j.firmId, jobId, total: j.progress.total, exported: j.succeeded, failed: j.failed,
    }),
  ]);
  if (job) logger.info('time export finished', { jobId, total: job.progress.total, failed: job.failed });
}
