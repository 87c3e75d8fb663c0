import type * as z from 'zod';
import type { BillProductionPlan, ProduceBill } from '#events/messages';
import { accountingStore } from '../store.ts';
import { outboxEntry } from '../../sync/outbox.ts';
import { TransactionRefused, type TxItem } from '../../aws/book-store.ts';
import {
  advancePlanning,
  countJobItems,
  finishIfDone,
  jobToApi,
  loadJob,
  newJob,
  putBatchMarker,
  putJobError,
  putNewJob,
  type JobRecord,
} from '../../jobs/repository.ts';
import type { Job } from '../../jobs/schemas.ts';
import { DomainError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { logger } from '../../shared/logger.ts';
import { describeError } from '../../jobs/give-up.ts';
import { billsRepo } from './repository.ts';
import { finalizeBill, markBilled } from './finalize.ts';
import { emailInvoices, storeInvoices } from './documents.ts';
import type { BillRecord } from './model.ts';

/**
 * Bill production: a job, planned page by page (the named bills, or every
 * approved bill of the firm), fanned out as one message per bill. Producing a
 * bill runs idempotent steps: finalize (number, balance), mark what it billed,
 * store the PDFs, email them. A retry resumes where a crash stopped; each bill
 * counts on the job once.
 */
const PAGE = 50;
const PAGES_PER_STEP = 20;

export function startProductionItems(firmId: string, billIds: string[] | undefined): { job: JobRecord; items: TxItem[] } {
  const job = newJob(firmId, 'bill_production', billIds ? { billIds: [...new Set(billIds)] } : {}, newId('job'), nowIso());

  return {
    job,
    items: [putNewJob(job), accountingStore.putOutbox(outboxEntry('billProduction', { type: 'accounting.production.plan', firmId, jobId: job.id, cursor: '' }))],
  };
}

export async function startProduction(firmId: string, billIds: string[] | undefined): Promise<Job> {
  const { job, items } = startProductionItems(firmId, billIds);
  await accountingStore.commit(items);
  return jobToApi(job);
}

async function pageOfBills(job: JobRecord): Promise<{ ids: string[]; next: string | null }> {
  const named = job.params.billIds as string[] | undefined;
  if (named) {
    const start = Number(job.planning.cursor || '0');
    const ids = named.slice(start, start + PAGE);
    return { ids, next: start + PAGE < named.length ? String(start + PAGE) : null };
  }
  const page = await billsRepo.byStatus(job.firmId, 'approved', { limit: PAGE, cursor: job.planning.cursor || undefined });
  return { ids: page.items.map((b) => b.id), next: page.nextCursor };
}

export async function planProduction(m: z.infer<typeof BillProductionPlan>): Promise<void> {
  let job = await loadJob(m.jobId);
  // Planning always goes on from where the job stands, whatever cursor the message carries: a replayed or
  // duplicate message simply continues (or finds nothing to do), and two planners at once are kept apart by
  // the guard on each step, so a lost hand-over message can never strand a job.
  if (!job || job.firmId !== m.firmId || job.planning.done) return;
  for (let page = 0; page < PAGES_PER_STEP; page++) {
    const { ids, next } = await pageOfBills(job);
    const done = next === null;
    const cursor: string = next ?? job.planning.cursor;
    const handOver = !done && page === PAGES_PER_STEP - 1;
    const items: TxItem[] = [
      advancePlanning(job, { cursor, found: ids.length, failed: 0, batches: ids.length, done }, nowIso()),
      ...ids.map((billId) => accountingStore.putOutbox(outboxEntry('billProduction', { type: 'accounting.production.bill', firmId: m.firmId, jobId: job!.id, billId }))),
      ...(handOver ? [accountingStore.putOutbox(outboxEntry('billProduction', { type: 'accounting.production.plan', firmId: m.firmId, jobId: job.id, cursor }))] : []),
    ];
    try {
      await accountingStore.commit(items);
    } catch (error) {
      if (error instanceof TransactionRefused && error.failedAt(0)) return;
      throw error;
    }
    job = { ...job, status: 'running', planning: { cursor, done, batches: job.planning.batches + ids.length } };
    if (done) {
      await finishIfDone(job.id, (i) => accountingStore.commit(i));
      return;
    }
    if (handOver) return;
  }
}

/** Runs every step of producing one bill; each is idempotent, so a retry simply resumes. */
export async function produceBill(firmId: string, billId: string): Promise<{ bill: BillRecord; problems: { code: string; message: string }[] }> {
  const finalized = await finalizeBill(firmId, billId);
  await markBilled(finalized);
  const withDocuments = await storeInvoices(finalized);
  const problems = await emailInvoices(withDocuments);
  return { bill: withDocuments, problems };
}

export async function onProduceBill(m: z.infer<typeof ProduceBill>, lastAttempt = false): Promise<void> {
  let failure: { code: string; message: string } | undefined;
  let problems: { code: string; message: string }[] = [];
  const bill = await billsRepo.load(m.firmId, m.billId);
  if (!bill) {
    failure = { code: 'not_found', message: `Bill ${m.billId} does not exist.` };
  } else {
    try {
      problems = (await produceBill(m.firmId, m.billId)).problems;
    } catch (error) {
      // A bill that cannot be produced (not approved, nothing left to bill) fails for good; anything else is
      // retried, and on the last delivery counted as failed with the reason (a rerun resumes where it stopped).
      if (error instanceof DomainError && error.status < 500) failure = { code: error.code, message: error.message };
      else if (lastAttempt) failure = { code: 'production_failed', message: `Producing the bill failed: ${describeError(error)}` };
      else throw error;
    }
  }
  const now = nowIso();
  try {
    await accountingStore.commit([
      putBatchMarker(m.jobId, m.billId),
      countJobItems(m.jobId, failure ? 0 : 1, failure ? 1 : 0, now),
      ...(failure ? [putJobError(m.jobId, m.billId, { billId: m.billId, ...failure })] : []),
      ...problems.map((p, i) => putJobError(m.jobId, `${m.billId}#${i}`, { billId: m.billId, ...p })),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
  }
  if (failure) logger.info('bill not produced', { billId: m.billId, ...failure });
  await finishIfDone(m.jobId, (items) => accountingStore.commit(items));
}
