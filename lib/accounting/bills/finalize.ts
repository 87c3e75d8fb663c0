import { accountingKeys, accountingStore } from '../store.ts';
import { balanceChanges } from '../balances.ts';
import { moveCounter, readCounter } from '../numbering/claims.ts';
import type { FileRecord } from '../files/model.ts';
import type { Disbursement } from '../files/schemas.ts';
import { ledgerIndexKeys, type LedgerRecord } from '../ledger/model.ts';
import { outboxEntry, putInOutbox } from '../../sync/outbox.ts';
import { firmPk, TransactionRefused, type TxItem } from '../../aws/book-store.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { billsRepo } from './repository.ts';
import { disbursementLine, priced, timeLine, type BillRecord } from './model.ts';
import { loadBill } from './drafts.ts';

const INVOICE_COUNTER = { counterKey: accountingKeys.invoiceCounter };

/**
 * Finalizes an approved bill in one transaction: the next invoice number (the
 * counter moves only with the bill, so numbers have no gaps and no
 * duplicates, however many bills finalize at once), the invoice date, the
 * lines as the ledger stands now, the balance moved from unbilled to billed,
 * the file's open-bill claim released, and the news to practice. A bill
 * already finalized is returned as it is: producing twice never numbers twice.
 */
export async function finalizeBill(firmId: string, billId: string): Promise<BillRecord> {
  return retrying(async () => {
    const bill = await loadBill(firmId, billId);
    if (bill.status === 'finalized' || bill.status === 'paid') return bill;
    if (bill.status !== 'approved') throw new Conflict('wrong_status', `Bill ${billId} is ${bill.status}; only approved bills are produced.`);
    const file = (await accountingStore.get<FileRecord>(firmId, accountingKeys.file(bill.fileId)))!;
    const sources = await accountingStore.getMany<LedgerRecord | Disbursement>(firmId, bill.lines.map((l) =>
      l.kind === 'time' ? accountingKeys.ledgerEntry(l.id) : accountingKeys.disbursement(bill.fileId, l.id)));
    // The ledger as it stands now: adjusted entries count as adjusted, anything billed elsewhere drops out.
    const lines = bill.lines.flatMap((l) => {
      if (l.kind === 'time') {
        const entry = sources.get(accountingKeys.ledgerEntry(l.id)) as LedgerRecord | undefined;
        return entry && entry.status === 'unbilled' && entry.type === 'billable_work' ? [timeLine(entry)] : [];
      }
      const d = sources.get(accountingKeys.disbursement(bill.fileId, l.id)) as Disbursement | undefined;
      return d && d.status === 'unbilled' ? [disbursementLine(d)] : [];
    });
    if (lines.length === 0) throw new Conflict('nothing_to_bill', `Bill ${billId} has no unbilled lines left.`);
    const counter = await readCounter(firmId, INVOICE_COUNTER);
    const now = nowIso();
    const timeEntryIds = Object.fromEntries(lines.filter((l) => l.kind === 'time').map((l) => [l.id, bill.timeEntryIds[l.id]!]));
    const next: BillRecord = {
      ...bill,
      ...priced(lines, file.allocations, bill.throughDate),
      timeEntryIds,
      status: 'finalized',
      invoiceNumber: String(counter + 1),
      invoiceDate: now.slice(0, 10),
      paid: '0.00',
      version: bill.version + 1,
      updatedAt: now,
    };
    next.outstanding = next.total;
    const items: TxItem[] = [
      billsRepo.put(next, bill.version),
      moveCounter(firmId, INVOICE_COUNTER, counter, counter + 1),
      accountingStore.delete(firmId, accountingKeys.openBill(bill.fileId)),
      putInOutbox(outboxEntry('toPractice', {
        type: 'accounting.bill.finalized', firmId, billId, invoiceNumber: next.invoiceNumber!, timeEntryIds: Object.values(timeEntryIds),
      })),
      ...balanceChanges(firmId, [{ file, delta: { unbilled: `-${next.total}`, billed: next.total } }]),
    ];
    try {
      await accountingStore.commit(items);
    } catch (error) {
      // Another bill took the number, or this bill changed: start again from a fresh read.
      if (error instanceof TransactionRefused) throw new Retry('invoice number or bill moved');
      throw error;
    }
    faultPoint('accounting.bill.afterFinalize', firmId);
    return next;
  }, 40);
}

/**
 * Marks what a finalized bill billed: its ledger entries and disbursements
 * (only those still unbilled, so a retry changes nothing twice). Idempotent.
 */
export async function markBilled(bill: BillRecord): Promise<void> {
  const now = nowIso();
  const items: TxItem[] = bill.lines.map((l) => {
    const key = l.kind === 'time' ? accountingKeys.ledgerEntry(l.id) : accountingKeys.disbursement(bill.fileId, l.id);
    const index = l.kind === 'time' ? { ':index': ledgerIndexKeys({ firmId: bill.firmId, fileId: bill.fileId, status: 'billed', date: '', id: '' }).gsi1pk } : {};
    return {
      Update: {
        TableName: accountingStore.table,
        Key: { pk: firmPk(bill.firmId), sk: key },
        UpdateExpression: `SET #status = :billed, billId = :bill, updatedAt = :now${l.kind === 'time' ? ', gsi1pk = :index' : ''} ADD version :one`,
        ConditionExpression: '#status = :unbilled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':billed': 'billed', ':unbilled': 'unbilled', ':bill': bill.id, ':now': now, ':one': 1, ...index },
      },
    };
  });
  await accountingStore.commitSkippingDone(items);
}
