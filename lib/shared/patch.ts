/**
 * Applies a JSON merge-style patch one level deep: a field set to a value
 * replaces it, `null` removes it, an absent (undefined) field is left alone.
 */
export function applyPatch<T extends object>(record: T, patch: object): T {
  const next: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as T;
}
