import type * as z from 'zod';
import type { GiveUp } from '../../queue/give-up.ts';
import type { ProduceBill } from '#events/messages';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, TransactionRefused } from '../../aws/transactions.ts';
import { DomainError, Conflict } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { countMetric } from '../../shared/metrics.ts';
import { nowIso } from '../../shared/clock.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { describeError } from '../../jobs/job.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { loadBill } from './drafts.ts';
import { storeInvoicePdfs } from './documents.ts';
import { withDocuments } from './documents-list.ts';
import { countProducedBill, printEntryOf, type BillProblem } from './production-count.ts';
import { currentInvoicePdf, type BillRecord } from './model.ts';

/**
 * Producing one bill of a production job: the bill is posted already (its
 * numbers and receivable were written at approval), so producing makes its
 * documents: the invoice PDFs stored, then the bill `finalized` (or `paid`,
 * when every invoice is) with them listed, in one guarded write. A retry
 * re-renders to the same keys; a bill already produced at this posting is
 * left as it is. A bill whose matter asks for email is then handed to the
 * invoice mail queue, whose worker emails the stored PDFs and counts the bill
 * on the job; any other bill is counted here.
 */
export async function produceBill(firmId: string, billId: string, read?: BillRecord): Promise<BillRecord> {
  // The caller's fresh read, when it has one (one GetItem less a bill: bench/bill-production.ts).
  const bill = read ?? (await loadBill(firmId, billId));
  if (isProduced(bill)) return bill;
  if (bill.status !== 'approved' || bill.pendingStep) {
    throw new Conflict('wrong_status', `Bill ${billId} is ${bill.pendingStep ?? bill.status}; only approved bills are produced.`);
  }
  const documents = await storeInvoicePdfs(bill);
  let first = true;
  const produced = await retrying(async () => {
    // The first attempt writes over the bill as read above: its put is guarded by that version, so a bill that
    // moved while its PDFs were made is refused and the retry reads it again and judges it afresh below.
    const current = first ? bill : await loadBill(firmId, billId);
    first = false;
    if (isProduced(current)) return current;
    // Reverted (or reverted and approved again) while its PDFs were made: these documents are not its own any more.
    if (current.status !== 'approved' || current.pendingStep || current.postings !== bill.postings) {
      throw new Conflict('wrong_status', `Bill ${billId} changed while it was produced (it is ${current.pendingStep ?? current.status} now).`);
    }
    const next: BillRecord = {
      ...current,
      status: current.invoices.every((i) => i.status === 'paid') ? 'paid' : 'finalized',
      documents: withDocuments(current, documents),
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    try {
      await commit([billEntity.put(next, current.version)]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new Retry('bill changed meanwhile');
      throw error;
    }
    countMetric('billsProduced');
    return next;
  });
  faultPoint('accounting.bill.afterFinalize', firmId);
  return produced;
}

/** Produced at its current posting: finalized or paid, with its invoice PDFs of that posting listed. */
const isProduced = (bill: BillRecord) =>
  (bill.status === 'finalized' || bill.status === 'paid') && bill.invoices.every((i) => currentInvoicePdf(bill, i.invoiceNumber));

export async function onProduceBill(m: z.infer<typeof ProduceBill>): Promise<void> {
  let failure: BillProblem | undefined;
  let produced: BillRecord | undefined;
  const bill = await billEntity.get(m.firmId, m.billId);
  if (!bill) {
    failure = { code: 'not_found', message: `Bill ${m.billId} does not exist.` };
  } else {
    try {
      produced = await produceBill(m.firmId, m.billId, bill);
    } catch (error) {
      // A bill that cannot be produced (not approved) fails for good; anything else is retried, and on the last
      // delivery counted as failed (giveUpOnBill; a rerun resumes where it stopped).
      if (error instanceof DomainError && error.status < 500) failure = { code: error.code, message: error.message };
      else throw error;
    }
  }
  // Written again as it stands by a retry; before the bill is counted, so the job's print batch never misses it.
  if (produced?.printInvoices) await commit([printEntryOf(m.jobId, produced)]);
  if (produced?.emailInvoices) {
    // A duplicate hand-over is harmless: each email is claimed before it is sent, and the bill counts once.
    await commit([outboxMessage('invoiceMail', { type: 'accounting.bill.email', firmId: m.firmId, jobId: m.jobId, billId: m.billId })]);
    return;
  }
  await countProducedBill(m.jobId, m.billId, failure);
}

/** The last delivery of a bill failed too: it counts as failed on its job, with the reason (lib/queue/give-up.ts). */
export const giveUpOnBill: GiveUp<z.infer<typeof ProduceBill>> = async (m, error) => {
  await countProducedBill(m.jobId, m.billId, { code: 'production_failed', message: `Producing the bill failed: ${describeError(error)}` });
  return 'shown';
};
