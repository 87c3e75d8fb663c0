import { TimeExportMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { planTimeExport } from '#lib/practice/billing/export-plan';
import { describeError, failJob } from '#lib/jobs/give-up';
import { commit } from '#lib/aws/transactions';

/** Plans time exports: a bounded number of pages per message, the rest handed on. */
export const handler = queueConsumer(
  TimeExportMessage,
  async (message, delivery) => {
    try {
      await planTimeExport(message);
    } catch (error) {
      if (!delivery.lastAttempt) throw error;
      await failJob(message.jobId, `Planning the export failed: ${describeError(error)}. Entries not sent yet stay open; export again.`, commit);
    }
  },
  'timeExport',
);
