import * as z from 'zod';
import { IsoDate } from '#lib/shared/dates';
import { Money, PositiveMoney } from '#lib/shared/money';
import { PageCursor, PageLimit } from '#lib/shared/quantities';

const Id = z.string().min(1).max(64);
/** A money amount that may be negative (write-downs): two decimals, no leading zeros. */
const SignedMoney = z.string().regex(/^-?(0|[1-9]\d{0,11})\.\d{2}$/, 'must be a decimal string with exactly two decimals, like "-25.00"');
/** A percent with at most two decimals, no leading zeros. */
const Percent = z.string().regex(/^-?(0|[1-9]\d{0,2})(\.\d{1,2})?$/, 'must be a decimal string with at most two decimals, like "-10" or "12.5"');
const Reason = z.string().trim().min(1, 'a reason is required').max(200);

export const BillStatus = z.enum(['draft', 'approved', 'finalized', 'paid']);
export type BillStatus = z.infer<typeof BillStatus>;

export const InvoiceStatus = z.enum(['open', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const CreateBill = z.strictObject({ fileId: Id, throughDate: IsoDate.optional() });
export type CreateBill = z.infer<typeof CreateBill>;

/** Exactly one of `amount` and `percent`. */
const oneOf = <T extends { amount?: string | undefined; percent?: string | undefined }>(v: T) => (v.amount === undefined) !== (v.percent === undefined);
const ONE_OF = { message: 'give either `amount` or `percent`, not both and not neither' };

export const LineAdjustmentInput = z
  .strictObject({ lineId: Id, amount: SignedMoney.optional(), percent: Percent.optional(), reason: Reason })
  .refine(oneOf, ONE_OF);
export const DiscountInput = z
  .strictObject({
    amount: PositiveMoney.optional(),
    percent: Percent.refine((p) => /^\d/.test(p) && Number(p) > 0 && Number(p) <= 100, 'must be more than 0 and at most 100').optional(),
    reason: Reason,
  })
  .refine(oneOf, ONE_OF);

/** Line changes of one PATCH are written with the bill in one transaction: at most this many lines a request. */
export const MAX_LINE_CHANGES = 98;

export const PatchBill = z
  .strictObject({
    description: z.string().trim().max(500).optional(),
    removeLineIds: z.array(Id).min(1).max(MAX_LINE_CHANGES).optional(),
    /** An adjustment replaces the line's earlier one; `amount: "0.00"` clears it. */
    adjustments: z.array(LineAdjustmentInput).min(1).max(MAX_LINE_CHANGES).optional(),
    discount: DiscountInput.nullable().optional(),
  })
  .refine((p) => (p.removeLineIds?.length ?? 0) + (p.adjustments?.length ?? 0) <= MAX_LINE_CHANGES, {
    message: `at most ${MAX_LINE_CHANGES} lines can be removed or adjusted in one request; send several`,
    path: ['adjustments'],
  });
export type PatchBill = z.infer<typeof PatchBill>;

export const BillIds = z.strictObject({ billIds: z.array(Id).min(1).max(500).optional() });
export type BillIds = z.infer<typeof BillIds>;

export const EbillingRequest = z.strictObject({ billIds: z.array(Id).min(1).max(100) });

/**
 * A value that becomes a mail header is one line: no CR, LF or other control
 * character (C0, DEL, C1, the line and paragraph separators), so nothing
 * typed can add a header (a Bcc) to the message. Refused with a 400 rather
 * than tidied: lib/aws/mail.ts still turns any that reach it into spaces.
 */
const HEADER_SAFE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
const ONE_LINE = { message: 'must be one line: no CR, LF or other control characters', abort: true } as const;

export const EmailRequest = z.strictObject({
  // Checked before the address format (and alone: abort), so the 400 says why.
  to: z.string().check(z.regex(HEADER_SAFE, ONE_LINE), z.email('must be an email address')).optional(),
  contactId: Id.optional(),
  // Checked before trimming: a trailing line break is refused too.
  subject: z.string().regex(HEADER_SAFE, ONE_LINE).trim().min(1).max(200).optional(),
  message: z.string().trim().max(5000).optional(),
});
export type EmailRequest = z.infer<typeof EmailRequest>;

export const PaymentMethod = z.enum(['check', 'wire', 'ach', 'eft', 'card', 'cash', 'trust', 'other']);
export const CreatePayment = z.strictObject({
  amount: PositiveMoney,
  date: IsoDate,
  method: PaymentMethod,
  reference: z.string().trim().min(1).max(100).optional(),
  /** The paying client: its invoice takes the payment. Default: the primary client's. */
  contactId: Id.optional(),
});
export type CreatePayment = z.infer<typeof CreatePayment>;

export const Payment = z.object({
  id: z.string(),
  billId: z.string(),
  contactId: z.string(),
  invoiceNumber: z.string(),
  amount: Money,
  date: z.string(),
  method: PaymentMethod,
  reference: z.string().optional(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;

export const BillingSettingsInput = z.strictObject({ scheduledProduction: z.boolean() });
export const BillingSettings = BillingSettingsInput.extend({ version: z.number().int(), updatedAt: z.string().nullable() });
export type BillingSettings = z.infer<typeof BillingSettings>;

export const BillLine = z.object({
  id: z.string(),
  kind: z.enum(['time', 'disbursement']),
  date: z.string(),
  timekeeperId: z.string().optional(),
  timekeeperName: z.string().optional(),
  description: z.string(),
  hours: z.string().optional(),
  rate: Money.optional(),
  /** As recorded in the ledger. */
  amount: Money,
  /** Everything this bill changes on the line: its own write-down or write-up and its share of the bill discount. */
  adjustment: SignedMoney,
  /** The line's own write-down (negative) or write-up, as asked. */
  writeDown: z.object({ amount: SignedMoney, percent: z.string().optional(), reason: z.string() }).optional(),
  discountShare: Money,
  /** amount + adjustment: what the client is billed for the line. */
  billedAmount: Money,
  noCharge: z.boolean().optional(),
  taskCode: z.string().optional(),
  activityCode: z.string().optional(),
  expenseCode: z.string().optional(),
});
export type BillLine = z.infer<typeof BillLine>;

export const Invoice = z.object({
  id: z.string(),
  billId: z.string(),
  contactId: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  percent: z.string(),
  amount: Money,
  paid: Money,
  outstanding: Money,
  status: InvoiceStatus,
  overdue: z.boolean(),
});
export type Invoice = z.infer<typeof Invoice>;

/** An invoice in the firm's list: also its file and, for a void number, why and when. */
export const ListedInvoice = Invoice.extend({
  fileId: z.string(),
  matterNumber: z.string(),
  voidReason: z.string().optional(),
  voidedAt: z.string().optional(),
});
export type ListedInvoice = z.infer<typeof ListedInvoice>;

export const BillDocument = z.object({
  kind: z.enum(['invoice_pdf', 'ledes', 'print_batch']),
  contactId: z.string().optional(),
  invoiceNumber: z.string().optional(),
  /** Which posting of the bill it belongs to (1, then 2 after a revert and a new approval, …). */
  version: z.number().int(),
  url: z.string(),
});

export const Bill = z.object({
  id: z.string(),
  fileId: z.string(),
  matterNumber: z.string(),
  matterName: z.string(),
  status: BillStatus,
  /** Set while a bill too big for one transaction is being posted or reverted step by step. */
  pendingStep: z.enum(['posting', 'reverting']).optional(),
  description: z.string().optional(),
  throughDate: z.string().optional(),
  period: z.object({ from: z.string(), to: z.string() }),
  invoiceDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  lineCount: z.number().int(),
  lines: z.array(BillLine),
  linesNextCursor: z.string().nullable(),
  feesTotal: Money,
  disbursementsTotal: Money,
  adjustmentsTotal: SignedMoney,
  discount: z.object({ amount: z.string().optional(), percent: z.string().optional(), reason: z.string(), value: Money }).nullable(),
  total: Money,
  allocations: z.array(z.object({ contactId: z.string(), percent: z.string(), amount: Money })),
  invoices: z.array(Invoice),
  /** Numbers a reverted bill keeps for its next approval. */
  heldInvoiceNumbers: z.array(z.object({ contactId: z.string(), invoiceNumber: z.string() })),
  paid: Money,
  outstanding: Money,
  overdue: z.boolean(),
  documents: z.array(BillDocument),
  deliveries: z.array(z.object({ to: z.string(), contactId: z.string(), sentAt: z.string(), messageId: z.string() })),
  /**
   * What the invoice PDFs cannot print as given: characters no embedded font has (shown there as "?"), in any text
   * an invoice prints (the bill's, the client's, the firm's letterhead, `billing.remittance`, payment references).
   * `contactId`: the client whose copy alone prints it (its name and address, its payments).
   */
  warnings: z.array(z.object({ code: z.literal('unprintable_characters'), path: z.string(), contactId: z.string().optional(), message: z.string() })).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bill = z.infer<typeof Bill>;

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const BillListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor.optional(),
  status: BillStatus.optional(),
  fileId: Id.optional(),
  contactId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  overdue: Flag.optional(),
});
export type BillListQuery = z.infer<typeof BillListQuery>;

export const InvoiceListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor.optional(),
  status: InvoiceStatus.optional(),
  fileId: Id.optional(),
  contactId: Id.optional(),
  overdue: Flag.optional(),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const LinesQuery = z.strictObject({ limit: PageLimit, cursor: PageCursor.optional() });

export const PreviewQuery = z.strictObject({ contactId: Id.optional() });

export const AgingQuery = z.strictObject({ asOf: IsoDate.optional() });
const Buckets = z.object({ current: Money, '1-30': Money, '31-60': Money, '61-90': Money, '90+': Money, total: Money });
export const Aging = z.object({
  asOf: z.string(),
  currency: z.string(),
  clients: z.array(z.object({ contactId: z.string(), name: z.string(), invoices: z.number().int() }).extend(Buckets.shape)),
  totals: Buckets,
});
export type Aging = z.infer<typeof Aging>;
