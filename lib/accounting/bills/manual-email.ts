import { getDocument } from '../../aws/s3.ts';
import { commit } from '../../aws/transactions.ts';
import { deliveryEntity } from '../entities/delivery.entity.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { deliver } from './email.ts';
import { invoiceContext, invoicedClients, invoiceView, type InvoiceContext } from './invoice-data.ts';
import { loadBill } from './drafts.ts';
import { assertPosted, leadInvoicedClient, type BillRecord } from './model.ts';
import { billToApi } from './view.ts';
import type { Bill, EmailRequest } from './schemas.ts';

/**
 * Sends a posted bill's invoices by hand (approved or finalized): that of
 * `contactId`; or, given `to`, the invoice of the client with that address,
 * else the lead client's; or every invoiced client's with an address. An
 * approved bill not produced yet has no stored PDF: it is rendered as
 * production will render it (the invoice is posted, so it is final).
 */
export async function emailBill(firmId: string, billId: string, input: EmailRequest): Promise<Bill> {
  const bill = await loadBill(firmId, billId);
  assertPosted(bill, 'sent');
  const ctx = await invoiceContext(bill);
  const clients = invoicedClients(bill);
  if (input.contactId && !clients.includes(input.contactId)) {
    throw new Conflict('no_invoice', `Bill ${billId} has no invoice for client ${input.contactId}.`);
  }
  const addressOf = (c: string) => ctx.contacts.get(c)?.email;
  const targets = input.contactId
    ? [{ contactId: input.contactId, to: input.to ?? addressOf(input.contactId) }]
    : input.to
      ? [{ contactId: clients.find((c) => addressOf(c)?.toLowerCase() === input.to!.toLowerCase()) ?? leadInvoicedClient(bill)!, to: input.to }]
      : clients.map((contactId) => ({ contactId, to: addressOf(contactId) }));
  const sendable = targets.filter((t): t is { contactId: string; to: string } => Boolean(t.to));
  if (sendable.length === 0) throw new Conflict('no_recipient', 'No client of this bill has an email address; give one in `to`.');
  for (const { contactId, to } of sendable) {
    const messageId = await deliver(bill, contactId, to, ctx, await invoicePdf(bill, contactId, ctx), input);
    await commit([deliveryEntity.recordManual(firmId, billId, contactId, to, nowIso(), messageId)]);
  }
  return billToApi(await loadBill(firmId, billId));
}

/** The stored PDF of the client's invoice, or, before production stored it, the invoice rendered now. */
async function invoicePdf(bill: BillRecord, contactId: string, ctx: InvoiceContext): Promise<Buffer> {
  const key = bill.documents.find((d) => d.kind === 'invoice_pdf' && d.contactId === contactId && d.version === bill.postings)?.key;
  const stored = key ? await getDocument(key) : undefined;
  if (stored) return stored;
  return renderInvoicePdf(invoiceView(bill, contactId, ctx, false));
}

