import * as z from 'zod';

export const CreateAccountingUser = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  email: z.email('must be an email address').max(254),
});
export type CreateAccountingUser = z.infer<typeof CreateAccountingUser>;

export const AccountingUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountingUser = z.infer<typeof AccountingUser>;
