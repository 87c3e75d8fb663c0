import type * as z from 'zod';
import type { BillProductionPlan } from '#events/messages';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, refusedAt, type TxItem } from '../../aws/transactions.ts';
import { finishJobIfDone, jobEntity, type JobRecord } from '../../jobs/job.entity.ts';
import type { Job } from '../../jobs/schemas.ts';
import { newId } from '../../shared/ids.ts';
import { packInOrder } from '../../shared/pack.ts';
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
/**
 * Bills per production message: produced one after another by one
 * invocation and counted on the job in one write, so a bill costs a tenth of
 * a read of the job, of a count and of a message (bench/bill-production.ts).
 * Lines bound a group too, so a group of big bills stays far inside the
 * worker's timeout (a 10,000-line bill takes ~4 s to produce).
 */
const GROUP = { maxCount: 10, maxLines: 2_000 };

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

/** The next page of the job's bills, in groups (named bills, whose sizes are not read here, in groups by count). */
async function pageOfBills(job: JobRecord): Promise<{ groups: string[][]; next: string | null }> {
  const named = job.params.billIds as string[] | undefined;
  if (named) {
    const start = Number(job.planning.cursor || '0');
    const ids = named.slice(start, start + PAGE);
    return { groups: packInOrder(ids, () => 0, { maxBytes: Infinity, maxCount: GROUP.maxCount }), next: start + PAGE < named.length ? String(start + PAGE) : null };
  }
  const page = await billEntity.pageByStatus(job.firmId, 'approved', { limit: PAGE, cursor: job.planning.cursor || undefined });
  const groups = packInOrder(page.items, (b) => b.lineCount, { maxBytes: GROUP.maxLines, maxCount: GROUP.maxCount });
  return { groups: groups.map((g) => g.map((b) => b.id)), next: page.nextCursor };
}

export async function planProduction(m: z.infer<typeof BillProductionPlan>): Promise<void> {
  let job = await jobEntity.get(m.jobId);
  // Planning always goes on from where the job stands, whatever cursor the message carries: a replayed or
  // duplicate message simply continues (or finds nothing to do), and two planners at once are kept apart by
  // the guard on each step, so a lost hand-over message can never strand a job.
  if (!job || job.firmId !== m.firmId || job.planning.done) return;
  for (let page = 0; page < PAGES_PER_STEP; page++) {
    const { groups, next } = await pageOfBills(job);
    const found = groups.reduce((n, g) => n + g.length, 0);
    const done = next === null;
    const cursor: string = next ?? job.planning.cursor;
    const handOver = !done && page === PAGES_PER_STEP - 1;
    const items: TxItem[] = [
      jobEntity.advancePlanning(job, { cursor, found, failed: 0, batches: found, done }, nowIso()),
      ...groups.map((billIds) => outboxMessage('billProduction', { type: 'accounting.production.bill', firmId: m.firmId, jobId: job!.id, billIds })),
      ...(handOver ? [outboxMessage('billProduction', { type: 'accounting.production.plan', firmId: m.firmId, jobId: job.id, cursor })] : []),
    ];
    try {
      await commit(items);
    } catch (error) {
      if (refusedAt(error, 0)) return;
      throw error;
    }
    job = { ...job, status: 'running', planning: { cursor, done, batches: job.planning.batches + found } };
    if (done) {
      await finishJobIfDone(job.id);
      return;
    }
    if (handOver) return;
  }
}
