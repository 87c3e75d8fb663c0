import { commit, commitSkippingDone, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { disbursementEntity } from '../entities/disbursement.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { numberingEntity } from '../entities/numbering.entity.ts';
import { openBillEntity } from '../entities/open-bill.entity.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { countMetric } from '../../shared/metrics.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { billTotals, disbursementLine, timeLine, type BillRecord } from './model.ts';
import { loadBill } from './drafts.ts';
import { splitOf } from '../files/model.ts';

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
    const idsOf = (kind: 'time' | 'disbursement') => bill.lines.filter((l) => l.kind === kind).map((l) => l.id);
    const [file, entries, disbursements] = await Promise.all([
      fileEntity.get(firmId, bill.fileId),
      ledgerEntryEntity.getMany(firmId, idsOf('time')),
      disbursementEntity.getMany(firmId, bill.fileId, idsOf('disbursement')),
    ]);
    // The ledger as it stands now: adjusted entries count as adjusted, anything billed elsewhere drops out.
    const lines = bill.lines.flatMap((l) => {
      if (l.kind === 'time') {
        const entry = entries.get(l.id);
        return entry && entry.status === 'unbilled' && entry.type === 'billable_work' ? [timeLine(entry)] : [];
      }
      const d = disbursements.get(l.id);
      return d && d.status === 'unbilled' ? [disbursementLine(d)] : [];
    });
    if (lines.length === 0) throw new Conflict('nothing_to_bill', `Bill ${billId} has no unbilled lines left.`);
    const counter = await numberingEntity.invoiceCounter(firmId);
    const now = nowIso();
    const timeEntryIds = Object.fromEntries(lines.filter((l) => l.kind === 'time').map((l) => [l.id, bill.timeEntryIds[l.id]!]));
    const next: BillRecord = {
      ...bill,
      ...billTotals(lines, splitOf(file!), bill.throughDate),
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
      billEntity.put(next, bill.version),
      numberingEntity.takeInvoiceNumber(firmId, counter),
      openBillEntity.release(firmId, bill.fileId),
      outboxMessage('toPractice', {
        type: 'accounting.bill.finalized', firmId, billId, invoiceNumber: next.invoiceNumber!, timeEntryIds: Object.values(timeEntryIds),
      }),
      ...balanceEntity.changes(firmId, [{ file: file!, delta: { unbilled: `-${next.total}`, billed: next.total } }]),
    ];
    try {
      await commit(items);
    } catch (error) {
      // Another bill took the number, or this bill changed: start again from a fresh read.
      if (error instanceof TransactionRefused) throw new Retry('invoice number or bill moved');
      throw error;
    }
    countMetric('billsProduced'); // once per bill: the number is taken in the same transaction
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
  await commitSkippingDone(bill.lines.map((l) =>
    l.kind === 'time'
      ? ledgerEntryEntity.markBilled({ firmId: bill.firmId, fileId: bill.fileId, id: l.id }, bill.id, now)
      : disbursementEntity.markBilled(bill.firmId, bill.fileId, l.id, bill.id, now)));
}
