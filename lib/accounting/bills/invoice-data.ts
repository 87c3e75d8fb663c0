import { getAccountingSettings } from '../settings/service.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { paymentEntity } from '../entities/payment.entity.ts';
import type { AccountingContactRecord } from '../contacts/model.ts';
import type { InvoiceView } from '../../documents/invoice-view.ts';
import { money, toMoney } from '../../shared/money.ts';
import { nowIso } from '../../shared/clock.ts';
import type { BillRecord } from './model.ts';
import { splitTotal } from './split.ts';
import type { Payment } from './schemas.ts';

export interface InvoiceContext {
  settings: Awaited<ReturnType<typeof getAccountingSettings>>;
  contacts: Map<string, AccountingContactRecord>;
  payments: Payment[];
}

/** What every invoice of a bill needs, read once: the firm's letterhead, the clients, the payments. */
export async function invoiceContext(bill: BillRecord): Promise<InvoiceContext> {
  const clientIds = bill.allocations.map((a) => a.contactId);
  const [settings, contacts, payments] = await Promise.all([
    getAccountingSettings(bill.firmId),
    contactEntity.getMany(bill.firmId, clientIds),
    paymentEntity.ofBill(bill.firmId, bill.id),
  ]);
  return { settings, contacts, payments };
}

/**
 * The invoice one client receives: the whole bill's lines and totals, that
 * client's share (split billing), and the payments apportioned the same way.
 */
export function invoiceView(bill: BillRecord, contactId: string, ctx: InvoiceContext, preview: boolean): InvoiceView {
  const contact = ctx.contacts.get(contactId);
  const share = bill.allocations.find((a) => a.contactId === contactId);
  const split = bill.allocations.length > 1 && share;
  // On a split bill each payment is apportioned like the bill, so this client's list adds up to its "Paid".
  const payments = ctx.payments.map((p) => ({
    date: p.date,
    method: p.method,
    amount: split ? splitTotal(p.amount, bill.allocations).find((a) => a.contactId === contactId)!.amount : p.amount,
  }));
  const paid = toMoney(payments.reduce((sum, p) => sum.plus(p.amount), money(0)));
  const owed = split ? share.amount : bill.total;
  return {
    preview,
    currency: ctx.settings.currency,
    firm: {
      name: ctx.settings.firm.name || 'Law firm',
      address: ctx.settings.firm.address,
      ...(ctx.settings.firm.lawFirmId ? { lawFirmId: ctx.settings.firm.lawFirmId } : {}),
    },
    client: {
      name: contact?.name ?? contactId,
      ...(contact?.address ? { address: contact.address } : {}),
      ...(contact?.email ? { email: contact.email } : {}),
    },
    invoiceNumber: preview ? null : bill.invoiceNumber,
    invoiceDate: bill.invoiceDate ?? nowIso().slice(0, 10),
    period: bill.period,
    matter: { name: bill.matterName, number: bill.matterNumber, ...(bill.clientMatterId ? { clientMatterId: bill.clientMatterId } : {}) },
    lines: bill.lines
      .filter((l) => l.kind === 'time')
      .map((l) => ({ date: l.date, timekeeper: l.timekeeperName ?? '', description: l.description, hours: l.hours ?? '', rate: l.rate ?? '', amount: l.amount })),
    disbursements: bill.lines
      .filter((l) => l.kind === 'disbursement')
      .map((l) => ({ date: l.date, description: l.description, amount: l.amount, ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}) })),
    totals: { fees: bill.feesTotal, disbursements: bill.disbursementsTotal, total: bill.total },
    ...(split ? { share: { percent: share.percent, amount: share.amount } } : {}),
    payments,
    paid,
    balanceDue: toMoney(money(owed).minus(paid)),
  };
}
