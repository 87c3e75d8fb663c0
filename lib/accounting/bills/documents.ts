import { accountingKeys, accountingStore } from '../store.ts';
import { firmFolder, putDocument } from '../../aws/s3.ts';
import { sendMail } from '../../aws/mail.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { nowIso } from '../../shared/clock.ts';
import { logger } from '../../shared/logger.ts';
import { faultPoint } from '../../shared/faults.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { billsRepo } from './repository.ts';
import { invoiceContext, invoiceView } from './invoice-data.ts';
import { loadBill } from './drafts.ts';
import type { BillRecord } from './model.ts';
import type { DeliveryRecord } from './view.ts';

export const invoiceKey = (bill: Pick<BillRecord, 'firmId' | 'id'>, contactId: string) =>
  `${firmFolder(bill.firmId)}/bills/${bill.id}/invoice-${contactId}.pdf`;

/** The clients who get an invoice: every client with a share (all of them on an unsplit bill). */
export const invoicedClients = (bill: BillRecord) => bill.allocations.map((a) => a.contactId);

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
      await accountingStore.commit([billsRepo.put(next, current.version)]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new Retry('bill changed meanwhile');
      throw error;
    }
    return next;
  });
}

export interface EmailProblem {
  contactId: string;
  code: 'email_uncertain';
  message: string;
}

/**
 * Emails each invoiced client that has an address its invoice, when the
 * matter asks for it. Each email is claimed before it is sent, so producing
 * twice never emails twice; an email whose claim exists but was never
 * confirmed (a crash mid-send) is not sent again blindly: it is reported, and
 * `POST /billing/bills/{id}/email` sends it by hand.
 */
export async function emailInvoices(bill: BillRecord): Promise<EmailProblem[]> {
  if (!bill.emailInvoices) return [];
  const ctx = await invoiceContext(bill);
  const problems: EmailProblem[] = [];
  for (const contactId of invoicedClients(bill)) {
    const to = ctx.contacts.get(contactId)?.email;
    if (!to) continue;
    const sk = accountingKeys.delivery(bill.id, `auto#${contactId}`);
    try {
      await accountingStore.commit([accountingStore.putUnique(bill.firmId, sk, { billId: bill.id, key: contactId, to, status: 'sending' })]);
    } catch (error) {
      if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
      const existing = await accountingStore.get<DeliveryRecord>(bill.firmId, sk);
      if (existing?.status !== 'sent') {
        problems.push({ contactId, code: 'email_uncertain', message: `The invoice email to ${to} may not have been sent; send it by hand if the client has not received it.` });
      }
      continue;
    }
    faultPoint('accounting.bill.beforeEmail', bill.firmId);
    const messageId = await deliver(bill, contactId, to, ctx);
    await accountingStore.commit([accountingStore.put(bill.firmId, sk, { billId: bill.id, key: contactId, to, status: 'sent', sentAt: nowIso(), messageId })]);
  }
  return problems;
}

export async function deliver(
  bill: BillRecord,
  contactId: string,
  to: string,
  ctx: Awaited<ReturnType<typeof invoiceContext>>,
  note?: { subject?: string | undefined; message?: string | undefined },
): Promise<string> {
  const view = invoiceView(bill, contactId, ctx, false);
  const pdf = await renderInvoicePdf(view);
  const firm = view.firm.name;
  const messageId = `<invoice-${bill.id}-${contactId}-${Date.now()}@law-billing-sync.dev>`;
  const sent = await sendMail({
    to,
    subject: note?.subject ?? `Invoice ${bill.invoiceNumber} from ${firm} — ${bill.matterName}`,
    text:
      note?.message ??
      `Dear ${view.client.name},\n\nPlease find attached invoice ${bill.invoiceNumber} for ${bill.matterName} (${bill.matterNumber}).\nBalance due: ${view.balanceDue} ${view.currency}.\n\nKind regards,\n${firm}\n`,
    messageId,
    attachments: [{ filename: `invoice-${bill.invoiceNumber}.pdf`, content: pdf, contentType: 'application/pdf' }],
  });
  logger.info('invoice emailed', { billId: bill.id, contactId });
  return sent;
}
