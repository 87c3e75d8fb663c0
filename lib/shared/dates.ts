import * as z from 'zod';

/** The years a law firm's dates fall in: anything else (0000, 9999) is a typing slip, not a date. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** A real calendar date as `YYYY-MM-DD` (2026-02-30 is refused), in the years above. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real calendar date')
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `must be a date from ${FIRST_YEAR} to ${LAST_YEAR}`);
export type IsoDate = z.infer<typeof IsoDate>;
