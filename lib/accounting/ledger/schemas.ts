import * as z from 'zod';
import { Money } from '#lib/shared/money';
import { HoursText, PageCursor, PageLimit } from '../../shared/quantities.ts';

export const LedgerType = z.enum(['billable_work', 'on_hold', 'non_billable_work']);
export type LedgerType = z.infer<typeof LedgerType>;
export const LedgerStatus = z.enum(['unbilled', 'billed']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

export const LedgerEntry = z.object({
  id: z.string(),
  fileId: z.string(),
  timeEntryId: z.string(),
  date: z.string(),
  timekeeperId: z.string(),
  timekeeperName: z.string(),
  description: z.string(),
  hours: z.string(),
  rate: Money,
  amount: Money,
  type: LedgerType,
  status: LedgerStatus,
  /** While billed: the bill, and what it billed for the entry (its amount after that bill's write-downs and discount). */
  billId: z.string().optional(),
  billedAmount: Money.optional(),
  /** Billed at 0.00; invoices show it at its full rate, written down to nothing. */
  noCharge: z.boolean().optional(),
  taskCode: z.string().optional(),
  activityCode: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerQuery = z.strictObject({
  status: LedgerStatus.optional(),
  limit: PageLimit,
  cursor: PageCursor.optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

const hours = HoursText.refine((h) => Number(h) <= 24, 'must be at most 24');

export const PatchLedgerEntry = z.strictObject({
  description: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  hours: hours.optional(),
  rate: Money.optional(),
  type: LedgerType.optional(),
});
export type PatchLedgerEntry = z.infer<typeof PatchLedgerEntry>;

export const Notification = z.object({
  id: z.string(),
  jobId: z.string(),
  message: z.string(),
  errorCount: z.number().int(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;
