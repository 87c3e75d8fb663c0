import { commit, TransactionRefused } from '../../aws/transactions.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { invoiceEntity } from '../entities/invoice.entity.ts';
import { paymentEntity } from '../entities/payment.entity.ts';
import { money, sumMoney, toMoney } from '../../shared/money.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { loadBill } from './drafts.ts';
import { leadInvoicedClient, type BillRecord, type InvoiceShare } from './model.ts';
import { invoicesNews } from './news.ts';
import type { CreatePayment, Payment } from './schemas.ts';

/**
 * Records a client receipt on the paying client's invoice of a posted
 * (approved or finalized) bill: the payment, the invoice, the bill's
 * figures and the file balance in one transaction guarded by the versions of
 * the bill and the invoice, so two clients paying at once never lose a
 * payment and never overpay an invoice together. More than the invoice's
 * outstanding is a 409 `overpayment`; the bill is `paid` once produced and
 * every invoice is paid.
 */
export async function recordPayment(firmId: string, billId: string, input: CreatePayment): Promise<Payment> {
  return retrying(async () => {
    const bill = await loadBill(firmId, billId);
    if (bill.pendingStep || (bill.status !== 'approved' && bill.status !== 'finalized')) {
      throw new Conflict('wrong_status', bill.status === 'paid' ? 'This bill is paid in full.' : `Payments are recorded on approved or finalized bills; this one is ${bill.pendingStep ?? bill.status}.`);
    }
    const contactId = input.contactId ?? leadInvoicedClient(bill)!;
    const share = bill.invoices.find((i) => i.contactId === contactId);
    if (!share) throw new Conflict('no_invoice', `Bill ${billId} has no invoice for client ${contactId}: its invoices are for ${bill.invoices.map((i) => i.contactId).join(', ')}.`);
    if (money(input.amount).gt(share.outstanding)) {
      throw new Conflict('overpayment', `The payment of ${input.amount} is more than the ${share.outstanding} outstanding on invoice ${share.invoiceNumber}.`);
    }
    const [invoice, file] = await Promise.all([invoiceEntity.get(firmId, share.invoiceNumber), fileEntity.get(firmId, bill.fileId)]);
    if (!invoice || !file) throw new Retry('invoice or file not readable yet');
    const now = nowIso();
    const payment: Payment = { id: newId('pm'), billId, contactId, invoiceNumber: share.invoiceNumber, ...withoutPayer(input), createdAt: now };
    const paidShare = applied(share, input.amount);
    const invoices = bill.invoices.map((i) => (i.contactId === contactId ? paidShare : i));
    const next: BillRecord = {
      ...bill,
      invoices,
      paid: sumMoney(invoices.map((i) => i.paid)),
      outstanding: sumMoney(invoices.map((i) => i.outstanding)),
      status: bill.status === 'finalized' && invoices.every((i) => i.status === 'paid') ? 'paid' : bill.status,
      version: bill.version + 1,
      updatedAt: now,
    };
    try {
      await commit([
        billEntity.put(next, bill.version),
        invoiceEntity.put({
          ...invoice,
          paid: paidShare.paid,
          outstanding: paidShare.outstanding,
          status: paidShare.status,
          payments: [...invoice.payments, { id: payment.id, date: input.date, amount: input.amount }],
          version: invoice.version + 1,
          updatedAt: now,
        }, invoice.version),
        paymentEntity.create(firmId, payment),
        ...balanceEntity.changes(firmId, [{ file, delta: { paid: input.amount } }]),
        invoicesNews(next),
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new Retry('bill or invoice changed meanwhile');
      throw error;
    }
    return paymentEntity.toApi(payment);
  });
}

function withoutPayer(input: CreatePayment): Omit<CreatePayment, 'contactId'> {
  const { contactId: _c, ...rest } = input;
  return rest;
}

export function applied(share: InvoiceShare, amount: string): InvoiceShare {
  const outstanding = toMoney(money(share.outstanding).minus(amount));
  return { ...share, paid: toMoney(money(share.paid).plus(amount)), outstanding, status: money(outstanding).eq(0) ? 'paid' : 'open' };
}
