import type { ResolvedRate } from '../rates/resolver.ts';
import type { Behavior } from '../rates/amounts.ts';
import type { EntryStatus } from './schemas.ts';

/** A time entry as stored: what was entered, and the rate and amount fixed when it was made. */
export interface TimeEntryRecord {
  entity: 'timeEntry';
  firmId: string;
  id: string;
  matterId: string;
  timekeeperId: string;
  date: string;
  description: string;
  hours: string;
  billableHours: string;
  quickCode?: string;
  /** What the user asked for, kept so a later edit or the historic check resolves the same way. */
  requested: { rateLabelId?: string; rateValue?: string; amount?: string };
  behavior: Behavior;
  taskCode?: string;
  activityCode?: string;
  rate: ResolvedRate;
  amount: string;
  status: EntryStatus;
  /** The export job that holds the entry while accounting books it (set by the lock). */
  exportJobId?: string;
  /** The bill the entry is on, once accounting billed it; kept when the bill goes back to draft. */
  billId?: string;
  /** The invoice that billed the entry (absent unless billed). */
  invoiceNumber?: string;
  /** The seq of the last bill news applied (time-entry.entity.ts `applyBilling`). */
  billingSeq?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Whether resolving today would give another label or value than the entry stored. */
export function isHistoric(stored: ResolvedRate, today: ResolvedRate | undefined): boolean {
  return !today || today.labelId !== stored.labelId || today.value !== stored.value;
}
