/**
 * Everything an invoice PDF shows, already decided: the renderer formats and
 * lays out, it never computes a bill. Amounts are decimal strings ("1234.50"),
 * dates are YYYY-MM-DD.
 *
 * One sign convention throughout: what is charged is positive, what reduces
 * it (a write-down, the discount, a payment) is negative; the balance due is
 * what is left to pay.
 */
export interface InvoiceAddress {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postcode: string;
  country: string;
}

export interface InvoiceFeeLine {
  date: string;
  timekeeper: string;
  description: string;
  hours: string;
  /** The hourly rate; for a no-charge line its full rate (what the time is worth). */
  rate: string;
  /** As recorded ("0.00" for no charge). */
  amount: string;
  /** Not charged: shown as "No charge", with its hours and the value written off. */
  noCharge?: boolean;
  /** What a no-charge line's time is worth (hours × rate), written off. */
  writtenOff?: string;
  /** Fixed fee: no hourly arithmetic. */
  fixed?: boolean;
  /** This line's own write-down (negative) or write-up (positive), and why. */
  adjustment?: { amount: string; reason: string };
  /** UTBMS codes, shown on LEDES matters. */
  taskCode?: string;
  activityCode?: string;
}

export interface InvoiceDisbursementLine {
  date: string;
  description: string;
  amount: string;
  expenseCode?: string;
  adjustment?: { amount: string; reason: string };
}

export interface InvoiceView {
  /** true → big diagonal "PREVIEW" watermark on every page, "PREVIEW – not an invoice" in the header, number shown as "DRAFT". */
  preview: boolean;
  /** ISO code, e.g. "USD": amounts show as "$1,234.50" for USD, "EUR 1,234.50" otherwise. */
  currency: string;
  /** Letterhead; address may contain newlines. `taxId` prints as "Tax ID". */
  firm: { name: string; address: string; lawFirmId?: string; taxId?: string; email?: string; phone?: string };
  client: { name: string; address?: InvoiceAddress; email?: string };
  /** null in preview. */
  invoiceNumber: string | null;
  invoiceDate: string;
  /** When payment is due, and the terms that gave it (days from the invoice date). */
  dueDate?: string;
  termsDays?: number;
  /** Billing period. */
  period: { from: string; to: string };
  matter: { name: string; number: string; clientMatterId?: string };
  /** The bill's description ("Services rendered in March"), printed above the lines. */
  description?: string;
  /** Show UTBMS task/activity codes (LEDES matters). */
  utbms?: boolean;
  /** Fees (time). */
  lines: InvoiceFeeLine[];
  disbursements: InvoiceDisbursementLine[];
  /**
   * Of the whole bill: fees and disbursements as recorded, the lines' own
   * adjustments (write-downs negative), the discount (negative), and the total.
   */
  totals: { fees: string; disbursements: string; adjustments?: string; discount?: { amount: string; reason: string }; total: string };
  /** Split billing: this client's share of the total ("60.00", "740.10"); the balance due is based on it. */
  share?: { percent: string; amount: string };
  /** This client's payments of this invoice (positive amounts; shown as reductions). */
  payments: { date: string; method: string; reference?: string; amount: string }[];
  /** Total paid by this client. */
  paid: string;
  balanceDue: string;
  /** This client's earlier invoices on the matter still open (the account summary). */
  earlierOpen?: { invoiceNumber: string; invoiceDate: string; dueDate: string; amount: string; outstanding: string }[];
  /** How to pay (payee, bank details), from accounting settings `billing.remittance`; may contain newlines. */
  remittance?: string;
  /** The PDF's creation date (ISO timestamp); absent: the invoice date. */
  createdAt?: string;
}

/**
 * The invoice number as the invoice shows it, on its pages and in its PDF
 * title alike: a preview of a posted bill shows the number it has taken;
 * only a draft's (no number yet) says DRAFT.
 */
export const invoiceNumberText = (view: Pick<InvoiceView, 'invoiceNumber'>): string => view.invoiceNumber || 'DRAFT';

/** A text of an invoice view and where it is in it ("client.name", "lines.3.description"). */
export interface InvoiceText {
  path: string;
  text: string;
}

/**
 * Every text of an invoice view, with its path, in the view's order: what
 * the renderer draws from the view (dates and amounts are texts too, and
 * always printable). Walked rather than listed, so a text added to the view
 * later is included without anyone having to remember it: the bill's
 * warnings of characters no font has are made from this
 * (lib/accounting/bills/warnings.ts).
 */
export function invoiceTexts(view: InvoiceView): InvoiceText[] {
  const texts: InvoiceText[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value) texts.push({ path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}.${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key);
    }
  };
  walk(view, '');
  return texts;
}
