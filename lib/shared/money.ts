import { z } from 'zod';

/** Money crosses the API as a decimal string with exactly two decimals. */
export const Money = z
  .string()
  .regex(/^\d{1,12}\.\d{2}$/, 'must be a non-negative decimal string with exactly two decimals, like "230.00"');
export type Money = z.infer<typeof Money>;
