import type * as z from 'zod';
import type { AccountingBillFinalized } from '#events/messages';
import { commitSkippingDone } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { timeEntryEntity } from '../entities/time-entry.entity.ts';

/** A bill was finalized in accounting: its time entries are billed (only those still draft; idempotent). */
export async function onBillFinalized(m: z.infer<typeof AccountingBillFinalized>): Promise<void> {
  const now = nowIso();
  const bill = { billId: m.billId, invoiceNumber: m.invoiceNumber };
  await commitSkippingDone(m.timeEntryIds.map((id) => timeEntryEntity.markBilled(m.firmId, id, bill, now)));
}
