import * as z from 'zod';

/**
 * The fields a contact has in both books. They are the only contact facts that
 * cross between practice and accounting, so they live here, beside the
 * messages, rather than in either book.
 */
export const ContactKind = z.enum(['person', 'organization']);
export type ContactKind = z.infer<typeof ContactKind>;

export const NumberingSequence = z.enum(['client', 'vendor', 'other']);
export type NumberingSequence = z.infer<typeof NumberingSequence>;

/** A contact number: no `*`, no white space (the accounting book's rule). */
export const ContactNumber = z
  .string()
  .min(1, 'must not be empty')
  .max(30, 'must be at most 30 characters')
  .regex(/^[^*\s]+$/, 'must not contain "*" or spaces');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const Address = z.strictObject({
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  region: text(100).optional(),
  postcode: text(20),
  country: text(60),
});
export type Address = z.infer<typeof Address>;

export const contactCommonShape = {
  kind: ContactKind,
  name: text(200),
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  email: z.email('must be an email address').max(254).optional(),
  phone: text(40).optional(),
  address: Address.optional(),
};

export const ContactCommon = z.object(contactCommonShape);
export type ContactCommon = z.infer<typeof ContactCommon>;

/** The names of the common fields, for copying them between records. */
export const commonFieldNames = Object.keys(contactCommonShape) as (keyof ContactCommon)[];

export function pickCommon(source: ContactCommon): ContactCommon {
  const picked: Record<string, unknown> = {};
  for (const name of commonFieldNames) if (source[name] !== undefined) picked[name] = source[name];
  return picked as ContactCommon;
}
