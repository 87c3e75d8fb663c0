import type * as z from 'zod';
import type { AccountingTimeBatchBooked, TimeExportPlan } from '#events/messages';
import { practiceKeys, practiceStore } from '../store.ts';
import { pageOfEntries } from '../time/service.ts';
import { entryIndexKeys, type TimeEntryRecord } from '../time/model.ts';
import { checkEntries, type CheckLookups } from './export-checks.ts';
import { outboxEntry, putInOutbox } from '../../sync/outbox.ts';
import { batchesOf } from './batches.ts';
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
 * page, checks practice's side, and in one transaction per page locks each
 * entry that passes (open → draft, guarded by the version it read, so an entry
 * edited meanwhile is read again and never sent stale), counts the page on the
 * job and sends the locked entries to accounting as a batch. An entry is thus
 * in exactly one batch, ever. A planning step covers a bounded number of pages
 * and hands the rest to the next message, so no Lambda runs long. Accounting
 * books each batch once and answers; the answer counts the batch on the job
 * and unlocks the entries accounting refused, all at once and only once.
 */

/**
 * Entries per page. One page is one transaction of at most 100 items: its 90
 * locks or job errors, the job's counts, the hand-over and its batch
 * messages (at most six, each under 200 KB even when every description
 * is 2,000 escaped characters). Accounting books a batch in one transaction
 * too: its marker, the announcement and up to one balance per file.
 */
export const EXPORT_PAGE = 90;
/** Pages per planning step. */
const PAGES_PER_STEP = 20;
/** Times a step reads a page again because entries changed under it, before it gives up (and its message is retried). */
const MAX_REREADS = 20;

export async function startTimeExport(firmId: string, input: StartTimeExport): Promise<Job> {
  const job = newJob(firmId, 'time_export', { ...input }, newId('job'), nowIso());

  await practiceStore.commit([
    putNewJob(job),
    putInOutbox(outboxEntry('timeExport', { type: 'practice.time_export.plan', firmId, jobId: job.id, cursor: '' })),
  ]);
  return jobToApi(job);
}

/**
 * Locks an entry for this job (open → draft), only if it is still the version
 * planning read. (`table` is for the benchmark, which times this very lock on
 * a scratch table.)
 */
export function lockForExport(entry: TimeEntryRecord, jobId: string, now: string, table = practiceStore.table): TxItem {
  return {
    Update: {
      TableName: table,
      Key: { pk: firmPk(entry.firmId), sk: practiceKeys.timeEntry(entry.id) },
      UpdateExpression: 'SET #status = :draft, gsi3pk = :index, exportJobId = :job, updatedAt = :now ADD version :one',
      ConditionExpression: '#status = :open AND version = :version',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':draft': 'draft',
        ':open': 'open',
        ':version': entry.version,
        ':index': entryIndexKeys({ ...entry, status: 'draft' }).gsi3pk,
        ':job': jobId,
        ':now': now,
        ':one': 1,
      },
    },
  };
}

/** Gives an entry accounting refused back to the user (draft → open), only if this job still holds it. */
function unlockRefused(firmId: string, timeEntryId: string, jobId: string, now: string): TxItem {
  return {
    Update: {
      TableName: practiceStore.table,
      Key: { pk: firmPk(firmId), sk: practiceKeys.timeEntry(timeEntryId) },
      UpdateExpression: 'SET #status = :open, gsi3pk = :index, updatedAt = :now REMOVE exportJobId ADD version :one',
      ConditionExpression: '#status = :draft AND exportJobId = :job',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':draft': 'draft',
        ':open': 'open',
        ':index': entryIndexKeys({ firmId, id: '', date: '', matterId: '', timekeeperId: '', status: 'open' }).gsi3pk,
        ':job': jobId,
        ':now': now,
        ':one': 1,
      },
    },
  };
}

/** One planning step: up to PAGES_PER_STEP pages, each committed with its locks, its batch messages and its job counts. */
export async function planTimeExport(m: z.infer<typeof TimeExportPlan>): Promise<void> {
  let job = await loadJob(m.jobId);
  // Planning always goes on from where the job stands, whatever cursor the message carries: a replayed or
  // duplicate message simply continues (or finds nothing to do), and two planners at once are kept apart by
  // the guard on each step, so a lost hand-over message can never strand a job.
  if (!job || job.firmId !== m.firmId || job.planning.done) return;
  const filter = { ...(job.params as StartTimeExport), status: 'open' as const };
  const lookups: CheckLookups = new Map();
  const read = (cursor: string) => {
    const page = pageOfEntries(m.firmId, filter, EXPORT_PAGE, cursor || undefined);
    page.catch(() => undefined); // a read ahead that this step ends up not using must not fail unobserved
    return page;
  };
  let nextPage = read(job.planning.cursor);
  let rereads = 0;
  for (let page = 0; page < PAGES_PER_STEP; page++) {
    const entries = await nextPage;
    const done = entries.nextCursor === null;
    const cursor: string = entries.nextCursor ?? job.planning.cursor;
    const handOver = !done && page === PAGES_PER_STEP - 1;
    // Read ahead: the next page is read while this one is checked and committed.
    if (!done && !handOver) nextPage = read(cursor);
    const { ok, failed } = await checkEntries(m.firmId, entries.items, lookups);
    const batches = batchesOf(ok);
    const now = nowIso();
    const records = new Map(entries.items.map((e) => [e.id, e]));
    const items: TxItem[] = [
      advancePlanning(job, { cursor, found: entries.items.length, failed: failed.length, batches: batches.length, done }, now),
      ...failed.map((f) => putJobError(job!.id, f.timeEntryId, f)),
      ...batches.map((batch, i) => putInOutbox(outboxEntry('timeBooking', {
        type: 'practice.time.export_batch', firmId: m.firmId, jobId: job!.id, batchNo: job!.planning.batches + i, entries: batch,
      }))),
      ...(handOver ? [putInOutbox(outboxEntry('timeExport', { type: 'practice.time_export.plan', firmId: m.firmId, jobId: job.id, cursor }))] : []),
    ];
    const firstLock = items.length;
    items.push(...ok.map((e) => lockForExport(records.get(e.timeEntryId)!, job!.id, now)));
    try {
      await practiceStore.commit(items);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      // Another delivery of this step got there first: it carries on from here.
      if (error.failedAt(0)) return;
      // An entry changed (or another export locked it) since this page was read, or a write raced this one:
      // read the same page again (the read ahead started from a cursor that may move) and plan it afresh.
      if ((error.transient || ok.some((_, i) => error.failedAt(firstLock + i))) && ++rereads <= MAX_REREADS) {
        await new Promise((r) => setTimeout(r, Math.random() * 20 * rereads));
        page--;
        nextPage = read(job.planning.cursor);
        lookups.clear();
        continue;
      }
      throw error;
    }
    faultPoint('practice.export.afterPlanningPage', m.firmId);
    job = { ...job, status: 'running', planning: { cursor, done, batches: job.planning.batches + batches.length } };
    if (done) {
      await finishIfDone(job.id);
      return;
    }
    if (handOver) return;
  }
}

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
      putBatchMarker(m.jobId, m.batchNo),
      countJobItems(m.jobId, m.booked.length, m.failed.length, now),
      ...m.failed.map((f) => putJobError(m.jobId, f.timeEntryId, f)),
      ...unlock.map((id) => unlockRefused(m.firmId, id, m.jobId, now)),
    ];
    const firstUnlock = items.length - unlock.length;
    try {
      await practiceStore.commit(items);
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
  await finishIfDone(m.jobId);
}

/** Ends the job once every entry is accounted for, and tells accounting (for its import alert). */
export async function finishIfDone(jobId: string): Promise<void> {
  const job = await finishJobIfDone(jobId, (items) => practiceStore.commit(items), (j) => [
    putInOutbox(outboxEntry('toAccounting', {
      type: 'practice.time_export.finished', firmId: j.firmId, jobId, total: j.progress.total, exported: j.succeeded, failed: j.failed,
    })),
  ]);
  if (job) logger.info('time export finished', { jobId, total: job.progress.total, failed: job.failed });
}
