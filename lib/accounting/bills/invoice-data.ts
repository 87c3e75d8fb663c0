import type { getAccountingSettings } from '../settings/service.ts';
import { accountingSettingsEntity } from '../entities/settings.entity.ts';
import { readTogether } from '../../aws/entity.ts';
import { billLineEntity } from '../entities/bill-line.entity.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { paymentEntity } from '../entities/payment.entity.ts';
import type { AccountingContactRecord } from '../contacts/model.ts';
import type { InvoiceView } from '../../documents/invoice-view.ts';
import { money, sumMoney } from '../../shared/money.ts';
import { nowIso } from '../../shared/clock.ts';
import { pricingInput, type BillLineRecord, type BillRecord } from './model.ts';
import { priceBill } from './pricing.ts';
import type { Payment } from './schemas.ts';

export interface InvoiceContext {
  settings: Awaited<ReturnType<typeof getAccountingSettings>>;
  contacts: Map<string, AccountingContactRecord>;
  payments: Payment[];
  /** The bill's lines in bill order, with what each bills. */
  lines: (BillLineRecord & { billedAmount: string })[];
}

/** What every invoice of a bill needs, read once: the firm's letterhead, the clients, the payments, the lines. */
export async function invoiceContext(bill: BillRecord): Promise<InvoiceContext> {
  const clientIds = bill.allocations.map((a) => a.contactId);
  // Settings and clients in one BatchGet; payments only if something was paid (every payment moves `paid`).
  const [[settingsRead, contacts], payments, lines] = await Promise.all([
    readTogether(accountingSettingsEntity.read(bill.firmId), contactEntity.readMany(bill.firmId, clientIds)),
    bill.status === 'draft' || money(bill.paid).eq(0) ? [] : paymentEntity.ofBill(bill.firmId, bill.id),
    billLineEntity.all(bill.firmId, bill.id),
  ]);
  const settings = accountingSettingsEntity.toApi(settingsRead.record);
  const priced = priceBill(lines.map(pricingInput), bill.discount ?? undefined).lines;
  return { settings, contacts, payments, lines: lines.map((l, i) => ({ ...l, billedAmount: priced[i]!.billedAmount })) };
}

/** The clients who get an invoice of the bill: its invoices once posted, its shares before. */
export const invoicedClients = (bill: BillRecord) => (bill.invoices.length ? bill.invoices.map((i) => i.contactId) : bill.allocations.map((a) => a.contactId));

/**
 * The invoice one client receives: the whole bill's lines (at what they
 * bill, write-downs and discount included) and totals, that client's share
 * (split billing) and that client's own payments.
 */
export function invoiceView(bill: BillRecord, contactId: string, ctx: InvoiceContext, preview: boolean): InvoiceView {
  const contact = ctx.contacts.get(contactId);
  const invoice = bill.invoices.find((i) => i.contactId === contactId);
  const share = bill.allocations.find((a) => a.contactId === contactId);
  const split = bill.allocations.length > 1 && share;
  const payments = ctx.payments.filter((p) => p.contactId === contactId).map((p) => ({ date: p.date, method: p.method, amount: p.amount }));
  const time = ctx.lines.filter((l) => l.kind === 'time');
  const costs = ctx.lines.filter((l) => l.kind === 'disbursement');
  const owed = invoice?.amount ?? (split ? share.amount : bill.total);
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
    invoiceNumber: preview ? null : (invoice?.invoiceNumber ?? null),
    invoiceDate: bill.invoiceDate ?? nowIso().slice(0, 10),
    period: bill.period,
    matter: { name: bill.matterName, number: bill.matterNumber, ...(bill.clientMatterId ? { clientMatterId: bill.clientMatterId } : {}) },
    lines: time.map((l) => ({ date: l.date, timekeeper: l.timekeeperName ?? '', description: l.description, hours: l.hours ?? '', rate: l.rate ?? '', amount: l.billedAmount })),
    disbursements: costs.map((l) => ({ date: l.date, description: l.description, amount: l.billedAmount, ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}) })),
    totals: { fees: sumMoney(time.map((l) => l.billedAmount)), disbursements: sumMoney(costs.map((l) => l.billedAmount)), total: bill.total },
    ...(split ? { share: { percent: share.percent, amount: owed } } : {}),
    payments,
    paid: invoice?.paid ?? '0.00',
    balanceDue: invoice?.outstanding ?? owed,
  };
}
