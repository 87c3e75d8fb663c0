import type { NumberingSequence } from '#events/contact';

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

/** The next automatic number after the counter. */
export const autoNumber = (counter: number): string => String(counter + 1);

/**
 * Where the counter must stand after `number` is taken: automatic numbers
 * step it by one; a hand-given plain number beyond it moves it on from there.
 * `undefined` means the counter is left alone.
 */
export function counterAfter(counter: number, number: string): number | undefined {
  const value = numericValue(number);
  return value !== undefined && value > counter ? value : undefined;
}
