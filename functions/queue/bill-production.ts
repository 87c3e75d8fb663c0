import { BillProductionMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { planProduction } from '#lib/accounting/bills/production';
import { onProduceBill } from '#lib/accounting/bills/produce-bill';
import { describeError, failJob } from '#lib/jobs/give-up';
import { commit } from '#lib/aws/transactions';

/** Plans production jobs and produces one bill per message. */
export const handler = queueConsumer(
  BillProductionMessage,
  async (message, delivery) => {
    if (message.type === 'accounting.production.bill') return onProduceBill(message, delivery.lastAttempt);
    try {
      await planProduction(message);
    } catch (error) {
      if (!delivery.lastAttempt) throw error;
      await failJob(message.jobId, `Planning the production failed: ${describeError(error)}. Bills not produced stay approved; produce again.`, commit);
    }
  },
  'billProduction',
);
