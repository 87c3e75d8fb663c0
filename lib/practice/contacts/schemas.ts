import * as z from 'zod';
import { contactCommonShape, ContactKind, ContactNumber, NumberingSequence, Address } from '#events/contact';
import { Money } from '#lib/shared/money';
import { Link } from '#lib/sync/link';

export const RateOverride = z.strictObject({ rateLabelId: z.string().min(1).max(64), value: Money });

export const CreatePracticeContact = z.strictObject({
  ...contactCommonShape,
  numberingSequence: NumberingSequence.optional(),
  reference: ContactNumber.optional(),
  rateOverrides: z.array(RateOverride).max(100).optional(),
});
export type CreatePracticeContact = z.infer<typeof CreatePracticeContact>;

/** Optional fields may be sent as null to clear them. */
export const PatchPracticeContact = z.strictObject({
  kind: ContactKind.optional(),
  name: contactCommonShape.name.optional(),
  firstName: contactCommonShape.firstName.nullable(),
  lastName: contactCommonShape.lastName.nullable(),
  email: contactCommonShape.email.nullable(),
  phone: contactCommonShape.phone.nullable(),
  address: Address.nullable().optional(),
  numberingSequence: NumberingSequence.optional(),
  reference: ContactNumber.nullable().optional(),
  rateOverrides: z.array(RateOverride).max(100).optional(),
});
export type PatchPracticeContact = z.infer<typeof PatchPracticeContact>;

export const PracticeContact = z.object({
  id: z.string(),
  ...contactCommonShape,
  numberingSequence: NumberingSequence,
  reference: z.string().nullable(),
  rateOverrides: z.array(RateOverride),
  link: Link,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PracticeContact = z.infer<typeof PracticeContact>;
