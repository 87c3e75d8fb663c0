import { accountingKeys, accountingStore } from '../store.ts';
import { balanceChanges } from '../balances.ts';
import type { FileRecord } from '../files/model.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import { money, toMoney } from '../../shared/money.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { billsRepo } from './repository.ts';
import { loadBill } from './drafts.ts';
import type { BillRecord } from './model.ts';
import type { CreatePayment, Payment } from './schemas.ts';

/**
 * Records a client receipt against a finalized bill: the payment, the bill's
 * paid/outstanding (guarded by its version, so two payments never overpay it
 * together) and the file balance, in one transaction. More than is owed is a
 * 409; nothing owed any more makes the bill `paid`.
 */
export async function recordPayment(firmId: string, billId: string, input: CreatePayment): Promise<Payment> {
  const payment: Payment = { id: newId('pm'), billId, ...input, createdAt: nowIso() };
  await retrying(async () => {
    const bill = await loadBill(firmId, billId);
    if (bill.status !== 'finalized') {
      throw new Conflict('wrong_status', bill.status === 'paid' ? 'This bill is paid in full.' : `Payments are recorded on finalized bills; this one is ${bill.status}.`);
    }
    const outstanding = money(bill.outstanding);
    if (money(input.amount).gt(outstanding)) {
      throw new Conflict('overpayment', `The payment of ${input.amount} is more than the ${bill.outstanding} outstanding.`);
    }
    const left = toMoney(outstanding.minus(input.amount));
    const next: BillRecord = {
      ...bill,
      paid: toMoney(money(bill.paid).plus(input.amount)),
      outstanding: left,
      status: left === '0.00' ? 'paid' : 'finalized',
      version: bill.version + 1,
      updatedAt: nowIso(),
    };
    const file = (await accountingStore.get<FileRecord>(firmId, accountingKeys.file(bill.fileId)))!;
    try {
      await accountingStore.commit([
        billsRepo.put(next, bill.version),
        accountingStore.putUnique(firmId, accountingKeys.payment(billId, payment.id), { ...payment, entity: 'payment', firmId }),
        ...balanceChanges(firmId, [{ file, delta: { paid: input.amount } }]),
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused && error.failedAt(0)) throw new Retry('bill changed meanwhile');
      throw error;
    }
  });
  return payment;
}
