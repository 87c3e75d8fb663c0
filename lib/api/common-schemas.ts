import * as z from 'zod';
import { PageCursor, PageLimit } from '../shared/quantities.ts';

/** Query of every list route. */
export const ListQuery = z.strictObject({
  limit: PageLimit,
  cursor: PageCursor.optional(),
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
