import { InvoiceMailMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import { giveUpOnEmail, onEmailInvoices } from '#lib/accounting/bills/invoice-mail';

/** Emails a produced bill's stored invoices, then counts the bill on its production job. */
export const handler = queueConsumer(InvoiceMailMessage, (message, delivery) => onEmailInvoices(message, delivery.lastAttempt), 'invoiceMail', giveUpOnEmail);
