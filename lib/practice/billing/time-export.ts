import type * as z from 'zod';
import type { AccountingTimeBatchBooked, TimeExportPlan } from '#events/messages';
import { practiceKeys, practiceStore } from '../store.ts';
import { pageOfEntries } from '../time/service.ts';
import { entryIndexKeys } from '../time/model.ts';
import { checkEntries, type CheckLookups } from './export-checks.ts';
import { outboxEntry } from '../../sync/outbox.ts';
import { firmPk, TransactionRefused, type TxItem } from '../../aws/book-store.ts';
import {
  advancePlanning,
  countJobItems,
  finishIfDone as finishJobIfDone,
  jobToApi,
  loadJob,
  newJob,
  putBatchMarker,
  putJobError,
  putNewJob,
  type JobRecord,
} from '../../jobs/repository.ts';
import type { Job } from '../../jobs/schemas.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { faultPoint } from '../../shared/faults.ts';
import { logger } from '../../shared/logger.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import type { StartTimeExport } from './schemas.ts';

/**
 * Sending time for billing. The request only creates the job and its first
 * planning message (one transaction). Planning reads the open entries page by
 * page, checks practice's side, and sends each page that passes to accounting
 * as one batch; a planning step covers a bounded number of pages and hands the
 * rest to the next message, so no Lambda runs long. Accounting books each
 * batch once (keyed on the time entry) and answers; the answer marks the
 * entries draft and counts them on the job, once (keyed on the batch).
 */

/**
 * Entries per batch message (and per accounting transaction). Accounting books
 * a batch in one transaction of at most 100 items: 48 ledger entries, up to 48
 * file balances, its answer and the balance announcement.
 */
export const EXPORT_PAGE = 48;
/** Pages per planning step. */
const PAGES_PER_STEP = 20;


export async function startTimeExport(firmId: string, input: StartTimeExport): Promise<Job> {
  const job = newJob(firmId, 'time_export', { ...input }, newId('job'), nowIso());

  await practiceStore.commit([
    putNewJob(job),
    practiceStore.putOutbox(outboxEntry('timeExport', { type: 'practice.time_export.plan', firmId, jobId: job.id, cursor: '' })),
  ]);
  return jobToApi(job);
}

/** One planning step: up to PAGES_PER_STEP pages, each committed with its batch message and its job counts. */
export async function planTimeExport(m: z.infer<typeof TimeExportPlan>): Promise<void> {
  let job = await loadJob(m.jobId);
  // Planning always goes on from where the job stands, whatever cursor the message carries: a replayed or
  // duplicate message simply continues (or finds nothing to do), and two planners at once are kept apart by
  // the guard on each step, so a lost hand-over message can never strand a job.
  if (!job || job.firmId !== m.firmId || job.planning.done) return;
  const filter = { ...(job.params as StartTimeExport), status: 'open' as const };
  const lookups: CheckLookups = new Map();
  let nextPage = pageOfEntries(m.firmId, filter, EXPORT_PAGE, job.planning.cursor || undefined);
  for (let page = 0; page < PAGES_PER_STEP; page++) {
    const entries = await nextPage;
    const done = entries.nextCursor === null;
    const cursor: string = entries.nextCursor ?? job.planning.cursor;
    const handOver = !done && page === PAGES_PER_STEP - 1;
    if (!done && !handOver) {
      // Read ahead: the next page is read while this one is checked and committed. If this step stops early
      // (another delivery got ahead), the read is simply dropped.
      nextPage = pageOfEntries(m.firmId, filter, EXPORT_PAGE, cursor);
      nextPage.catch(() => undefined);
    }
    const { ok, failed } = await checkEntries(m.firmId, entries.items, lookups);
    const now = nowIso();
    const items: TxItem[] = [
      advancePlanning(job, { cursor, found: entries.items.length, failed: failed.length, batches: ok.length ? 1 : 0, done }, now),
      ...failed.map((f) => putJobError(job!.id, f.timeEntryId, f)),
    ];
    if (ok.length) {
      items.push(practiceStore.putOutbox(outboxEntry('toAccounting', {
        type: 'practice.time.export_batch', firmId: m.firmId, jobId: job.id, batchNo: job.planning.batches, entries: ok,
      })));
    }
    if (handOver) {
      items.push(practiceStore.putOutbox(outboxEntry('timeExport', { type: 'practice.time_export.plan', firmId: m.firmId, jobId: job.id, cursor })));
    }
    try {
      await practiceStore.commit(items);
    } catch (error) {
      // Another delivery of this step got there first: it carries on from here.
      if (error instanceof TransactionRefused && error.failedAt(0)) return;
      throw error;
    }
    faultPoint('practice.export.afterPlanningPage', m.firmId);
    job = { ...job, status: 'running', planning: { cursor, done, batches: job.planning.batches + (ok.length ? 1 : 0) } };
    if (done) {
      await finishIfDone(job.id);
      return;
    }
    if (handOver) return;
  }
}

/** Marks an entry draft (locked) with its ledger entry, only if it is still open. */
function markDraft(firmId: string, timeEntryId: string, ledgerEntryId: string, now: string): TxItem {
  return {
    Update: {
      TableName: practiceStore.table,
      Key: { pk: firmPk(firmId), sk: practiceKeys.timeEntry(timeEntryId) },
      UpdateExpression: 'SET #status = :draft, gsi3pk = :index, ledgerEntryId = :ledger, updatedAt = :now ADD version :one',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':draft': 'draft',
        ':open': 'open',
        ':index': entryIndexKeys({ firmId, id: '', date: '', matterId: '', timekeeperId: '', status: 'draft' }).gsi3pk,
        ':ledger': ledgerEntryId,
        ':now': now,
        ':one': 1,
      },
    },
  };
}

/**
 * Accounting booked (or refused) a batch: its booked entries become draft,
 * refusals are listed on the job, and the batch is counted, all at once and
 * only once. An entry that is no longer open (a racing export marked it) is
 * left as it is.
 */
export async function onBatchBooked(m: z.infer<typeof AccountingTimeBatchBooked>): Promise<void> {
  let booked = m.booked;
  await retrying(async () => {
    const now = nowIso();
    const items: TxItem[] = [
      putBatchMarker(m.jobId, m.batchNo),
      countJobItems(m.jobId, m.booked.length, m.failed.length, now),
      ...m.failed.map((f) => putJobError(m.jobId, f.timeEntryId, f)),
      ...booked.map((b) => markDraft(m.firmId, b.timeEntryId, b.ledgerEntryId, now)),
    ];
    const firstMark = items.length - booked.length;
    try {
      await practiceStore.commit(items);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (error.failedAt(0)) return; // this batch was already counted
      const stale = new Set(booked.filter((_, i) => error.failedAt(firstMark + i)).map((b) => b.timeEntryId));
      if (stale.size) {
        booked = booked.filter((b) => !stale.has(b.timeEntryId));
        throw new Retry('some entries were no longer open');
      }
      throw error;
    }
  });
  await finishIfDone(m.jobId);
}

/** Ends the job once every entry is accounted for, and tells accounting (for its import alert). */
export async function finishIfDone(jobId: string): Promise<void> {
  const job = await finishJobIfDone(jobId, (items) => practiceStore.commit(items), (j) => [
    practiceStore.putOutbox(outboxEntry('toAccounting', {
      type: 'practice.time_export.finished', firmId: j.firmId, jobId, total: j.progress.total, exported: j.succeeded, failed: j.failed,
    })),
  ]);
  if (job) logger.info('time export finished', { jobId, total: job.progress.total, failed: job.failed });
}
