import type { InvoiceView } from '../invoice-view.ts';

/**
 * A realistic invoice for tests, the benchmark and looking at the output:
 * `lines` time entries (descriptions of every length, some long enough to
 * wrap over several lines), a few disbursements and payments. Deterministic.
 */

const TIMEKEEPERS = [
  { name: 'Eleanor Vance', rate: 650 },
  { name: 'Małgorzata Wójcik-Żuławska', rate: 425 },
  { name: 'Priya Raghunathan', rate: 295 },
  { name: 'Jürgen Straßmüller', rate: 180 },
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
  const lines: InvoiceView['lines'] = Array.from({ length: count }, (_, i) => {
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
  const payments = [
    { date: '2025-03-12', method: 'wire', reference: 'FT25071HX93', amount: '5000.00' },
    { date: '2025-03-27', method: 'check', reference: '10482', amount: '2500.00' },
  ];
  const paid = 750000;
  // One no-charge line and one written down, as bills have them.
  if (lines[3]) {
    fees -= Math.round(Number(lines[3].amount) * 100);
    lines[3] = { ...lines[3], amount: '0.00', noCharge: true, writtenOff: lines[3].amount };
  }
  if (lines[5]) lines[5] = { ...lines[5], adjustment: { amount: '-100.00', reason: 'Courtesy write-down' } };
  const adjustments = lines[5] ? -10000 : 0;
  const total = fees + disbursed + adjustments;
  const shareAmount = options.share ? Math.round(total * 0.6) : total;
  return {
    preview,
    currency: 'USD',
    firm: {
      name: 'Hargrove, Lindqvist & Chen LLP',
      address: '1200 Market Street, Suite 2400\nPhiladelphia, PA 19107\nUnited States',
      lawFirmId: '23-4567890',
      taxId: '23-4567890',
      email: 'billing@hargrove-lindqvist.example',
      phone: '+1 215 555 0142',
    },
    client: {
      name: 'Northwind Industrial Holdings, Inc.',
      address: { line1: 'Attn: Office of the General Counsel', line2: '88 Harbor Boulevard', city: 'Baltimore', region: 'MD', postcode: '21230', country: 'United States' },
      email: 'legal-invoices@northwind.example',
    },
    invoiceNumber: preview ? null : 'INV-2025-00317',
    invoiceDate: '2025-03-31',
    dueDate: '2025-04-30',
    termsDays: 30,
    description: 'Professional services rendered in March 2025 in connection with the acquisition of Blue Heron Logistics LLC.',
    period: { from: '2025-03-01', to: '2025-03-31' },
    matter: { name: 'Acquisition of Blue Heron Logistics LLC', number: 'M-2025-0042', clientMatterId: 'NW-LEGAL-7731' },
    lines,
    disbursements,
    totals: { fees: cents(fees), disbursements: cents(disbursed), adjustments: cents(adjustments), total: cents(total) },
    ...(options.share ? { share: { percent: '60.00', amount: cents(shareAmount) } } : {}),
    payments,
    paid: cents(paid),
    balanceDue: cents(shareAmount - paid),
    remittance: 'Payee: Hargrove, Lindqvist & Chen LLP\nBank: First Keystone Bank, 1500 Walnut Street, Philadelphia, PA\nABA routing 031000053 · Account 0042 7781 9930\nSWIFT FKBKUS33',
  };
}
