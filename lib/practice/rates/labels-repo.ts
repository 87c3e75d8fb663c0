import { practiceKeys, practiceStore } from '../store.ts';
import type { FieldError } from '../../shared/errors.ts';
import type { LabelFacts } from './resolver.ts';
import type { RateLabel } from './schemas.ts';

/** A rate label as stored; a deleted one keeps existing as an alias of the label it was merged into. */
export interface LabelRecord extends LabelFacts {
  entity: 'rateLabel';
  firmId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deleted?: { at: string; by: string; reason: string };
}

export const labelToApi = (r: LabelRecord): RateLabel => ({
  id: r.id,
  name: r.name,
  type: r.type,
  ...(r.baseValue ? { baseValue: r.baseValue } : {}),
  active: r.active,
  timekeeperValues: [...r.timekeeperValues],
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** Every label of the firm, deleted ones included (one query: a firm has tens, not thousands). */
export async function loadLabels(firmId: string): Promise<Map<string, LabelRecord>> {
  const labels = await practiceStore.all<LabelRecord>(firmId, practiceKeys.rateLabelPrefix);
  return new Map(labels.map((l) => [l.id, l]));
}

export interface LabelRef {
  path: string;
  id: string | undefined | null;
  /** Overrides and timekeeper values apply only to hourly labels. */
  hourlyOnly?: boolean;
}

/** Field errors for references to labels that do not exist, were merged away, or cannot take a value. */
export function labelRefErrors(labels: ReadonlyMap<string, LabelRecord>, refs: readonly LabelRef[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const ref of refs) {
    if (!ref.id) continue;
    const label = labels.get(ref.id);
    if (!label) errors.push({ path: ref.path, message: 'is not a rate label of this firm' });
    else if (label.mergedInto) errors.push({ path: ref.path, message: `was merged into ${label.mergedInto}; use that label` });
    else if (ref.hourlyOnly && label.type !== 'hourly') {
      errors.push({ path: ref.path, message: `"${label.name}" is a ${label.type} label, which takes no override` });
    }
  }
  return errors;
}

/** Checks rate references of a record against the firm's labels, loading them once. */
export async function checkLabelRefs(firmId: string, refs: readonly LabelRef[]): Promise<FieldError[]> {
  if (!refs.some((r) => r.id)) return [];
  return labelRefErrors(await loadLabels(firmId), refs);
}

export const overrideRefs = (path: string, overrides: readonly { rateLabelId: string }[] | undefined): LabelRef[] =>
  (overrides ?? []).map((o, i) => ({ path: `${path}.${i}.rateLabelId`, id: o.rateLabelId, hourlyOnly: true }));
