import { commit, commitUpdate, refusedAt } from '../../aws/transactions.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { disbursementEntity } from '../entities/disbursement.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { invoiceEntity } from '../entities/invoice.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { openBillEntity } from '../entities/open-bill.entity.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed, type FieldError } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { splitOf } from '../files/model.ts';
import type { FileRecord } from '../files/model.ts';
import { splitTotal } from './split.ts';
import { assertDraft, disbursementLine, lineOrder, pricingInput, sharesOf, timeLine, type BillLineRecord, type BillRecord } from './model.ts';
import { priceBill, PricingRefused, type Discount } from './pricing.ts';
import { billToApi } from './view.ts';
import type { Bill, CreateBill, PatchBill } from './schemas.ts';

/**
 * Drafting bills: a draft takes the file's unbilled billable work and
 * disbursements (up to `throughDate`); on-hold and non-billable work stay
 * out. A file has one draft at a time (its open-bill claim). Lines are
 * written as items of their own before the header, so a crash halfway leaves
 * at most lines of no bill, never a bill missing lines.
 */
export async function loadBill(firmId: string, id: string): Promise<BillRecord> {
  const bill = await billEntity.get(firmId, id);
  if (!bill) throw new NotFound('Bill');
  return bill;
}

/** How long writing a draft's lines may take (10,000 lines are 400 requests). */
const LINES_WRITE_MS = 60_000;

export async function createBillDraft(firmId: string, input: CreateBill): Promise<Bill> {
  const file = await fileEntity.get(firmId, input.fileId);
  if (!file) throw new BadRequest('No such file.', [{ path: 'fileId', message: 'is not a file of this firm' }]);
  const holder = await openBillEntity.holder(firmId, file.id);
  if (holder) throw billOpen(file, holder);
  const through = (date: string) => !input.throughDate || date <= input.throughDate;
  const [listed, disbursements] = await Promise.all([ledgerEntryEntity.unbilledOf(firmId, file.id), disbursementEntity.unbilledOf(firmId, file.id)]);
  // The unbilled list is an index and may lag a posting by a moment: what the bill takes is confirmed by a strongly consistent read.
  const candidates = listed.filter((l) => l.type === 'billable_work' && through(l.date)).map((l) => l.id);
  const confirmed = await ledgerEntryEntity.getMany(firmId, candidates);
  const work = candidates.flatMap((id) => {
    const entry = confirmed.get(id);
    return entry && entry.status === 'unbilled' && entry.type === 'billable_work' ? [entry] : [];
  });
  const costs = disbursements.filter((d) => through(d.date));
  if (work.length + costs.length === 0) {
    throw new Conflict('nothing_to_bill', `File ${file.matterNumber} has no unbilled billable work or disbursements${input.throughDate ? ` up to ${input.throughDate}` : ''}.`);
  }
  const id = newId('bl');
  const lines = [...work.map((l) => timeLine(id, l)), ...costs.map((d) => disbursementLine(id, d))].sort((a, b) => lineOrder(a).localeCompare(lineOrder(b)));
  const now = nowIso();
  const bill: BillRecord = {
    entity: 'bill',
    firmId,
    id,
    fileId: file.id,
    practiceMatterId: file.practiceMatterId,
    matterNumber: file.matterNumber,
    matterName: file.name,
    ...matterOptions(file),
    status: 'draft',
    ...(input.throughDate ? { throughDate: input.throughDate } : {}),
    ...priced(lines, null, file, input.throughDate),
    invoiceDate: null,
    dueDate: null,
    paymentTermsDays: null,
    invoices: [],
    heldNumbers: [],
    postings: 0,
    paid: '0.00',
    outstanding: '0.00',
    documents: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await billLineEntity.putNew(firmId, lines, Date.now() + LINES_WRITE_MS);
  try {
    await commit([billEntity.put(bill, null), openBillEntity.claim(firmId, file.id, bill.id)]);
  } catch (error) {
    if (refusedAt(error, 1)) {
      await billLineEntity.deleteAll(firmId, id);
      throw billOpen(file, (await openBillEntity.holder(firmId, file.id)) ?? 'another bill');
    }
    throw error;
  }
  return billToApi(bill);
}

const billOpen = (file: FileRecord, holder: string) =>
  new Conflict('bill_open', `File ${file.matterNumber} already has a draft bill (${holder}); approve or delete it first.`);

/** The matter's billing options a bill carries, as the file has them now. */
export function matterOptions(file: FileRecord): Pick<BillRecord, 'emailInvoices' | 'ledesEnabled' | 'printInvoices' | 'clientMatterId' | 'matterTermsDays'> {
  return {
    emailInvoices: file.options.emailInvoices,
    ledesEnabled: file.options.ledesEnabled,
    printInvoices: file.options.printInvoices === true,
    ...(file.options.clientMatterId ? { clientMatterId: file.options.clientMatterId } : {}),
    ...(file.options.paymentTermsDays !== undefined ? { matterTermsDays: file.options.paymentTermsDays } : {}),
  };
}

/**
 * A bill's figures from its lines (in bill order), its discount and the
 * file's split: totals, the split of the total, the period billed. A
 * pricing rule refused (a line written below zero, a discount above the
 * fees) is a 409 naming it.
 */
export function priced(
  lines: readonly BillLineRecord[],
  discount: Discount | null,
  file: Pick<FileRecord, 'allocations' | 'primaryClientId' | 'clientIds'>,
  throughDate: string | undefined,
): Pick<BillRecord, 'lineCount' | 'feesTotal' | 'disbursementsTotal' | 'adjustmentsTotal' | 'discount' | 'total' | 'allocations' | 'primaryClientId' | 'period'> {
  let price;
  try {
    price = priceBill(lines.map(pricingInput), discount ?? undefined);
  } catch (error) {
    if (error instanceof PricingRefused) throw new Conflict(error.code, error.message, error.lineId ? [{ path: `lines.${error.lineId}`, message: error.message }] : undefined);
    throw error;
  }
  const split = splitOf(file);
  return {
    lineCount: lines.length,
    feesTotal: price.totals.feesTotal,
    disbursementsTotal: price.totals.disbursementsTotal,
    adjustmentsTotal: price.totals.adjustmentsTotal,
    discount: discount ? { ...discount, value: price.totals.discountTotal } : null,
    total: price.totals.total,
    allocations: splitTotal(price.totals.total, sharesOf(split)),
    primaryClientId: split.primaryClientId,
    period: { from: lines[0]?.date ?? throughDate ?? '', to: throughDate ?? lines.at(-1)?.date ?? '' },
  };
}

/** The discount as asked, without what it came to. */
export const discountOf = (bill: Pick<BillRecord, 'discount'>): Discount | null => {
  if (!bill.discount) return null;
  const { value: _v, ...asked } = bill.discount;
  return asked;
};

export const getBill = async (firmId: string, id: string) => billToApi(await loadBill(firmId, id));

/**
 * Edits a draft in one transaction with the lines it changes: a new
 * description, lines removed (free for the next bill), write-downs and
 * write-ups per line, the bill discount. Every figure is worked out again
 * from all the lines, so the total is always the sum of what the lines bill.
 */
export async function patchBillDraft(firmId: string, id: string, patch: PatchBill, ifMatch: number | undefined): Promise<Bill> {
  const next = await retrying(async () => {
    const current = await loadBill(firmId, id);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    assertDraft(current, 'changed');
    const [lines, file] = await Promise.all([billLineEntity.all(firmId, id), fileEntity.get(firmId, current.fileId)]);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const errors: FieldError[] = [];
    (patch.removeLineIds ?? []).forEach((lineId, i) => {
      if (!byId.has(lineId)) errors.push({ path: `removeLineIds.${i}`, message: 'is not a line of this bill' });
    });
    const removed = new Set(patch.removeLineIds ?? []);
    (patch.adjustments ?? []).forEach((a, i) => {
      if (!byId.has(a.lineId)) errors.push({ path: `adjustments.${i}.lineId`, message: 'is not a line of this bill' });
      else if (removed.has(a.lineId)) errors.push({ path: `adjustments.${i}.lineId`, message: 'is removed in the same request' });
    });
    const seen = new Set<string>();
    (patch.adjustments ?? []).forEach((a, i) => {
      if (seen.has(a.lineId)) errors.push({ path: `adjustments.${i}.lineId`, message: 'is adjusted twice in the same request' });
      seen.add(a.lineId);
    });
    if (errors.length) throw new BadRequest('Some lines cannot be changed as asked.', errors);
    const adjusted = new Map<string, BillLineRecord>();
    for (const a of patch.adjustments ?? []) {
      const { adjustment: _old, ...line } = byId.get(a.lineId)!;
      const clears = a.percent === undefined && a.amount !== undefined && /^-?0\.00$/.test(a.amount);
      adjusted.set(a.lineId, clears ? line : { ...line, adjustment: { ...(a.amount !== undefined ? { amount: a.amount } : { percent: a.percent! }), reason: a.reason } });
    }
    const kept = lines.filter((l) => !removed.has(l.id)).map((l) => adjusted.get(l.id) ?? l);
    if (kept.length === 0) throw new Conflict('empty_bill', 'A bill needs at least one line; delete the draft instead.');
    const discount = patch.discount === undefined ? discountOf(current) : patch.discount;
    const description = patch.description === undefined ? current.description : patch.description || undefined;
    const { description: _d, ...rest } = current;
    // The file's split as it is now; a file gone missing leaves the bill's own.
    const split = file ?? { allocations: current.allocations, primaryClientId: current.primaryClientId, clientIds: current.allocations.map((a) => a.contactId) };
    const bill: BillRecord = {
      ...rest,
      ...(description ? { description } : {}),
      ...(file ? matterOptions(file) : {}),
      ...priced(kept, discount, split, current.throughDate),
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    await commitUpdate(
      [
        billEntity.put(bill, current.version),
        ...lines.filter((l) => removed.has(l.id)).map((l) => billLineEntity.remove(firmId, l)),
        ...[...adjusted.values()].map((l) => billLineEntity.put(firmId, l)),
      ],
      billEntity.guard(firmId, id, ifMatch),
    );
    return bill;
  });
  return billToApi(next);
}

/**
 * Deletes a draft and frees its entries (a draft never marked them). A
 * draft that holds invoice numbers (it was posted, then reverted) makes them
 * void in the same transaction: they are never reused and stay listed.
 */
export async function deleteBillDraft(firmId: string, id: string): Promise<void> {
  await retrying(async () => {
    const bill = await loadBill(firmId, id);
    assertDraft(bill, 'deleted');
    const held = await invoiceEntity.getMany(firmId, bill.heldNumbers.map((h) => h.invoiceNumber));
    const now = nowIso();
    const voids = [...held.values()].map((r) =>
      invoiceEntity.put({ ...r, status: 'void', voidReason: 'Its bill was deleted after being reverted.', voidedAt: now, version: r.version + 1, updatedAt: now }, r.version));
    try {
      await commit([billEntity.deleteDraft(bill), openBillEntity.release(firmId, bill.fileId, bill.id), ...voids]);
    } catch (error) {
      if (error instanceof Error && error.name === 'TransactionRefused') throw new Retry('bill changed meanwhile');
      throw error;
    }
  });
  // Lines of a bill that is gone are read by nobody; a crash before this leaves them behind, harmless.
  await billLineEntity.deleteAll(firmId, id);
}
