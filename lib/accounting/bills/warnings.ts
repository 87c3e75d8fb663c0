import { invoiceTexts } from '../../documents/invoice-view.ts';
import { unprintable } from '../../documents/pdf/shown.ts';
import { invoicedClients, invoiceView, type InvoiceContext } from './invoice-data.ts';
import type { BillRecord } from './model.ts';
import type { Bill } from './schemas.ts';

export type BillWarning = NonNullable<Bill['warnings']>[number];

/**
 * The bill's warnings: the texts its invoice PDFs print that hold characters
 * no embedded font has (shown there as "?"). The texts are taken from the
 * very invoice views the renderer draws (invoice-data.ts, one per client),
 * walked whole (invoiceTexts), so whatever an invoice prints from user data
 * is checked: the bill's own texts, the client's name and address, the
 * firm's letterhead, the remittance text, payment references, and any text
 * added to the view later. What prints is known from coverage.ts, with no
 * font file read (shown.ts).
 */
export function billWarnings(bill: BillRecord, ctx: InvoiceContext): BillWarning[] {
  const where = sourcePaths(ctx);
  const seen = new Set<string>();
  const missingOf = new Map<string, string[]>(); // the same text on every client's copy is checked once
  const warnings: BillWarning[] = [];
  for (const contactId of invoicedClients(bill)) {
    for (const { path, text } of invoiceTexts(invoiceView(bill, contactId, ctx, bill.status === 'draft'))) {
      let missing = missingOf.get(text);
      if (!missing) missingOf.set(text, (missing = unprintable([text])));
      if (!missing.length) continue;
      const own = CLIENT_OWN.has(path.split('.')[0]!);
      const source = where(path);
      const key = own ? `${contactId} ${source}` : source;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ code: 'unprintable_characters', path: source, ...(own ? { contactId } : {}), message: messageOf(missing) });
    }
  }
  return warnings;
}

/** Parts of an invoice that are its client's own (the rest is the same on every client's copy): warned with the client's id. */
const CLIENT_OWN = new Set(['client', 'payments']);

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const messageOf = (missing: readonly string[]) =>
  `The invoice PDF cannot print ${missing.slice(0, 10).map((c) => `"${c}" (${codePoint(c)})`).join(', ')}; it shows "?" there.`;

/** A line's texts in the view, by their names on the bill's lines (`BillLine`). */
const LINE_FIELDS: Record<string, string> = { timekeeper: 'timekeeperName', 'adjustment.reason': 'writeDown.reason' };
/** Other texts of the view, by the name of the field they come from: the bill's own, or the accounting settings'. */
const FIELDS: Record<string, string> = { 'matter.name': 'matterName', 'matter.number': 'matterNumber', 'totals.discount.reason': 'discount.reason', remittance: 'billing.remittance' };

/**
 * Where a text of the invoice view is kept, as a path a caller can act on:
 * the bill's texts by their names on the bill (a line by its place in the
 * bill's `lines`, in bill order), the remittance by its accounting settings
 * name (`billing.remittance`; `firm.*` are named alike already); anything
 * else (the client's `client.*`, `payments.N.*`) by its path in the view.
 */
function sourcePaths(ctx: InvoiceContext): (viewPath: string) => string {
  // The view lists time lines, then disbursements, each in bill order (invoiceView): back to the bill's place of each.
  const places = (kind: string) => ctx.lines.flatMap((l, i) => (l.kind === kind ? [i] : []));
  const lineAt = { lines: places('time'), disbursements: places('disbursement') };
  return (viewPath) => {
    const line = /^(lines|disbursements)\.(\d+)\.(.+)$/.exec(viewPath);
    if (line) {
      const place = lineAt[line[1] as keyof typeof lineAt][Number(line[2])];
      return `lines.${place ?? line[2]}.${LINE_FIELDS[line[3]!] ?? line[3]}`;
    }
    return FIELDS[viewPath] ?? viewPath;
  };
}
