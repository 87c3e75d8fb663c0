import { TimeExportMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { failingItsJob } from '#lib/queue/give-up';
import { planTimeExport } from '#lib/practice/billing/export-plan';

/** Plans time exports: a bounded number of pages per message, the rest handed on. */
export const handler = queueConsumer(
  TimeExportMessage,
  planTimeExport,
  'timeExport',
  failingItsJob((what) => `Planning the export failed: ${what}. Entries not sent yet stay open; export again.`),
);
