import type * as z from 'zod';
import type { FieldError } from '../shared/errors.ts';

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** zod issues as the contract's `errors[]`: one entry per bad field, unknown fields named one by one. */
export function fieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: pathOf([...path, key]), message: 'is not a known field' });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push({ path: pathOf(path), message: issue.message });
    } else {
      out.push({ path: pathOf(path), message: issue.message });
    }
  }
  return out;
}
