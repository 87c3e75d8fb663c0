import { money, toMoney, Big } from '../../shared/money.ts';
import type { Aging } from './schemas.ts';
import type { InvoiceRecord } from './model.ts';

/** The aging buckets: days past the due date on the day aged (not yet due is `current`). */
export const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
type Bucket = (typeof BUCKETS)[number];

const DAY_MS = 86_400_000;

export function bucketOf(dueDate: string, asOf: string): Bucket {
  const late = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
  if (late <= 0) return 'current';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}

/** What an invoice still owed at the end of `asOf`: its amount less the payments dated on or before it. */
export function owedOn(invoice: Pick<InvoiceRecord, 'amount' | 'payments'>, asOf: string): Big {
  return invoice.payments.filter((p) => p.date <= asOf).reduce((left, p) => left.minus(p.amount), money(invoice.amount));
}

/**
 * Aging per client, exact to the cent: each invoice issued by `asOf` with
 * something owed on that day, in the bucket of how late it was; clients by
 * name, totals the sums of the clients' figures.
 */
export function agingOf(invoices: readonly InvoiceRecord[], asOf: string, currency: string, nameOf: (contactId: string) => string): Aging {
  const zero = () => Object.fromEntries(BUCKETS.map((b) => [b, money(0)])) as Record<Bucket, Big>;
  const clients = new Map<string, { sums: Record<Bucket, Big>; count: number }>();
  for (const invoice of invoices) {
    if (invoice.invoiceDate > asOf) continue;
    const owed = owedOn(invoice, asOf);
    if (owed.lte(0)) continue;
    const client = clients.get(invoice.contactId) ?? { sums: zero(), count: 0 };
    const bucket = bucketOf(invoice.dueDate, asOf);
    client.sums[bucket] = client.sums[bucket].plus(owed);
    client.count++;
    clients.set(invoice.contactId, client);
  }
  const figures = (sums: Record<Bucket, Big>) => {
    const out = Object.fromEntries(BUCKETS.map((b) => [b, toMoney(sums[b])])) as Record<Bucket, string>;
    return { ...out, total: toMoney(BUCKETS.reduce((t, b) => t.plus(sums[b]), money(0))) };
  };
  const totals = zero();
  const rows = [...clients.entries()].map(([contactId, c]) => {
    for (const b of BUCKETS) totals[b] = totals[b].plus(c.sums[b]);
    return { contactId, name: nameOf(contactId), invoices: c.count, ...figures(c.sums) };
  }).sort((a, b) => a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId));
  return { asOf, currency, clients: rows, totals: figures(totals) };
}
