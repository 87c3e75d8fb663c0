import { Conflict } from '../../shared/errors.ts';
import { money } from '../../shared/money.ts';
import type { LedgerRecord } from '../ledger/model.ts';
import type { Disbursement } from '../files/schemas.ts';
import type { Allocation } from '../files/allocations.ts';
import type { BillStatus, InvoiceStatus } from './schemas.ts';

/**
 * A bill as stored: the header (bill.entity.ts) holds totals, the split and
 * the posted invoices; its lines are items of their own (bill-line.entity.ts),
 * so a bill of 10,000 lines stays far below DynamoDB's 400 KB item limit.
 */
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
  printInvoices?: boolean;
  /** The matter's own terms, when it overrides the firm's. */
  matterTermsDays?: number;
  status: BillStatus;
  /** A bill too big for one transaction is posted or reverted in steps; this marks it until the last one. */
  pendingStep?: 'posting' | 'reverting';
  description?: string;
  throughDate?: string;
  period: { from: string; to: string };
  lineCount: number;
  /** Sums of the lines as recorded, and of their own write-downs and write-ups. */
  feesTotal: string;
  disbursementsTotal: string;
  adjustmentsTotal: string;
  discount: { amount?: string; percent?: string; reason: string; value: string } | null;
  total: string;
  primaryClientId?: string;
  /** The clients with a share (above 0%), their percents and amounts, in the file's order. */
  allocations: { contactId: string; percent: string; amount: string }[];
  /** Set while posted (approved, finalized, paid). */
  invoiceDate: string | null;
  dueDate: string | null;
  paymentTermsDays: number | null;
  invoices: InvoiceShare[];
  /** The numbers of a reverted bill, given back when it is approved again. */
  heldNumbers: { contactId: string; invoiceNumber: string }[];
  /** How many times the bill has been posted: the version of its documents. */
  postings: number;
  paid: string;
  outstanding: string;
  documents: StoredDocument[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDocument {
  kind: 'invoice_pdf' | 'ledes' | 'print_batch';
  contactId?: string;
  invoiceNumber?: string;
  version: number;
  key: string;
}

/** One client's invoice of a posted bill, as the bill holds it. */
export interface InvoiceShare {
  contactId: string;
  invoiceNumber: string;
  percent: string;
  amount: string;
  paid: string;
  outstanding: string;
  status: Exclude<InvoiceStatus, 'void'>;
}

/** A line of a bill: a ledger entry or disbursement as drafted, and this bill's write-down or write-up of it. */
export interface BillLineRecord {
  billId: string;
  id: string;
  kind: 'time' | 'disbursement';
  date: string;
  timekeeperId?: string;
  timekeeperName?: string;
  timekeeperLedesId?: string;
  timekeeperClassification?: string;
  timekeeperFirstName?: string;
  timekeeperLastName?: string;
  timeEntryId?: string;
  description: string;
  hours?: string;
  rate?: string;
  amount: string;
  fixed?: boolean;
  noCharge?: boolean;
  listRate?: string;
  taskCode?: string;
  activityCode?: string;
  expenseCode?: string;
  adjustment?: { amount?: string; percent?: string; reason: string };
}

/** Every invoice number ever taken: on an invoice (open, paid), held by a reverted bill, or void. */
export interface InvoiceRecord {
  entity: 'invoice';
  firmId: string;
  id: string;
  invoiceNumber: string;
  billId: string;
  fileId: string;
  matterNumber: string;
  contactId: string;
  invoiceDate: string;
  dueDate: string;
  percent: string;
  amount: string;
  paid: string;
  outstanding: string;
  status: InvoiceStatus | 'held';
  /** What was paid and when, so aging can be told as of any day. */
  payments: { id: string; date: string; amount: string }[];
  voidReason?: string;
  voidedAt?: string;
  version: number;
  updatedAt: string;
}

export const invoiceIdOf = (invoiceNumber: string) => `in_${invoiceNumber}`;

export function timeLine(billId: string, l: LedgerRecord): BillLineRecord {
  return {
    billId,
    id: l.id,
    kind: 'time',
    date: l.date,
    timekeeperId: l.timekeeperId,
    timekeeperName: l.timekeeperName,
    ...(l.timekeeperLedesId ? { timekeeperLedesId: l.timekeeperLedesId } : {}),
    ...(l.timekeeperClassification ? { timekeeperClassification: l.timekeeperClassification } : {}),
    ...(l.timekeeperFirstName ? { timekeeperFirstName: l.timekeeperFirstName } : {}),
    ...(l.timekeeperLastName ? { timekeeperLastName: l.timekeeperLastName } : {}),
    timeEntryId: l.timeEntryId,
    description: l.description,
    hours: l.hours,
    rate: l.rate,
    amount: l.amount,
    ...(l.fixed ? { fixed: true } : {}),
    ...(l.noCharge ? { noCharge: true, ...(l.listRate ? { listRate: l.listRate } : {}) } : {}),
    ...(l.taskCode ? { taskCode: l.taskCode } : {}),
    ...(l.activityCode ? { activityCode: l.activityCode } : {}),
  };
}

export function disbursementLine(billId: string, d: Disbursement): BillLineRecord {
  return {
    billId, id: d.id, kind: 'disbursement', date: d.date, description: d.description, amount: d.amount, ...(d.expenseCode ? { expenseCode: d.expenseCode } : {}),
  };
}

/** What a line holds of its ledger entry: a posting bills the entry only if all of it is still as drafted. */
export function sameAsDrafted(line: BillLineRecord, entry: Pick<LedgerRecord, 'date' | 'description' | 'hours' | 'rate' | 'amount' | 'type'>): boolean {
  return entry.type === 'billable_work' && entry.date === line.date && entry.description === line.description
    && entry.hours === line.hours && entry.rate === line.rate && entry.amount === line.amount;
}

/** What the pricing rules (pricing.ts) need of a line. */
export const pricingInput = (l: BillLineRecord) => ({ id: l.id, kind: l.kind, amount: l.amount, ...(l.adjustment ? { adjustment: l.adjustment } : {}) });

/** Bill order: by date, time before disbursements on a day, then by id. */
export const lineOrder = (l: Pick<BillLineRecord, 'date' | 'kind' | 'id'>) => `${l.date}#${l.kind === 'time' ? 0 : 1}#${l.id}`;

/** How a file divides its bills: its split and its primary client (files/model.ts `splitOf`). */
export interface FileSplit {
  allocations: readonly Allocation[];
  primaryClientId?: string | undefined;
}

/** The clients who get an invoice: every client with a share above 0% (bills never go to a client at 0%). */
export const sharesOf = (split: FileSplit) => split.allocations.filter((a) => money(a.percent).gt(0));

/**
 * The client whose invoice stands for the bill where one is needed (a
 * preview without a contact, a payment without a payer): the primary client,
 * unless a split set by hand gives it no share; then the first client that has one.
 */
export function leadInvoicedClient(bill: Pick<BillRecord, 'allocations' | 'primaryClientId'>): string | undefined {
  const invoiced = bill.allocations.map((a) => a.contactId);
  return bill.primaryClientId && invoiced.includes(bill.primaryClientId) ? bill.primaryClientId : invoiced[0];
}

/** The stored PDF of an invoice at the bill's current posting, once listed (production lists them). */
export const currentInvoicePdf = (bill: Pick<BillRecord, 'documents' | 'postings'>, invoiceNumber: string): StoredDocument | undefined =>
  bill.documents.find((d) => d.kind === 'invoice_pdf' && d.invoiceNumber === invoiceNumber && d.version === bill.postings);

/** The bill without its in-steps marker (a posting or revert that has finished, or been undone). */
export function withoutPendingStep(bill: BillRecord): BillRecord {
  const { pendingStep: _p, ...rest } = bill;
  return rest;
}

/** Posted: the client has been billed (its invoices exist). */
export const isPosted = (bill: Pick<BillRecord, 'status'>) => bill.status !== 'draft';

export function assertPosted(bill: BillRecord, action: string): void {
  if (!isPosted(bill) || bill.pendingStep) {
    throw new Conflict('wrong_status', `Bill ${bill.id} is ${bill.pendingStep ?? bill.status}; only an approved or finalized bill can be ${action}.`);
  }
}

export function assertDraft(bill: BillRecord, action: string): void {
  if (bill.pendingStep) throw new Conflict('bill_busy', `Bill ${bill.id} is being ${bill.pendingStep === 'posting' ? 'posted' : 'reverted'}; ${action} it once that is done (approve or revert it again to finish).`);
  if (bill.status !== 'draft') throw new Conflict('wrong_status', `The bill is ${bill.status}; only a draft can be ${action}.`);
}

/** Today's date plus `days` (dates as YYYY-MM-DD, in UTC). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An open invoice past its due date. */
export const isOverdue = (i: { status: string; dueDate: string | null }, today: string) => i.status === 'open' && i.dueDate !== null && i.dueDate < today;
