import { firmPk } from '../../aws/book-store.ts';
import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { Page } from '../../shared/page.ts';
import type { TimeEntryRecord } from '../time/model.ts';
import type { EntryStatus, TimeEntry } from '../time/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Time entries.
 *
 * | item | key | what it holds |
 * |---|---|---|
 * | entry | sort key `ENTRY#<id>` | the record (version-guarded) |
 * | by matter | `gsi1pk` `FIRM#<firmId>#MATTER#<matterId>#ENTRY`, `gsi1sk` `<date>#<id>` | the matter's entries by date |
 * | by timekeeper | `gsi2pk` `FIRM#<firmId>#TK#<timekeeperId>#ENTRY`, `gsi2sk` `<date>#<id>` | the timekeeper's entries by date |
 * | by status | `gsi3pk` `FIRM#<firmId>#ENTRY#<status>`, `gsi3sk` `<date>#<id>` | the firm's open, draft or billed entries by date |
 *
 * Transitions, each with its condition:
 * - `put`: created (must be new) or edited (the service edits only open
 *   entries; guarded by the version it read, the record carrying the next
 *   version). Every index key is derived afresh from the record.
 * - `lock`: open → draft for an export job, only if the entry is still open at
 *   the version planning read; sets `exportJobId`.
 * - `unlock`: draft → open, only if that job still holds it (accounting
 *   refused the entry); removes `exportJobId`.
 * - `applyBilling`: accounting posted the entry's bill (→ billed, with `billId`
 *   and `invoiceNumber`) or reverted it (→ draft: still locked, still on the
 *   bill, no invoice number). Applied only to an entry that exists, is draft
 *   or billed, and whose stored `billingSeq` is absent or lower than the
 *   news's `seq` (string order); it stores that seq. So news arriving late or
 *   twice changes nothing, and the entry ends as the newest news says,
 *   whatever order they came in (a condition, never read-then-write).
 * - `markBilled` (the older `accounting.bill.finalized`, still accepted for
 *   messages in flight at deploy): draft → billed, only if still draft and no
 *   seq-ordered news was applied yet (that news is newer than any such message).
 * The last four update the item in place: they move it in the status index
 * and add 1 to its version.
 */

const matterIndexPk = (firmId: string, matterId: string) => `${firmPk(firmId)}#MATTER#${matterId}#ENTRY`;
const timekeeperIndexPk = (firmId: string, timekeeperId: string) => `${firmPk(firmId)}#TK#${timekeeperId}#ENTRY`;
const statusIndexPk = (firmId: string, status: EntryStatus) => `${firmPk(firmId)}#ENTRY#${status}`;

/** The list-index keys of an entry: by matter, by timekeeper and by status, each sorted by date. */
function indexKeys(r: TimeEntryRecord): Record<string, string> {
  const sk = `${r.date}#${r.id}`;
  return {
    gsi1pk: matterIndexPk(r.firmId, r.matterId),
    gsi1sk: sk,
    gsi2pk: timekeeperIndexPk(r.firmId, r.timekeeperId),
    gsi2sk: sk,
    gsi3pk: statusIndexPk(r.firmId, r.status),
    gsi3sk: sk,
  };
}

const prefix = 'ENTRY#';
const records = versionedRecords<TimeEntryRecord>(practiceTable, prefix, indexKeys);
const key = (firmId: string, id: string) => ({ pk: firmPk(firmId), sk: `${prefix}${id}` });

/** What accounting says of an entry's bill: posted (`billed`) or reverted (`draft`), ordered by `seq`. */
export interface BillingNews {
  billId: string;
  seq: string;
  status: 'billed' | 'draft';
  invoiceNumber?: string | undefined;
}

/** Which entries a list asks for: every condition given must hold (dates inclusive). */
export interface EntryFilter {
  matterId?: string | undefined;
  timekeeperId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: EntryStatus | undefined;
}

export interface EntryPageOptions {
  limit: number;
  cursor?: string | undefined;
}

/** The index sort-key range of dates `from`..`to` (each inclusive). */
const dateRange = (f: EntryFilter) => ({ ...(f.from ? { from: `${f.from}#` } : {}), ...(f.to ? { to: `${f.to}#~` } : {}) });

/** Whether an entry meets every condition of the filter (an index reads by one of them; the rest are checked here). */
const meets = (f: EntryFilter) => (r: TimeEntryRecord) =>
  (!f.matterId || r.matterId === f.matterId) &&
  (!f.timekeeperId || r.timekeeperId === f.timekeeperId) &&
  (!f.status || r.status === f.status) &&
  (!f.from || r.date >= f.from) &&
  (!f.to || r.date <= f.to);

const indexOptions = (f: EntryFilter, o: EntryPageOptions) => ({ ...dateRange(f), limit: o.limit, cursor: o.cursor, filter: meets(f) });

export const timeEntryEntity = {
  get: records.get,
  /** A put guarded by the version the caller read (`null`: it must be new); index keys are derived from the record. */
  put: records.put,
  guard: records.guard,

  /** A page of a matter's entries by date, meeting the rest of the filter. */
  pageByMatter: (firmId: string, matterId: string, filter: EntryFilter, options: EntryPageOptions): Promise<Page<TimeEntryRecord>> =>
    practiceTable.listIndex<TimeEntryRecord>('gsi1', matterIndexPk(firmId, matterId), indexOptions({ ...filter, matterId }, options)),

  /** A page of a timekeeper's entries by date, meeting the rest of the filter. */
  pageByTimekeeper: (firmId: string, timekeeperId: string, filter: EntryFilter, options: EntryPageOptions): Promise<Page<TimeEntryRecord>> =>
    practiceTable.listIndex<TimeEntryRecord>('gsi2', timekeeperIndexPk(firmId, timekeeperId), indexOptions({ ...filter, timekeeperId }, options)),

  /** A page of the firm's entries in one status by date, meeting the rest of the filter. */
  pageByStatus: (firmId: string, status: EntryStatus, filter: EntryFilter, options: EntryPageOptions): Promise<Page<TimeEntryRecord>> =>
    practiceTable.listIndex<TimeEntryRecord>('gsi3', statusIndexPk(firmId, status), indexOptions({ ...filter, status }, options)),

  /**
   * A page of entries through the list that fits the filter: by matter, else
   * by timekeeper, else by status (each by date), else every entry by id.
   */
  page(firmId: string, filter: EntryFilter, options: EntryPageOptions): Promise<Page<TimeEntryRecord>> {
    if (filter.matterId) return timeEntryEntity.pageByMatter(firmId, filter.matterId, filter, options);
    if (filter.timekeeperId) return timeEntryEntity.pageByTimekeeper(firmId, filter.timekeeperId, filter, options);
    if (filter.status) return timeEntryEntity.pageByStatus(firmId, filter.status, filter, options);
    return records.list(firmId, { ...options, filter: meets(filter) });
  },

  /** Locks an entry for an export job (open → draft), only if it is still the version planning read. */
  lock: (entry: Pick<TimeEntryRecord, 'firmId' | 'id' | 'version'>, jobId: string, now: string): TxItem => ({
    Update: {
      TableName: practiceTable.table,
      Key: key(entry.firmId, entry.id),
      UpdateExpression: 'SET #status = :draft, gsi3pk = :index, exportJobId = :job, updatedAt = :now ADD version :one',
      ConditionExpression: '#status = :open AND version = :version',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':draft': 'draft',
        ':open': 'open',
        ':version': entry.version,
        ':index': statusIndexPk(entry.firmId, 'draft'),
        ':job': jobId,
        ':now': now,
        ':one': 1,
      },
    },
  }),

  /** Gives an entry back to the user (draft → open), only if this export job still holds it. */
  unlock: (firmId: string, id: string, jobId: string, now: string): TxItem => ({
    Update: {
      TableName: practiceTable.table,
      Key: key(firmId, id),
      UpdateExpression: 'SET #status = :open, gsi3pk = :index, updatedAt = :now REMOVE exportJobId ADD version :one',
      ConditionExpression: '#status = :draft AND exportJobId = :job',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':draft': 'draft',
        ':open': 'open',
        ':index': statusIndexPk(firmId, 'open'),
        ':job': jobId,
        ':now': now,
        ':one': 1,
      },
    },
  }),

  /** Marks an entry billed on a finalized bill (draft → billed), only if it is still draft. */
  markBilled: (firmId: string, id: string, bill: { billId: string; invoiceNumber: string }, now: string): TxItem => ({
    Update: {
      TableName: practiceTable.table,
      Key: key(firmId, id),
      UpdateExpression: 'SET #status = :billed, gsi3pk = :index, billId = :bill, invoiceNumber = :number, updatedAt = :now ADD version :one',
      ConditionExpression: '#status = :draft AND attribute_not_exists(billingSeq)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':billed': 'billed',
        ':draft': 'draft',
        ':index': statusIndexPk(firmId, 'billed'),
        ':bill': bill.billId,
        ':number': bill.invoiceNumber,
        ':now': now,
        ':one': 1,
      },
    },
  }),

  /**
   * Applies accounting's news of the entry's bill (posted: billed; reverted: draft), only if it is newer than the
   * last news applied (`billingSeq`); refused (the item fails its condition) when it is not, or the entry is not
   * one that was sent for billing.
   */
  applyBilling: (firmId: string, id: string, news: BillingNews, now: string): TxItem => {
    const number = news.status === 'billed' && news.invoiceNumber !== undefined ? news.invoiceNumber : undefined;
    return {
      Update: {
        TableName: practiceTable.table,
        Key: key(firmId, id),
        UpdateExpression:
          'SET #status = :status, gsi3pk = :index, billId = :bill, billingSeq = :seq, updatedAt = :now' +
          (number !== undefined ? ', invoiceNumber = :number' : '') +
          (number !== undefined ? '' : ' REMOVE invoiceNumber') +
          ' ADD version :one',
        ConditionExpression: 'attribute_exists(pk) AND #status IN (:draft, :billed) AND (attribute_not_exists(billingSeq) OR billingSeq < :seq)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': news.status,
          ':draft': 'draft',
          ':billed': 'billed',
          ':index': statusIndexPk(firmId, news.status),
          ':bill': news.billId,
          ':seq': news.seq,
          ':now': now,
          ':one': 1,
          ...(number !== undefined ? { ':number': number } : {}),
        },
      },
    };
  },

  /** The entry as the API shows it; `historic`: today's rate resolution differs from the rate it stored. */
  toApi: (r: TimeEntryRecord, historic: boolean): TimeEntry => ({
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
    ...(r.status === 'billed' && r.invoiceNumber ? { invoiceNumber: r.invoiceNumber } : {}),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
