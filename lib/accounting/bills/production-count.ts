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

/**
 * Counts one bill on its production job, exactly once (the bill's marker on
 * the job is written in the same transaction, so a second count is refused),
 * with the reason it failed or the problems it met, then finishes the job if
 * it was the last. The last step of a bill: producing it, or emailing it when
 * its matter asks for email.
 */
export async function countProducedBill(jobId: string, billId: string, failure: BillProblem | undefined, problems: BillProblem[] = []): Promise<void> {
  try {
    await commit([
      jobEntity.putMarker(jobId, billId),
      jobEntity.count(jobId, failure ? 0 : 1, failure ? 1 : 0, nowIso()),
      ...(failure ? [jobEntity.putError(jobId, billId, { billId, ...failure })] : []),
      ...problems.map((p, i) => jobEntity.putError(jobId, `${billId}#${i}`, { billId, ...p })),
    ]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error;
  }
  if (failure) logger.info('bill not produced', { billId, ...failure });
  await finishProduction(jobId);
}

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
