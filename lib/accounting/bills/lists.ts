import { billEntity } from '../entities/bill.entity.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { invoiceEntity } from '../entities/invoice.entity.ts';
import { getAccountingSettings } from '../settings/service.ts';
import { nowIso } from '../../shared/clock.ts';
import type { ListQuery, Page } from '../../shared/page.ts';
import { loadBill } from './drafts.ts';
import { agingOf } from './aging.ts';
import { invoiceIdOf, isOverdue, type BillRecord, type InvoiceRecord } from './model.ts';
import { billToApi, linesPage } from './view.ts';
import type { Aging, Bill, BillLine, BillListQuery, InvoiceListQuery, ListedInvoice } from './schemas.ts';

/** Approved bills waiting for production, oldest first. */
export async function productionList(firmId: string, q: ListQuery): Promise<Page<Bill>> {
  const page = await billEntity.pageByStatus(firmId, 'approved', q);
  return { items: await Promise.all(page.items.map((b) => billToApi(b, { summary: true }))), nextCursor: page.nextCursor };
}

/**
 * `GET /billing/bills`: by bill date (the invoice date once posted), of one
 * file or of the firm, filtered by status, client (a bill with an invoice or
 * share for it) and whether an invoice is overdue. Summaries: no lines.
 */
export async function listBills(firmId: string, q: BillListQuery): Promise<Page<Bill>> {
  const today = nowIso().slice(0, 10);
  const matches = (b: BillRecord) =>
    (!q.contactId || b.invoices.some((i) => i.contactId === q.contactId) || b.allocations.some((a) => a.contactId === q.contactId))
    && (q.overdue === undefined || b.invoices.some((i) => isOverdue({ status: i.status, dueDate: b.dueDate }, today)) === q.overdue);
  const page = await billEntity.page(firmId, { limit: q.limit, cursor: q.cursor, status: q.status, fileId: q.fileId, from: q.from, to: q.to, filter: matches });
  return { items: await Promise.all(page.items.map((b) => billToApi(b, { summary: true }))), nextCursor: page.nextCursor };
}

/** `GET /billing/bills/{id}/lines`: the bill's lines in bill order, a page at a time. */
export async function billLines(firmId: string, id: string, q: ListQuery): Promise<Page<BillLine>> {
  return linesPage(await loadBill(firmId, id), q);
}

/** `GET /billing/invoices`: every invoice number of the firm by number, void ones too (held ones are on their draft). */
export async function listInvoices(firmId: string, q: InvoiceListQuery): Promise<Page<ListedInvoice>> {
  const today = nowIso().slice(0, 10);
  const page = await invoiceEntity.page(firmId, {
    limit: q.limit,
    cursor: q.cursor,
    contactId: q.contactId,
    status: q.status,
    filter: (r) => r.status !== 'held' && (!q.fileId || r.fileId === q.fileId) && (q.overdue === undefined || isOverdue(r, today) === q.overdue),
  });
  return { items: page.items.map((r) => listedInvoice(r, today)), nextCursor: page.nextCursor };
}

function listedInvoice(r: InvoiceRecord, today: string): ListedInvoice {
  return {
    id: invoiceIdOf(r.invoiceNumber),
    billId: r.billId,
    fileId: r.fileId,
    matterNumber: r.matterNumber,
    contactId: r.contactId,
    invoiceNumber: r.invoiceNumber,
    invoiceDate: r.invoiceDate,
    dueDate: r.dueDate,
    percent: r.percent,
    amount: r.amount,
    paid: r.paid,
    outstanding: r.outstanding,
    status: r.status === 'held' ? 'void' : r.status,
    overdue: isOverdue(r, today),
    ...(r.voidReason ? { voidReason: r.voidReason } : {}),
    ...(r.voidedAt ? { voidedAt: r.voidedAt } : {}),
  };
}

/**
 * `GET /billing/aging?asOf=`: what each client owed on `asOf` (default
 * today), by how long past due. Reads every issued invoice of the firm: an
 * invoice paid since may have been owed then.
 */
export async function aging(firmId: string, asOf: string | undefined): Promise<Aging> {
  const day = asOf ?? nowIso().slice(0, 10);
  const invoices: InvoiceRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await invoiceEntity.page(firmId, { limit: 500, cursor, filter: (r) => (r.status === 'open' || r.status === 'paid') && r.invoiceDate <= day });
    invoices.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const [settings, contacts] = await Promise.all([
    getAccountingSettings(firmId),
    contactEntity.getMany(firmId, [...new Set(invoices.map((i) => i.contactId))]),
  ]);
  return agingOf(invoices, day, settings.currency, (id) => contacts.get(id)?.name ?? id);
}

