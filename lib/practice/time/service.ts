import { practiceKeys, practiceStore } from '../store.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { resolveRate } from '../rates/resolver.ts';
import { entryAmount } from '../rates/amounts.ts';
import { loadRateContexts, type ContextResult } from './rate-context.ts';
import { entryIndexKeys, isHistoric, toApi, type TimeEntryRecord } from './model.ts';
import type { CreateTimeEntry, PatchTimeEntry, TimeEntry, TimeEntryQuery } from './schemas.ts';
import { applyPatch } from '../../shared/patch.ts';

type Draft = Omit<TimeEntryRecord, 'rate' | 'amount' | 'version' | 'createdAt' | 'updatedAt' | 'status' | 'entity' | 'firmId' | 'id'>;

/** Resolves the rate and amount of an entry (or throws 400 naming the fields), using a loaded context. */
function priced(draft: Draft, context: ContextResult): Pick<TimeEntryRecord, 'rate' | 'amount' | 'taskCode' | 'activityCode'> {
  if (!context.ok) throw new BadRequest('The entry refers to records that do not exist.', context.errors);
  const resolution = resolveRate(draft.requested, context.ctx);
  if (!resolution.ok) throw new BadRequest('The entry\'s rate cannot be resolved.', resolution.errors);
  const rate = resolution.rate;
  // A quick code may bring UTBMS codes the entry did not give.
  const taskCode = draft.taskCode ?? context.quickCode?.taskCode;
  const activityCode = draft.activityCode ?? context.quickCode?.activityCode;
  return {
    rate,
    amount: entryAmount(draft.behavior, rate.type, rate.value, draft.billableHours),
    ...(taskCode ? { taskCode } : {}),
    ...(activityCode ? { activityCode } : {}),
  };
}

function draftOf(input: CreateTimeEntry): Draft {
  const { rateLabelId, rateValue, amount, billableHours, ...rest } = input;
  return {
    ...rest,
    billableHours: billableHours ?? input.hours,
    requested: { ...(rateLabelId ? { rateLabelId } : {}), ...(rateValue ? { rateValue } : {}), ...(amount ? { amount } : {}) },
  };
}

const withIndexes = (r: TimeEntryRecord) => ({ ...r, ...entryIndexKeys(r) });

export async function createTimeEntry(firmId: string, input: CreateTimeEntry): Promise<TimeEntry> {
  const draft = draftOf(input);
  const contexts = await loadRateContexts(firmId, [draft]);
  const now = nowIso();
  const record: TimeEntryRecord = {
    entity: 'timeEntry',
    firmId,
    id: newId('te'),
    ...draft,
    ...priced(draft, contexts(draft)),
    status: 'open',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await practiceStore.commit([practiceStore.putRecord(practiceKeys.timeEntry(record.id), withIndexes(record), null)]);
  return toApi(record, false);
}

/** Answers entries with `rate.historic`: today's resolution compared with the stored rate, for the whole page at once. */
async function withHistoric(firmId: string, records: TimeEntryRecord[]): Promise<TimeEntry[]> {
  if (records.length === 0) return [];
  const contexts = await loadRateContexts(firmId, records);
  return records.map((r) => {
    const context = contexts(r);
    const today = context.ok ? resolveRate(r.requested, context.ctx) : undefined;
    return toApi(r, isHistoric(r.rate, today?.ok ? today.rate : undefined));
  });
}

export async function getTimeEntry(firmId: string, id: string): Promise<TimeEntry> {
  const record = await practiceStore.get<TimeEntryRecord>(firmId, practiceKeys.timeEntry(id));
  if (!record) throw new NotFound('Time entry');
  return (await withHistoric(firmId, [record]))[0]!;
}

export interface EntryFilter {
  matterId?: string | undefined;
  timekeeperId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: 'open' | 'draft' | 'billed' | undefined;
}

/** A page of entry records through the index that fits the filters (matter, timekeeper or status, by date). */
export function pageOfEntries(firmId: string, q: EntryFilter, limit: number, cursor?: string): Promise<Page<TimeEntryRecord>> {
  const range = { ...(q.from ? { from: `${q.from}#` } : {}), ...(q.to ? { to: `${q.to}#~` } : {}) };
  const keep = (r: TimeEntryRecord) =>
    (!q.matterId || r.matterId === q.matterId) &&
    (!q.timekeeperId || r.timekeeperId === q.timekeeperId) &&
    (!q.status || r.status === q.status) &&
    (!q.from || r.date >= q.from) &&
    (!q.to || r.date <= q.to);
  const options = { ...range, limit, cursor, filter: keep };
  const keys = entryIndexKeys({ firmId, id: '', date: '', matterId: q.matterId ?? '', timekeeperId: q.timekeeperId ?? '', status: q.status ?? 'open' });
  if (q.matterId) return practiceStore.listIndex<TimeEntryRecord>('gsi1', keys.gsi1pk, options);
  if (q.timekeeperId) return practiceStore.listIndex<TimeEntryRecord>('gsi2', keys.gsi2pk, options);
  if (q.status) return practiceStore.listIndex<TimeEntryRecord>('gsi3', keys.gsi3pk, options);
  return practiceStore.list<TimeEntryRecord>(firmId, practiceKeys.timeEntryPrefix, { limit, cursor, filter: keep });
}

export async function listTimeEntries(firmId: string, q: TimeEntryQuery): Promise<Page<TimeEntry>> {
  const page = await pageOfEntries(firmId, q, q.limit, q.cursor);
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
    const current = await practiceStore.get<TimeEntryRecord>(firmId, practiceKeys.timeEntry(id));
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
    const draft = { ...(next as unknown as TimeEntryRecord), requested } as TimeEntryRecord;
    const rateChanged = RATE_FIELDS.some((f) => patch[f] !== undefined);
    let pricing: Pick<TimeEntryRecord, 'rate' | 'amount'>;
    if (rateChanged) {
      const contexts = await loadRateContexts(firmId, [draft]);
      pricing = priced(draft, contexts(draft));
    } else {
      pricing = { rate: current.rate, amount: entryAmount(draft.behavior, current.rate.type, current.rate.value, draft.billableHours) };
    }
    const record: TimeEntryRecord = { ...draft, ...pricing, version: current.version + 1, updatedAt: nowIso() };
    await practiceStore.commitUpdate([practiceStore.putRecord(practiceKeys.timeEntry(id), withIndexes(record), current.version)], {
      ifMatch,
      firmId,
      sk: practiceKeys.timeEntry(id),
    });
    return (await withHistoric(firmId, [record]))[0]!;
  });
}
