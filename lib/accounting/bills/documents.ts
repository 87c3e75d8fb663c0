import { firmFolder, putDocument } from '../../aws/s3.ts';
import { commit, TransactionRefused } from '../../aws/transactions.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { nowIso } from '../../shared/clock.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { invoiceContext, invoiceView } from './invoice-data.ts';
import { loadBill } from './drafts.ts';
import { invoicedClients, type BillRecord } from './model.ts';

/**
 * A bill's stored documents: the invoice PDFs (rendered here, the only module
 * of production that loads the PDF library) and the list of documents on the
 * bill. Emailing them is lib/accounting/bills/email.ts, which reads the stored
 * PDFs and never renders.
 */

export const invoiceKey = (bill: Pick<BillRecord, 'firmId' | 'id'>, contactId: string) =>
  `${firmFolder(bill.firmId)}/bills/${bill.id}/invoice-${contactId}.pdf`;

/**
 * Renders one invoice PDF per invoiced client into S3 (same key each time, so
 * a retry overwrites rather than adds) and records them on the bill.
 */
export async function storeInvoices(bill: BillRecord): Promise<BillRecord> {
  const ctx = await invoiceContext(bill);
  const documents = await Promise.all(
    invoicedClients(bill).map(async (contactId) => {
      const key = invoiceKey(bill, contactId);
      await putDocument(key, await renderInvoicePdf(invoiceView(bill, contactId, ctx, false)), 'application/pdf');
      return { kind: 'invoice_pdf' as const, contactId, key };
    }),
  );
  return recordDocuments(bill.firmId, bill.id, documents);
}

/** Adds documents to a bill's list (replacing any of the same kind and client). */
export async function recordDocuments(firmId: string, billId: string, documents: BillRecord['documents']): Promise<BillRecord> {
  return retrying(async () => {
    const current = await loadBill(firmId, billId);
    const same = (a: BillRecord['documents'][number], b: BillRecord['documents'][number]) => a.kind === b.kind && a.contactId === b.contactId && a.key === b.key;
    if (documents.every((d) => current.documents.some((c) => same(c, d)))) return current;
    const kept = current.documents.filter((c) => !documents.some((d) => d.kind === c.kind && d.contactId === c.contactId));
    const next = { ...current, documents: [...kept, ...documents], version: current.version + 1, updatedAt: nowIso() };
    try {
      await commit([billEntity.put(next, current.version)]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new Retry('bill changed meanwhile');
      throw error;
    }
    return next;
  });
}
