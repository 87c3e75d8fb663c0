import { getDocument } from '../../aws/s3.ts';
import type { getAccountingSettings } from '../settings/service.ts';
import { accountingSettingsEntity } from '../entities/settings.entity.ts';
import { readTogether } from '../../aws/entity.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { paymentEntity } from '../entities/payment.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import type { AccountingContactRecord } from '../contacts/model.ts';
import type { InvoiceView } from '../../documents/invoice-view.ts';
import { money, sumMoney, toMoney } from '../../shared/money.ts';
import { nowIso } from '../../shared/clock.ts';
import { addDays, isPosted, pricingInput, type BillLineRecord, type BillRecord, type InvoiceRecord } from './model.ts';
import { priceBill } from './pricing.ts';
import type { Payment } from './schemas.ts';

export interface InvoiceContext {
  settings: Awaited<ReturnType<typeof getAccountingSettings>>;
  contacts: Map<string, AccountingContactRecord>;
  payments: Payment[];
  /** The bill's lines in bill order, with what each bills and its own write-down or write-up. */
  lines: (BillLineRecord & { billedAmount: string; ownAdjustment: string })[];
  /** Per client: that client's other invoices on this matter still open (the account summary). */
  earlierOpen: Map<string, EarlierInvoice[]>;
}

/** How a payment method reads on an invoice. */
const METHOD_LABELS: Record<string, string> = {
  check: 'Check', wire: 'Wire transfer', ach: 'ACH', eft: 'EFT', card: 'Card', cash: 'Cash', trust: 'From trust', other: 'Other',
};

/** The most earlier open invoices an account summary lists (the oldest first). */
const EARLIER_OPEN_LIMIT = 20;
/** A file's bills read per page for the account summary. */
const FILE_BILLS_PAGE = 100;

/** An earlier invoice of the matter, as the account summary shows it. */
export type EarlierInvoice = Pick<InvoiceRecord, 'invoiceNumber' | 'invoiceDate' | 'dueDate' | 'amount' | 'outstanding'>;

/**
 * Per client of the bill: that client's invoices on the same file, posted
 * earlier and still open, from the file's own bills (each carries its
 * invoices, kept with every payment in the same transaction as the invoice
 * records). Read by file, not by client: a client with thousands of
 * invoices across other matters costs nothing here (reading the client's
 * invoices and filtering by file paged through all of them, per render).
 */
async function earlierOpenByClient(bill: BillRecord, clients: readonly string[]): Promise<Map<string, EarlierInvoice[]>> {
  const wanted = new Set(clients);
  const found = new Map<string, EarlierInvoice[]>(clients.map((c) => [c, []]));
  const isEarlierPosted = (b: BillRecord) =>
    b.id !== bill.id && isPosted(b) && !b.pendingStep && (!bill.invoiceDate || (b.invoiceDate ?? '') <= bill.invoiceDate);
  let cursor: string | undefined;
  do {
    const page = await billEntity.page(bill.firmId, { fileId: bill.fileId, limit: FILE_BILLS_PAGE, cursor, filter: isEarlierPosted });
    for (const b of page.items) {
      for (const share of b.invoices) {
        if (share.status !== 'open' || !wanted.has(share.contactId)) continue;
        found.get(share.contactId)!.push({ invoiceNumber: share.invoiceNumber, invoiceDate: b.invoiceDate!, dueDate: b.dueDate!, amount: share.amount, outstanding: share.outstanding });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const [c, list] of found) found.set(c, list.sort((x, y) => x.invoiceNumber.localeCompare(y.invoiceNumber, 'en', { numeric: true })).slice(0, EARLIER_OPEN_LIMIT));
  return found;
}

/** Who and what an invoice names besides the bill itself: the firm's letterhead and terms, the clients, their payments. */
export type InvoiceParties = Pick<InvoiceContext, 'settings' | 'contacts' | 'payments'>;

/** The parties of the bill's invoices: settings and clients in one BatchGet; payments only if something was paid (every payment moves `paid`). */
export async function invoiceParties(bill: BillRecord): Promise<InvoiceParties> {
  const clientIds = bill.allocations.map((a) => a.contactId);
  const [[settingsRead, contacts], payments] = await Promise.all([
    readTogether(accountingSettingsEntity.read(bill.firmId), contactEntity.readMany(bill.firmId, clientIds)),
    bill.status === 'draft' || money(bill.paid).eq(0) ? [] : paymentEntity.ofBill(bill.firmId, bill.id),
  ]);
  return { settings: accountingSettingsEntity.toApi(settingsRead.record), contacts, payments };
}

/** Every line of the bill (in bill order) as its invoices show them: with what each bills and its own write-down or write-up. */
export function invoiceLines(bill: BillRecord, lines: readonly BillLineRecord[]): InvoiceContext['lines'] {
  const priced = priceBill(lines.map(pricingInput), bill.discount ?? undefined).lines;
  return lines.map((l, i) => ({ ...l, billedAmount: priced[i]!.billedAmount, ownAdjustment: priced[i]!.ownAdjustment }));
}

/** What every invoice of a bill needs, read once: the firm's letterhead, the clients, the payments, the lines, the account summaries. */
export async function invoiceContext(bill: BillRecord): Promise<InvoiceContext> {
  const [parties, lines, earlier] = await Promise.all([
    invoiceParties(bill),
    billLineEntity.all(bill.firmId, bill.id),
    earlierOpenByClient(bill, invoicedClients(bill)),
  ]);
  return { ...parties, lines: invoiceLines(bill, lines), earlierOpen: earlier };
}

/** The clients who get an invoice of the bill: its invoices once posted, its shares before. */
export const invoicedClients = (bill: BillRecord) => (bill.invoices.length ? bill.invoices.map((i) => i.contactId) : bill.allocations.map((a) => a.contactId));

/** What a no-charge line's time is worth: hours × its full rate, rounded half-up to the cent. */
function worth(l: BillLineRecord): string | undefined {
  const rate = l.listRate ?? l.rate;
  if (!l.hours || !rate) return undefined;
  try {
    return toMoney(money(l.hours).times(rate));
  } catch {
    return undefined;
  }
}

const isZero = (v: string) => money(v).eq(0);

/**
 * The invoice one client receives: the whole bill's lines (as recorded, with
 * their own write-downs and write-ups), the discount and totals, that
 * client's share (split billing), that client's own payments and earlier
 * open invoices on the matter, the terms and how to pay.
 */
export function invoiceView(bill: BillRecord, contactId: string, ctx: InvoiceContext, preview: boolean): InvoiceView {
  const contact = ctx.contacts.get(contactId);
  const invoice = bill.invoices.find((i) => i.contactId === contactId);
  const share = bill.allocations.find((a) => a.contactId === contactId);
  const split = bill.allocations.length > 1 && share;
  const payments = ctx.payments
    .filter((p) => p.contactId === contactId)
    .map((p) => ({ date: p.date, method: METHOD_LABELS[p.method] ?? p.method, ...(p.reference ? { reference: p.reference } : {}), amount: p.amount }));
  const time = ctx.lines.filter((l) => l.kind === 'time');
  const costs = ctx.lines.filter((l) => l.kind === 'disbursement');
  const owed = invoice?.amount ?? (split ? share.amount : bill.total);
  const { firm, billing } = ctx.settings;
  const invoiceDate = bill.invoiceDate ?? nowIso().slice(0, 10);
  const terms = bill.paymentTermsDays ?? bill.matterTermsDays ?? billing.paymentTermsDays;
  const adjustmentOf = (l: InvoiceContext['lines'][number]) =>
    l.adjustment && !isZero(l.ownAdjustment) ? { adjustment: { amount: l.ownAdjustment, reason: l.adjustment.reason } } : {};
  const discount = bill.discount && !isZero(bill.discount.value) ? { discount: { amount: toMoney(money(bill.discount.value).neg()), reason: bill.discount.reason } } : {};
  return {
    preview,
    currency: ctx.settings.currency,
    firm: {
      name: firm.name || 'Law firm',
      address: firm.address,
      ...(firm.lawFirmId ? { lawFirmId: firm.lawFirmId } : {}),
      ...(firm.taxId ? { taxId: firm.taxId } : {}),
      ...(firm.email ? { email: firm.email } : {}),
      ...(firm.phone ? { phone: firm.phone } : {}),
    },
    client: {
      name: contact?.name ?? contactId,
      ...(contact?.address ? { address: contact.address } : {}),
      ...(contact?.email ? { email: contact.email } : {}),
    },
    invoiceNumber: invoice?.invoiceNumber ?? null,
    invoiceDate,
    dueDate: bill.dueDate ?? addDays(invoiceDate, terms),
    termsDays: terms,
    period: bill.period,
    matter: { name: bill.matterName, number: bill.matterNumber, ...(bill.clientMatterId ? { clientMatterId: bill.clientMatterId } : {}) },
    ...(bill.description ? { description: bill.description } : {}),
    ...(bill.ledesEnabled ? { utbms: true } : {}),
    lines: time.map((l) => {
      const writtenOff = l.noCharge ? worth(l) : undefined;
      return {
        date: l.date,
        timekeeper: l.timekeeperName ?? '',
        description: l.description,
        hours: l.hours ?? '',
        rate: (l.noCharge ? (l.listRate ?? l.rate) : l.rate) ?? '',
        amount: l.amount,
        ...(l.noCharge ? { noCharge: true, ...(writtenOff ? { writtenOff } : {}) } : {}),
        ...(l.fixed ? { fixed: true } : {}),
        ...adjustmentOf(l),
        ...(l.taskCode ? { taskCode: l.taskCode } : {}),
        ...(l.activityCode ? { activityCode: l.activityCode } : {}),
      };
    }),
    disbursements: costs.map((l) => ({ date: l.date, description: l.description, amount: l.amount, ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}), ...adjustmentOf(l) })),
    totals: { fees: bill.feesTotal, disbursements: bill.disbursementsTotal, adjustments: bill.adjustmentsTotal, ...discount, total: bill.total },
    ...(split ? { share: { percent: share.percent, amount: owed } } : {}),
    payments,
    paid: invoice?.paid ?? '0.00',
    balanceDue: invoice?.outstanding ?? owed,
    earlierOpen: (ctx.earlierOpen.get(contactId) ?? []).map((i) => ({ invoiceNumber: i.invoiceNumber, invoiceDate: i.invoiceDate, dueDate: i.dueDate, amount: i.amount, outstanding: i.outstanding })),
    ...(billing.remittance ? { remittance: billing.remittance } : {}),
    createdAt: `${invoiceDate}T00:00:00Z`,
  };
}

/** What an invoice PDF said when it was made: stored beside it, so an email about it says the same. */
export interface InvoiceSummary {
  invoiceNumber: string | null;
  currency: string;
  amount: string;
  paid: string;
  balanceDue: string;
  dueDate?: string;
  renderedAt: string;
}

export const summaryOf = (view: InvoiceView): InvoiceSummary => ({
  invoiceNumber: view.invoiceNumber,
  currency: view.currency,
  amount: view.share?.amount ?? view.totals.total,
  paid: view.paid,
  balanceDue: view.balanceDue,
  ...(view.dueDate ? { dueDate: view.dueDate } : {}),
  renderedAt: nowIso(),
});

/** Where the summary of the PDF at `pdfKey` is stored: beside it. */
export const summaryKey = (pdfKey: string) => pdfKey.replace(/\.pdf$/, '.json');

/** What the stored PDF at `key` says, if its summary was stored (PDFs made before summaries were have none). */
export async function storedSummary(key: string): Promise<InvoiceSummary | undefined> {
  const raw = await getDocument(summaryKey(key));
  if (!raw) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as InvoiceSummary;
  } catch {
    return undefined;
  }
}
