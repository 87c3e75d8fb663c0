import { randomUUID } from 'node:crypto';
import { functions } from '../../declaration.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, commitSkippingDone, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { disbursementEntity } from '../entities/disbursement.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { invoiceEntity } from '../entities/invoice.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { openBillEntity } from '../entities/open-bill.entity.ts';
import { accountingSettingsEntity } from '../entities/settings.entity.ts';
import { readTogether } from '../../aws/entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict, DomainError, PreconditionFailed, type FieldError } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { countMetric } from '../../shared/metrics.ts';
import { money, toMoney } from '../../shared/money.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { NumberReservation } from './invoice-numbers.ts';
import { discountOf, loadBill, matterOptions, priced } from './drafts.ts';
import { addDays, assertDraft, invoiceIdOf, pricingInput, sameAsDrafted, withoutPendingStep, type BillLineRecord, type BillRecord, type InvoiceRecord, type InvoiceShare } from './model.ts';
import { entriesNews, invoicesNews } from './news.ts';
import { priceBill } from './pricing.ts';
import { commitInSteps } from './steps.ts';
import { billToApi } from './view.ts';
import type { Bill } from './schemas.ts';

/**
 * Approving a bill posts it: the client is billed. One guarded transaction
 * holds all of it: the bill (approved, its invoices), one invoice per client
 * share with numbers from the firm's gap-free sequence, every line's ledger entry and disbursement billed at the
 * version read and found as drafted, the open-bill claim released, the
 * receivable (unbilled → billed) and the news to practice. A retry or a
 * duplicate finds the bill approved and posts nothing.
 *
 * Numbers: N clients take N consecutive numbers, reserved just before the
 * final transaction by a plain ADD on the firm's counter (invoice-numbers.ts),
 * so approvals of one firm never refuse each other's transactions over it.
 * The approval's retries reuse them; a refused approval gives them back (or
 * voids them, listed); a crash between reserving and posting leaves them to
 * the checker (unused-numbers.ts). A bill approved again after a revert gets
 * its own numbers back and reserves none.
 *
 * A bill too big for one transaction (DynamoDB takes 100 items) is posted
 * in steps (steps.ts): marked `posting`, its entries billed 99 at a time,
 * then the same final transaction; an entry found changed on the way undoes
 * the steps and refuses the approval. A crash halfway leaves it `posting`;
 * approving it again finishes it.
 */
export async function approveBill(firmId: string, id: string, ifMatch?: number): Promise<Bill> {
  const reservation = new NumberReservation(firmId);
  const token = randomUUID();
  let leased = false;
  let read: BillRecord | undefined;
  const origin = (reason: string) => ({ billId: id, fileId: read?.fileId ?? '', matterNumber: read?.matterNumber ?? '', contactId: read?.primaryClientId ?? '', reason });
  let posted: { bill: BillRecord; lines: BillLineRecord[] };
  try {
    posted = await retrying(async () => {
      const bill = (read = await loadBill(firmId, id));
      if (ifMatch !== undefined && ifMatch !== bill.version && bill.pendingStep !== 'posting') throw new PreconditionFailed(ifMatch, bill.version);
      if (bill.pendingStep !== 'posting') assertDraft(bill, 'approved');
      // Another approval of this draft is under way: wait for it (then this one finds it approved) rather than race it.
      const now = new Date();
      if (!(await billEntity.leaseApproval(bill, token, now.toISOString(), new Date(now.getTime() + APPROVAL_LEASE_MS).toISOString()))) {
        throw new Retry('another approval of this bill is under way');
      }
      leased = true;
      return post(bill, reservation);
      // Waiting for another approval of the same draft takes tries: 60 with the capped backoff is about 6 s.
    }, 60);
  } catch (error) {
    // Refused (not crashed): the numbers this approval reserved go back, or are listed void, and the lease goes.
    if (error instanceof DomainError) {
      await reservation.settle([], origin(`Reserved by an approval of bill ${id} that was refused: ${error.message}`));
      if (leased) await billEntity.releaseApproval(firmId, id, token);
    }
    throw error;
  }
  await reservation.settle(posted.bill.invoices.map((i) => i.invoiceNumber), origin(`Reserved by an approval of bill ${id} that posted without it.`));
  countMetric('billsPosted');
  return billToApi(posted.bill, { lines: posted.lines, justPosted: true });
}

/**
 * How long an approval holds its draft's lease: the approve function's
 * timeout and a margin, so only a crash outlives a running approval (and a
 * bill whose approval crashed can be approved again this long after).
 */
const APPROVAL_LEASE_MS = (functions.accountingBillsApi.timeoutSeconds + 5) * 1000;

async function post(bill: BillRecord, reservation: NumberReservation): Promise<{ bill: BillRecord; lines: BillLineRecord[] }> {
  const plan = await planPosting(bill, reservation);
  if ('changed' in plan) {
    if (bill.pendingStep === 'posting') await undoPosting(bill);
    throw new Conflict(
      'entries_changed',
      `Bill ${bill.id} was not approved: ${plan.changed.length} of its entries changed or were billed elsewhere since it was drafted. Remove or redraft those lines.`,
      plan.changed,
    );
  }
  await commitInSteps({
    record: bill,
    alone: !bill.pendingStep,
    start: () => [billEntity.put({ ...bill, pendingStep: 'posting', version: bill.version + 1, updatedAt: nowIso() }, bill.version)],
    steps: plan.entries,
    finish: plan.finish,
    finishSize: plan.finishSize,
    beforeFinish: plan.reserve,
    retryFinish: plan.renumber,
  });
  faultPoint('accounting.bill.afterPost', bill.firmId);
  return { bill: plan.next, lines: plan.lines };
}

interface PostingPlan {
  next: BillRecord;
  lines: BillLineRecord[];
  /** One update per line still to bill. */
  entries: TxItem[];
  /** The final items, for the bill as it stands (at `version`) when they are written. */
  finish: (version: number) => TxItem[];
  /** How many items `finish` writes. */
  finishSize: number;
  /** Reserves the new invoice numbers `finish` writes. */
  reserve: () => Promise<void>;
  /** After a refused final write: whether only new numbers were found taken (then `finish` numbers afresh). */
  renumber: (refused: TransactionRefused) => Promise<boolean>;
}

async function planPosting(bill: BillRecord, reservation: NumberReservation): Promise<PostingPlan | { changed: FieldError[] }> {
  const { firmId } = bill;
  const lines = await billLineEntity.all(firmId, bill.id);
  const idsOf = (kind: BillLineRecord['kind']) => lines.filter((l) => l.kind === kind).map((l) => l.id);
  // Everything else the posting needs, in one BatchGet (per 100 keys), strongly consistent.
  const [files, settingsRead, entries, disbursements, heldRecords] = await readTogether(
    fileEntity.readMany(firmId, [bill.fileId]),
    accountingSettingsEntity.read(firmId),
    ledgerEntryEntity.readMany(firmId, idsOf('time')),
    disbursementEntity.readMany(firmId, bill.fileId, idsOf('disbursement')),
    invoiceEntity.readMany(firmId, bill.heldNumbers.map((h) => h.invoiceNumber)),
  );
  const file = files.get(bill.fileId);
  if (!file) throw new Conflict('file_missing', `The file of bill ${bill.id} no longer exists.`);
  const settings = accountingSettingsEntity.toApi(settingsRead.record);
  const now = nowIso();
  const billed = new Map(priceBill(lines.map(pricingInput), discountOf(bill) ?? undefined).lines.map((l) => [l.id, l.billedAmount]));
  const changed: FieldError[] = [];
  const todo: TxItem[] = [];
  for (const line of lines) {
    const source = line.kind === 'time' ? entries.get(line.id) : disbursements.get(line.id);
    if (source?.status === 'billed' && source.billId === bill.id) continue; // an earlier step of this posting
    if (line.kind === 'time') {
      const entry = entries.get(line.id);
      if (!entry || entry.status !== 'unbilled' || !sameAsDrafted(line, entry)) changed.push(changedLine(line, entry?.status));
      else todo.push(ledgerEntryEntity.post(entry, bill.id, billed.get(line.id)!, now));
    } else {
      const d = disbursements.get(line.id);
      if (!d || d.status !== 'unbilled' || d.amount !== line.amount || d.date !== line.date || d.description !== line.description) changed.push(changedLine(line, d?.status));
      else todo.push(disbursementEntity.post(firmId, d, bill.id, now));
    }
  }
  if (changed.length) return { changed };

  const figures = priced(lines, discountOf(bill), file, bill.throughDate);
  const held = new Map(bill.heldNumbers.map((h) => [h.contactId, h.invoiceNumber]));
  const fresh = figures.allocations.filter((a) => !held.has(a.contactId));
  const invoiceDate = now.slice(0, 10);
  const options = matterOptions(file);
  const terms = options.matterTermsDays ?? settings.billing.paymentTermsDays;
  const dueDate = addDays(invoiceDate, terms);
  const next: BillRecord = {
    ...withoutPendingStep(bill),
    ...options,
    ...figures,
    status: 'approved',
    invoiceDate,
    dueDate,
    paymentTermsDays: terms,
    invoices: [],
    heldNumbers: [],
    postings: bill.postings + 1,
    paid: '0.00',
    outstanding: figures.total,
    version: 0, // set by finish, from the version the bill is at then
    updatedAt: now,
  };
  const invoiceRecord = (i: InvoiceShare, version: number): InvoiceRecord => ({
    entity: 'invoice', firmId, id: invoiceIdOf(i.invoiceNumber), invoiceNumber: i.invoiceNumber, billId: bill.id, fileId: bill.fileId,
    matterNumber: bill.matterNumber, contactId: i.contactId, invoiceDate, dueDate, percent: i.percent, amount: i.amount, paid: i.paid,
    outstanding: i.outstanding, status: i.status, payments: [], version, updatedAt: now,
  });
  const recorded = toMoney(money(figures.feesTotal).plus(figures.disbursementsTotal));
  // Reserved by `reserve`, right before the final write: the shorter a number is off every invoice, the better.
  let numbers: string[] = [];
  const reserve = async () => {
    numbers = await reservation.numbers(fresh.length);
    faultPoint('accounting.bill.afterReserve', firmId);
  };
  /** The final items with these new numbers (`finish` writes the reserved ones). */
  const itemsWith = (freshNumbers: readonly string[], version: number): TxItem[] => {
    const freshNumber = new Map(fresh.map((a, i) => [a.contactId, freshNumbers[i]!]));
    // A 0.00 invoice owes nothing: it is paid the moment it is issued.
    next.invoices = figures.allocations.map((a) => ({
      contactId: a.contactId,
      invoiceNumber: held.get(a.contactId) ?? freshNumber.get(a.contactId)!,
      percent: a.percent,
      amount: a.amount,
      paid: '0.00',
      outstanding: a.amount,
      status: money(a.amount).eq(0) ? 'paid' : 'open',
    }));
    next.version = version + 1;
    return [
      billEntity.put(next, version),
      ...next.invoices.map((i) => {
        const prior = held.has(i.contactId) ? heldRecords.get(i.invoiceNumber) : undefined;
        return invoiceEntity.put(invoiceRecord(i, (prior?.version ?? 0) + 1), prior ? prior.version : null);
      }),
      // A held number whose client has no share any more is never reused: void.
      ...[...heldRecords.values()]
        .filter((r) => !next.invoices.some((i) => i.invoiceNumber === r.invoiceNumber))
        .map((r) => invoiceEntity.put({ ...r, status: 'void', voidReason: 'Its bill was approved again without this client.', voidedAt: now, version: r.version + 1, updatedAt: now }, r.version)),
      openBillEntity.release(firmId, bill.fileId, bill.id),
      ...balanceEntity.changes(firmId, [{ file, delta: { unbilled: toMoney(money(recorded).neg()), billed: figures.total } }]),
      ...entriesNews(next, lines, 'billed'),
      invoicesNews(next),
      // The invoice PDFs, made in the background by the production worker (lib/accounting/bills/documents.ts).
      outboxMessage('billProduction', { type: 'accounting.bill.prepare', firmId, billId: bill.id, postings: next.postings }),
    ];
  };
  /**
   * Only new numbers refused: they are on records already (the checker found them unused while this approval was
   * slow, and voided them). Write the same posting with numbers reserved afresh, without reading the lines again.
   */
  const renumber = async (refused: TransactionRefused): Promise<boolean> => {
    // Items 1…: the invoices in the bill's order, after the bill.
    const freshAt = new Set(next.invoices.flatMap((i, n) => (held.has(i.contactId) ? [] : [1 + n])));
    if (!refused.codes.some((c, i) => c === 'ConditionalCheckFailed' && freshAt.has(i))) return false;
    if (refused.codes.some((c, i) => c !== 'None' && !(c === 'ConditionalCheckFailed' && freshAt.has(i)))) return false;
    reservation.forget();
    numbers = await reservation.numbers(fresh.length);
    return true;
  };
  const finish = (version: number) => itemsWith(numbers, version);
  // What `finish` writes, counted before any number is reserved (a stand-in for each; `finish` sets `next` afresh).
  const finishSize = itemsWith(fresh.map(() => 'reserved'), 0).length;
  return { next, lines, entries: todo, finish, finishSize, reserve, renumber };
}

function changedLine(line: BillLineRecord, status: string | undefined): FieldError {
  const what = line.kind === 'time' ? 'ledger entry' : 'disbursement';
  const message = status === undefined ? `the ${what} no longer exists`
    : status === 'billed' ? `the ${what} is billed on another bill`
    : `the ${what} changed since the bill was drafted`;
  return { path: `lines.${line.id}`, message };
}

/** Undoes the steps of a posting that cannot finish: its entries unbilled again, the bill a plain draft. */
async function undoPosting(bill: BillRecord): Promise<void> {
  const now = nowIso();
  const lines = await billLineEntity.all(bill.firmId, bill.id);
  const undo = lines.map((l) =>
    l.kind === 'time' ? ledgerEntryEntity.unpost({ firmId: bill.firmId, fileId: bill.fileId, id: l.id }, bill.id, now) : disbursementEntity.unpost(bill.firmId, { fileId: bill.fileId, id: l.id }, bill.id, now));
  await commitSkippingDone(undo);
  try {
    await commit([billEntity.put({ ...withoutPendingStep(bill), version: bill.version + 1, updatedAt: now }, bill.version)]);
  } catch (error) {
    if (error instanceof TransactionRefused) throw new Retry('bill changed while undoing its posting');
    throw error;
  }
}
