import * as z from 'zod';

/** Query of every list route. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1).max(500).default(50),
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
});
