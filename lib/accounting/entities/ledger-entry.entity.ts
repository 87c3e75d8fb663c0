import { versionedRecords } from '../../aws/entity.ts';
import { firmPk } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { Page } from '../../shared/page.ts';
import type { LedgerRecord } from '../ledger/model.ts';
import type { LedgerEntry, LedgerStatus } from '../ledger/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Client ledger entries (time booked from practice's exports).
 *
 * | item | sort key | index | what it holds |
 * |---|---|---|---|
 * | ledger entry | `LEDGER#<id>` | gsi1: `FIRM#<firmId>#FILE#<fileId>#LEDGER#<status>` / `<date>#<id>` (a file's entries of one status); gsi2: `FIRM#<firmId>#FILE#<fileId>#LEDGER` / `<date>#<id>` (all of a file's entries) | the record (version-guarded) |
 *
 * The booking marker of each export batch is export-booking.entity.ts.
 *
 * Transitions (the pure rules are in `ledger/model.ts`): booked by the
 * delivery that holds a booking's lease (`putOwned`, no condition: nobody else
 * writes them before the deadline) or by any later one (`put(record, null)`,
 * only if new); adjusted while unbilled (`put`, guarded by the version read);
 * `post` (billed on a bill at the value it billed, moved to the billed
 * list, `version` + 1, only while unbilled at the version the posting read)
 * and `unpost` (a revert: unbilled again, only if that bill billed it).
 */
const byStatusPk = (firmId: string, fileId: string, status: LedgerStatus) => `FIRM#${firmId}#FILE#${fileId}#LEDGER#${status}`;
const byFilePk = (firmId: string, fileId: string) => `FIRM#${firmId}#FILE#${fileId}#LEDGER`;

/** The list-index keys of an entry: by file and status, and by file; each sorted by date. */
const indexKeys = (r: LedgerRecord) => {
  const sk = `${r.date}#${r.id}`;
  return { gsi1pk: byStatusPk(r.firmId, r.fileId, r.status), gsi1sk: sk, gsi2pk: byFilePk(r.firmId, r.fileId), gsi2sk: sk };
};

const sk = (id: string) => `LEDGER#${id}`;
const records = versionedRecords<LedgerRecord>(accountingTable, 'LEDGER#', indexKeys);

export const ledgerEntryEntity = {
  get: records.get,
  getMany: records.getMany,
  readMany: records.readMany,
  put: records.put,
  guard: records.guard,

  /**
   * Writes new entries without conditions, for entries nobody else writes
   * before `deadline` (epoch ms; the caller holds the booking's lease). A
   * caller that gets an error must finish another way.
   */
  putOwned: (firmId: string, entries: readonly LedgerRecord[], deadline: number): Promise<void> =>
    accountingTable.putOwned(firmId, entries.map((r) => ({ sk: sk(r.id), attributes: { ...r, ...indexKeys(r) } })), deadline),

  /** A page of a file's entries, by date: those of one status, or all of them. */
  pageOfFile: (
    firmId: string,
    fileId: string,
    status: LedgerStatus | undefined,
    options: { limit: number; cursor?: string | undefined },
  ): Promise<Page<LedgerRecord>> =>
    status
      ? accountingTable.listIndex<LedgerRecord>('gsi1', byStatusPk(firmId, fileId, status), options)
      : accountingTable.listIndex<LedgerRecord>('gsi2', byFilePk(firmId, fileId), options),

  /** Every unbilled entry of a file. */
  async unbilledOf(firmId: string, fileId: string): Promise<LedgerRecord[]> {
    const items: LedgerRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await accountingTable.listIndex<LedgerRecord>('gsi1', byStatusPk(firmId, fileId, 'unbilled'), { limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  },

  /**
   * Bills an entry on `billId` for `billedAmount` (its amount after the bill's write-downs and discount) and moves
   * it to its file's billed list: only if it is unbilled and still at `version`, the version the posting read and
   * found as drafted, so an entry changed since is never billed at a value the bill does not show.
   */
  post: (entry: { firmId: string; fileId: string; id: string; version: number }, billId: string, billedAmount: string, now: string): TxItem => ({
    Update: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(entry.firmId), sk: sk(entry.id) },
      UpdateExpression: 'SET #status = :billed, billId = :bill, billedAmount = :billedAmount, updatedAt = :now, gsi1pk = :index ADD version :one',
      ConditionExpression: '#status = :unbilled AND version = :v',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':billed': 'billed', ':unbilled': 'unbilled', ':bill': billId, ':billedAmount': billedAmount, ':now': now, ':one': 1, ':v': entry.version,
        ':index': byStatusPk(entry.firmId, entry.fileId, 'billed'),
      },
    },
  }),

  /** Un-bills an entry `billId` billed (a revert): unbilled again, back on its file's unbilled list. */
  unpost: (entry: { firmId: string; fileId: string; id: string }, billId: string, now: string): TxItem => ({
    Update: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(entry.firmId), sk: sk(entry.id) },
      UpdateExpression: 'SET #status = :unbilled, updatedAt = :now, gsi1pk = :index REMOVE billId, billedAmount ADD version :one',
      ConditionExpression: '#status = :billed AND billId = :bill',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':billed': 'billed', ':unbilled': 'unbilled', ':bill': billId, ':now': now, ':one': 1,
        ':index': byStatusPk(entry.firmId, entry.fileId, 'unbilled'),
      },
    },
  }),

  toApi: (r: LedgerRecord): LedgerEntry => ({
    id: r.id,
    fileId: r.fileId,
    timeEntryId: r.timeEntryId,
    date: r.date,
    timekeeperId: r.timekeeperId,
    timekeeperName: r.timekeeperName,
    description: r.description,
    hours: r.hours,
    rate: r.rate,
    amount: r.amount,
    type: r.type,
    status: r.status,
    ...(r.billId ? { billId: r.billId } : {}),
    ...(r.billedAmount ? { billedAmount: r.billedAmount } : {}),
    ...(r.noCharge ? { noCharge: true } : {}),
    ...(r.taskCode ? { taskCode: r.taskCode } : {}),
    ...(r.activityCode ? { activityCode: r.activityCode } : {}),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
