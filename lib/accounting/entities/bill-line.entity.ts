import { firmPk, strip } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { Page } from '../../shared/page.ts';
import { lineOrder, type BillLineRecord } from '../bills/model.ts';
import { accountingTable } from './book.ts';

/**
 * Bill lines: one item per line, so a bill's size is bounded by nothing but
 * time (a bill item holding its lines stopped at about 1,500 of them).
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | bill line | `BILLLINE#<billId>#<date>#<0 time, 1 disbursement>#<lineId>` | a BillLineRecord (listed per bill, in bill order, by the key prefix) |
 *
 * Transitions: `putNew` (the lines of a new draft, before its header exists:
 * nobody else can write them yet), `put`/`remove` (a PATCH, in the
 * transaction that moves the header's version, so lines and header never
 * disagree), `deleteAll` (after the draft is deleted).
 */
const sk = (l: Pick<BillLineRecord, 'billId' | 'date' | 'kind' | 'id'>) => `BILLLINE#${l.billId}#${lineOrder(l)}`;
const prefixOf = (billId: string) => `BILLLINE#${billId}#`;

export const billLineEntity = {
  /** Writes the lines of a draft whose header is not written yet (25 a request, no conditions, before `deadline`). */
  putNew: (firmId: string, lines: readonly BillLineRecord[], deadline: number): Promise<void> =>
    accountingTable.putOwned(firmId, lines.map((l) => ({ sk: sk(l), attributes: { ...l, entity: 'billLine' } })), deadline),

  /** A line as changed by a PATCH (in the header's transaction). */
  put: (firmId: string, line: BillLineRecord): TxItem => accountingTable.put(firmId, sk(line), { ...line, entity: 'billLine' }),

  /** Takes a line off its bill (in the header's transaction). */
  remove: (firmId: string, line: BillLineRecord): TxItem => ({
    Delete: { TableName: accountingTable.table, Key: { pk: firmPk(firmId), sk: sk(line) } },
  }),

  /** A page of a bill's lines, in bill order. */
  page: (firmId: string, billId: string, options: { limit: number; cursor?: string | undefined }): Promise<Page<BillLineRecord>> =>
    accountingTable.list<BillLineRecord>(firmId, prefixOf(billId), options),

  /** Every line of a bill, in bill order (10,000 lines are about 4 MB: a handful of queries). */
  all: async (firmId: string, billId: string): Promise<BillLineRecord[]> => (await accountingTable.all<BillLineRecord>(firmId, prefixOf(billId))).map(clean),

  /** Deletes every line of a bill that is gone. */
  async deleteAll(firmId: string, billId: string): Promise<void> {
    await accountingTable.deleteMany(firmId, await accountingTable.keysUnder(firmId, prefixOf(billId)));
  },
};

function clean(l: BillLineRecord): BillLineRecord {
  const { entity: _e, ...line } = strip(l) as BillLineRecord & { entity?: string };
  return line;
}
