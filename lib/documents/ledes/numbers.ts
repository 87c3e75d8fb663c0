import { Big } from '../../shared/money.ts';

/** Dates in a LEDES file: `YYYYMMDD`, a real calendar day (reference §1.3). */
export function isLedesDate(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return false;
  return isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Number and currency fields (§1.3, Tracker 004, Lexitree): only digits, one
 * `.`, and `-` as the first character; up to `intDigits` integer digits and 4
 * decimals. The spec sample itself writes `2.00`, `0.200`, `289.5`, `1250.`,
 * `-70` and `630`, so 0–4 decimals and a trailing dot are all accepted.
 */
export const ledesNumberPattern = (intDigits: number) => new RegExp(`^-?\\d{1,${intDigits}}(\\.\\d{0,4})?$`);

/** Reads a value already matched by {@link ledesNumberPattern} ("1250." included). */
export function ledesBig(value: string): Big {
  return new Big(value.endsWith('.') ? value.slice(0, -1) : value);
}

/** Number of digits after the decimal point as written ("1250." → 0, "0.200" → 3). */
export function writtenDecimals(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** Why a number field is malformed, in the words of the receivers' error lists. */
export function numberFormatHint(value: string): string {
  if (/[$€£]/.test(value)) return 'currency symbols are not allowed';
  if (value.includes(',')) return 'thousands separators (commas) are not allowed';
  if (/\s/.test(value)) return 'spaces are not allowed';
  if (value.includes('+')) return "only '-' may be used as a sign";
  if (/.-/.test(value)) return "the negative sign must be the first character, e.g. '-10'";
  if (/[eE]/.test(value)) return 'exponent notation is not allowed';
  return '';
}
