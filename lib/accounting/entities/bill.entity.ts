import { versionedRecords } from '../../aws/entity.ts';
import { firmPk } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { Page } from '../../shared/page.ts';
import type { BillRecord } from '../bills/model.ts';
import type { BillStatus } from '../bills/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Bills.
 *
 * | item | sort key | index | what it holds |
 * |---|---|---|---|
 * | bill | `BILL#<id>` | gsi3: `FIRM#<firmId>#BILL#<status>` / `<createdAt>#<id>` (a firm's bills of one status, oldest first: the production list) | the record (version-guarded) |
 *
 * While a bill is open its file's open-bill claim holds it
 * (open-bill.entity.ts); its payments and emails are payment.entity.ts and
 * delivery.entity.ts.
 *
 * Transitions (the rules of each are in `bills/`): drafted (`put(bill, null)`,
 * with the open-bill claim), changed, approved, reverted to draft, finalized,
 * given documents, paid: each a `put` guarded by the version read, its list
 * entry moving with its status; a draft is deleted only at the version read
 * (`deleteDraft`).
 */

/** The list-index keys of a bill: by status (the production list), oldest first. */
export const billIndexKeys = (r: Pick<BillRecord, 'firmId' | 'status' | 'createdAt' | 'id'>) => ({
  gsi3pk: byStatusPk(r.firmId, r.status),
  gsi3sk: `${r.createdAt}#${r.id}`,
});
const byStatusPk = (firmId: string, status: BillStatus) => `FIRM#${firmId}#BILL#${status}`;

const PREFIX = 'BILL#';
const records = versionedRecords<BillRecord>(accountingTable, PREFIX, billIndexKeys);

export const billEntity = {
  get: records.get,
  getMany: records.getMany,
  put: records.put,
  guard: records.guard,

  /** A page of the firm's bills of one status, oldest first. */
  pageByStatus: (firmId: string, status: BillStatus, options: { limit: number; cursor?: string | undefined }): Promise<Page<BillRecord>> =>
    accountingTable.listIndex<BillRecord>('gsi3', byStatusPk(firmId, status), options),

  /** Deletes a draft bill, only if it is still at the version read. */
  deleteDraft: (bill: Pick<BillRecord, 'firmId' | 'id' | 'version'>): TxItem => ({
    Delete: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(bill.firmId), sk: `${PREFIX}${bill.id}` },
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': bill.version },
    },
  }),
};
