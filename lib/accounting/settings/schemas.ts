import * as z from 'zod';

export const FileNumbering = z.strictObject({
  prefix: z.string().max(10).regex(/^[A-Za-z0-9-]*$/, 'may hold only letters, digits and "-"'),
  width: z.number().int('must be a whole number').min(1).max(12),
});

export const FirmDetails = z.strictObject({
  name: z.string().trim().max(200),
  address: z.string().trim().max(500),
  lawFirmId: z.string().trim().max(40),
  /** The Reply-To of invoice emails. */
  email: z.email('must be an email address').optional(),
  phone: z.string().trim().min(1).max(40).optional(),
  taxId: z.string().trim().min(1).max(40).optional(),
});

/** How invoices are paid: the terms that set each invoice's due date, and how to pay (printed on invoices). */
export const BillingTerms = z.strictObject({
  paymentTermsDays: z.number().int('must be a whole number of days').min(0).max(365).default(30),
  remittance: z.string().trim().min(1).max(1000).optional(),
});
export type BillingTerms = z.infer<typeof BillingTerms>;
export const DEFAULT_BILLING_TERMS: BillingTerms = { paymentTermsDays: 30 };

export const AccountingSettingsInput = z.strictObject({
  separateContactNumbering: z.boolean(),
  fileNumbering: FileNumbering,
  firm: FirmDetails,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "USD"'),
  /** Left out: the terms stay as they are (30 days until set). */
  billing: BillingTerms.optional(),
  /** Extra to the contract: while on (the default) accounting syncs with practice and refuses groups. */
  integrationEnabled: z.boolean().optional(),
});
export type AccountingSettingsInput = z.infer<typeof AccountingSettingsInput>;

export const AccountingSettings = AccountingSettingsInput.extend({
  billing: z.object({ paymentTermsDays: z.number().int(), remittance: z.string().optional() }),
  integrationEnabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type AccountingSettings = z.infer<typeof AccountingSettings>;
