import type { TxItem } from '../../aws/transactions.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { disbursementEntity } from '../entities/disbursement.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { invoiceEntity } from '../entities/invoice.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { openBillEntity } from '../entities/open-bill.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, DomainError, NotFound } from '../../shared/errors.ts';
import { money, toMoney } from '../../shared/money.ts';
import { retrying } from '../../shared/retry.ts';
import { loadBill } from './drafts.ts';
import { withoutPendingStep, type BillRecord } from './model.ts';
import { entriesNews, invoicesNews } from './news.ts';
import { commitInSteps } from './steps.ts';
import type { BillIds } from './schemas.ts';

/**
 * Reverting un-posts a bill: approved, or finalized with nothing paid, back
 * to a draft in one guarded transaction (in steps for a bill too big for
 * one, like posting): the receivable reversed, its entries and
 * disbursements unbilled (practice's back to draft), its invoices `held`:
 * the bill keeps their numbers and gets them back when approved again. Its
 * documents stay listed as earlier versions. A bill with a payment is a 409;
 * so is a file that has another draft meanwhile (the reverted bill becomes
 * the file's draft again).
 */
export function assertRevertable(bill: BillRecord): void {
  if (bill.pendingStep === 'reverting') return;
  if (bill.pendingStep === 'posting' || bill.status === 'draft') throw new Conflict('wrong_status', `Bill ${bill.id} is ${bill.pendingStep ?? 'a draft'}; only an approved or finalized bill can be reverted.`);
  if (bill.status === 'paid' || money(bill.paid).gt(0)) throw new Conflict('has_payments', `Bill ${bill.id} has payments (${bill.paid}); a bill with a payment cannot be reverted.`);
}

export async function revertBill(firmId: string, id: string): Promise<BillRecord> {
  return retrying(async () => {
    const bill = await loadBill(firmId, id);
    assertRevertable(bill);
    const [lines, file, invoices] = await Promise.all([
      billLineEntity.all(firmId, id),
      fileEntity.get(firmId, bill.fileId),
      invoiceEntity.getMany(firmId, bill.invoices.map((i) => i.invoiceNumber)),
    ]);
    if (!file) throw new Conflict('file_missing', `The file of bill ${id} no longer exists.`);
    const now = nowIso();
    const draft: BillRecord = {
      ...withoutPendingStep(bill),
      status: 'draft',
      heldNumbers: bill.invoices.map((i) => ({ contactId: i.contactId, invoiceNumber: i.invoiceNumber })),
      invoices: [],
      invoiceDate: null,
      dueDate: null,
      paymentTermsDays: null,
      paid: '0.00',
      outstanding: '0.00',
      version: 0,
      updatedAt: now,
    };
    const recorded = toMoney(money(bill.feesTotal).plus(bill.disbursementsTotal));
    const unbill: TxItem[] = lines.map((l) =>
      l.kind === 'time'
        ? ledgerEntryEntity.unpost({ firmId, fileId: bill.fileId, id: l.id }, id, now)
        : disbursementEntity.unpost(firmId, { fileId: bill.fileId, id: l.id }, id, now));
    // Steps already taken are skipped: an entry that is unbilled again no longer names this bill.
    const todo = bill.pendingStep === 'reverting' ? await stillBilled(bill, unbill, lines) : unbill;
    await commitInSteps({
      record: bill,
      alone: !bill.pendingStep,
      // The claim is taken first: a file with another draft refuses the revert before anything moves.
      start: () => [
        billEntity.put({ ...bill, pendingStep: 'reverting', version: bill.version + 1, updatedAt: now }, bill.version),
        openBillEntity.claim(firmId, bill.fileId, id),
      ],
      steps: todo,
      finish: (version) => {
        draft.version = version + 1;
        return [
          billEntity.put(draft, version),
          openBillEntity.claim(firmId, bill.fileId, id),
          ...[...invoices.values()].map((r) => invoiceEntity.put({ ...r, status: 'held', version: r.version + 1, updatedAt: now }, r.version)),
          ...balanceEntity.changes(firmId, [{ file, delta: { billed: toMoney(money(bill.total).neg()), unbilled: recorded } }]),
          ...entriesNews(draft, lines, 'draft'),
          invoicesNews(draft),
        ];
      },
    }).catch(async (error) => {
      // The claim (second item) refused: the file has another draft.
      if (error instanceof Error && error.name === 'Retry') {
        const holder = await openBillEntity.holder(firmId, bill.fileId);
        if (holder && holder !== id) throw new Conflict('bill_open', `File ${bill.matterNumber} has another draft bill (${holder}); delete or approve it before reverting bill ${id}.`);
      }
      throw error;
    });
    return draft;
  }, 20);
}

/** The unbilling items of lines whose entries this bill still bills. */
async function stillBilled(bill: BillRecord, items: TxItem[], lines: Awaited<ReturnType<typeof billLineEntity.all>>): Promise<TxItem[]> {
  const kinds = (k: string) => lines.filter((l) => l.kind === k).map((l) => l.id);
  const [entries, disbursements] = await Promise.all([
    ledgerEntryEntity.getMany(bill.firmId, kinds('time')),
    disbursementEntity.getMany(bill.firmId, bill.fileId, kinds('disbursement')),
  ]);
  return items.filter((_, i) => {
    const l = lines[i]!;
    const source = l.kind === 'time' ? entries.get(l.id) : disbursements.get(l.id);
    return source?.billId === bill.id && source.status === 'billed';
  });
}

/**
 * `POST /billing/production/revert`: the named bills (each must be
 * revertable, or nothing is done: 409 naming them), or every approved bill
 * of the firm. Each bill reverts in its own transaction; one that a race
 * makes unrevertable meanwhile is listed under `failed`.
 */
export async function revertBills(firmId: string, input: BillIds): Promise<{ reverted: string[]; failed: { billId: string; code: string; message: string }[] }> {
  let ids: string[];
  if (input.billIds) {
    ids = [...new Set(input.billIds)];
    if (ids.length > 100) throw new BadRequest('At most 100 bills can be reverted at once.', [{ path: 'billIds', message: 'names more than 100 bills' }]);
    const bills = await billEntity.getMany(firmId, ids);
    const missing = ids.find((i) => !bills.has(i));
    if (missing) throw new NotFound(`Bill ${missing}`);
    const refused: { code: string; path: string; message: string }[] = [];
    for (const b of bills.values()) {
      const path = `billIds.${ids.indexOf(b.id)}`;
      try {
        assertRevertable(b);
      } catch (error) {
        refused.push({ code: error instanceof DomainError ? error.code : 'wrong_status', path, message: (error as Error).message });
        continue;
      }
      // A file with another draft cannot take the bill back as its draft; refused up front like the
      // rest (409, nothing changes) rather than answered 200 with the bill under `failed`.
      const holder = await openBillEntity.holder(firmId, b.fileId);
      if (holder && holder !== b.id) refused.push({ code: 'bill_open', path, message: `File ${b.matterNumber} has another draft bill (${holder}); delete or approve it before reverting bill ${b.id}.` });
    }
    // The refusal's own code (has_payments, bill_open) when every named bill is refused for the same reason.
    const codes = new Set(refused.map((r) => r.code));
    if (refused.length) {
      throw new Conflict(codes.size === 1 ? [...codes][0]! : 'wrong_status', 'Only approved bills, or finalized bills with nothing paid, can be reverted.', refused.map(({ path, message }) => ({ path, message })));
    }
  } else {
    ids = [];
    let cursor: string | undefined;
    do {
      const page = await billEntity.pageByStatus(firmId, 'approved', { limit: 100, cursor });
      ids.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const reverted: string[] = [];
  const failed: { billId: string; code: string; message: string }[] = [];
  for (const id of ids) {
    try {
      await revertBill(firmId, id);
      reverted.push(id);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      failed.push({ billId: id, code: error.code, message: error.message });
    }
  }
  return { reverted, failed };
}
