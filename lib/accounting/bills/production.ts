import type * as z from 'zod';
import type { BillProductionPlan } from '#events/messages';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, refusedAt, type TxItem } from '../../aws/transactions.ts';
import { finishJobIfDone, jobEntity, type JobRecord } from '../../jobs/job.entity.ts';
import type { Job } from '../../jobs/schemas.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { billEntity } from '../entities/bill.entity.ts';

/**
 * Bill production: a job, planned page by page (the named bills, or every
 * approved bill of the firm), fanned out as one message per bill, each
 * produced by lib/accounting/bills/produce-bill.ts. Starting and planning need
 * neither the PDF library nor mail, so the billing API and the scheduled run
 * load only this.
 */
const PAGE = 50;
const PAGES_PER_STEP = 20;

export function startProductionItems(firmId: string, billIds: string[] | undefined): { job: JobRecord; items: TxItem[] } {
  const job = jobEntity.create(firmId, 'bill_production', billIds ? { billIds: [...new Set(billIds)] } : {}, newId('job'), nowIso());

  return {
    job,
    items: [jobEntity.put(job), outboxMessage('billProduction', { type: 'accounting.production.plan', firmId, jobId: job.id, cursor: '' })],
  };
}

export async function startProduction(firmId: string, billIds: string[] | undefined): Promise<Job> {
  const { job, items } = startProductionItems(firmId, billIds);
  await commit(items);
  return jobEntity.toApi(job);
}

async function pageOfBills(job: JobRecord): Promise<{ ids: string[]; next: string | null }> {
  const named = job.params.billIds as string[] | undefined;
  if (named) {
    const start = Number(job.planning.cursor || '0');
    const ids = named.slice(start, start + PAGE);
    return { ids, next: start + PAGE < named.length ? String(start + PAGE) : null };
  }
  const page = await billEntity.pageByStatus(job.firmId, 'approved', { limit: PAGE, cursor: job.planning.cursor || undefined });
  return { ids: page.items.map((b) => b.id), next: page.nextCursor };
}

export async function planProduction(m: z.infer<typeof BillProductionPlan>): Promise<void> {
  let job = await jobEntity.get(m.jobId);
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
      jobEntity.advancePlanning(job, { cursor, found: ids.length, failed: 0, batches: ids.length, done }, nowIso()),
      ...ids.map((billId) => outboxMessage('billProduction', { type: 'accounting.production.bill', firmId: m.firmId, jobId: job!.id, billId })),
      ...(handOver ? [outboxMessage('billProduction', { type: 'accounting.production.plan', firmId: m.firmId, jobId: job.id, cursor })] : []),
    ];
    try {
      await commit(items);
    } catch (error) {
      if (refusedAt(error, 0)) return;
      throw error;
    }
    job = { ...job, status: 'running', planning: { cursor, done, batches: job.planning.batches + ids.length } };
    if (done) {
      await finishJobIfDone(job.id);
      return;
    }
    if (handOver) return;
  }
}
