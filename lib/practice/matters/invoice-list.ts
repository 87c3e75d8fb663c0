import type { MatterInvoice as ReportedInvoice } from '#events/messages';
import { BadRequest } from '../../shared/errors.ts';
import type { Page } from '../../shared/page.ts';
import type { MatterInvoice } from './schemas.ts';

/**
 * The pure rules of a matter's invoice list: flatten the bills' copies, order
 * by invoice number as a number, mark the overdue ones, and page. The list is
 * built whole per request (a matter has tens or hundreds of bills, one small
 * item each), so the cursor is a position in that order: the last invoice
 * number (and bill) returned, which stays meaningful when copies change between
 * pages.
 */

/** Invoice numbers are decimal strings: by value ("9" before "10"), then as text for anything else. */
export function compareInvoiceNumbers(a: string, b: string): number {
  const digits = /^\d+$/;
  if (digits.test(a) && digits.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const compare = (a: Position, b: Position) => compareInvoiceNumbers(a.invoiceNumber, b.invoiceNumber) || (a.billId < b.billId ? -1 : a.billId > b.billId ? 1 : 0);

interface Position {
  invoiceNumber: string;
  billId: string;
}

/** Open and past its due date (`today` is YYYY-MM-DD): a paid or void invoice is never overdue. */
export const isOverdue = (i: Pick<ReportedInvoice, 'status' | 'dueDate'>, today: string): boolean => i.status === 'open' && i.dueDate < today;

/** Every invoice of the bills' copies, with its bill, in invoice number order. */
export function matterInvoices(bills: readonly { billId: string; invoices: readonly ReportedInvoice[] }[], today: string): MatterInvoice[] {
  return bills
    .flatMap((b) => b.invoices.map((i) => ({ ...i, billId: b.billId, overdue: isOverdue(i, today) })))
    .sort(compare);
}

const encode = (p: Position) => Buffer.from(JSON.stringify([p.invoiceNumber, p.billId])).toString('base64url');

function decode(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string' && v.length > 0)) {
      return { invoiceNumber: value[0] as string, billId: value[1] as string };
    }
  } catch {
    // fall through
  }
  throw new BadRequest('The cursor is not one this list gave.', [{ path: 'cursor', message: 'is not valid here' }]);
}

/** A page of the ordered list: `limit` invoices after the cursor's position. */
export function pageOf(all: readonly MatterInvoice[], options: { limit: number; cursor?: string | undefined }): Page<MatterInvoice> {
  const after = options.cursor === undefined ? undefined : decode(options.cursor);
  const rest = after ? all.filter((i) => compare(i, after) > 0) : all;
  const items = rest.slice(0, options.limit);
  return { items, nextCursor: rest.length > options.limit ? encode(items[items.length - 1]!) : null };
}
