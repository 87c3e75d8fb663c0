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
/**
 * The practice consumer takes up to 10 messages per invocation and has 10 s:
 * at 250 entries (3 transactions) a message, a batch is at most 25
 * transactions. At 1,000 the 10 messages of a 10,000-line bill came in one
 * batch and took 12.6 s on the local stack. A posting carries at most
 * MAX_NEWS_MESSAGES of them (inside its 100 items) up to 40,000 lines: a
 * bill of more than 10,000 lines puts more entries in each, up to the 1,000
 * the message takes.
 */
const ENTRIES_PER_MESSAGE = 250;
const MAX_NEWS_MESSAGES = 40;
/** What the message schema takes (AccountingBillEntries in events/messages.ts). */
const MAX_ENTRIES_PER_MESSAGE = 1000;

export function entriesNews(bill: BillRecord, lines: readonly BillLineRecord[], status: 'billed' | 'draft'): TxItem[] {
  const ids = lines.flatMap((l) => (l.kind === 'time' && l.timeEntryId ? [l.timeEntryId] : []));
  const seq = `${nowIso()}#${String(bill.version).padStart(10, '0')}`;
  const items: TxItem[] = [];
  const perMessage = Math.min(MAX_ENTRIES_PER_MESSAGE, Math.max(ENTRIES_PER_MESSAGE, Math.ceil(ids.length / MAX_NEWS_MESSAGES)));
  for (let i = 0; i < ids.length; i += perMessage) {
    items.push(outboxMessage('toPractice', {
      type: 'accounting.bill.entries',
      firmId: bill.firmId,
      billId: bill.id,
      seq,
      status,
      ...(status === 'billed' && bill.invoices[0] ? { invoiceNumber: bill.invoices.map((i) => i.invoiceNumber).join(', ') } : {}),
      timeEntryIds: ids.slice(i, i + perMessage),
    }));
  }
  return items;
}

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
