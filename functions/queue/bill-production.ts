import { BillProductionMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { planProduction } from '#lib/accounting/bills/production';
import { onProduceBill } from '#lib/accounting/bills/produce-bill';
import { failingItsJob, onlyFor } from '#lib/queue/give-up';

/** Plans production jobs and produces one bill per message. */
export const handler = queueConsumer(
  BillProductionMessage,
  async (message, delivery) => {
    if (message.type === 'accounting.production.bill') return onProduceBill(message, delivery.lastAttempt);
    return planProduction(message);
  },
  'billProduction',
  // A planning step that keeps failing fails its job; onProduceBill counts a bill it cannot produce as failed itself.
  onlyFor(
    (m): m is Extract<BillProductionMessage, { type: 'accounting.production.plan' }> => m.type === 'accounting.production.plan',
    failingItsJob((what) => `Planning the production failed: ${what}. Bills not produced stay approved; produce again.`),
  ),
);
