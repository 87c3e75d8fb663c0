import { commit, refusedAt } from '../../aws/transactions.ts';
import { finishJobIfDone, isFinished, jobEntity } from '../../jobs/job.entity.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { currentInvoicePdf, type BillRecord } from './model.ts';
import { nowIso } from '../../shared/clock.ts';
import { logger } from '../../shared/logger.ts';

export interface BillProblem {
  code: string;
  message: string;
}

/** A bill to count on its job: produced (and sent, if emailed), or failed with the reason. */
export interface BillCount {
  billId: string;
  failure?: BillProblem | undefined;
  /** What it met on the way (e.g. an email that could not be sent), listed on the job. */
  problems?: BillProblem[];
}

/** The items that count bills on a job: each bill's marker first (so a second count is refused), the count, the errors. */
function countItems(jobId: string, bills: readonly BillCount[]) {
  const failed = bills.filter((b) => b.failure).length;
  return [
    ...bills.map((b) => jobEntity.putMarker(jobId, b.billId)),
    jobEntity.count(jobId, bills.length - failed, failed, nowIso()),
    ...bills.flatMap((b) => [
      ...(b.failure ? [jobEntity.putError(jobId, b.billId, { billId: b.billId, ...b.failure })] : []),
      ...(b.problems ?? []).map((p, i) => jobEntity.putError(jobId, `${b.billId}#${i}`, { billId: b.billId, ...p })),
    ]),
  ];
}

/** Counts bills in one transaction; answers false when one of them was counted already (then nothing was). */
async function countTogether(jobId: string, bills: readonly BillCount[]): Promise<boolean> {
  try {
    await commit(countItems(jobId, bills));
    return true;
  } catch (error) {
    if (bills.some((_, i) => refusedAt(error, i))) return false;
    throw error;
  }
}

/**
 * Counts bills on their production job, each exactly once (each bill's
 * marker on the job is written in the same transaction as the count, so a
 * second count of a bill is refused), with the reason a bill failed or the
 * problems it met, then finishes the job if they were the last. A group is
 * counted in one transaction; when a bill of it was counted already (a
 * redelivered message), each is counted on its own. The last step of a
 * bill: producing it, or emailing it when its matter asks for email.
 */
export async function countProducedBills(jobId: string, bills: readonly BillCount[]): Promise<void> {
  if (!(await countTogether(jobId, bills)) && bills.length > 1) {
    for (const bill of bills) await countTogether(jobId, [bill]);
  }
  for (const b of bills) if (b.failure) logger.info('bill not produced', { billId: b.billId, ...b.failure });
  await finishProduction(jobId);
}

/** One bill counted on its job (countProducedBills). */
export const countProducedBill = (jobId: string, billId: string, failure: BillProblem | undefined, problems: BillProblem[] = []) =>
  countProducedBills(jobId, [{ billId, failure, problems }]);

/** A produced bill to print: its entry on the job, written before the bill is counted, so the batch never misses it. */
export function printEntryOf(jobId: string, bill: BillRecord) {
  const keys = bill.invoices.flatMap((i) => currentInvoicePdf(bill, i.invoiceNumber)?.key ?? []);
  return jobEntity.putPrintEntry(jobId, bill.id, { billId: bill.id, version: bill.postings, keys });
}

/**
 * Ends a finished production job, or first hands it to its print batch
 * (print-batch.ts) when it has bills to print: exactly once, a marker and
 * the message in one transaction; the print step ends the job.
 */
export async function finishProduction(jobId: string): Promise<void> {
  const job = await jobEntity.get(jobId);
  if (!job || !isFinished(job)) return;
  const entries = await jobEntity.printEntries(jobId);
  if (entries.length === 0 || job.printBatch) {
    await finishJobIfDone(jobId);
    return;
  }
  try {
    await commit([jobEntity.putMarker(jobId, 'print-batch'), outboxMessage('billProduction', { type: 'accounting.production.print', firmId: job.firmId, jobId })]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error; // handed over already
  }
}
