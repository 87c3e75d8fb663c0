import type * as z from 'zod';
import type { AccountingBillEntries, AccountingBillFinalized } from '#events/messages';
import { commitSkippingDone } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { timeEntryEntity } from '../entities/time-entry.entity.ts';

/**
 * A bill was finalized in accounting (the older message, still accepted for those in flight at deploy): its time
 * entries are billed (only those still draft and not yet told by the seq-ordered news below; idempotent).
 */
export async function onBillFinalized(m: z.infer<typeof AccountingBillFinalized>): Promise<void> {
  const now = nowIso();
  const bill = { billId: m.billId, invoiceNumber: m.invoiceNumber };
  await commitSkippingDone(m.timeEntryIds.map((id) => timeEntryEntity.markBilled(m.firmId, id, bill, now)));
}

/**
 * A bill was posted (its entries are billed) or reverted (back to draft, still locked). Each entry takes the news
 * only if it is newer (by `seq`) than the last it took: an entry refusing it already knows as much or more, or is
 * not one of this firm's entries sent for billing, and is skipped. So duplicates and late messages change nothing,
 * and the entries end as the newest news says whatever order the queue delivers in.
 */
export async function onBillEntries(m: z.infer<typeof AccountingBillEntries>): Promise<void> {
  const now = nowIso();
  const news = { billId: m.billId, seq: m.seq, status: m.status, invoiceNumber: m.invoiceNumber };
  await commitSkippingDone([...new Set(m.timeEntryIds)].map((id) => timeEntryEntity.applyBilling(m.firmId, id, news, now)));
}
