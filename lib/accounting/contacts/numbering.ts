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

/**
 * The counter value a hand-given number stands for, if it is a plain number
 * (`"0042"` → 42; the value, like the number's claim, ignores leading zeros).
 * Up to 15 significant digits, so the value is exact.
 */
export function numericValue(number: string): number | undefined {
  if (!/^\d+$/.test(number)) return undefined;
  const digits = number.replace(/^0+(?=\d)/, '');
  return digits.length <= 15 ? Number(digits) : undefined;
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
