import { documentUrl } from '../../aws/s3.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { deliveryEntity } from '../entities/delivery.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import type { Page } from '../../shared/page.ts';
import { invoiceIdOf, isOverdue, pricingInput, type BillLineRecord, type BillRecord, type StoredDocument } from './model.ts';
import { priceBill, type PricedLine } from './pricing.ts';
import type { Bill, BillLine, Invoice } from './schemas.ts';
import { unprintable } from '../../documents/pdf/shown.ts';

/** Lines a bill shows itself; the rest are paged at GET /billing/bills/{id}/lines. */
export const LINES_ON_BILL = 500;

const filename = (bill: BillRecord, d: StoredDocument) =>
  d.kind === 'ledes' ? `ledes-${d.invoiceNumber ?? bill.id}.txt`
    : d.kind === 'print_batch' ? `print-batch-${bill.id}.pdf`
      : `invoice-${d.invoiceNumber ?? bill.id}${d.version > 1 ? `-v${d.version}` : ''}.pdf`;

/**
 * A bill as the API shows it: its first lines (all of its figures are on
 * the header), its invoices, documents as short-lived presigned links, and
 * the emails sent. Lists pass `summary`: no lines, no links.
 */
export async function billToApi(
  bill: BillRecord,
  options: { summary?: boolean; lines?: readonly BillLineRecord[]; justPosted?: boolean } = {},
): Promise<Bill> {
  // Emails go out only once a bill is posted, so a bill answered by its first posting has none to read.
  const noDeliveries = bill.status === 'draft' || options.summary || (options.justPosted && bill.postings === 1);
  const [lines, documents, deliveries] = await Promise.all([
    options.summary ? { items: [], nextCursor: null }
      // Lines the caller just read (all of them, when they fit on the bill) need no second read.
      : options.lines && options.lines.length <= LINES_ON_BILL ? pricedPage(bill, options.lines, options.lines)
        : linesPage(bill, { limit: LINES_ON_BILL }),
    options.summary ? [] : Promise.all(bill.documents.map(async (d) => ({
      kind: d.kind,
      ...(d.contactId ? { contactId: d.contactId } : {}),
      ...(d.invoiceNumber ? { invoiceNumber: d.invoiceNumber } : {}),
      version: d.version,
      url: await documentUrl(d.key, filename(bill, d)),
    }))),
    noDeliveries ? [] : deliveryEntity.ofBill(bill.firmId, bill.id),
  ]);
  const invoices = invoicesOf(bill);
  return {
    id: bill.id,
    fileId: bill.fileId,
    matterNumber: bill.matterNumber,
    matterName: bill.matterName,
    status: bill.status,
    ...(bill.pendingStep ? { pendingStep: bill.pendingStep } : {}),
    ...(bill.description ? { description: bill.description } : {}),
    ...(bill.throughDate ? { throughDate: bill.throughDate } : {}),
    period: bill.period,
    invoiceDate: bill.invoiceDate,
    dueDate: bill.dueDate,
    paymentTermsDays: bill.paymentTermsDays,
    lineCount: bill.lineCount,
    lines: lines.items,
    linesNextCursor: lines.nextCursor,
    feesTotal: bill.feesTotal,
    disbursementsTotal: bill.disbursementsTotal,
    adjustmentsTotal: bill.adjustmentsTotal,
    discount: bill.discount,
    total: bill.total,
    allocations: bill.allocations,
    invoices,
    heldInvoiceNumbers: bill.heldNumbers,
    paid: bill.paid,
    outstanding: bill.outstanding,
    overdue: invoices.some((i) => i.overdue),
    documents,
    deliveries: deliveries
      .filter((d) => d.status === 'sent')
      .map((d) => ({ to: d.to, contactId: d.key, sentAt: d.sentAt!, messageId: d.messageId! }))
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
    ...warningsOf(bill, lines.items),
    version: bill.version,
    createdAt: bill.createdAt,
    updatedAt: bill.updatedAt,
  };
}

export function invoicesOf(bill: BillRecord): Invoice[] {
  const today = nowIso().slice(0, 10);
  return bill.invoices.map((i) => ({
    id: invoiceIdOf(i.invoiceNumber),
    billId: bill.id,
    contactId: i.contactId,
    invoiceNumber: i.invoiceNumber,
    invoiceDate: bill.invoiceDate!,
    dueDate: bill.dueDate!,
    percent: i.percent,
    amount: i.amount,
    paid: i.paid,
    outstanding: i.outstanding,
    status: i.status,
    overdue: isOverdue({ status: i.status, dueDate: bill.dueDate }, today),
  }));
}

/**
 * A page of a bill's lines as the API shows them. A line's share of the bill
 * discount depends on every fee line, so a bill with a discount is priced
 * from all its lines (10,000 lines are a few queries); one without needs
 * only the page.
 */
export async function linesPage(bill: BillRecord, q: { limit: number; cursor?: string | undefined }): Promise<Page<BillLine>> {
  const page = await billLineEntity.page(bill.firmId, bill.id, q);
  const pricedFrom = bill.discount ? await billLineEntity.all(bill.firmId, bill.id) : page.items;
  return { ...pricedPage(bill, page.items, pricedFrom), nextCursor: page.nextCursor };
}

/** Lines as the API shows them, priced from `pricedFrom` (every line, when the bill has a discount). */
function pricedPage(bill: BillRecord, items: readonly BillLineRecord[], pricedFrom: readonly BillLineRecord[]): Page<BillLine> {
  const { lines } = priceBill(pricedFrom.map(pricingInput), bill.discount ?? undefined);
  const byId = new Map(lines.map((l) => [l.id, l]));
  return { items: items.map((l) => lineToApi(l, byId.get(l.id)!)), nextCursor: null };
}

export function lineToApi(l: BillLineRecord, p: PricedLine): BillLine {
  return {
    id: l.id,
    kind: l.kind,
    date: l.date,
    ...(l.timekeeperId ? { timekeeperId: l.timekeeperId } : {}),
    ...(l.timekeeperName ? { timekeeperName: l.timekeeperName } : {}),
    description: l.description,
    ...(l.hours !== undefined ? { hours: l.hours } : {}),
    ...(l.rate !== undefined ? { rate: l.rate } : {}),
    amount: l.amount,
    adjustment: p.adjustment,
    ...(l.adjustment ? { writeDown: { amount: p.ownAdjustment, ...(l.adjustment.percent ? { percent: l.adjustment.percent } : {}), reason: l.adjustment.reason } } : {}),
    discountShare: p.discountShare,
    billedAmount: p.billedAmount,
    ...(l.noCharge ? { noCharge: true } : {}),
    ...(l.taskCode ? { taskCode: l.taskCode } : {}),
    ...(l.activityCode ? { activityCode: l.activityCode } : {}),
    ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}),
  };
}

/** Texts of the bill its invoice PDF prints that hold characters no embedded font has (lib/documents/pdf/shown.ts). */
function warningsOf(bill: BillRecord, lines: readonly BillLine[]): Pick<Bill, 'warnings'> {
  const fields: [string, string | undefined][] = [
    ['matterName', bill.matterName],
    ['description', bill.description],
    ...lines.flatMap((l, i): [string, string | undefined][] => [[`lines.${i}.description`, l.description], [`lines.${i}.timekeeperName`, l.timekeeperName]]),
  ];
  const warnings = fields.flatMap(([path, text]) => {
    const missing = text ? unprintable([text]) : [];
    if (!missing.length) return [];
    const list = missing.slice(0, 10).map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    return [{ code: 'unprintable_characters' as const, path, message: `The invoice PDF cannot print ${list}; it shows "?" there.` }];
  });
  return warnings.length ? { warnings } : {};
}
