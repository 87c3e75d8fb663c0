import { contactEntity } from '../entities/contact.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { firmFolder, putDocument, documentUrl } from '../../aws/s3.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { mergePdfs } from '../../documents/pdf/merge.ts';
import { writeLedes, validateLedes, type LedesInvoice } from '../../documents/ledes.ts';
import { invoiceLedesLines } from '../../documents/ledes/invoice-lines.ts';
import { BadRequest, Conflict, NotFound, type FieldError } from '../../shared/errors.ts';
import { getAccountingSettings } from '../settings/service.ts';
import { loadBill } from './drafts.ts';
import { recordDocuments } from './documents-list.ts';
import { invoiceContext, invoicedClients, invoiceView, type InvoiceContext } from './invoice-data.ts';
import { assertPosted, leadInvoicedClient, type BillRecord, type InvoiceShare, type StoredDocument } from './model.ts';

/** A rendered document: its bytes, their content type and the file name to offer. */
export interface RenderedDocument {
  content: Buffer;
  contentType: string;
  filename: string;
}

const isPreview = (bill: BillRecord) => bill.status === 'draft' || bill.status === 'approved';

/**
 * One client's invoice as the bill would produce it (default: the primary
 * client's, or the first invoiced client's when a split set by hand gives
 * the primary nothing), marked as a preview until produced; nothing stored.
 */
export async function previewBill(firmId: string, billId: string, contactId?: string): Promise<RenderedDocument> {
  const bill = await loadBill(firmId, billId);
  const clients = invoicedClients(bill);
  const client = contactId ?? leadInvoicedClient(bill) ?? clients[0] ?? '';
  if (contactId && !clients.includes(contactId)) {
    throw new BadRequest('That client has no invoice on this bill.', [{ path: 'contactId', message: `is not invoiced on bill ${billId} (its invoices are for ${clients.join(', ')})` }]);
  }
  const ctx = await invoiceContext(bill);
  const content = await renderInvoicePdf(invoiceView(bill, client, ctx, isPreview(bill)));
  return { content, contentType: 'application/pdf', filename: `preview-${bill.id}-${client}.pdf` };
}

/** The most bills one production preview renders (each invoice a page or more, in one response of at most 6 MB). */
export const MAX_PREVIEW_BILLS = 100;

/**
 * `POST /billing/production/preview`: one PDF of every invoice of the named
 * bills (or of every approved bill), as production would make them.
 */
export async function previewProduction(firmId: string, billIds: string[] | undefined): Promise<RenderedDocument> {
  let bills: BillRecord[];
  if (billIds) {
    const found = await billEntity.getMany(firmId, billIds);
    const missing = billIds.find((id) => !found.has(id));
    if (missing) throw new NotFound(`Bill ${missing}`);
    bills = billIds.map((id) => found.get(id)!);
  } else {
    const page = await billEntity.pageByStatus(firmId, 'approved', { limit: MAX_PREVIEW_BILLS + 1 });
    bills = page.items;
  }
  if (bills.length === 0) throw new Conflict('nothing_to_preview', 'No approved bills are waiting for production.');
  if (bills.length > MAX_PREVIEW_BILLS) {
    throw new Conflict('too_many_bills', `A preview shows at most ${MAX_PREVIEW_BILLS} bills; name the bills to preview in \`billIds\`.`);
  }
  const pdfs: Buffer[] = [];
  for (const bill of bills) {
    const ctx = await invoiceContext(bill);
    for (const contactId of invoicedClients(bill)) pdfs.push(await renderInvoicePdf(invoiceView(bill, contactId, ctx, isPreview(bill))));
  }
  return { content: await mergePdfs(pdfs), contentType: 'application/pdf', filename: `production-preview-${bills.length}-bills.pdf` };
}

/**
 * LEDES 1998B for one invoice of a posted bill: that client's number as
 * `CLIENT_ID`, the invoice's own number and total, and every line adjusted
 * to the client's share so units × unit cost + adjustment is the line total
 * and the lines add up to the invoice (invoice-lines.ts).
 */
function ledesInvoice(bill: BillRecord, invoice: InvoiceShare, ctx: InvoiceContext, clientNumber: string, lawFirmId: string): LedesInvoice {
  return {
    invoiceDate: bill.invoiceDate!,
    invoiceNumber: invoice.invoiceNumber,
    clientId: clientNumber,
    lawFirmMatterId: bill.matterNumber,
    billingStartDate: bill.period.from,
    billingEndDate: bill.period.to,
    invoiceDescription: bill.description ?? `Legal services: ${bill.matterName}`,
    lawFirmId,
    ...(bill.clientMatterId ? { clientMatterId: bill.clientMatterId } : {}),
    lines: invoiceLedesLines(ctx.lines.map((l) => ({
      kind: l.kind,
      date: l.date,
      description: l.description,
      ...(l.hours !== undefined ? { hours: l.hours } : {}),
      ...(l.rate !== undefined ? { rate: l.rate } : {}),
      amount: l.amount,
      billedAmount: l.billedAmount,
      ...(l.fixed ? { fixed: true } : {}),
      ...(l.noCharge ? { noCharge: true, ...(l.listRate ? { listRate: l.listRate } : {}) } : {}),
      ...(l.taskCode ? { taskCode: l.taskCode } : {}),
      ...(l.activityCode ? { activityCode: l.activityCode } : {}),
      ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}),
      ...(l.timekeeperLedesId ? { timekeeperId: l.timekeeperLedesId } : {}),
      ...(l.timekeeperName ? { timekeeperName: l.timekeeperName } : {}),
      ...(l.timekeeperFirstName ? { timekeeperFirstName: l.timekeeperFirstName } : {}),
      ...(l.timekeeperLastName ? { timekeeperLastName: l.timekeeperLastName } : {}),
      ...(l.timekeeperClassification ? { timekeeperClassification: l.timekeeperClassification } : {}),
    })), invoice.amount),
  };
}

/**
 * Writes one LEDES 1998B file per invoice of the named bills (approved or
 * finalized) to S3, after the pre-flight validator passed every one of them.
 * A bill of a matter without e-billing, or not posted, is a 409; a file the
 * validator rejects is a 409 that lists every problem, and nothing is stored.
 */
export async function ebill(firmId: string, billIds: string[]): Promise<{ items: { billId: string; contactId: string; invoiceNumber: string; url: string }[] }> {
  const found = await billEntity.getMany(firmId, billIds);
  const missing = billIds.find((id) => !found.has(id));
  if (missing) throw new NotFound(`Bill ${missing}`);
  const settings = await getAccountingSettings(firmId);
  const files: { bill: BillRecord; invoice: InvoiceShare; text: string }[] = [];
  for (const bill of billIds.map((id) => found.get(id)!)) {
    if (!bill.ledesEnabled) throw new Conflict('ledes_disabled', `The matter ${bill.matterNumber} of bill ${bill.id} does not use LEDES e-billing.`);
    assertPosted(bill, 'e-billed');
    const [ctx, contacts] = await Promise.all([invoiceContext(bill), contactEntity.getMany(firmId, bill.invoices.map((i) => i.contactId))]);
    for (const invoice of bill.invoices) {
      const number = contacts.get(invoice.contactId)?.contactNumber ?? '';
      files.push({ bill, invoice, text: writeLedes(ledesInvoice(bill, invoice, ctx, number, settings.firm.lawFirmId)) });
    }
  }
  const problems: FieldError[] = files.flatMap(({ bill, invoice, text }) =>
    validateLedes(text).problems.map((p) => ({
      path: `billIds.${billIds.indexOf(bill.id)}`,
      message: `invoice ${invoice.invoiceNumber}, line ${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`,
    })));
  if (problems.length) {
    throw new Conflict('ledes_invalid', 'The LEDES files did not pass the pre-flight check; fix the data named below and try again.', problems);
  }
  const items = [];
  const byBill = new Map<string, StoredDocument[]>();
  for (const { bill, invoice, text } of files) {
    const key = `${firmFolder(firmId)}/bills/${bill.id}/v${bill.postings}/ledes-${invoice.invoiceNumber}.txt`;
    await putDocument(key, text, 'text/plain; charset=us-ascii');
    byBill.set(bill.id, [...(byBill.get(bill.id) ?? []), { kind: 'ledes', contactId: invoice.contactId, invoiceNumber: invoice.invoiceNumber, version: bill.postings, key }]);
    items.push({ billId: bill.id, contactId: invoice.contactId, invoiceNumber: invoice.invoiceNumber, url: await documentUrl(key, `ledes-${invoice.invoiceNumber}.txt`) });
  }
  for (const [billId, documents] of byBill) await recordDocuments(firmId, billId, documents);
  return { items };
}
