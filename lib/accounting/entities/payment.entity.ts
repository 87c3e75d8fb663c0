import type { TxItem } from '../../aws/transactions.ts';
import type { Payment } from '../bills/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Client receipts, each applied to the paying client's invoice of a bill.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | payment | `PAYMENT#<billId>#<id>` | the payment (listed per bill by the key prefix) |
 *
 * Transitions: `create`, only if new (with the invoice and the bill, whose
 * versions guard against overpaying, and the file balance).
 */
const sk = (billId: string, id: string) => `PAYMENT#${billId}#${id}`;
const prefixOf = (billId: string) => `PAYMENT#${billId}#`;

const toApi = (p: Payment): Payment => ({
  id: p.id,
  billId: p.billId,
  contactId: p.contactId,
  invoiceNumber: p.invoiceNumber,
  amount: p.amount,
  date: p.date,
  method: p.method,
  ...(p.reference ? { reference: p.reference } : {}),
  createdAt: p.createdAt,
});

export const paymentEntity = {
  create: (firmId: string, payment: Payment): TxItem =>
    accountingTable.putUnique(firmId, sk(payment.billId, payment.id), { ...payment, entity: 'payment', firmId }),

  /** Every payment of a bill. */
  ofBill: async (firmId: string, billId: string): Promise<Payment[]> => (await accountingTable.all<Payment>(firmId, prefixOf(billId))).map(toApi),

  toApi,
};
