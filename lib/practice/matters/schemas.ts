import * as z from 'zod';
import { ContactNumber } from '#events/contact';
import { MatterInvoice as ReportedInvoice } from '#events/messages';
import { Money } from '#lib/shared/money';
import { Link } from '#lib/sync/link';
import { RateOverride } from '../contacts/schemas.ts';
import { PageCursor, PageLimit } from '../../shared/quantities.ts';

const Id = z.string().min(1).max(64);

export const ClientIds = z
  .array(Id)
  .min(1, 'must name at least one client')
  .max(20, 'may name at most 20 clients')
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a client twice');

/** Payment terms in whole days, as JSON numbers (0 = due on the invoice date). */
const PaymentTermsDays = z.number().int('must be a whole number of days').min(0, 'must be at least 0').max(365, 'must be at most 365');

export const MatterBilling = z.strictObject({
  rateLabelId: Id.optional(),
  customRatesEnabled: z.boolean().optional(),
  rateOverrides: z.array(RateOverride).max(100).optional(),
  emailInvoices: z.boolean().optional(),
  ledesEnabled: z.boolean().optional(),
  clientMatterId: z.string().trim().min(1).max(40).optional(),
  /** Producing the matter's bills adds their invoices to the job's print batch (default false). */
  printInvoices: z.boolean().optional(),
  /** Days from invoice date to due date; absent = the firm's default (accounting settings `billing.paymentTermsDays`). */
  paymentTermsDays: PaymentTermsDays.optional(),
});
export type MatterBillingInput = z.infer<typeof MatterBilling>;

const name = z.string().trim().min(1, 'must not be empty').max(200);

export const CreateMatter = z.strictObject({
  name,
  clientIds: ClientIds,
  fileReference: ContactNumber.optional(),
  billing: MatterBilling.optional(),
});
export type CreateMatter = z.infer<typeof CreateMatter>;

/** Billing fields may be sent as null to clear them (`paymentTermsDays: null`: back to the firm's default). */
export const PatchMatter = z.strictObject({
  name: name.optional(),
  fileReference: ContactNumber.optional(),
  billing: MatterBilling.extend({
    rateLabelId: Id.nullable().optional(),
    clientMatterId: z.string().trim().min(1).max(40).nullable().optional(),
    paymentTermsDays: PaymentTermsDays.nullable().optional(),
  }).optional(),
});
export type PatchMatter = z.infer<typeof PatchMatter>;

export const PutMatterClients = z.strictObject({ clientIds: ClientIds });

export const Billing = z.object({
  rateLabelId: z.string().optional(),
  customRatesEnabled: z.boolean(),
  rateOverrides: z.array(RateOverride),
  emailInvoices: z.boolean(),
  ledesEnabled: z.boolean(),
  clientMatterId: z.string().optional(),
  printInvoices: z.boolean(),
  /** Absent: the firm's default terms apply. */
  paymentTermsDays: z.number().int().optional(),
});
export type Billing = z.infer<typeof Billing>;

export const Matter = z.object({
  id: z.string(),
  name: z.string(),
  clientIds: z.array(z.string()),
  primaryClientId: z.string(),
  fileReference: z.string().nullable(),
  billing: Billing,
  link: Link,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Matter = z.infer<typeof Matter>;

export const MatterBalance = z.object({
  unbilled: Money,
  billed: Money,
  paid: Money,
  outstanding: z.string(),
  /** When accounting last reported; null until it has. */
  updatedAt: z.string().nullable(),
});
export type MatterBalance = z.infer<typeof MatterBalance>;

export const MatterListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor.optional(),
  search: z.string().trim().min(1).max(200).optional(),
  clientId: Id.optional(),
});
export type MatterListQuery = z.infer<typeof MatterListQuery>;

/**
 * One of a matter's invoices as practice last heard of it from accounting, with the bill it belongs to;
 * `overdue`: still open after its due date (today, UTC).
 */
export const MatterInvoice = ReportedInvoice.extend({ billId: z.string(), overdue: z.boolean() });
export type MatterInvoice = z.infer<typeof MatterInvoice>;

export const MatterInvoiceListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor.optional(),
});
export type MatterInvoiceListQuery = z.infer<typeof MatterInvoiceListQuery>;
