import type * as z from 'zod';
import type { PrepareInvoices } from '#events/messages';
import { putDocument } from '../../aws/s3.ts';
import { invoiceKey } from './invoice-key.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { logger } from '../../shared/logger.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { invoiceContext, invoiceView, summaryKey, summaryOf } from './invoice-data.ts';
import type { BillRecord, StoredDocument } from './model.ts';

/**
 * A bill's invoice PDFs (rendered here, the only module of production that
 * loads the PDF library). Each invoice has a fixed key per invoice number
 * and posting, so a retry overwrites rather than adds, and a bill posted
 * again after a revert keeps its earlier documents as earlier versions.
 * Beside each PDF, a small JSON summary of what it says (amount, paid,
 * balance, due date), so an email about it says the same without the PDF
 * library (email.ts).
 */
export { invoiceKey };

/** Renders and stores every invoice of a posted bill; answers the documents to record. */
export async function storeInvoicePdfs(bill: BillRecord): Promise<StoredDocument[]> {
  const ctx = await invoiceContext(bill);
  return Promise.all(bill.invoices.map(async (invoice) => {
    const key = invoiceKey(bill, invoice.invoiceNumber);
    const view = invoiceView(bill, invoice.contactId, ctx, false);
    await putDocument(key, await renderInvoicePdf(view), 'application/pdf');
    await putDocument(summaryKey(key), JSON.stringify(summaryOf(view)), 'application/json');
    return { kind: 'invoice_pdf' as const, contactId: invoice.contactId, invoiceNumber: invoice.invoiceNumber, version: bill.postings, key };
  }));
}

/**
 * Right after posting (one outbox message written with the posting): the
 * invoice PDFs of the approved bill, stored at their keys, so sending one by
 * hand before production attaches a stored PDF and the mail function never
 * carries the renderer. They are not listed on the bill (nor is the bill
 * touched, so its version stays what approval answered): documents are
 * listed when the bill is produced. Production renders them again (payments may have
 * come in meanwhile). A message of an earlier posting, or for a bill already
 * produced or with its PDFs, does nothing.
 */
export async function onPrepareInvoices(m: z.infer<typeof PrepareInvoices>): Promise<void> {
  const bill = await billEntity.get(m.firmId, m.billId);
  if (!bill || bill.status !== 'approved' || bill.pendingStep || bill.postings !== m.postings) return;
  const documents = await storeInvoicePdfs(bill);
  logger.info('invoice PDFs prepared after posting', { billId: m.billId, invoices: documents.length });
}
