import * as z from 'zod';

export const FileNumbering = z.strictObject({
  prefix: z.string().max(10).regex(/^[A-Za-z0-9-]*$/, 'may hold only letters, digits and "-"'),
  width: z.number().int('must be a whole number').min(1).max(12),
});

export const FirmDetails = z.strictObject({
  name: z.string().trim().max(200),
  address: z.string().trim().max(500),
  lawFirmId: z.string().trim().max(40),
});

export const AccountingSettingsInput = z.strictObject({
  separateContactNumbering: z.boolean(),
  fileNumbering: FileNumbering,
  firm: FirmDetails,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "USD"'),
  /** Extra to the contract: while on (the default) accounting syncs with practice and refuses groups. */
  integrationEnabled: z.boolean().optional(),
});
export type AccountingSettingsInput = z.infer<typeof AccountingSettingsInput>;

export const AccountingSettings = AccountingSettingsInput.extend({
  integrationEnabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type AccountingSettings = z.infer<typeof AccountingSettings>;
