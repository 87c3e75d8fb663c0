import { firmPk, strip } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { ReadOf } from '../../aws/entity.ts';
import type { Page, PageOptions } from '../../shared/page.ts';
import type { Disbursement } from '../files/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Disbursements: costs recorded on a file, billed with its fees.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | disbursement | `DISB#<fileId>#<id>` | the disbursement (listed per file by the key prefix) |
 *
 * Transitions: recorded (`create`, only if new; no version until billed);
 * `post` (status billed, the bill's id, `version` + 1, only while it is
 * unbilled and unchanged) and `unpost` (a revert, only if that bill billed it).
 */
export interface DisbursementRecord extends Disbursement {
  entity: 'disbursement';
  firmId: string;
  /** Set when billed. */
  billId?: string;
  updatedAt?: string;
  version?: number;
}

const sk = (fileId: string, id: string) => `DISB#${fileId}#${id}`;
const prefixOf = (fileId: string) => `DISB#${fileId}#`;

export const disbursementEntity = {
  create: (firmId: string, d: Disbursement): TxItem =>
    accountingTable.putUnique(firmId, sk(d.fileId, d.id), { ...d, entity: 'disbursement', firmId }),

  /** Several of a file's disbursements by id (missing ones are absent). */
  async getMany(firmId: string, fileId: string, ids: readonly string[]): Promise<Map<string, DisbursementRecord>> {
    const found = await accountingTable.getMany<DisbursementRecord>(firmId, ids.map((id) => sk(fileId, id)));
    return new Map([...found.values()].map((d) => [d.id, strip(d)]));
  },

  /** `getMany` as a read to make together with others (`readTogether`). */
  readMany: (firmId: string, fileId: string, ids: readonly string[]): ReadOf<Map<string, DisbursementRecord>> => ({
    store: accountingTable,
    firmId,
    sks: ids.map((id) => sk(fileId, id)),
    answer: (found) => {
      const out = new Map<string, DisbursementRecord>();
      for (const id of ids) {
        const d = found.get(sk(fileId, id)) as DisbursementRecord | undefined;
        if (d) out.set(id, strip(d));
      }
      return out;
    },
  }),

  /** A page of a file's disbursements, in id order. */
  pageOf: (firmId: string, fileId: string, options: PageOptions<DisbursementRecord>): Promise<Page<DisbursementRecord>> =>
    accountingTable.list<DisbursementRecord>(firmId, prefixOf(fileId), options),

  /** Every unbilled disbursement of a file. */
  async unbilledOf(firmId: string, fileId: string): Promise<DisbursementRecord[]> {
    const all = await accountingTable.all<DisbursementRecord>(firmId, prefixOf(fileId));
    return all.filter((d) => d.status === 'unbilled');
  },

  /** Bills a disbursement on `billId`, only if it is unbilled and unchanged since read (`version`, absent until first billed). */
  post: (firmId: string, d: { fileId: string; id: string; version?: number | undefined }, billId: string, now: string): TxItem => ({
    Update: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(firmId), sk: sk(d.fileId, d.id) },
      UpdateExpression: 'SET #status = :billed, billId = :bill, updatedAt = :now ADD version :one',
      ConditionExpression: d.version === undefined ? '#status = :unbilled AND attribute_not_exists(version)' : '#status = :unbilled AND version = :v',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':billed': 'billed', ':unbilled': 'unbilled', ':bill': billId, ':now': now, ':one': 1, ...(d.version === undefined ? {} : { ':v': d.version }) },
    },
  }),

  /** Un-bills a disbursement `billId` billed (a revert). */
  unpost: (firmId: string, d: { fileId: string; id: string }, billId: string, now: string): TxItem => ({
    Update: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(firmId), sk: sk(d.fileId, d.id) },
      UpdateExpression: 'SET #status = :unbilled, updatedAt = :now REMOVE billId ADD version :one',
      ConditionExpression: '#status = :billed AND billId = :bill',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':billed': 'billed', ':unbilled': 'unbilled', ':bill': billId, ':now': now, ':one': 1 },
    },
  }),

  toApi: (d: Disbursement): Disbursement => ({
    id: d.id,
    fileId: d.fileId,
    date: d.date,
    description: d.description,
    amount: d.amount,
    ...(d.expenseCode ? { expenseCode: d.expenseCode } : {}),
    status: d.status,
    createdAt: d.createdAt,
  }),
};
