import { commit, commitUpdate, refusedAt, TransactionRefused } from '../../aws/transactions.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { disbursementEntity } from '../entities/disbursement.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { openBillEntity } from '../entities/open-bill.entity.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict, NotFound, PreconditionFailed, BadRequest } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { countMetric } from '../../shared/metrics.ts';
import type { ListQuery, Page } from '../../shared/page.ts';
import { billTotals, disbursementLine, timeLine, type BillRecord } from './model.ts';
import { splitOf } from '../files/model.ts';
import { billToApi } from './view.ts';
import type { Bill, BillIds, CreateBill, PatchBill } from './schemas.ts';

/**
 * Drafting bills: a draft takes the file's unbilled billable work and
 * disbursements (up to `throughDate`); on-hold and non-billable work stay out.
 * A file has at most one open (draft or approved) bill, held by a claim item
 * written with it, so no entry is ever on two bills.
 */
export async function loadBill(firmId: string, id: string): Promise<BillRecord> {
  const bill = await billEntity.get(firmId, id);
  if (!bill) throw new NotFound('Bill');
  return bill;
}

export async function createBillDraft(firmId: string, input: CreateBill): Promise<Bill> {
  const file = await fileEntity.get(firmId, input.fileId);
  if (!file) throw new BadRequest('No such file.', [{ path: 'fileId', message: 'is not a file of this firm' }]);
  const through = (date: string) => !input.throughDate || date <= input.throughDate;
  const [ledger, disbursements] = await Promise.all([ledgerEntryEntity.unbilledOf(firmId, file.id), disbursementEntity.unbilledOf(firmId, file.id)]);
  const work = ledger.filter((l) => l.type === 'billable_work' && through(l.date));
  const costs = disbursements.filter((d) => through(d.date));
  if (work.length + costs.length === 0) {
    throw new Conflict('nothing_to_bill', `File ${file.matterNumber} has no unbilled billable work or disbursements${input.throughDate ? ` up to ${input.throughDate}` : ''}.`);
  }
  const now = nowIso();
  const bill: BillRecord = {
    entity: 'bill',
    firmId,
    id: newId('bl'),
    fileId: file.id,
    practiceMatterId: file.practiceMatterId,
    matterNumber: file.matterNumber,
    matterName: file.name,
    ...(file.options.clientMatterId ? { clientMatterId: file.options.clientMatterId } : {}),
    emailInvoices: file.options.emailInvoices,
    ledesEnabled: file.options.ledesEnabled,
    status: 'draft',
    ...(input.throughDate ? { throughDate: input.throughDate } : {}),
    ...billTotals([...work.map(timeLine), ...costs.map(disbursementLine)], splitOf(file), input.throughDate),
    timeEntryIds: Object.fromEntries(work.map((l) => [l.id, l.timeEntryId])),
    invoiceNumber: null,
    invoiceDate: null,
    paid: '0.00',
    outstanding: '0.00',
    documents: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await commit([billEntity.put(bill, null), openBillEntity.claim(firmId, file.id, bill.id)]);
  } catch (error) {
    if (refusedAt(error, 1)) {
      const open = await openBillEntity.holder(firmId, file.id);
      throw new Conflict('bill_open', `File ${file.matterNumber} already has an open bill (${open}); produce or delete it first.`);
    }
    throw error;
  }
  return billToApi(bill);
}

export const getBill = async (firmId: string, id: string) => billToApi(await loadBill(firmId, id));

const notABillDraft = (bill: BillRecord) => new Conflict('wrong_status', `The bill is ${bill.status}; only a draft can be changed this way.`);

/** Changes a bill in one guarded write, if `change` allows its current state. */
async function changeBill(firmId: string, id: string, ifMatch: number | undefined, change: (bill: BillRecord) => BillRecord): Promise<BillRecord> {
  return retrying(async () => {
    const current = await loadBill(firmId, id);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const next = { ...change(current), version: current.version + 1, updatedAt: nowIso() };
    await commitUpdate([billEntity.put(next, current.version)], billEntity.guard(firmId, id, ifMatch));
    return next;
  });
}

export async function patchBillDraft(firmId: string, id: string, patch: PatchBill, ifMatch: number | undefined): Promise<Bill> {
  const file = await fileEntity.get(firmId, (await loadBill(firmId, id)).fileId);
  const bill = await changeBill(firmId, id, ifMatch, (current) => {
    if (current.status !== 'draft') throw notABillDraft(current);
    const remove = new Set(patch.removeLineIds ?? []);
    const unknown = [...remove].filter((lineId) => !current.lines.some((l) => l.id === lineId));
    if (unknown.length) {
      throw new BadRequest('Some lines are not on this bill.', unknown.map((lineId) => ({ path: `removeLineIds.${patch.removeLineIds!.indexOf(lineId)}`, message: 'is not a line of this bill' })));
    }
    const lines = current.lines.filter((l) => !remove.has(l.id));
    if (lines.length === 0) throw new Conflict('empty_bill', 'A bill needs at least one line; delete the draft instead.');
    const timeEntryIds = Object.fromEntries(Object.entries(current.timeEntryIds).filter(([lineId]) => !remove.has(lineId)));
    const description = patch.description === undefined ? current.description : patch.description || undefined;
    const { description: _d, ...rest } = current;
    // The file's split as it is now; a file gone missing leaves the bill's own.
    const split = file ? splitOf(file) : { allocations: current.allocations, primaryClientId: current.primaryClientId };
    return { ...rest, ...(description ? { description } : {}), ...billTotals(lines, split, current.throughDate), timeEntryIds };
  });
  return billToApi(bill);
}

/** Deletes a draft and frees its entries (they were never marked: the open-bill claim is all that held them). */
export async function deleteBillDraft(firmId: string, id: string): Promise<void> {
  await retrying(async () => {
    const bill = await loadBill(firmId, id);
    if (bill.status !== 'draft') throw notABillDraft(bill);
    try {
      await commit([billEntity.deleteDraft(bill), openBillEntity.release(firmId, bill.fileId)]);
    } catch (error) {
      if (refusedAt(error, 0)) throw new Retry('bill changed meanwhile');
      throw error;
    }
  });
}

export async function approveBillDraft(firmId: string, id: string, ifMatch?: number): Promise<Bill> {
  const approved = await changeBill(firmId, id, ifMatch, (b) => {
    if (b.status !== 'draft') throw notABillDraft(b);
    return { ...b, status: 'approved' };
  });
  countMetric('billsPosted');
  return billToApi(approved);
}

export async function productionList(firmId: string, q: ListQuery): Promise<Page<Bill>> {
  const page = await billEntity.pageByStatus(firmId, 'approved', q);
  return { items: await Promise.all(page.items.map((b) => billToApi(b, { withLinks: false }))), nextCursor: page.nextCursor };
}

/**
 * Approved → draft. Named bills go back together or not at all (a finalized
 * one among them is a 409 and nothing changes); with no names, every approved
 * bill of the firm goes back.
 */
export async function revertBills(firmId: string, input: BillIds): Promise<{ reverted: string[] }> {
  if (!input.billIds) {
    const reverted: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await billEntity.pageByStatus(firmId, 'approved', { limit: 100, cursor });
      for (const b of page.items) {
        try {
          await changeBill(firmId, b.id, undefined, (current) => {
            if (current.status !== 'approved') throw new Conflict('wrong_status', `The bill is ${current.status}; only an approved bill can be reverted.`);
            return { ...current, status: 'draft' };
          });
          reverted.push(b.id);
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { reverted };
  }
  const ids = [...new Set(input.billIds)];
  if (ids.length > 100) throw new BadRequest('At most 100 bills can be reverted at once.', [{ path: 'billIds', message: 'names more than 100 bills' }]);
  return retrying(async () => {
    const bills = await billEntity.getMany(firmId, ids);
    const missing = ids.filter((i) => !bills.has(i));
    if (missing.length) throw new NotFound(`Bill ${missing[0]}`);
    const wrong = [...bills.values()].filter((b) => b.status !== 'approved');
    if (wrong.length) throw new Conflict('wrong_status', `Only approved bills can be reverted: ${wrong.map((b) => `${b.id} is ${b.status}`).join(', ')}.`);
    const now = nowIso();
    try {
      await commit([...bills.values()].map((b) => billEntity.put({ ...b, status: 'draft', version: b.version + 1, updatedAt: now }, b.version)));
    } catch (error) {
      if (error instanceof TransactionRefused) throw new Retry('bills changed meanwhile');
      throw error;
    }
    return { reverted: ids };
  });
}
