import { firmFolder, putDocument } from '../../aws/s3.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { invoiceContext, invoiceView } from './invoice-data.ts';
import type { BillRecord, StoredDocument } from './model.ts';

/**
 * A bill's invoice PDFs (rendered here, the only module of production that
 * loads the PDF library). Each invoice has a fixed key per invoice number
 * and posting, so a retry overwrites rather than adds, and a bill posted
 * again after a revert keeps its earlier documents as earlier versions.
 */
export const invoiceKey = (bill: Pick<BillRecord, 'firmId' | 'id' | 'postings'>, invoiceNumber: string) =>
  `${firmFolder(bill.firmId)}/bills/${bill.id}/v${bill.postings}/invoice-${invoiceNumber}.pdf`;

/** Renders and stores every invoice of a posted bill; answers the documents to record. */
export async function storeInvoicePdfs(bill: BillRecord): Promise<StoredDocument[]> {
  const ctx = await invoiceContext(bill);
  return Promise.all(bill.invoices.map(async (invoice) => {
    const key = invoiceKey(bill, invoice.invoiceNumber);
    await putDocument(key, await renderInvoicePdf(invoiceView(bill, invoice.contactId, ctx, false)), 'application/pdf');
    return { kind: 'invoice_pdf' as const, contactId: invoice.contactId, invoiceNumber: invoice.invoiceNumber, version: bill.postings, key };
  }));
}
