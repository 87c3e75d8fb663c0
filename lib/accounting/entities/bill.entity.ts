import { versionedRecords } from '../../aws/entity.ts';
import { firmPk } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { Page, PageOptions } from '../../shared/page.ts';
import type { BillRecord } from '../bills/model.ts';
import type { BillStatus } from '../bills/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Bills (the header; lines are bill-line.entity.ts, invoices invoice.entity.ts).
 *
 * | item | sort key | index | what it holds |
 * |---|---|---|---|
 * | bill | `BILL#<id>` | gsi3: `FIRM#<firmId>#BILL#<status>` / `<createdAt>#<id>` (a firm's bills of one status, oldest first: the production list); gsi1: `FIRM#<firmId>#FILE#<fileId>#BILLS` / `<billDate>#<createdAt>#<id>` (a file's bills); gsi2: `FIRM#<firmId>#BILLS` / same (all of a firm's bills) | the header (version-guarded) |
 *
 * `<billDate>` is the invoice date once posted, else the day it was drafted.
 * While a bill is a draft its file's open-bill claim holds it
 * (open-bill.entity.ts); its payments and emails are payment.entity.ts and
 * delivery.entity.ts.
 *
 * Transitions (the rules of each are in `bills/`): drafted (`put(bill, null)`,
 * with the open-bill claim), changed, posted (approved), reverted to draft,
 * finalized (produced), paid: each a `put` guarded by the version read, its
 * list entries moving with it; a draft is deleted only at the version read
 * (`deleteDraft`).
 *
 * An approval first takes the draft's approval lease (`leaseApproval`: an
 * `approvalLease` attribute, a storage attribute records never show), so a
 * second approval of the same draft at the same moment waits instead of
 * reserving invoice numbers of its own; posting replaces the item and so
 * ends the lease, a refused approval lets go of it (`releaseApproval`), a
 * crashed one's lease runs out.
 */
const byStatusPk = (firmId: string, status: BillStatus) => `FIRM#${firmId}#BILL#${status}`;
const byFilePk = (firmId: string, fileId: string) => `FIRM#${firmId}#FILE#${fileId}#BILLS`;
const byFirmPk = (firmId: string) => `FIRM#${firmId}#BILLS`;
const billDate = (r: Pick<BillRecord, 'invoiceDate' | 'createdAt'>) => r.invoiceDate ?? r.createdAt.slice(0, 10);

const indexKeys = (r: BillRecord) => {
  const listed = `${billDate(r)}#${r.createdAt}#${r.id}`;
  return {
    gsi3pk: byStatusPk(r.firmId, r.status),
    gsi3sk: `${r.createdAt}#${r.id}`,
    gsi1pk: byFilePk(r.firmId, r.fileId),
    gsi1sk: listed,
    gsi2pk: byFirmPk(r.firmId),
    gsi2sk: listed,
  };
};

const PREFIX = 'BILL#';
const records = versionedRecords<BillRecord>(accountingTable, PREFIX, indexKeys);

export interface BillListOptions extends PageOptions<BillRecord> {
  status?: BillStatus | undefined;
  fileId?: string | undefined;
  /** Bill dates (the invoice date once posted), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export const billEntity = {
  get: records.get,
  getMany: records.getMany,
  put: records.put,
  guard: records.guard,

  /**
   * Takes the approval lease of the bill as read (only at its version), for
   * `token` until `until`, unless another approval holds one that is still
   * running. Answers whether it did.
   */
  async leaseApproval(bill: BillRecord, token: string, now: string, until: string): Promise<boolean> {
    return accountingTable.updateIf(bill.firmId, `${PREFIX}${bill.id}`, {
      UpdateExpression: 'SET approvalLease = :lease',
      ConditionExpression: 'version = :v AND (attribute_not_exists(approvalLease) OR approvalLease.#until < :now OR approvalLease.#token = :token)',
      ExpressionAttributeNames: { '#until': 'until', '#token': 'token' },
      ExpressionAttributeValues: { ':lease': { token, until }, ':v': bill.version, ':now': now, ':token': token },
    });
  },

  /** Lets go of the approval lease, if `token` still holds it. */
  async releaseApproval(firmId: string, id: string, token: string): Promise<void> {
    await accountingTable.updateIf(firmId, `${PREFIX}${id}`, {
      UpdateExpression: 'REMOVE approvalLease',
      ConditionExpression: 'approvalLease.#token = :token',
      ExpressionAttributeNames: { '#token': 'token' },
      ExpressionAttributeValues: { ':token': token },
    });
  },

  /** A page of the firm's bills of one status, oldest first. */
  pageByStatus: (firmId: string, status: BillStatus, options: PageOptions<BillRecord>): Promise<Page<BillRecord>> =>
    accountingTable.listIndex<BillRecord>('gsi3', byStatusPk(firmId, status), options),

  /**
   * A page of the firm's bills by bill date: of one file (its own list) or of
   * the whole firm, a status as a filter (the status list is kept in creation
   * order for production, not by date).
   */
  page(firmId: string, o: BillListOptions): Promise<Page<BillRecord>> {
    const range = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: `${o.to}#~` } : {}) };
    const filter = (b: BillRecord) => (!o.status || b.status === o.status) && (!o.filter || o.filter(b));
    const options = { ...range, limit: o.limit, cursor: o.cursor, filter };
    return o.fileId
      ? accountingTable.listIndex<BillRecord>('gsi1', byFilePk(firmId, o.fileId), options)
      : accountingTable.listIndex<BillRecord>('gsi2', byFirmPk(firmId), options);
  },

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
