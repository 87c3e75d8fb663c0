import type * as z from 'zod';
import type { TimeExportPlan } from '#events/messages';
import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { jobEntity } from '../../jobs/job.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { faultPoint } from '../../shared/faults.ts';
import { timeEntryEntity } from '../entities/time-entry.entity.ts';
import { batchesOf } from './batches.ts';
import { checkEntries, CheckLookups } from './export-checks.ts';
import { finishExportIfDone } from './export-answer.ts';
import type { StartTimeExport } from './schemas.ts';

/**
 * Planning a time export (started by `export-start.ts`). Planning reads the
 * open entries page by page, checks practice's side, and in one transaction
 * per page locks each entry that passes (open → draft, guarded by the version
 * it read, so an entry edited meanwhile is read again and never sent stale),
 * counts the page on the job and sends the locked entries to accounting as a
 * batch. An entry is thus in exactly one batch, ever. A planning step covers
 * a bounded number of pages and hands the rest to the next message, so no
 * Lambda runs long. Accounting books each batch once and answers
 * (`export-answer.ts`).
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

/** One planning step: up to PAGES_PER_STEP pages, each committed with its locks, its batch messages and its job counts. */
export async function planTimeExport(m: z.infer<typeof TimeExportPlan>): Promise<void> {
  let job = await jobEntity.get(m.jobId);
  // Planning always goes on from where the job stands, whatever cursor the message carries: a replayed or
  // duplicate message simply continues (or finds nothing to do), and two planners at once are kept apart by
  // the guard on each step, so a lost hand-over message can never strand a job.
  if (!job || job.firmId !== m.firmId || job.planning.done) return;
  const filter = { ...(job.params as StartTimeExport), status: 'open' as const };
  const lookups = new CheckLookups();
  const read = (cursor: string) => {
    const page = timeEntryEntity.page(m.firmId, filter, { limit: EXPORT_PAGE, cursor: cursor || undefined });
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
      jobEntity.advancePlanning(job, { cursor, found: entries.items.length, failed: failed.length, batches: batches.length, done }, now),
      ...failed.map((f) => jobEntity.putError(job!.id, f.timeEntryId, f)),
      ...batches.map((batch, i) => outboxMessage('timeBooking', {
        type: 'practice.time.export_batch', firmId: m.firmId, jobId: job!.id, batchNo: job!.planning.batches + i, entries: batch,
      })),
      ...(handOver ? [outboxMessage('timeExport', { type: 'practice.time_export.plan', firmId: m.firmId, jobId: job.id, cursor })] : []),
    ];
    const firstLock = items.length;
    items.push(...ok.map((e) => timeEntryEntity.lock(records.get(e.timeEntryId)!, job!.id, now)));
    try {
      await commit(items);
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
      await finishExportIfDone(job.id);
      return;
    }
    if (handOver) return;
  }
}
