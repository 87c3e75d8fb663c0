import type { Override } from './resolver.ts';

/**
 * Repointing references from a deleted label to the label it is merged into,
 * record by record (pure). Overrides keep their value under the new label
 * unless the record already has one for it (the existing one wins) or the new
 * label is not hourly (then they no longer apply and are dropped).
 */
export interface MergeSpec {
  from: string;
  to: string;
  toIsHourly: boolean;
}

export function mergeOverrides(overrides: readonly Override[], m: MergeSpec): Override[] | undefined {
  if (!overrides.some((o) => o.rateLabelId === m.from)) return undefined;
  const hasTarget = overrides.some((o) => o.rateLabelId === m.to);
  return overrides.flatMap((o) => {
    if (o.rateLabelId !== m.from) return [o];
    return m.toIsHourly && !hasTarget ? [{ ...o, rateLabelId: m.to }] : [];
  });
}

export const mergeRef = (id: string | undefined, m: MergeSpec) => (id === m.from ? m.to : undefined);

export function mergeRoleMap(map: Readonly<Record<string, string>>, m: MergeSpec): Record<string, string> | undefined {
  if (!Object.values(map).includes(m.from)) return undefined;
  return Object.fromEntries(Object.entries(map).map(([role, label]) => [role, label === m.from ? m.to : label]));
}

/** The merged label's per-timekeeper values move to the target for timekeepers it has no value for. */
export function mergeTimekeeperValues(
  target: readonly { userId: string; value: string }[],
  merged: readonly { userId: string; value: string }[],
): { userId: string; value: string }[] {
  const known = new Set(target.map((v) => v.userId));
  return [...target, ...merged.filter((v) => !known.has(v.userId))];
}
