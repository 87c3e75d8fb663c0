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
import { money } from '../../shared/money.ts';
import { formatLongDate, formatMoney } from '../../documents/pdf/format.ts';
import { invoiceContext, invoicedClients, invoiceView, storedSummary, type InvoiceContext, type InvoiceSummary } from './invoice-data.ts';
import { currentInvoicePdf, type BillRecord } from './model.ts';
import { invoiceKey } from './invoice-key.ts';

/**
 * Emailing invoices: the PDF stored when the bill was produced is attached as
 * it is (an invoice, once issued, does not change), so this module never loads
 * the PDF library. Used by the invoice mail worker after production; sending
 * by hand is manual-email.ts. The message comes from the firm (its name as
 * From's display name, its address as Reply-To), as text and HTML, and says
 * what the attached PDF says.
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
    // A 0.00 invoice asks nothing of the client: not emailed unless someone sends it by hand.
    if (isNothingOwed(bill, contactId)) continue;
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

/** The client's invoice on the bill is for 0.00. */
export const isNothingOwed = (bill: BillRecord, contactId: string) => {
  const invoice = bill.invoices.find((i) => i.contactId === contactId);
  return invoice !== undefined && money(invoice.amount).eq(0);
};

export interface StoredInvoice {
  content: Buffer;
  key: string;
}

/**
 * The client's stored invoice PDF of the bill's current posting; a 409 in
 * the moment after posting while it is being prepared (documents.ts), or
 * while production has not stored it yet.
 */
export async function storedInvoice(bill: BillRecord, contactId: string): Promise<StoredInvoice> {
  // Listed once produced; before that, prepared right after posting at the same fixed key (documents.ts).
  const number = bill.invoices.find((i) => i.contactId === contactId)?.invoiceNumber;
  const key = number ? (currentInvoicePdf(bill, number)?.key ?? invoiceKey(bill, number)) : undefined;
  const content = key ? await getDocument(key) : undefined;
  if (!key || !content) throw new Conflict('invoice_not_stored', `The invoice PDF of bill ${bill.id} is being prepared; retry in a moment.`);
  return { content, key };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphsHtml = (s: string) => s.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');

/** The standard message: what is owed and by when (as the attached PDF says), how to pay, who to reply to. */
export function invoiceMessage(input: {
  clientName: string;
  firm: { name: string; email?: string | undefined; phone?: string | undefined };
  invoiceNumber: string;
  matterName: string;
  matterNumber: string;
  summary: Pick<InvoiceSummary, 'currency' | 'amount' | 'paid' | 'balanceDue' | 'dueDate'>;
  /** The balance now, when payments came in after the PDF was made. */
  balanceNow?: string | undefined;
  remittance?: string | undefined;
  note?: string | undefined;
}): { text: string; html: string } {
  const { summary: s } = input;
  const m = (v: string) => formatMoney(v, s.currency);
  const paidInFull = money(s.balanceDue).lte(0);
  const facts: [string, string][] = [['Invoice', input.invoiceNumber], ['Matter', `${input.matterName} (${input.matterNumber})`], ['Invoice amount', m(s.amount)]];
  if (!money(s.paid).eq(0)) facts.push(['Paid', m(s.paid)]);
  facts.push(['Balance due', m(s.balanceDue)]);
  if (s.dueDate && !paidInFull) facts.push(['Due date', formatLongDate(s.dueDate)]);
  const intro = `Please find attached invoice ${input.invoiceNumber} for ${input.matterName} (${input.matterNumber}).`;
  const status = paidInFull
    ? 'This invoice is paid in full. Thank you.'
    : `Please pay ${m(s.balanceDue)}${s.dueDate ? ` by ${formatLongDate(s.dueDate)}` : ''}, quoting invoice no. ${input.invoiceNumber}.`;
  const since = input.balanceNow !== undefined && input.balanceNow !== s.balanceDue
    ? `Since this invoice was issued we have received further payments; the balance now is ${m(input.balanceNow)}.`
    : '';
  const pay = !paidInFull && input.remittance ? `How to pay:\n${input.remittance}` : '';
  const contact = [input.firm.email, input.firm.phone].filter(Boolean).join(' · ');
  const sign = `Kind regards,\n${input.firm.name}${contact ? `\n${contact}` : ''}`;
  const blocks = [
    `Dear ${input.clientName},`,
    // A note from the sender goes above the standard summary, never in its place: the client always learns what is due.
    ...(input.note ? [input.note] : []),
    intro,
    facts.map(([k, v]) => `${k}: ${v}`).join('\n'),
    status,
    ...(since ? [since] : []),
    ...(pay ? [pay] : []),
    sign,
  ];
  const rows = facts.map(([k, v]) => `<tr><td style="padding:2px 16px 2px 0;color:#555">${escapeHtml(k)}</td><td style="padding:2px 0"><strong>${escapeHtml(v)}</strong></td></tr>`).join('');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1c1f24">',
    paragraphsHtml(`Dear ${input.clientName},`),
    ...(input.note ? [paragraphsHtml(input.note)] : []),
    paragraphsHtml(intro),
    `<table style="border-collapse:collapse;margin:8px 0 12px">${rows}</table>`,
    paragraphsHtml(status),
    ...(since ? [paragraphsHtml(since)] : []),
    ...(pay ? [`<p><strong>How to pay</strong><br>${escapeHtml(input.remittance!).replace(/\n/g, '<br>')}</p>`] : []),
    paragraphsHtml(sign),
    '</body></html>',
  ].join('\n');
  return { text: `${blocks.join('\n\n')}\n`, html };
}

/** A file name safe in any mail client: "invoice-INV-00042.pdf". */
export const attachmentName = (invoiceNumber: string) => `invoice-${invoiceNumber.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;

export async function deliver(
  bill: BillRecord,
  contactId: string,
  to: string,
  ctx: InvoiceContext,
  pdf: StoredInvoice,
  note?: { subject?: string | undefined; message?: string | undefined },
): Promise<string> {
  const view = invoiceView(bill, contactId, ctx, false);
  const firm = view.firm.name;
  const number = view.invoiceNumber ?? bill.id;
  // What the attached PDF says (stored with it); a PDF from before summaries were stored: the invoice as it stands.
  const stored = await storedSummary(pdf.key);
  const summary = stored ?? { currency: view.currency, amount: view.share?.amount ?? view.totals.total, paid: view.paid, balanceDue: view.balanceDue, ...(view.dueDate ? { dueDate: view.dueDate } : {}) };
  const { text, html } = invoiceMessage({
    clientName: view.client.name,
    firm: view.firm,
    invoiceNumber: number,
    matterName: bill.matterName,
    matterNumber: bill.matterNumber,
    summary,
    balanceNow: view.balanceDue,
    remittance: view.remittance,
    note: note?.message,
  });
  const messageId = `<invoice-${bill.id}-${contactId}-${Date.now()}@law-billing-sync.dev>`;
  const sent = await sendMail({
    to,
    subject: note?.subject ?? `Invoice ${number} from ${firm} \u2014 ${bill.matterName}`,
    text,
    html,
    fromName: firm,
    ...(ctx.settings.firm.email ? { replyTo: ctx.settings.firm.email } : {}),
    messageId,
    attachments: [{ filename: attachmentName(number), content: pdf.content, contentType: 'application/pdf' }],
  });
  logger.info('invoice emailed', { billId: bill.id, contactId });
  countMetric('emailsSent');
  return sent;
}
