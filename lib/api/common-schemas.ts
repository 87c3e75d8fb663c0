import * as z from 'zod';

/** Query of every list route. */
export const ListQuery = z.strictObject({
  // Decimal digits only: `0x10`, `1e2` and ` 5` are not what a client meant by a page size.
  limit: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'must be a whole number from 1 to 500, in decimal digits')
    .transform(Number)
    .pipe(z.number().max(500, 'must be at most 500'))
    .default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

export const SearchQuery = ListQuery.extend({
  search: z.string().trim().min(1).max(200).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type { Page } from '../shared/page.ts';

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The request's id (API Gateway's), to quote when asking about a failure. */
  requestId: z.string().optional(),
});
