import { functions } from '../../declaration.ts';
import { getDocument } from '../../aws/s3.ts';
import { sendMail } from '../../aws/mail.ts';
import { commit, refusedAt } from '../../aws/transactions.ts';
import { deliveryEntity } from '../entities/delivery.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { countMetric } from '../../shared/metrics.ts';
import { faultPoint } from '../../shared/faults.ts';
import { invoiceContext, invoicedClients, invoiceView, type InvoiceContext } from './invoice-data.ts';
import type { BillRecord } from './model.ts';

/**
 * Emailing invoices: the PDF stored when the bill was produced is attached as
 * it is (an invoice, once issued, does not change), so this module never loads
 * the PDF library. Used by the invoice mail worker after production; sending
 * by hand is manual-email.ts.
 */

/** How long a claimed email may still be in flight: the invoice mail worker's whole timeout. */
const SEND_IN_PROGRESS_MS = functions.invoiceMailWorker.timeoutSeconds * 1000;

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
export async function emailInvoices(bill: BillRecord, options: { lastAttempt?: boolean } = {}): Promise<EmailProblem[]> {
  if (!bill.emailInvoices) return [];
  const ctx = await invoiceContext(bill);
  const problems: EmailProblem[] = [];
  for (const contactId of invoicedClients(bill)) {
    const to = ctx.contacts.get(contactId)?.email;
    if (!to) continue;
    // The PDF is read before the claim: a claim is only ever made for an email that can be sent right away.
    const pdf = await storedInvoice(bill, contactId);
    try {
      await commit([deliveryEntity.claimAuto(bill.firmId, bill.id, contactId, to, nowIso())]);
    } catch (error) {
      if (!refusedAt(error, 0)) throw error;
      const existing = await deliveryEntity.getAuto(bill.firmId, bill.id, contactId);
      // Claimed moments ago: a duplicate delivery may be sending it right now. Come back later rather than
      // call a send in progress uncertain; past a sender's whole timeout (or on the last try) it is uncertain.
      if (existing?.status === 'sending' && !options.lastAttempt && Date.now() - Date.parse(existing.claimedAt ?? '') < SEND_IN_PROGRESS_MS) {
        throw new Error(`the invoice email to ${to} is being sent by another delivery`);
      }
      if (existing?.status !== 'sent') {
        problems.push({ contactId, code: 'email_uncertain', message: `The invoice email to ${to} may not have been sent; send it by hand if the client has not received it.` });
      }
      continue;
    }
    faultPoint('accounting.bill.beforeEmail', bill.firmId);
    const messageId = await deliver(bill, contactId, to, ctx, pdf);
    await commit([deliveryEntity.markAutoSent(bill.firmId, bill.id, contactId, to, nowIso(), messageId)]);
  }
  return problems;
}

/** The client's stored invoice PDF; a 409 while the bill's production has not stored it yet. */
async function storedInvoice(bill: BillRecord, contactId: string): Promise<Buffer> {
  const key = bill.documents.find((d) => d.kind === 'invoice_pdf' && d.contactId === contactId && d.version === bill.postings)?.key;
  const pdf = key ? await getDocument(key) : undefined;
  if (!pdf) throw new Conflict('invoice_not_stored', `The invoice PDF of bill ${bill.id} is not stored yet; its production is still running. Try again shortly.`);
  return pdf;
}

export async function deliver(
  bill: BillRecord,
  contactId: string,
  to: string,
  ctx: InvoiceContext,
  pdf: Buffer,
  note?: { subject?: string | undefined; message?: string | undefined },
): Promise<string> {
  const view = invoiceView(bill, contactId, ctx, false);
  const firm = view.firm.name;
  const number = view.invoiceNumber ?? bill.id;
  const messageId = `<invoice-${bill.id}-${contactId}-${Date.now()}@law-billing-sync.dev>`;
  const sent = await sendMail({
    to,
    subject: note?.subject ?? `Invoice ${number} from ${firm} — ${bill.matterName}`,
    // A note from the sender is added to the standard text, never in its place: the client always learns what is due.
    text:
      `Dear ${view.client.name},\n\nPlease find attached invoice ${number} for ${bill.matterName} (${bill.matterNumber}).\nBalance due: ${view.balanceDue} ${view.currency}${bill.dueDate ? `, due ${bill.dueDate}` : ''}.\n` +
      (note?.message ? `\n${note.message}\n` : '') +
      `\nKind regards,\n${firm}\n`,
    messageId,
    attachments: [{ filename: `invoice-${number}.pdf`, content: pdf, contentType: 'application/pdf' }],
  });
  logger.info('invoice emailed', { billId: bill.id, contactId });
  countMetric('emailsSent');
  return sent;
}
