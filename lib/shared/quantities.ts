import * as z from 'zod';

/**
 * Hours as the API takes them: a decimal string with at most two decimals and
 * no leading zeros ("0.25", "1.5", "12"; never "00.01" or "01"), so what is
 * stored and echoed is the canonical form anyone would write.
 */
export const HoursText = z
  .string()
  .regex(/^(0|[1-9]\d?)(\.\d{1,2})?$/, 'must be a decimal string with at most two decimals and no leading zeros, like "1.5"');

/** A page size, in decimal digits only: `0x10`, `1e2` and ` 5` are not what a client meant. */
export const PageLimit = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, 'must be a whole number from 1 to 500, in decimal digits')
  .transform(Number)
  .pipe(z.number().max(500, 'must be at most 500'))
  .default(50);

export const PageCursor = z.string().min(1).max(2048);
