import type { InvoiceView } from '../invoice-view.ts';

/**
 * A realistic invoice for tests, the benchmark and looking at the output:
 * `lines` time entries (descriptions of every length, some long enough to
 * wrap over several lines), a few disbursements and payments. Deterministic.
 */

const TIMEKEEPERS = [
  { name: 'Eleanor Vance', rate: 650 },
  { name: 'Marcus Okafor', rate: 425 },
  { name: 'Priya Raghunathan', rate: 295 },
  { name: 'Daniel Kowalski', rate: 180 },
];

const TASKS = [
  'Review and revise draft asset purchase agreement; mark up indemnification and escrow provisions',
  'Telephone conference with client regarding status of negotiations',
  'Draft correspondence to opposing counsel regarding outstanding document production and proposed schedule for depositions of key witnesses',
  'Legal research on enforceability of non-competition covenants under Delaware law, including recent Chancery Court decisions on blue-penciling and choice-of-law provisions; prepare memorandum summarizing findings',
  'Attend to closing checklist',
  'Prepare for and attend mediation session; confer with client before and after session regarding settlement parameters',
  'Review due diligence materials uploaded to data room (employment agreements, IP assignments)',
  'Email exchange with client re: board consent',
  'Revise disclosure schedules to reflect comments from buyer\u2019s counsel on material contracts, litigation and environmental matters',
  'Draft motion to compel and supporting declaration',
];

const DISBURSEMENTS = [
  { description: 'Court filing fee \u2013 motion to compel', amount: 1250, code: 'E112' },
  { description: 'Courier: delivery of closing documents to escrow agent', amount: 4850, code: 'E107' },
  { description: 'Deposition transcript (expedited), witness J. Harrington', amount: 126540, code: 'E115' },
  { description: 'Travel: airfare and hotel for mediation in Wilmington, DE', amount: 84212, code: 'E110' },
  { description: 'Online legal research charges', amount: 21900, code: 'E106' },
];

const cents = (n: number) => `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;
const day = (i: number) => `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`;

export function sampleInvoice(options: { lines?: number; preview?: boolean; share?: boolean } = {}): InvoiceView {
  const count = options.lines ?? 40;
  const preview = options.preview ?? false;
  let fees = 0;
  const lines = Array.from({ length: count }, (_, i) => {
    const tk = TIMEKEEPERS[(i * 7) % TIMEKEEPERS.length]!;
    const tenths = 1 + ((i * 13) % 45); // 0.1 .. 4.5 hours
    const amount = tenths * tk.rate * 10; // cents
    fees += amount;
    return {
      date: day(Math.floor(i * 0.7)),
      timekeeper: tk.name,
      description: TASKS[i % TASKS.length]!,
      hours: `${Math.floor(tenths / 10)}.${tenths % 10}0`,
      rate: `${tk.rate}.00`,
      amount: cents(amount),
    };
  });
  let disbursed = 0;
  const disbursements = DISBURSEMENTS.map((d, i) => {
    disbursed += d.amount;
    return { date: day(3 + i * 5), description: d.description, amount: cents(d.amount), expenseCode: d.code };
  });
  const total = fees + disbursed;
  const shareAmount = options.share ? Math.round(total * 0.6) : total;
  const payments = [
    { date: '2025-03-12', method: 'Wire transfer', amount: '5000.00' },
    { date: '2025-03-27', method: 'Check no. 10482', amount: '2500.00' },
  ];
  const paid = 750000;
  return {
    preview,
    currency: 'USD',
    firm: {
      name: 'Hargrove, Lindqvist & Chen LLP',
      address: '1200 Market Street, Suite 2400\nPhiladelphia, PA 19107\nUnited States',
      lawFirmId: 'EIN 23-4567890',
    },
    client: {
      name: 'Northwind Industrial Holdings, Inc.',
      address: { line1: 'Attn: Office of the General Counsel', line2: '88 Harbor Boulevard', city: 'Baltimore', region: 'MD', postcode: '21230', country: 'United States' },
      email: 'legal-invoices@northwind.example',
    },
    invoiceNumber: preview ? null : 'INV-2025-00317',
    invoiceDate: '2025-03-31',
    period: { from: '2025-03-01', to: '2025-03-31' },
    matter: { name: 'Acquisition of Blue Heron Logistics LLC', number: 'M-2025-0042', clientMatterId: 'NW-LEGAL-7731' },
    lines,
    disbursements,
    totals: { fees: cents(fees), disbursements: cents(disbursed), total: cents(total) },
    ...(options.share ? { share: { percent: '60.00', amount: cents(shareAmount) } } : {}),
    payments,
    paid: cents(paid),
    balanceDue: cents(shareAmount - paid),
  };
}
