import { BillProductionMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { failingItsJob } from '#lib/queue/give-up';
import { planProduction } from '#lib/accounting/bills/production';
import { giveUpOnBill, onProduceBill } from '#lib/accounting/bills/produce-bill';
import { onPrintBatch } from '#lib/accounting/bills/print-batch';
import { onPrepareInvoices } from '#lib/accounting/bills/documents';

const failPlanning = failingItsJob<Exclude<BillProductionMessage, { type: 'accounting.bill.prepare' }>>(
  (what) => `Planning the production failed: ${what}. Bills not produced stay approved; produce again.`,
);

/** Plans production jobs, produces one bill per message, makes each job's print batch, and prepares a posted bill's PDFs. */
export const handler = queueConsumer(
  BillProductionMessage,
  (message) => {
    switch (message.type) {
      case 'accounting.production.bill':
        return onProduceBill(message);
      case 'accounting.production.print':
        return onPrintBatch(message);
      case 'accounting.bill.prepare':
        return onPrepareInvoices(message);
      default:
        return planProduction(message);
    }
  },
  'billProduction',
  // On the last delivery a bill counts as failed on its job; a planning step fails the job.
  (message, error) => (message.type === 'accounting.production.bill' ? giveUpOnBill(message, error) : message.type === 'accounting.bill.prepare' ? Promise.resolve('shown' as const) : failPlanning(message, error)),
);
