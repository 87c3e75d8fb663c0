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
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Whether resolving today would give another label or value than the entry stored. */
export function isHistoric(stored: ResolvedRate, today: ResolvedRate | undefined): boolean {
  return !today || today.labelId !== stored.labelId || today.value !== stored.value;
}
