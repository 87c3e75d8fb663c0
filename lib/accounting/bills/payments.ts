import { commit, refusedAt } from '../../aws/transactions.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { paymentEntity } from '../entities/payment.entity.ts';
import { money, toMoney } from '../../shared/money.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
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
    const file = (await fileEntity.get(firmId, bill.fileId))!;
    try {
      await commit([
        billEntity.put(next, bill.version),
        paymentEntity.create(firmId, payment),
        ...balanceEntity.changes(firmId, [{ file, delta: { paid: input.amount } }]),
      ]);
    } catch (error) {
      if (refusedAt(error, 0)) throw new Retry('bill changed meanwhile');
      throw error;
    }
  });
  return paymentEntity.toApi(payment);
}
