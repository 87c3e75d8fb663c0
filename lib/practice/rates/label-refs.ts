import type { FieldError } from '../../shared/errors.ts';
import { rateLabelEntity } from '../entities/rate-label.entity.ts';
import type { LabelRecord } from './model.ts';

/** A reference to a rate label from a field of another record. */
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
  return labelRefErrors(await rateLabelEntity.byId(firmId), refs);
}

export const overrideRefs = (path: string, overrides: readonly { rateLabelId: string }[] | undefined): LabelRef[] =>
  (overrides ?? []).map((o, i) => ({ path: `${path}.${i}.rateLabelId`, id: o.rateLabelId, hourlyOnly: true }));
