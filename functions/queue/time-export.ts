import { TimeExportMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { planTimeExport } from '#lib/practice/billing/time-export';

/** Plans time exports: a bounded number of pages per message, the rest handed on. */
export const handler = queueConsumer(TimeExportMessage, (message) => planTimeExport(message));
