import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { commit, explainConflict, refusedAt, type TxItem } from '../../aws/transactions.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { timeEntryEntity } from '../entities/time-entry.entity.ts';
import { resolveRate } from '../rates/resolver.ts';
import { entryAmount } from '../rates/amounts.ts';
import { loadRateContexts, type ContextResult } from './rate-context.ts';
import { isHistoric, type TimeEntryRecord } from './model.ts';
import type { CreateTimeEntry, PatchTimeEntry, TimeEntry, TimeEntryQuery } from './schemas.ts';
import { applyPatch } from '../../shared/patch.ts';
import { ledesCodeErrors, missingCodes } from './ledes-codes.ts';

/** An entry as the user entered it, before its rate and amount are resolved. */
type EnteredEntry = Omit<TimeEntryRecord, 'rate' | 'amount' | 'version' | 'createdAt' | 'updatedAt' | 'status' | 'entity' | 'firmId' | 'id'>;

/** Resolves the rate and amount of an entry (or throws 400 naming the fields), using a loaded context. */
function resolvePricing(entered: EnteredEntry, context: ContextResult): Pick<TimeEntryRecord, 'rate' | 'amount' | 'taskCode' | 'activityCode'> {
  if (!context.ok) throw new BadRequest('The entry refers to records that do not exist.', context.errors);
  const resolution = resolveRate(entered.requested, context.ctx);
  if (!resolution.ok) throw new BadRequest('The entry\'s rate cannot be resolved.', resolution.errors);
  const rate = resolution.rate;
  // A quick code may bring UTBMS codes the entry did not give.
  const taskCode = entered.taskCode ?? context.quickCode?.taskCode;
  const activityCode = entered.activityCode ?? context.quickCode?.activityCode;
  return {
    rate,
    amount: entryAmount(entered.behavior, rate.type, rate.value, entered.billableHours),
    ...(taskCode ? { taskCode } : {}),
    ...(activityCode ? { activityCode } : {}),
  };
}

function enteredEntry(input: CreateTimeEntry): EnteredEntry {
  const { rateLabelId, rateValue, amount, billableHours, ...rest } = input;
  return {
    ...rest,
    billableHours: billableHours ?? input.hours,
    requested: { ...(rateLabelId ? { rateLabelId } : {}), ...(rateValue ? { rateValue } : {}), ...(amount ? { amount } : {}) },
  };
}

/** An entry on a LEDES matter must carry both UTBMS codes (after a quick code supplied what it could): 400 naming the missing ones. */
function assertCodedIfLedes(entry: TimeEntryRecord, ledesEnabled: boolean): void {
  const errors = ledesEnabled ? ledesCodeErrors(entry) : [];
  if (errors.length) throw new BadRequest('This matter uses LEDES e-billing: its time entries need a UTBMS task code and activity code.', errors);
}

/**
 * The entry's write, and for an entry without codes the matter's LEDES check
 * and uncoded-time stamp in the same transaction (matter.entity.ts): an
 * uncoded entry never lands on a matter that switched LEDES on meanwhile.
 */
function entryWrite(record: TimeEntryRecord, expected: number | null): TxItem[] {
  const items = [timeEntryEntity.put(record, expected)];
  if (missingCodes(record).length) items.push(...matterEntity.uncodedEntryWritten(record.firmId, record.matterId, record.updatedAt));
  return items;
}

/** The matter switched LEDES on between our read and our write: start again, and the fresh read refuses the entry. */
const LEDES_CHECK = 1;

export async function createTimeEntry(firmId: string, input: CreateTimeEntry): Promise<TimeEntry> {
  const entered = enteredEntry(input);
  return retrying(async () => {
    const contexts = await loadRateContexts(firmId, [entered]);
    const context = contexts(entered);
    const now = nowIso();
    const record: TimeEntryRecord = {
      entity: 'timeEntry',
      firmId,
      id: newId('te'),
      ...entered,
      ...resolvePricing(entered, context),
      status: 'open',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    assertCodedIfLedes(record, context.ok && context.ledesEnabled);
    try {
      await commit(entryWrite(record, null));
    } catch (error) {
      if (refusedAt(error, LEDES_CHECK)) throw new Retry('the matter switched LEDES on');
      throw error;
    }
    return timeEntryEntity.toApi(record, false);
  });
}

/** Answers entries with `rate.historic`: today's resolution compared with the stored rate, for the whole page at once. */
async function withHistoric(firmId: string, records: TimeEntryRecord[]): Promise<TimeEntry[]> {
  if (records.length === 0) return [];
  const contexts = await loadRateContexts(firmId, records);
  return records.map((r) => {
    const context = contexts(r);
    const today = context.ok ? resolveRate(r.requested, context.ctx) : undefined;
    return timeEntryEntity.toApi(r, isHistoric(r.rate, today?.ok ? today.rate : undefined));
  });
}

export async function getTimeEntry(firmId: string, id: string): Promise<TimeEntry> {
  const record = await timeEntryEntity.get(firmId, id);
  if (!record) throw new NotFound('Time entry');
  return (await withHistoric(firmId, [record]))[0]!;
}

export async function listTimeEntries(firmId: string, q: TimeEntryQuery): Promise<Page<TimeEntry>> {
  const page = await timeEntryEntity.page(firmId, q, { limit: q.limit, cursor: q.cursor });
  return { items: await withHistoric(firmId, page.items), nextCursor: page.nextCursor };
}

const RATE_FIELDS = ['matterId', 'timekeeperId', 'quickCode', 'rateLabelId', 'rateValue', 'amount'] as const;

/**
 * Edits an open entry. The stored rate stays unless a field that decides it
 * changed (matter, timekeeper, quick code, label, entered value or amount);
 * the amount follows hours and behaviour exactly.
 */
export async function patchTimeEntry(firmId: string, id: string, patch: PatchTimeEntry, ifMatch: number | undefined): Promise<TimeEntry> {
  return retrying(async () => {
    const current = await timeEntryEntity.get(firmId, id);
    if (!current) throw new NotFound('Time entry');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    if (current.status !== 'open') throw new Conflict('locked', `This entry is ${current.status}: it was sent for billing and can no longer be edited.`);
    const { rateLabelId, rateValue, amount, ...plain } = patch;
    const next: Record<string, unknown> = applyPatch<Record<string, unknown>>(current as never, plain);
    if (patch.hours && patch.billableHours === undefined && current.billableHours === current.hours) next.billableHours = patch.hours;
    if (patch.billableHours === null) next.billableHours = next.hours;
    const requested: Record<string, string | undefined> = { ...current.requested };
    for (const [field, value] of Object.entries({ rateLabelId, rateValue, amount })) {
      if (value === null) delete requested[field];
      else if (value !== undefined) requested[field] = value;
    }
    const entered = { ...(next as unknown as TimeEntryRecord), requested } as TimeEntryRecord;
    const rateChanged = RATE_FIELDS.some((f) => patch[f] !== undefined);
    let pricing: Pick<TimeEntryRecord, 'rate' | 'amount'>;
    let ledesEnabled: boolean | undefined;
    if (rateChanged) {
      const contexts = await loadRateContexts(firmId, [entered]);
      const context = contexts(entered);
      pricing = resolvePricing(entered, context);
      ledesEnabled = context.ok && context.ledesEnabled;
    } else {
      pricing = { rate: current.rate, amount: entryAmount(entered.behavior, current.rate.type, current.rate.value, entered.billableHours) };
    }
    const record: TimeEntryRecord = { ...entered, ...pricing, version: current.version + 1, updatedAt: nowIso() };
    // Only an entry left without a code can break the LEDES rule; a coded one needs no look at its matter.
    if (missingCodes(record).length) {
      ledesEnabled ??= (await matterEntity.get(firmId, record.matterId))?.billing.ledesEnabled === true;
      assertCodedIfLedes(record, ledesEnabled);
    }
    try {
      await commit(entryWrite(record, current.version));
    } catch (error) {
      if (refusedAt(error, LEDES_CHECK)) throw new Retry('the matter switched LEDES on');
      await explainConflict(error, timeEntryEntity.guard(firmId, id, ifMatch));
    }
    return (await withHistoric(firmId, [record]))[0]!;
  });
}
