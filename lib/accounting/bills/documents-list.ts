import { commit, TransactionRefused } from '../../aws/transactions.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { loadBill } from './drafts.ts';
import type { BillRecord, StoredDocument } from './model.ts';

/** Adds documents to a bill's list, replacing one of the same kind, client and version. */
export function withDocuments(bill: BillRecord, documents: readonly StoredDocument[]): StoredDocument[] {
  const same = (a: StoredDocument, b: StoredDocument) => a.kind === b.kind && a.contactId === b.contactId && a.version === b.version;
  return [...bill.documents.filter((d) => !documents.some((n) => same(d, n))), ...documents];
}

/** Lists documents on a bill, in one guarded write. */
export async function recordDocuments(firmId: string, billId: string, documents: StoredDocument[]): Promise<void> {
  await retrying(async () => {
    const current = await loadBill(firmId, billId);
    try {
      await commit([billEntity.put({ ...current, documents: withDocuments(current, documents), version: current.version + 1, updatedAt: nowIso() }, current.version)]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new Retry('bill changed meanwhile');
      throw error;
    }
  });
}
