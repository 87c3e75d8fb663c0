import { TimeBookingMessage } from '#events/messages';
import { giveUpOnPracticeMessage } from '#lib/accounting/give-up';
import { queueConsumer } from '#lib/queue/consumer';
import { bookExportBatch } from '#lib/accounting/ledger/import';

/**
 * Books practice's time export batches into the accounting ledger, one batch
 * at a time. On the last delivery, practice is told why its entries were not
 * booked, unless the batch is booked already: then it goes to the DLQ.
 */
export const handler = queueConsumer(TimeBookingMessage, bookExportBatch, 'timeBooking', giveUpOnPracticeMessage);
