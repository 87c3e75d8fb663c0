import { outboxMessage } from '../../sync/outbox.entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import type { BillLineRecord, BillRecord } from './model.ts';

/**
 * What practice hears of a bill, in the transaction that changed it: its
 * time entries billed (posted) or back to draft (reverted), 1,000 to a
 * message, ordered by `seq` so a late message never undoes a newer one; and
 * the bill's invoices as they stand, for the matter's invoice list.
 */
const ENTRIES_PER_MESSAGE = 1000;

export function entriesNews(bill: BillRecord, lines: readonly BillLineRecord[], status: 'billed' | 'draft'): TxItem[] {
  const ids = lines.flatMap((l) => (l.kind === 'time' && l.timeEntryId ? [l.timeEntryId] : []));
  const seq = `${nowIso()}#${String(bill.version).padStart(10, '0')}`;
  const items: TxItem[] = [];
  for (let i = 0; i < ids.length; i += ENTRIES_PER_MESSAGE) {
    items.push(outboxMessage('toPractice', {
      type: 'accounting.bill.entries',
      firmId: bill.firmId,
      billId: bill.id,
      seq,
      status,
      ...(status === 'billed' && bill.invoices[0] ? { invoiceNumber: bill.invoices.map((i) => i.invoiceNumber).join(', ') } : {}),
      timeEntryIds: ids.slice(i, i + ENTRIES_PER_MESSAGE),
    }));
  }
  return items;
}

/** How many messages `entriesNews` makes for these lines. */
export const entriesNewsCount = (lines: readonly BillLineRecord[]) =>
  Math.ceil(lines.filter((l) => l.kind === 'time' && l.timeEntryId).length / ENTRIES_PER_MESSAGE);

export function invoicesNews(bill: BillRecord): TxItem {
  return outboxMessage('toPractice', {
    type: 'accounting.bill.invoices',
    firmId: bill.firmId,
    billId: bill.id,
    practiceMatterId: bill.practiceMatterId,
    billVersion: bill.version,
    invoices: bill.invoices.map((i) => ({
      invoiceNumber: i.invoiceNumber,
      contactId: i.contactId,
      invoiceDate: bill.invoiceDate!,
      dueDate: bill.dueDate!,
      amount: i.amount,
      paid: i.paid,
      outstanding: i.outstanding,
      status: i.status,
    })),
  });
}
