import { z } from 'zod';
import { SyncClock } from './clock.ts';
import { ContactCommon, ContactNumber, NumberingSequence } from './contact.ts';

/**
 * Every message that crosses between the books. Both queues carry JSON bodies
 * of this union; consumers parse with it and reject anything else.
 */
const envelope = {
  id: z.string().min(1),
  firmId: z.string().min(1),
  occurredAt: z.iso.datetime(),
};

export const LinkErrorCode = z.enum(['duplicate_number', 'invalid', 'no_response', 'delivery_failed']);
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

export const ToAccountingMessage = z.discriminatedUnion('type', [
  PracticeContactUpserted,
  PracticeContactLinked,
  PracticeSettingsChanged,
]);
export type ToAccountingMessage = z.infer<typeof ToAccountingMessage>;

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

export const ToPracticeMessage = z.discriminatedUnion('type', [
  AccountingContactUpserted,
  AccountingContactLinked,
  AccountingContactLinkFailed,
]);
export type ToPracticeMessage = z.infer<typeof ToPracticeMessage>;

export type Message = ToAccountingMessage | ToPracticeMessage;
/** A message as a use case writes it: the envelope's id and time are added by the outbox. */
export type Draft<M extends Message> = M extends unknown ? Omit<M, 'id' | 'occurredAt'> : never;
