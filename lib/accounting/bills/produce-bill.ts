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
import { countProducedBills, printEntryOf, type BillProblem } from './production-count.ts';
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

/** The bills a production message names (a group; one bill in a message from before groups). */
export const billsOf = (m: z.infer<typeof ProduceBill>): string[] => m.billIds ?? [m.billId!];

/** Bills of a group that hit an error worth retrying: the message is retried for them, and only they count as failed on its last delivery. */
export class BillsNotProduced extends Error {
  constructor(readonly billIds: string[], readonly first: unknown) {
    super(`${billIds.length} bill(s) not produced: ${describeError(first)}`);
    this.name = 'BillsNotProduced';
  }
}

/**
 * A production message: its bills (read together) produced one after
 * another, then written on the job together: the print entries and the
 * email hand-overs in one transaction, and every bill not handed to email
 * counted in one more (countProducedBills). A bill that cannot be produced
 * (not approved, gone) counts as failed at once; one that hit anything else
 * is left uncounted and the message retried: the bills produced already are
 * found produced and counted once.
 */
export async function onProduceBill(m: z.infer<typeof ProduceBill>): Promise<void> {
  const ids = billsOf(m);
  const read = await billEntity.getMany(m.firmId, ids);
  const outcomes: { billId: string; produced?: BillRecord; failure?: BillProblem }[] = [];
  const retry: string[] = [];
  let first: unknown;
  for (const billId of ids) {
    const bill = read.get(billId);
    if (!bill) {
      outcomes.push({ billId, failure: { code: 'not_found', message: `Bill ${billId} does not exist.` } });
      continue;
    }
    try {
      outcomes.push({ billId, produced: await produceBill(m.firmId, billId, bill) });
    } catch (error) {
      if (error instanceof DomainError && error.status < 500) {
        outcomes.push({ billId, failure: { code: error.code, message: error.message } });
      } else {
        retry.push(billId);
        first ??= error;
      }
    }
  }
  // Written again as they stand by a retry; before the bills are counted, so the job's print batch never misses one.
  // A duplicate email hand-over is harmless: each email is claimed before it is sent, and the bill counts once.
  const handOvers = outcomes.flatMap(({ produced: p }) => [
    ...(p?.printInvoices ? [printEntryOf(m.jobId, p)] : []),
    ...(p?.emailInvoices ? [outboxMessage('invoiceMail', { type: 'accounting.bill.email', firmId: m.firmId, jobId: m.jobId, billId: p.id })] : []),
  ]);
  if (handOvers.length) await commit(handOvers);
  // An emailed bill is counted by the mail worker, once its email is sent.
  const counted = outcomes.filter((o) => !o.produced?.emailInvoices);
  if (counted.length) await countProducedBills(m.jobId, counted.map((o) => ({ billId: o.billId, failure: o.failure })));
  if (retry.length) throw new BillsNotProduced(retry, first);
}

/**
 * The last delivery failed too: the bills that hit the error count as failed on their job, with the reason
 * (lib/queue/give-up.ts; a rerun resumes where it stopped). The others of the group were counted already, or
 * handed to email, which counts them.
 */
export const giveUpOnBill: GiveUp<z.infer<typeof ProduceBill>> = async (m, error) => {
  const billIds = error instanceof BillsNotProduced ? error.billIds : billsOf(m);
  const reason = describeError(error instanceof BillsNotProduced ? error.first : error);
  await countProducedBills(m.jobId, billIds.map((billId) => ({ billId, failure: { code: 'production_failed', message: `Producing the bill failed: ${reason}` } })));
  return 'shown';
};
