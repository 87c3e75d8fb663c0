import type * as z from 'zod';
import type { AccountingBillInvoices } from '#events/messages';
import { commit, refusedAt } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { NotFound } from '../../shared/errors.ts';
import type { Page } from '../../shared/page.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterInvoicesEntity } from '../entities/matter-invoices.entity.ts';
import { matterInvoices, pageOf } from './invoice-list.ts';
import type { MatterInvoice, MatterInvoiceListQuery } from './schemas.ts';

/**
 * Keeps the newest copy of a bill's invoices accounting reported (an empty list: the bill has none now); a late,
 * older report, or the same one again, changes nothing.
 */
export async function onBillInvoices(m: z.infer<typeof AccountingBillInvoices>): Promise<void> {
  const copy = { matterId: m.practiceMatterId, billId: m.billId, billVersion: m.billVersion, invoices: m.invoices, updatedAt: nowIso() };
  try {
    await commit([matterInvoicesEntity.put(m.firmId, copy)]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error;
  }
}

/** The matter's invoices as practice last heard of them (eventually consistent), in invoice number order. */
export async function listMatterInvoices(firmId: string, matterId: string, query: MatterInvoiceListQuery): Promise<Page<MatterInvoice>> {
  const [matter, bills] = await Promise.all([matterEntity.get(firmId, matterId), matterInvoicesEntity.ofMatter(firmId, matterId)]);
  if (!matter) throw new NotFound('Matter');
  // Accounting names its own contacts; practice shows its own ids (the twin of each client), as every practice route does.
  const clients = await contactEntity.getMany(firmId, matter.clientIds);
  const practiceIdOf = new Map([...clients.values()].flatMap((c) => (c.link.otherId ? [[c.link.otherId, c.id] as const] : [])));
  const invoices = matterInvoices(bills, nowIso().slice(0, 10)).map((i) => ({ ...i, contactId: practiceIdOf.get(i.contactId) ?? i.contactId }));
  return pageOf(invoices, query);
}
