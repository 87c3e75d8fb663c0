import { currentLabelId, type LabelFacts, type Override } from './resolver.ts';

/**
 * Repointing references from merged (deleted) labels to the labels they now
 * stand for, record by record (pure). A merged label's id maps to the live
 * label at the end of its alias chain (A merged into B, B later into C: A
 * and B both map to C), so one pass repoints every merge there has been,
 * whichever merge's repointing was interrupted or raced another.
 *
 * A record naming an alias prices exactly as it will once repointed (the
 * resolver follows aliases and prefers a record's own override for a label
 * over one it reaches through an alias): repointing changes what records
 * say, never what they cost.
 */
export interface Aliases {
  /** The live label a merged label stands for; undefined for a live label, an unknown one or a broken chain. */
  liveOf(id: string | undefined): string | undefined;
  isHourly(id: string): boolean;
}

export function aliasesOf(labels: ReadonlyMap<string, LabelFacts>): Aliases {
  return {
    liveOf: (id) => (id && labels.get(id)?.mergedInto ? currentLabelId(labels, id) : undefined),
    isHourly: (id) => labels.get(id)?.type === 'hourly',
  };
}

/** The id a reference should name now, or undefined if it already names a live label. */
export const mergeRef = (id: string | undefined, a: Aliases): string | undefined => a.liveOf(id);

/**
 * Overrides with merged labels moved to the live label: an override keeps
 * its value under the new label unless the record already has one for it
 * (its own wins; of several moved there, the first) or the new label is not
 * hourly (then it no longer applies and is dropped). Undefined: no change.
 */
export function mergeOverrides(overrides: readonly Override[], a: Aliases): Override[] | undefined {
  if (!overrides.some((o) => a.liveOf(o.rateLabelId))) return undefined;
  const taken = new Set(overrides.filter((o) => !a.liveOf(o.rateLabelId)).map((o) => o.rateLabelId));
  return overrides.flatMap((o) => {
    const to = a.liveOf(o.rateLabelId);
    if (!to) return [o];
    if (!a.isHourly(to) || taken.has(to)) return [];
    taken.add(to);
    return [{ ...o, rateLabelId: to }];
  });
}

/** A quick code's label per role with merged labels replaced, or undefined if none is merged. */
export function mergeRoleMap(map: Readonly<Record<string, string>>, a: Aliases): Record<string, string> | undefined {
  if (!Object.values(map).some((label) => a.liveOf(label))) return undefined;
  return Object.fromEntries(Object.entries(map).map(([role, label]) => [role, a.liveOf(label) ?? label]));
}

/** The merged label's per-timekeeper values move to the target for timekeepers it has no value for. */
export function mergeTimekeeperValues(
  target: readonly { userId: string; value: string }[],
  merged: readonly { userId: string; value: string }[],
): { userId: string; value: string }[] {
  const known = new Set(target.map((v) => v.userId));
  return [...target, ...merged.filter((v) => !known.has(v.userId))];
}
