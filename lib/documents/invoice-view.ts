/**
 * Everything an invoice PDF shows, already decided: the renderer formats and
 * lays out, it never computes a bill. Amounts are decimal strings ("1234.50"),
 * dates are YYYY-MM-DD.
 */
export interface InvoiceAddress {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postcode: string;
  country: string;
}

export interface InvoiceView {
  /** true → big diagonal "PREVIEW" watermark on every page, "PREVIEW – not an invoice" in the header, number shown as "DRAFT". */
  preview: boolean;
  /** ISO code, e.g. "USD": amounts show as "$1,234.50" for USD, "EUR 1,234.50" otherwise. */
  currency: string;
  /** Letterhead; address may contain newlines. */
  firm: { name: string; address: string; lawFirmId?: string };
  client: { name: string; address?: InvoiceAddress; email?: string };
  /** null in preview. */
  invoiceNumber: string | null;
  invoiceDate: string;
  /** Billing period. */
  period: { from: string; to: string };
  matter: { name: string; number: string; clientMatterId?: string };
  /** Fees (time). */
  lines: { date: string; timekeeper: string; description: string; hours: string; rate: string; amount: string }[];
  disbursements: { date: string; description: string; amount: string; expenseCode?: string }[];
  /** Of the whole bill. */
  totals: { fees: string; disbursements: string; total: string };
  /** Split billing: this client's share of the total ("60.00", "740.10"); the balance due is based on it. */
  share?: { percent: string; amount: string };
  payments: { date: string; method: string; amount: string }[];
  /** Total paid by this client. */
  paid: string;
  balanceDue: string;
}
