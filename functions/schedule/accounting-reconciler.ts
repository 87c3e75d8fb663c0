import type { ScheduledEvent } from 'aws-lambda';
import { tracedLambdaHandler } from '#lib/shared/tracer';
import { reconcileContacts } from '#lib/accounting/contacts/service';
import { voidUnusedInvoiceNumbers } from '#lib/accounting/bills/unused-numbers';

/**
 * Scheduled: re-sends accounting records whose link stayed pending too long,
 * and lists void the invoice numbers a crashed approval reserved but never
 * posted (the sequence stays gap-free).
 */
export const handler = tracedLambdaHandler<ScheduledEvent, unknown>().handler(async () => ({
  links: await reconcileContacts(),
  invoiceNumbers: await voidUnusedInvoiceNumbers(),
}));
