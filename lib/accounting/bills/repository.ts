import { accountingKeys, accountingStore } from '../store.ts';
import type { TxItem } from '../../aws/book-store.ts';
import type { Page } from '../../shared/page.ts';
import type { LedgerRecord } from '../ledger/model.ts';
import { ledgerIndexKeys } from '../ledger/model.ts';
import type { Disbursement } from '../files/schemas.ts';
import { billIndexKeys, type BillRecord } from './model.ts';

/** Bills and what they draw on, in the accounting table. */
export const billsRepo = {
  load: (firmId: string, id: string) => accountingStore.get<BillRecord>(firmId, accountingKeys.bill(id)),

  put: (bill: BillRecord, expected: number | null): TxItem =>
    accountingStore.putRecord(accountingKeys.bill(bill.id), { ...bill, ...billIndexKeys(bill) }, expected),

  byStatus: (firmId: string, status: BillRecord['status'], options: { limit: number; cursor?: string | undefined }): Promise<Page<BillRecord>> =>
    accountingStore.listIndex<BillRecord>('gsi3', billIndexKeys({ firmId, status, createdAt: '', id: '' }).gsi3pk, options),

  /** Every unbilled ledger entry of a file. */
  async unbilledLedger(firmId: string, fileId: string): Promise<LedgerRecord[]> {
    const items: LedgerRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await accountingStore.listIndex<LedgerRecord>('gsi1', ledgerIndexKeys({ firmId, fileId, status: 'unbilled', date: '', id: '' }).gsi1pk, { limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  },

  async unbilledDisbursements(firmId: string, fileId: string): Promise<Disbursement[]> {
    const all = await accountingStore.all<Disbursement>(firmId, accountingKeys.disbursementsOf(fileId));
    return all.filter((d) => d.status === 'unbilled');
  },
};
