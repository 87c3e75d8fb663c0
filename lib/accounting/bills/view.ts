import { documentUrl } from '../../aws/s3.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { deliveryEntity } from '../entities/delivery.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import type { Page } from '../../shared/page.ts';
import { invoiceIdOf, isOverdue, pricingInput, type BillLineRecord, type BillRecord, type StoredDocument } from './model.ts';
import { priceBill, type PricedLine } from './pricing.ts';
import type { Bill, BillLine, Invoice } from './schemas.ts';
import { invoiceLines, invoiceParties, type InvoiceParties } from './invoice-data.ts';
import { billWarnings } from './warnings.ts';

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
  // Read alongside the rest: who the invoices name (for the warnings; a list's summaries carry none).
  const parties = options.summary ? undefined : invoiceParties(bill);
  const [read, documents, deliveries] = await Promise.all([
    options.summary ? undefined : billLines(bill, options.lines),
    options.summary ? [] : Promise.all(bill.documents.map(async (d) => ({
      kind: d.kind,
      ...(d.contactId ? { contactId: d.contactId } : {}),
      ...(d.invoiceNumber ? { invoiceNumber: d.invoiceNumber } : {}),
      version: d.version,
      url: await documentUrl(d.key, filename(bill, d)),
    }))),
    noDeliveries ? [] : deliveryEntity.ofBill(bill.firmId, bill.id),
  ]);
  const lines = read?.page ?? { items: [], nextCursor: null };
  const warnings = read && parties ? await warningsOf(bill, read.all, parties) : [];
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
    ...(warnings.length ? { warnings } : {}),
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
 * The lines a bill shows itself (the first LINES_ON_BILL), and the records of
 * all its lines when those are all of them (else undefined). Lines the caller
 * just read need no second read when they fit on the bill.
 */
async function billLines(bill: BillRecord, given?: readonly BillLineRecord[]): Promise<{ page: Page<BillLine>; all: readonly BillLineRecord[] | undefined }> {
  const complete = (lines: readonly BillLineRecord[]) => (lines.length >= bill.lineCount ? lines : undefined);
  if (given && given.length <= LINES_ON_BILL) return { page: pricedPage(bill, given, given), all: complete(given) };
  const page = await billLineEntity.page(bill.firmId, bill.id, { limit: LINES_ON_BILL });
  const pricedFrom = bill.discount ? await billLineEntity.all(bill.firmId, bill.id) : page.items;
  return {
    page: { ...pricedPage(bill, page.items, pricedFrom), nextCursor: page.nextCursor },
    all: (given && complete(given)) ?? complete(pricedFrom),
  };
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

/**
 * What the bill's invoice PDFs cannot print (warnings.ts), from the same
 * views the renderer draws: every line is checked, so a bill with more lines
 * than it shows reads the rest. The account summaries are left out of these
 * views (they list invoice numbers, dates and amounts the service made, no
 * user text), which spares reading the file's other bills.
 */
async function warningsOf(bill: BillRecord, all: readonly BillLineRecord[] | undefined, parties: Promise<InvoiceParties>) {
  const [who, lines] = await Promise.all([parties, all ?? billLineEntity.all(bill.firmId, bill.id)]);
  return billWarnings(bill, { ...who, lines: invoiceLines(bill, lines), earlierOpen: new Map() });
}
