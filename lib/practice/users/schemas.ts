import * as z from 'zod';
import { Money } from '#lib/shared/money';

/** The LOC revised timekeeper classifications (2014), as LEDES files carry them. */
export const TIMEKEEPER_CLASSIFICATIONS = [
  'ADJSTR', 'ADJSMT', 'ANALST', 'ARBITR', 'ASSOC', 'TRANEE', 'AUDITR', 'CLKSEC', 'CONSLT', 'TEMPAT', 'TEMPOS', 'CSTCNS',
  'CTRPTR', 'DSCATT', 'DSCPMG', 'DSCANJ', 'DSCANS', 'DOCCDR', 'DOCRAT', 'DOCRNA', 'EVDEVL', 'EXPERT', 'FLTFEE', 'FORANL',
  'HLNLPF', 'INVSTG', 'IPSVPV', 'IPAGNT', 'LGLAST', 'LGLINT', 'LGPRMG', 'LIBRRN', 'MEDITR', 'MDRCRV', 'OFCOUN', 'NBOTHR',
  'PARALG', 'PARTNR', 'RSRCHR', 'RSPROF', 'SECNDE', 'SPAGNT', 'SOLDSG', 'STFATT', 'STFCNS', 'TPADMN', 'TRAINR', 'TRNDEV',
  'TRNFAG', 'TRANSL', 'VIDOGR',
] as const;
export const Classification = z.enum(TIMEKEEPER_CLASSIFICATIONS);

const Id = z.string().min(1).max(64);
export const CustomRate = z.strictObject({ rateLabelId: Id, value: Money });

const userFields = {
  name: z.string().trim().min(1, 'must not be empty').max(100),
  /** Given and family names, for LEDES TIMEKEEPER_NAME ("Last, First"); without them the surname is guessed from `name`. */
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().min(1).max(100).optional(),
  email: z.email('must be an email address').max(254),
  systemRoleId: Id.optional(),
  defaultRateLabelId: Id.optional(),
  classification: Classification.optional(),
  ledesId: z.string().trim().min(1).max(20).regex(/^[^|\r\n]+$/, 'must not contain "|" or line breaks').optional(),
  customRates: z.array(CustomRate).max(100).optional(),
};

export const CreateUser = z.strictObject(userFields);
export type CreateUser = z.infer<typeof CreateUser>;

/** Optional references may be sent as null to clear them. */
export const PatchUser = z.strictObject({
  name: userFields.name.optional(),
  email: userFields.email.optional(),
  firstName: userFields.firstName.unwrap().nullable().optional(),
  lastName: userFields.lastName.unwrap().nullable().optional(),
  systemRoleId: Id.nullable().optional(),
  defaultRateLabelId: Id.nullable().optional(),
  classification: Classification.nullable().optional(),
  ledesId: userFields.ledesId.unwrap().nullable().optional(),
  customRates: userFields.customRates,
});
export type PatchUser = z.infer<typeof PatchUser>;

export const User = z.object({
  id: z.string(),
  name: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string(),
  systemRoleId: z.string().optional(),
  defaultRateLabelId: z.string().optional(),
  classification: z.string().optional(),
  ledesId: z.string().optional(),
  customRates: z.array(z.object({ rateLabelId: z.string(), value: Money })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;
