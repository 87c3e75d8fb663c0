import type { ExportedEntry } from '#events/messages';
import { money, toMoney } from '../../shared/money.ts';
import type { LedgerEntry, LedgerType } from './schemas.ts';

/** A client ledger entry as stored, and the pure rules that make and change it. */
export interface LedgerRecord extends LedgerEntry {
  entity: 'ledgerEntry';
  firmId: string;
  /** A fixed fee: `rate` is the whole amount, whatever the hours. */
  fixed: boolean;
  /** For LEDES: the timekeeper's e-billing id and classification, as practice sent them. */
  timekeeperLedesId?: string;
  /** Given and family names from practice, for LEDES TIMEKEEPER_NAME. */
  timekeeperFirstName?: string;
  timekeeperLastName?: string;
  timekeeperClassification?: string;
  /** The bill that billed it, and what it billed (after write-downs and the bill's discount), while billed. */
  billId?: string;
  billedAmount?: string;
  /** A no-charge entry: billed at 0.00, shown (and in LEDES) at its full rate, written down to nothing. */
  noCharge?: boolean;
  listRate?: string;
}

/** The same id for the same time entry, every time: what makes booking it exactly-once. */
export const ledgerIdFor = (timeEntryId: string) => `le_${timeEntryId.replace(/^te_/, '')}`;

/** bill → billable work; hide → on hold; no charge → billable work at 0.00; non-billable → non-billable work. */
export function ledgerTypeOf(behavior: ExportedEntry['behavior']): LedgerType {
  if (behavior === 'hide') return 'on_hold';
  if (behavior === 'non_billable') return 'non_billable_work';
  return 'billable_work';
}

export function ledgerAmount(type: LedgerType, fixed: boolean, rate: string, hours: string): string {
  if (type === 'non_billable_work') return '0.00';
  return fixed ? toMoney(money(rate)) : toMoney(money(rate).times(hours));
}

/** What a ledger entry adds to its file's unbilled balance: billable work only. */
export const unbilledValue = (r: Pick<LedgerRecord, 'type' | 'amount' | 'status'>) =>
  r.type === 'billable_work' && r.status === 'unbilled' ? r.amount : '0.00';

export function fromExport(firmId: string, e: ExportedEntry, timekeeperId: string, now: string): LedgerRecord {
  const type = ledgerTypeOf(e.behavior);
  const fixed = e.rateType === 'fixed';
  const rate = e.behavior === 'no_charge' ? '0.00' : e.rate;
  return {
    entity: 'ledgerEntry',
    firmId,
    id: ledgerIdFor(e.timeEntryId),
    fileId: e.accountingFileId,
    timeEntryId: e.timeEntryId,
    date: e.date,
    timekeeperId,
    timekeeperName: e.timekeeperName,
    ...(e.timekeeperLedesId ? { timekeeperLedesId: e.timekeeperLedesId } : {}),
    ...(e.timekeeperFirstName ? { timekeeperFirstName: e.timekeeperFirstName } : {}),
    ...(e.timekeeperLastName ? { timekeeperLastName: e.timekeeperLastName } : {}),
    ...(e.timekeeperClassification ? { timekeeperClassification: e.timekeeperClassification } : {}),
    description: e.description,
    hours: e.billableHours,
    rate,
    amount: e.behavior === 'no_charge' || e.behavior === 'non_billable' ? '0.00' : e.amount,
    type,
    fixed,
    ...(e.behavior === 'no_charge' ? { noCharge: true, listRate: e.rate } : {}),
    status: 'unbilled',
    ...(e.taskCode ? { taskCode: e.taskCode } : {}),
    ...(e.activityCode ? { activityCode: e.activityCode } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
