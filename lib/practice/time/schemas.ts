import * as z from 'zod';
import { IsoDate } from '#lib/shared/dates';
import { Money } from '#lib/shared/money';
import { ActivityCode, QuickCodeValue, RateLabelType, TaskCode } from '../rates/schemas.ts';
import { HoursText, PageCursor, PageLimit } from '../../shared/quantities.ts';

const Id = z.string().min(1).max(64);

/** Hours as a decimal string with at most two decimals, e.g. "1.5" or "0.25". */
export const Hours = HoursText.refine((h) => Number(h.replace('.', '')) > 0 && Number(h) <= 24, 'must be more than 0 and at most 24');
export const BillableHours = HoursText.refine((h) => Number(h) <= 24, 'must be at most 24');

export const Behavior = z.enum(['bill', 'hide', 'no_charge', 'non_billable']);
export const EntryStatus = z.enum(['open', 'draft', 'billed']);
export type EntryStatus = z.infer<typeof EntryStatus>;

const entryFields = {
  matterId: Id,
  timekeeperId: Id,
  date: IsoDate,
  description: z.string().trim().min(1, 'must not be empty').max(2000),
  hours: Hours,
  billableHours: BillableHours.optional(),
  quickCode: QuickCodeValue.optional(),
  rateLabelId: Id.optional(),
  rateValue: Money.optional(),
  amount: Money.optional(),
  behavior: Behavior,
  taskCode: TaskCode.optional(),
  activityCode: ActivityCode.optional(),
};

export const CreateTimeEntry = z.strictObject(entryFields);
export type CreateTimeEntry = z.infer<typeof CreateTimeEntry>;

/** Optional fields may be sent as null to clear them. */
export const PatchTimeEntry = z.strictObject({
  matterId: Id.optional(),
  timekeeperId: Id.optional(),
  date: IsoDate.optional(),
  description: entryFields.description.optional(),
  hours: Hours.optional(),
  billableHours: BillableHours.nullable().optional(),
  quickCode: QuickCodeValue.nullable().optional(),
  rateLabelId: Id.nullable().optional(),
  rateValue: Money.nullable().optional(),
  amount: Money.nullable().optional(),
  behavior: Behavior.optional(),
  taskCode: TaskCode.nullable().optional(),
  activityCode: ActivityCode.nullable().optional(),
});
export type PatchTimeEntry = z.infer<typeof PatchTimeEntry>;

export const EntryRate = z.object({
  labelId: z.string(),
  labelName: z.string(),
  type: RateLabelType,
  value: Money,
  labelSource: z.enum(['entry', 'matter', 'quick_code', 'timekeeper', 'system_role', 'default']),
  valueSource: z.enum(['matter_override', 'client_override', 'timekeeper_override', 'base', 'entry']),
  historic: z.boolean(),
});

export const TimeEntry = z.object({
  id: z.string(),
  matterId: z.string(),
  timekeeperId: z.string(),
  date: z.string(),
  description: z.string(),
  hours: z.string(),
  billableHours: z.string(),
  quickCode: z.string().optional(),
  behavior: Behavior,
  taskCode: z.string().optional(),
  activityCode: z.string().optional(),
  rate: EntryRate,
  amount: Money,
  status: EntryStatus,
  /** The invoice that billed the entry, while it is billed. */
  invoiceNumber: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

export const TimeEntryQuery = z
  .strictObject({
    matterId: Id.optional(),
    timekeeperId: Id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    status: EntryStatus.optional(),
    limit: PageLimit,
    cursor: PageCursor.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type TimeEntryQuery = z.infer<typeof TimeEntryQuery>;
