import * as z from 'zod';
import { contactCommonShape, ContactKind, ContactNumber, NumberingSequence, Address } from '#events/contact';
import { Link } from '#lib/sync/link';

/** Accounting knows one more kind than practice: groups, refused while the integration is on. */
export const AccountingContactKind = z.enum([...ContactKind.options, 'group']);
export type AccountingContactKind = z.infer<typeof AccountingContactKind>;

export const CreateAccountingContact = z.strictObject({
  ...contactCommonShape,
  kind: AccountingContactKind,
  numberingSequence: NumberingSequence.optional(),
  contactNumber: ContactNumber.optional(),
});
export type CreateAccountingContact = z.infer<typeof CreateAccountingContact>;

export const PatchAccountingContact = z.strictObject({
  kind: AccountingContactKind.optional(),
  name: contactCommonShape.name.optional(),
  firstName: contactCommonShape.firstName.nullable(),
  lastName: contactCommonShape.lastName.nullable(),
  email: contactCommonShape.email.nullable(),
  phone: contactCommonShape.phone.nullable(),
  address: Address.nullable().optional(),
  contactNumber: ContactNumber.optional(),
});
export type PatchAccountingContact = z.infer<typeof PatchAccountingContact>;

export const AccountingContact = z.object({
  id: z.string(),
  ...contactCommonShape,
  kind: AccountingContactKind,
  numberingSequence: NumberingSequence,
  contactNumber: z.string(),
  link: Link,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountingContact = z.infer<typeof AccountingContact>;
