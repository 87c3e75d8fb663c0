import type { ResolvedRate } from '../rates/resolver.ts';
import type { Behavior } from '../rates/amounts.ts';
import type { EntryStatus, TimeEntry } from './schemas.ts';

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

export function toApi(r: TimeEntryRecord, historic: boolean): TimeEntry {
  return {
    id: r.id,
    matterId: r.matterId,
    timekeeperId: r.timekeeperId,
    date: r.date,
    description: r.description,
    hours: r.hours,
    billableHours: r.billableHours,
    ...(r.quickCode ? { quickCode: r.quickCode } : {}),
    behavior: r.behavior,
    ...(r.taskCode ? { taskCode: r.taskCode } : {}),
    ...(r.activityCode ? { activityCode: r.activityCode } : {}),
    rate: { ...r.rate, historic },
    amount: r.amount,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Whether resolving today would give another label or value than the entry stored. */
export function isHistoric(stored: ResolvedRate, today: ResolvedRate | undefined): boolean {
  return !today || today.labelId !== stored.labelId || today.value !== stored.value;
}

/** The list-index keys of an entry: by matter, by timekeeper and by status, each sorted by date. */
export function entryIndexKeys(r: Pick<TimeEntryRecord, 'firmId' | 'id' | 'matterId' | 'timekeeperId' | 'status' | 'date'>) {
  const sk = `${r.date}#${r.id}`;
  return {
    gsi1pk: `FIRM#${r.firmId}#MATTER#${r.matterId}#ENTRY`,
    gsi1sk: sk,
    gsi2pk: `FIRM#${r.firmId}#TK#${r.timekeeperId}#ENTRY`,
    gsi2sk: sk,
    gsi3pk: `FIRM#${r.firmId}#ENTRY#${r.status}`,
    gsi3sk: sk,
  };
}
