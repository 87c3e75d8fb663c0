import { Conflict } from '../../shared/errors.ts';
import { money, toMoney } from '../../shared/money.ts';
import type { LedgerRecord } from '../ledger/model.ts';
import type { Disbursement } from '../files/schemas.ts';
import type { Allocation } from '../files/allocations.ts';
import { splitTotal } from './split.ts';
import type { BillLine, BillStatus } from './schemas.ts';

/** A bill as stored, and the pure rules of what it holds. */
export interface BillRecord {
  entity: 'bill';
  firmId: string;
  id: string;
  fileId: string;
  practiceMatterId: string;
  matterNumber: string;
  matterName: string;
  clientMatterId?: string;
  emailInvoices: boolean;
  ledesEnabled: boolean;
  status: BillStatus;
  description?: string;
  throughDate?: string;
  period: { from: string; to: string };
  invoiceNumber: string | null;
  invoiceDate: string | null;
  lines: BillLine[];
  /** The time entries behind the time lines, so practice can mark them billed. */
  timeEntryIds: Record<string, string>;
  feesTotal: string;
  disbursementsTotal: string;
  total: string;
  /** The file's primary client when the bill was last drafted or finalized (absent on bills stored before it was kept). */
  primaryClientId?: string;
  /** The clients with a share (above 0%) and their amounts, in the file's order. */
  allocations: { contactId: string; percent: string; amount: string }[];
  paid: string;
  outstanding: string;
  documents: { kind: 'invoice_pdf' | 'ledes'; contactId?: string; key: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function timeLine(l: LedgerRecord): BillLine {
  return {
    id: l.id,
    kind: 'time',
    date: l.date,
    timekeeperId: l.timekeeperId,
    timekeeperName: l.timekeeperName,
    description: l.description,
    hours: l.hours,
    rate: l.rate,
    amount: l.amount,
    ...(l.taskCode ? { taskCode: l.taskCode } : {}),
    ...(l.activityCode ? { activityCode: l.activityCode } : {}),
  };
}

export function disbursementLine(d: Disbursement): BillLine {
  return { id: d.id, kind: 'disbursement', date: d.date, description: d.description, amount: d.amount, ...(d.expenseCode ? { expenseCode: d.expenseCode } : {}) };
}

/** How a file divides its bills: its split and its primary client (files/model.ts `splitOf`). */
export interface FileSplit {
  allocations: readonly Allocation[];
  /** Absent only when neither the file nor the bill knows it (a bill stored before it was kept, of a file gone). */
  primaryClientId?: string | undefined;
}

/**
 * What a bill's lines add up to: the lines ordered by date (time first, then
 * disbursements, on the same day), the fees, disbursements and total, the
 * total split among the clients with a share, the primary client, and the
 * period billed.
 */
export function billTotals(
  lines: readonly BillLine[],
  split: FileSplit,
  throughDate?: string,
): Pick<BillRecord, 'lines' | 'feesTotal' | 'disbursementsTotal' | 'total' | 'allocations' | 'primaryClientId' | 'period'> {
  const sorted = [...lines].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'time' ? -1 : 1));
  const sum = (kind: BillLine['kind']) => toMoney(sorted.filter((l) => l.kind === kind).reduce((t, l) => t.plus(l.amount), money(0)));
  const feesTotal = sum('time');
  const disbursementsTotal = sum('disbursement');
  const total = toMoney(money(feesTotal).plus(disbursementsTotal));
  const dates = sorted.map((l) => l.date);
  return {
    lines: sorted,
    feesTotal,
    disbursementsTotal,
    total,
    // Bills go to the shares, never to a client at 0% (the primary included, when a hand-set split gives it none).
    allocations: splitTotal(total, split.allocations.filter((a) => money(a.percent).gt(0))),
    ...(split.primaryClientId ? { primaryClientId: split.primaryClientId } : {}),
    period: { from: dates[0] ?? throughDate ?? '', to: throughDate ?? dates.at(-1) ?? '' },
  };
}

/** The clients who get an invoice: every client with a share (all of them on an unsplit bill). */
export const invoicedClients = (bill: BillRecord) => bill.allocations.map((a) => a.contactId);

/**
 * The client whose invoice stands for the bill where one is needed (a
 * preview, the LEDES file's CLIENT_ID, an email to an address of no client):
 * the primary client, unless a split set by hand gives it no share; then the
 * first client that has one. Bills never go to a client at 0%.
 */
export function leadInvoicedClient(bill: Pick<BillRecord, 'allocations' | 'primaryClientId'>): string | undefined {
  const invoiced = bill.allocations.map((a) => a.contactId);
  return bill.primaryClientId && invoiced.includes(bill.primaryClientId) ? bill.primaryClientId : invoiced[0];
}

/** Documents and emails exist only for an invoice: a bill that has been finalized (or since paid). */
export function assertInvoiced(bill: BillRecord, action: string): void {
  if (bill.status !== 'finalized' && bill.status !== 'paid') {
    throw new Conflict('wrong_status', `Bill ${bill.id} is ${bill.status}; only a finalized invoice can be ${action}.`);
  }
}
