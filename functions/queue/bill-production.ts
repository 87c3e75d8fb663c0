import { BillProductionMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { failingItsJob } from '#lib/queue/give-up';
import { planProduction } from '#lib/accounting/bills/production';
import { giveUpOnBill, onProduceBill } from '#lib/accounting/bills/produce-bill';

const failPlanning = failingItsJob<BillProductionMessage>(
  (what) => `Planning the production failed: ${what}. Bills not produced stay approved; produce again.`,
);

/** Plans production jobs and produces one bill per message. */
export const handler = queueConsumer(
  BillProductionMessage,
  (message) => (message.type === 'accounting.production.bill' ? onProduceBill(message) : planProduction(message)),
  'billProduction',
  // On the last delivery a bill counts as failed on its job; a planning step fails the job.
  (message, error) => (message.type === 'accounting.production.bill' ? giveUpOnBill(message, error) : failPlanning(message, error)),
);
