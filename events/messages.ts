import * as z from 'zod';
import type { QueueName } from '../lib/declaration.ts';
import { SyncClock } from './clock.ts';
import { ContactCommon, ContactNumber, NumberingSequence } from './contact.ts';

/**
 * Every message on the system's queues: those that cross between the books
 * and each book's own work queues. Each queue carries JSON bodies of its
 * union (`messagesOf`); its consumer parses with it and rejects anything else.
 */
const envelope = {
  id: z.string().min(1),
  firmId: z.string().min(1),
  occurredAt: z.iso.datetime(),
};

export const LinkErrorCode = z.enum(['duplicate_number', 'invalid', 'no_response', 'client_not_linked']);
export type LinkErrorCode = z.infer<typeof LinkErrorCode>;

// practice → accounting

export const PracticeContactUpserted = z.object({
  ...envelope,
  type: z.literal('practice.contact.upserted'),
  practiceContactId: z.string(),
  accountingContactId: z.string().optional(),
  clock: SyncClock,
  contact: ContactCommon,
  /** The number practice asks for; absent = let accounting assign one. */
  reference: ContactNumber.optional(),
  numberingSequence: NumberingSequence,
  /** Practice's own separate-numbering switch when the contact was sent. */
  practiceSeparateNumbering: z.boolean(),
});

export const PracticeContactLinked = z.object({
  ...envelope,
  type: z.literal('practice.contact.linked'),
  practiceContactId: z.string(),
  accountingContactId: z.string(),
  clock: SyncClock,
});

export const PracticeSettingsChanged = z.object({
  ...envelope,
  type: z.literal('practice.settings.changed'),
  version: z.number().int().positive(),
  separateContactNumbering: z.boolean(),
});

/** A matter's client as both books know it; the first client of a matter is its primary. */
export const MatterClient = z.object({ practiceContactId: z.string(), accountingContactId: z.string() });

/** Matter options accounting needs to produce bills. */
export const MatterOptions = z.object({
  emailInvoices: z.boolean(),
  ledesEnabled: z.boolean(),
  clientMatterId: z.string().optional(),
  /** Producing the matter's bills adds their invoices to the job's print batch. Absent in messages of older senders. */
  printInvoices: z.boolean().optional(),
  /** Days from invoice date to due date; absent = the firm's default (accounting settings). */
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
});
export type MatterOptions = z.infer<typeof MatterOptions>;

export const PracticeMatterUpserted = z.object({
  ...envelope,
  type: z.literal('practice.matter.upserted'),
  practiceMatterId: z.string(),
  accountingFileId: z.string().optional(),
  clock: SyncClock,
  name: z.string(),
  clients: z.array(MatterClient).min(1),
  /** The matter number practice asks for; absent = let accounting number the file. */
  fileReference: ContactNumber.optional(),
  options: MatterOptions,
});

/** One time entry sent for billing, with what accounting needs to book it. */
export const ExportedEntry = z.object({
  timeEntryId: z.string(),
  accountingFileId: z.string(),
  matterName: z.string(),
  timekeeperEmail: z.string(),
  timekeeperName: z.string(),
  /** The timekeeper's given and family names when practice has them: LEDES TIMEKEEPER_NAME is "Last, First". */
  timekeeperFirstName: z.string().optional(),
  timekeeperLastName: z.string().optional(),
  /** For LEDES files: the timekeeper's e-billing id and LOC classification, when practice has them. */
  timekeeperLedesId: z.string().optional(),
  timekeeperClassification: z.string().optional(),
  date: z.string(),
  description: z.string(),
  hours: z.string(),
  billableHours: z.string(),
  rateType: z.enum(['hourly', 'fixed', 'custom']),
  rate: z.string(),
  amount: z.string(),
  behavior: z.enum(['bill', 'hide', 'no_charge', 'non_billable']),
  taskCode: z.string().optional(),
  activityCode: z.string().optional(),
});
export type ExportedEntry = z.infer<typeof ExportedEntry>;

export const PracticeTimeExportBatch = z.object({
  ...envelope,
  type: z.literal('practice.time.export_batch'),
  jobId: z.string(),
  batchNo: z.number().int().nonnegative(),
  entries: z.array(ExportedEntry).min(1).max(100),
});

export const PracticeTimeExportFinished = z.object({
  ...envelope,
  type: z.literal('practice.time_export.finished'),
  jobId: z.string(),
  total: z.number().int(),
  exported: z.number().int(),
  failed: z.number().int(),
});

export const ToAccountingMessage = z.discriminatedUnion('type', [
  PracticeContactUpserted,
  PracticeContactLinked,
  PracticeSettingsChanged,
  PracticeMatterUpserted,
  PracticeTimeExportFinished,
]);
export type ToAccountingMessage = z.infer<typeof ToAccountingMessage>;

/** Practice → accounting: export batches, on a queue of their own so a large export never holds up sync. */
export const TimeBookingMessage = z.discriminatedUnion('type', [PracticeTimeExportBatch]);
export type TimeBookingMessage = z.infer<typeof TimeBookingMessage>;

// accounting → practice

export const AccountingContactUpserted = z.object({
  ...envelope,
  type: z.literal('accounting.contact.upserted'),
  accountingContactId: z.string(),
  practiceContactId: z.string().optional(),
  clock: SyncClock,
  contact: ContactCommon,
  contactNumber: ContactNumber,
  numberingSequence: NumberingSequence,
});

export const AccountingContactLinked = z.object({
  ...envelope,
  type: z.literal('accounting.contact.linked'),
  practiceContactId: z.string(),
  accountingContactId: z.string(),
  contactNumber: ContactNumber,
  clock: SyncClock,
});

export const AccountingContactLinkFailed = z.object({
  ...envelope,
  type: z.literal('accounting.contact.link_failed'),
  practiceContactId: z.string(),
  clock: SyncClock,
  error: z.object({ code: LinkErrorCode, message: z.string() }),
});

export const AccountingFileLinked = z.object({
  ...envelope,
  type: z.literal('accounting.file.linked'),
  practiceMatterId: z.string(),
  accountingFileId: z.string(),
  matterNumber: z.string(),
  clock: SyncClock,
});

export const AccountingFileLinkFailed = z.object({
  ...envelope,
  type: z.literal('accounting.file.link_failed'),
  practiceMatterId: z.string(),
  clock: SyncClock,
  error: z.object({ code: LinkErrorCode, message: z.string() }),
});

/** Money as decimal strings with two decimals. */
const Amount = z.string().regex(/^-?\d+\.\d{2}$/);
export const Balance = z.object({ unbilled: Amount, billed: Amount, paid: Amount, outstanding: Amount });
export type Balance = z.infer<typeof Balance>;

/** A file's balance after a change; `seq` orders them, so a late one never overwrites a newer one. */
export const AccountingBalanceChanged = z.object({
  ...envelope,
  type: z.literal('accounting.file.balance_changed'),
  practiceMatterId: z.string(),
  accountingFileId: z.string(),
  seq: z.number().int().positive(),
  balance: Balance,
  asOf: z.iso.datetime(),
});

export const ExportErrorCode = z.enum(['matter_not_linked', 'contact_not_linked', 'timekeeper_not_in_accounting', 'import_failed']);
export type ExportErrorCode = z.infer<typeof ExportErrorCode>;
export const ExportError = z.object({ timeEntryId: z.string(), code: ExportErrorCode, message: z.string() });
export type ExportError = z.infer<typeof ExportError>;

/** Accounting's answer to one export batch: which entries are in the ledger, which could not be booked. */
export const AccountingTimeBatchBooked = z.object({
  ...envelope,
  type: z.literal('accounting.time.batch_booked'),
  jobId: z.string(),
  batchNo: z.number().int().nonnegative(),
  booked: z.array(z.object({ timeEntryId: z.string(), ledgerEntryId: z.string() })),
  failed: z.array(ExportError),
});

/** A bill was finalized: its time entries are billed now. */
export const AccountingBillFinalized = z.object({
  ...envelope,
  type: z.literal('accounting.bill.finalized'),
  billId: z.string(),
  invoiceNumber: z.string(),
  timeEntryIds: z.array(z.string()),
});

/**
 * A bill was posted (its entries are `billed`) or reverted (back to `draft`: still locked, sent for billing).
 * `seq` (`<ISO time>#<bill version, 10 digits>`) orders the news of an entry: practice applies a message to an entry
 * only if it is newer than the last one applied, so a late "billed" never undoes a revert. At most 1,000 entries a
 * message: a bill of more sends several.
 */
export const AccountingBillEntries = z.object({
  ...envelope,
  type: z.literal('accounting.bill.entries'),
  billId: z.string(),
  seq: z.string().min(1),
  status: z.enum(['billed', 'draft']),
  invoiceNumber: z.string().optional(),
  timeEntryIds: z.array(z.string()).max(1000),
});

/** One invoice as practice shows it on its matter. */
export const MatterInvoice = z.object({
  invoiceNumber: z.string(),
  contactId: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  amount: Amount,
  paid: Amount,
  outstanding: Amount,
  status: z.enum(['open', 'paid', 'void']),
});
export type MatterInvoice = z.infer<typeof MatterInvoice>;

/**
 * A bill's invoices as they stand now (posted, paid, reverted: then none, voided): practice keeps one copy per bill
 * for its matter, replaced only by a message of a higher `billVersion`.
 */
export const AccountingBillInvoices = z.object({
  ...envelope,
  type: z.literal('accounting.bill.invoices'),
  billId: z.string(),
  practiceMatterId: z.string(),
  billVersion: z.number().int().positive(),
  invoices: z.array(MatterInvoice),
});

export const ToPracticeMessage = z.discriminatedUnion('type', [
  AccountingBillFinalized,
  AccountingBillEntries,
  AccountingBillInvoices,
  AccountingContactUpserted,
  AccountingContactLinked,
  AccountingContactLinkFailed,
  AccountingFileLinked,
  AccountingFileLinkFailed,
  AccountingBalanceChanged,
  AccountingTimeBatchBooked,
]);

/** Practice-internal: plan (the next pages of) a time export. */
export const TimeExportPlan = z.object({
  ...envelope,
  type: z.literal('practice.time_export.plan'),
  jobId: z.string(),
  /** Where planning stands ('' = the start); a message whose cursor is not the job's is a stale duplicate. */
  cursor: z.string(),
});
export const TimeExportMessage = z.discriminatedUnion('type', [TimeExportPlan]);

/** Accounting-internal: plan a bill production job, and produce one bill of it. */
export const BillProductionPlan = z.object({
  ...envelope,
  type: z.literal('accounting.production.plan'),
  jobId: z.string(),
  cursor: z.string(),
});
/** The most bills one production message carries (they are counted on their job together). */
export const PRODUCTION_GROUP_MAX = 25;
export const ProduceBill = z
  .object({
    ...envelope,
    type: z.literal('accounting.production.bill'),
    jobId: z.string(),
    /** The bills of this message, produced in order and counted on the job in one write. */
    billIds: z.array(z.string()).min(1).max(PRODUCTION_GROUP_MAX).optional(),
    /** One bill: the message as it was before groups (still in flight across a deploy). */
    billId: z.string().optional(),
  })
  .refine((m) => !!m.billIds !== !!m.billId, { message: 'Either billIds or billId' });
/** Accounting-internal: every bill of a production job is counted; make its print batch, then end the job. */
export const BillProductionPrint = z.object({
  ...envelope,
  type: z.literal('accounting.production.print'),
  jobId: z.string(),
});
/** Accounting-internal: a bill was posted; render and store its invoice PDFs (of that posting) ahead of production. */
export const PrepareInvoices = z.object({
  ...envelope,
  type: z.literal('accounting.bill.prepare'),
  billId: z.string(),
  /** The posting the PDFs are for (the bill's `postings`); a message of an earlier one is stale. */
  postings: z.number().int(),
});
export const BillProductionMessage = z.discriminatedUnion('type', [BillProductionPlan, ProduceBill, BillProductionPrint, PrepareInvoices]);
export type BillProductionMessage = z.infer<typeof BillProductionMessage>;

/** Accounting-internal: a produced bill's invoices are stored; email them, then count the bill on its job. */
export const EmailInvoices = z.object({
  ...envelope,
  type: z.literal('accounting.bill.email'),
  jobId: z.string(),
  billId: z.string(),
});
export const InvoiceMailMessage = z.discriminatedUnion('type', [EmailInvoices]);
export type InvoiceMailMessage = z.infer<typeof InvoiceMailMessage>;
export type TimeExportMessage = z.infer<typeof TimeExportMessage>;
export type ToPracticeMessage = z.infer<typeof ToPracticeMessage>;

export type Message = ToAccountingMessage | TimeBookingMessage | ToPracticeMessage | TimeExportMessage | BillProductionMessage | InvoiceMailMessage;

/** What each queue carries: its consumer parses with this schema. */
export const messagesOf = {
  toAccounting: ToAccountingMessage,
  timeBooking: TimeBookingMessage,
  toPractice: ToPracticeMessage,
  timeExport: TimeExportMessage,
  billProduction: BillProductionMessage,
  invoiceMail: InvoiceMailMessage,
} as const satisfies Record<QueueName, z.ZodDiscriminatedUnion>;
/** What a queue carries. */
export type MessageOf<Q extends keyof typeof messagesOf> = z.infer<(typeof messagesOf)[Q]>;
/** A message as a use case writes it (its draft): the envelope's id and time are added by the outbox. */
export type MessageDraft<M extends Message> = M extends unknown ? Omit<M, 'id' | 'occurredAt'> : never;
