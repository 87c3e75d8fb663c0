import { commit } from '../../aws/transactions.ts';
import { deliveryEntity } from '../entities/delivery.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { deliver, isNothingOwed, storedInvoice } from './email.ts';
import { invoiceContext, invoicedClients } from './invoice-data.ts';
import { loadBill } from './drafts.ts';
import { assertPosted, leadInvoicedClient } from './model.ts';
import { billToApi } from './view.ts';
import type { Bill, EmailRequest } from './schemas.ts';

/**
 * Sends a posted bill's invoices by hand (approved or finalized): that of
 * `contactId`; or, given `to`, the invoice of the client with that address,
 * else the lead client's; or every invoiced client's with an address (but a
 * 0.00 invoice only when asked for by `contactId` or `to`). The PDF attached
 * is always the stored one: an approved bill's are rendered right after
 * posting (documents.ts), so in the moment before they are stored this is a
 * 409 `invoice_not_stored`, and this function never carries the renderer.
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
  const asked = Boolean(input.contactId || input.to);
  const targets = input.contactId
    ? [{ contactId: input.contactId, to: input.to ?? addressOf(input.contactId) }]
    : input.to
      ? [{ contactId: clients.find((c) => addressOf(c)?.toLowerCase() === input.to!.toLowerCase()) ?? leadInvoicedClient(bill)!, to: input.to }]
      : clients.filter((c) => !isNothingOwed(bill, c)).map((contactId) => ({ contactId, to: addressOf(contactId) }));
  const sendable = targets.filter((t): t is { contactId: string; to: string } => Boolean(t.to));
  if (sendable.length === 0) {
    if (!asked && clients.some((c) => addressOf(c)) && clients.every((c) => isNothingOwed(bill, c) || !addressOf(c))) {
      throw new Conflict('no_recipient', 'Every invoice of this bill with an address is for 0.00; name the client in `contactId` to send one anyway.');
    }
    throw new Conflict('no_recipient', 'No client of this bill has an email address; give one in `to`.');
  }
  // Every PDF is read before anything is sent: all or nothing while one is still being prepared.
  const pdfs = await Promise.all(sendable.map((t) => storedInvoice(bill, t.contactId)));
  for (const [i, { contactId, to }] of sendable.entries()) {
    const messageId = await deliver(bill, contactId, to, ctx, pdfs[i]!, input);
    await commit([deliveryEntity.recordManual(firmId, billId, contactId, to, nowIso(), messageId)]);
  }
  return billToApi(await loadBill(firmId, billId));
}
