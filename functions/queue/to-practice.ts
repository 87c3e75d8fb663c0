import { ToPracticeMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { failingItsJob, onlyFor } from '#lib/queue/give-up';
import {
  onAccountingContactLinked,
  onAccountingContactLinkFailed,
  onAccountingContactUpserted,
} from '#lib/practice/contacts/sync';
import { onBalanceChanged, onFileLinked, onFileLinkFailed, wakeMattersWaitingFor } from '#lib/practice/matters/sync';
import { onBatchBooked } from '#lib/practice/billing/export-answer';
import { onBillEntries, onBillFinalized } from '#lib/practice/billing/bills';
import { onBillInvoices } from '#lib/practice/matters/invoices';

/** Applies accounting's sync messages to the practice book, one record at a time. */
export const handler = queueConsumer(
  ToPracticeMessage,
  apply,
  'toPractice',
  // An export answer that cannot be applied ends its job as failed, with the reason; other messages go to the DLQ.
  onlyFor(
    (m): m is Extract<ToPracticeMessage, { type: 'accounting.time.batch_booked' }> => m.type === 'accounting.time.batch_booked',
    failingItsJob((what) => `Could not record a batch of the export: ${what}`),
  ),
);

async function apply(message: ToPracticeMessage): Promise<void> {
  switch (message.type) {
    case 'accounting.contact.upserted':
      await onAccountingContactUpserted(message);
      if (message.practiceContactId) await wakeMattersWaitingFor(message.firmId, message.practiceContactId);
      return;
    case 'accounting.contact.linked':
    case 'accounting.contact.link_failed':
      await (message.type === 'accounting.contact.linked' ? onAccountingContactLinked(message) : onAccountingContactLinkFailed(message));
      // Matters waiting for this client are sent now, or show why they cannot be.
      return wakeMattersWaitingFor(message.firmId, message.practiceContactId);
    case 'accounting.file.linked':
      return onFileLinked(message);
    case 'accounting.file.link_failed':
      return onFileLinkFailed(message);
    case 'accounting.file.balance_changed':
      return onBalanceChanged(message);
    case 'accounting.time.batch_booked':
      return onBatchBooked(message);
    case 'accounting.bill.finalized':
      return onBillFinalized(message);
    case 'accounting.bill.entries':
      return onBillEntries(message);
    case 'accounting.bill.invoices':
      return onBillInvoices(message);
  }
}
