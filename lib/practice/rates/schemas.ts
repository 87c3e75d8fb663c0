import * as z from 'zod';
import { Money } from '#lib/shared/money';

export const RateLabelType = z.enum(['hourly', 'fixed', 'custom']);
export type RateLabelType = z.infer<typeof RateLabelType>;

const Id = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'must not be empty').max(100);

export const TimekeeperValue = z.strictObject({ userId: Id, value: Money });

const labelFields = {
  name,
  baseValue: Money.optional(),
  active: z.boolean().optional(),
  timekeeperValues: z.array(TimekeeperValue).max(500).optional(),
};

/** Only hourly labels carry values: fixed and custom take theirs from each entry. */
function hourlyOnly(label: { type?: RateLabelType; baseValue?: string | null; timekeeperValues?: unknown[] | null }, ctx: z.RefinementCtx) {
  if (label.type === 'hourly' && !label.baseValue) ctx.addIssue({ code: 'custom', path: ['baseValue'], message: 'is required for an hourly label' });
  if (label.type && label.type !== 'hourly') {
    if (label.baseValue != null) ctx.addIssue({ code: 'custom', path: ['baseValue'], message: `is only for hourly labels, not ${label.type}` });
    if (label.timekeeperValues != null) ctx.addIssue({ code: 'custom', path: ['timekeeperValues'], message: `are only for hourly labels, not ${label.type}` });
  }
}

/** A label without a type is hourly (seed 004), so it needs a base value like any hourly label. */
export const CreateRateLabel = z.strictObject({ ...labelFields, type: RateLabelType.default('hourly') }).superRefine(hourlyOnly);
export type CreateRateLabel = z.infer<typeof CreateRateLabel>;

export const PatchRateLabel = z.strictObject({
  name: name.optional(),
  baseValue: Money.optional(),
  active: z.boolean().optional(),
  timekeeperValues: z.array(TimekeeperValue).max(500).optional(),
});
export type PatchRateLabel = z.infer<typeof PatchRateLabel>;

export const DeleteRateLabel = z.strictObject({
  mergeIntoId: Id,
  reason: z.string().trim().min(1, 'must say why').max(500),
});
export type DeleteRateLabel = z.infer<typeof DeleteRateLabel>;

export const RateLabel = z.object({
  id: z.string(),
  name: z.string(),
  type: RateLabelType,
  baseValue: Money.optional(),
  active: z.boolean(),
  timekeeperValues: z.array(z.object({ userId: z.string(), value: Money })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RateLabel = z.infer<typeof RateLabel>;

export const PutSystemRole = z.strictObject({ name, defaultRateLabelId: Id.optional() });
export type PutSystemRole = z.infer<typeof PutSystemRole>;

export const SystemRole = z.object({
  id: z.string(),
  name: z.string(),
  defaultRateLabelId: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SystemRole = z.infer<typeof SystemRole>;

/** UTBMS task codes (L110, B120, P300…) and activity codes (A101…). */
export const TaskCode = z.string().regex(/^[A-Z]\d{3}$/, 'must be a UTBMS task code like L110');
export const ActivityCode = z.string().regex(/^A\d{3}$/, 'must be a UTBMS activity code like A101');

export const QuickCodeValue = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, 'must be 1–20 letters, digits, ".", "_" or "-"');

export const CreateQuickCode = z.strictObject({
  code: QuickCodeValue,
  description: z.string().trim().min(1).max(500),
  rateLabelByRole: z.record(Id, Id).default({}),
  taskCode: TaskCode.optional(),
  activityCode: ActivityCode.optional(),
});
export type CreateQuickCode = z.infer<typeof CreateQuickCode>;

export const QuickCode = z.object({
  code: z.string(),
  description: z.string(),
  rateLabelByRole: z.record(z.string(), z.string()),
  taskCode: z.string().optional(),
  activityCode: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuickCode = z.infer<typeof QuickCode>;
