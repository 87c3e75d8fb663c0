import type { FilterPattern } from '#lib/declaration';

/**
 * Lambda's event filtering, for the subset of patterns the declaration uses:
 * nested objects whose leaves are lists of allowed exact values.
 */
export function matchesFilter(event: unknown, pattern: FilterPattern): boolean {
  if (event === null || typeof event !== 'object') return false;
  return Object.entries(pattern).every(([key, rule]) => {
    const value = (event as Record<string, unknown>)[key];
    if (Array.isArray(rule)) return rule.includes(value as string | number | boolean);
    return matchesFilter(value, rule as FilterPattern);
  });
}
