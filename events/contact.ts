import * as z from 'zod';
import { MAX_NUMBER_LENGTH, numberProblem } from './contact-number.ts';

/**
 * The fields a contact has in both books. They are the only contact facts that
 * cross between practice and accounting, so they live here, beside the
 * messages, rather than in either book.
 */
export const ContactKind = z.enum(['person', 'organization']);
export type ContactKind = z.infer<typeof ContactKind>;

export const NumberingSequence = z.enum(['client', 'vendor', 'other']);
export type NumberingSequence = z.infer<typeof NumberingSequence>;

/**
 * A contact number (and a file number: the same rules). No `*`, no white
 * space (the accounting book's rule), and nothing a reader could not tell
 * from another number: see contact-number.ts. Length and the basic pattern
 * stay plain checks so the OpenAPI shows them; the rest runs only on what
 * passed them, so a bad number gets one reason.
 */
export const ContactNumber = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_NUMBER_LENGTH, `must be at most ${MAX_NUMBER_LENGTH} characters`)
  .regex(/^[^*\s]*$/, 'must not contain "*" or spaces')
  .check((ctx) => {
    if (ctx.issues.length) return;
    const problem = numberProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .meta({
    description:
      'No `*` or look-alikes, spaces, control or invisible characters; typed in its plain (NFKC) form with the digits 0-9. ' +
      'Compared case-insensitively, a trailing number by value (`0124` = `124`, `M00050` = `m50`); shown as typed.',
  });

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
