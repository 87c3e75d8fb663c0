import type * as z from 'zod';
import type { AccountingBillFinalized } from '#events/messages';
import { practiceKeys, practiceStore } from '../store.ts';
import { entryIndexKeys } from '../time/model.ts';
import { firmPk, type TxItem } from '../../aws/book-store.ts';
import { nowIso } from '../../shared/clock.ts';


/** A bill was finalized in accounting: its time entries are billed (only those still draft; idempotent). */
export async function onBillFinalized(m: z.infer<typeof AccountingBillFinalized>): Promise<void> {
  const now = nowIso();
  const billedIndex = entryIndexKeys({ firmId: m.firmId, id: '', date: '', matterId: '', timekeeperId: '', status: 'billed' }).gsi3pk;
  const items: TxItem[] = m.timeEntryIds.map((id) => ({
    Update: {
      TableName: practiceStore.table,
      Key: { pk: firmPk(m.firmId), sk: practiceKeys.timeEntry(id) },
      UpdateExpression: 'SET #status = :billed, gsi3pk = :index, billId = :bill, invoiceNumber = :number, updatedAt = :now ADD version :one',
      ConditionExpression: '#status = :draft',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':billed': 'billed', ':draft': 'draft', ':index': billedIndex, ':bill': m.billId, ':number': m.invoiceNumber, ':now': now, ':one': 1 },
    },
  }));
  await practiceStore.commitSkippingDone(items);
}
