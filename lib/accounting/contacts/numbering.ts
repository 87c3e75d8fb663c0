import type { NumberingSequence } from '#events/contact';
import type { NumberRequest, NumberSpace } from '../numbering/claims.ts';

/**
 * Contact numbering rules, pure. Numbers are unique per firm, and per
 * sequence only when separate numbering is switched on in both books.
 */
export function numberingSequenceFor(
  accountingSeparate: boolean,
  practiceSeparate: boolean,
  requested: NumberingSequence,
): NumberingSequence {
  return accountingSeparate && practiceSeparate ? requested : 'client';
}

/** The counter value a hand-given number stands for, if it is a plain number (`"0042"` → 42). */
export function numericValue(number: string): number | undefined {
  if (!/^\d{1,15}$/.test(number)) return undefined;
  return Number(number);
}

/** A contact sequence as a number space: plain numbers, one counter per sequence. */
export const contactNumberSpace = (sequence: NumberingSequence): NumberSpace => ({
  name: { kind: 'contact', sequence },
  format: (counter) => String(counter),
  valueOf: numericValue,
});

/** Moving a contact to another number: the new one is claimed and the old one freed at once. */
export function renumbering(
  current: { firmId: string; id: string; numberSpace: NumberingSequence; contactNumber: string },
  requested: string,
): NumberRequest {
  return {
    firmId: current.firmId,
    space: contactNumberSpace(current.numberSpace),
    requested,
    ownerId: current.id,
    releasing: current.contactNumber,
  };
}
