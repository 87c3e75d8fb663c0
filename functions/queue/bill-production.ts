import { BillProductionMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { onProduceBill, planProduction } from '#lib/accounting/bills/production';

/** Plans production jobs and produces one bill per message. */
export const handler = queueConsumer(BillProductionMessage, (message) =>
  message.type === 'accounting.production.plan' ? planProduction(message) : onProduceBill(message),
);
