import { describe, expect, it } from 'vitest';
import { priceBill, toCents, type PricedLineInput } from '../../lib/accounting/bills/pricing.ts';
import { centsToMoney, splitTotal } from '../../lib/accounting/bills/split.ts';
import { LEDES_FIELDS, ledesLineAmounts, validateLedes, writeLedes, type LedesField, type LedesLine } from '../../lib/documents/ledes.ts';
import { invoiceLedesLines, type BillLineForLedes } from '../../lib/documents/ledes/invoice-lines.ts';

/** Deterministic PRNG (mulberry32) so the random bills repeat run to run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const timekeeper = { timekeeperId: 'RARNSLEY', timekeeperName: 'Robert Arnsley', timekeeperClassification: 'PARTNR' };
const fee = (hours: string, rate: string, billedAmount: string, over: Partial<BillLineForLedes> = {}): BillLineForLedes => ({
  kind: 'time',
  date: '2024-01-15',
  description: 'Review complaint',
  hours,
  rate,
  amount: ledesLineAmounts({ units: hours, unitCost: rate, adjustment: '0' }).total,
  billedAmount,
  taskCode: 'L110',
  activityCode: 'A101',
  ...timekeeper,
  ...over,
});
const expense = (amount: string, billedAmount = amount, over: Partial<BillLineForLedes> = {}): BillLineForLedes => ({
  kind: 'disbursement',
  date: '2024-01-17',
  description: 'Courier',
  amount,
  billedAmount,
  expenseCode: 'E107',
  ...over,
});

/** A written LEDES file of these lines, and its rows as field maps. */
function written(lines: LedesLine[], invoiceNumber = 'INV-1') {
  const text = writeLedes({
    invoiceDate: '2024-02-05',
    invoiceNumber,
    clientId: 'ACME',
    lawFirmMatterId: 'M-1001',
    billingStartDate: '2024-01-01',
    billingEndDate: '2024-01-31',
    invoiceDescription: 'Professional services, January 2024',
    lawFirmId: '24-6437381',
    clientMatterId: 'CM-77',
    lines,
  });
  const rows = text
    .replace(/\n$/, '')
    .split('\n')
    .slice(2)
    .map((row) => {
      const values = row.replace(/\[\]$/, '').split('|');
      return Object.fromEntries(LEDES_FIELDS.map((f, i) => [f, values[i] ?? ''])) as Record<LedesField, string>;
    });
  return { text, rows };
}

const cents = (value: string) => toCents(value);

/** The rules every invoice must keep, checked on the file as written. */
function expectSound(lines: LedesLine[], invoiceAmount: string) {
  const { text, rows } = written(lines);
  expect(validateLedes(text).problems).toEqual([]);
  let sum = 0n;
  for (const row of rows) {
    const product = BigInt(row.LINE_ITEM_NUMBER_OF_UNITS.replace('.', '')) * BigInt(row.LINE_ITEM_UNIT_COST.replace('.', '')); // 1/10000
    const rounded = (product + 50n) / 100n; // half-up, units and cost are never negative
    expect(rounded + cents(row.LINE_ITEM_ADJUSTMENT_AMOUNT)).toBe(cents(row.LINE_ITEM_TOTAL));
    expect(row.INVOICE_TOTAL).toBe(invoiceAmount);
    sum += cents(row.LINE_ITEM_TOTAL);
  }
  expect(centsToMoney(sum)).toBe(invoiceAmount);
  return rows;
}

describe('invoiceLedesLines: one invoice of the whole bill', () => {
  it('a fee line at its hours and rate, billed as recorded, has no adjustment', () => {
    const lines = invoiceLedesLines([fee('2.00', '350.00', '700.00')], '700.00');
    expect(lines).toEqual([
      {
        type: 'F',
        units: '2.00',
        unitCost: '350.00',
        adjustment: '0.00',
        date: '2024-01-15',
        description: 'Review complaint',
        taskCode: 'L110',
        activityCode: 'A101',
        ...timekeeper,
      },
    ]);
    expectSound(lines, '700.00');
  });

  it('each line totals its billed amount; write-downs and discount shares land in the adjustment', () => {
    const bill = [
      fee('2.00', '350.00', '630.00'), // written down 70.00
      fee('0.30', '333.33', '95.00'), // 100.00 (99.999 rounded) less 5.00
      expense('24.95'),
      expense('12.00', '10.80'), // a cost written down
    ];
    const lines = invoiceLedesLines(bill, '760.75');
    expect(lines.map((l) => [l.units, l.unitCost, l.adjustment])).toEqual([
      ['2.00', '350.00', '-70.00'],
      ['0.30', '333.33', '-5.00'],
      ['1.00', '24.95', '0.00'],
      ['1.00', '12.00', '-1.20'],
    ]);
    const rows = expectSound(lines, '760.75');
    expect(rows.map((r) => r.LINE_ITEM_TOTAL)).toEqual(['630.00', '95.00', '24.95', '10.80']);
  });

  it('a fixed fee is one unit at its amount, whatever its hours', () => {
    const lines = invoiceLedesLines([fee('3.50', '400.00', '1500.00', { fixed: true, amount: '1500.00' })], '1500.00');
    expect(lines.map((l) => [l.type, l.units, l.unitCost, l.adjustment])).toEqual([['F', '1.00', '1500.00', '0.00']]);
    expectSound(lines, '1500.00');
  });

  it('a no-charge line shows its hours at the list rate and is adjusted to 0.00', () => {
    const noCharge = fee('1.50', '0.00', '0.00', { noCharge: true, listRate: '275.00', amount: '0.00' });
    const lines = invoiceLedesLines([fee('1.00', '275.00', '275.00'), noCharge], '275.00');
    expect(lines[1]).toMatchObject({ units: '1.50', unitCost: '275.00', adjustment: '-412.50' });
    const rows = expectSound(lines, '275.00');
    expect(rows[1]?.LINE_ITEM_TOTAL).toBe('0.00');
  });

  it('a no-charge line without a list rate falls back to its rate; a fee without hours or rate is a bug', () => {
    const lines = invoiceLedesLines([fee('1.00', '200.00', '0.00', { noCharge: true, amount: '0.00' }), expense('5.00')], '5.00');
    expect(lines[0]).toMatchObject({ unitCost: '200.00', adjustment: '-200.00' });
    expect(() => invoiceLedesLines([{ ...fee('1.00', '1.00', '1.00'), hours: undefined }], '1.00')).toThrow(RangeError);
  });

  it('a recorded amount that is not hours × rate (a minimum charge) is carried by the adjustment', () => {
    const lines = invoiceLedesLines([fee('0.10', '300.00', '50.00', { amount: '50.00' })], '50.00');
    expect(lines[0]).toMatchObject({ units: '0.10', unitCost: '300.00', adjustment: '20.00' });
    expectSound(lines, '50.00');
  });

  it('rounds units × unit cost half-up, exactly as the writer does', () => {
    // 0.50 × 100.01 = 50.005 → 50.01, so a line billed at 50.00 needs −0.01.
    const lines = invoiceLedesLines([fee('0.50', '100.01', '50.00', { amount: '50.00' })], '50.00');
    expect(lines[0]?.adjustment).toBe('-0.01');
    expectSound(lines, '50.00');
  });

  it('an empty bill is an empty invoice; a zero bill spreads nothing', () => {
    expect(invoiceLedesLines([], '0.00')).toEqual([]);
    const lines = invoiceLedesLines([fee('1.00', '100.00', '0.00', { noCharge: true, listRate: '100.00', amount: '0.00' })], '0.00');
    expect(lines[0]?.adjustment).toBe('-100.00');
  });
});

describe('invoiceLedesLines: invoices of a split bill', () => {
  const bill = [fee('1.00', '100.00', '100.00'), fee('0.50', '100.00', '50.00'), expense('0.01')];

  it('50/50 of an odd-cent total: the cent goes to one client, each file adds up, the two make the bill', () => {
    const split = splitTotal('150.01', [
      { contactId: 'a', percent: '50.00' },
      { contactId: 'b', percent: '50.00' },
    ]);
    expect(split.map((s) => s.amount)).toEqual(['75.01', '75.00']);
    const [a, b] = split.map((s) => invoiceLedesLines(bill, s.amount));
    const rowsA = expectSound(a!, '75.01');
    const rowsB = expectSound(b!, '75.00');
    // 75.01 over 100.00 / 50.00 / 0.01 is 50.003…, 25.001…, 0.50003…: the leftover cent to the largest remainder.
    expect(rowsA.map((r) => r.LINE_ITEM_TOTAL)).toEqual(['50.00', '25.00', '0.01']);
    expect(rowsB.map((r) => r.LINE_ITEM_TOTAL)).toEqual(['50.00', '25.00', '0.00']);
  });

  it('33.33 / 33.33 / 33.34: three files, each its share exactly', () => {
    const split = splitTotal('150.01', [
      { contactId: 'a', percent: '33.33' },
      { contactId: 'b', percent: '33.33' },
      { contactId: 'c', percent: '33.34' },
    ]);
    let total = 0n;
    for (const share of split) {
      expectSound(invoiceLedesLines(bill, share.amount), share.amount);
      total += cents(share.amount);
    }
    expect(centsToMoney(total)).toBe('150.01');
  });

  it('a client share that is tiny still lands on the lines, largest remainder first', () => {
    const lines = invoiceLedesLines(bill, '0.02');
    const rows = expectSound(lines, '0.02');
    expect(rows.map((r) => r.LINE_ITEM_TOTAL)).toEqual(['0.01', '0.01', '0.00']);
  });
});

/** A random bill as the lead builds it: priced by priceBill, then split among clients. */
function randomBill(random: () => number) {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const money = (maxCents: number) => centsToMoney(BigInt(int(maxCents)));
  const lines: BillLineForLedes[] = [];
  const priced: PricedLineInput[] = [];
  const count = 1 + int(25);
  for (let i = 0; i < count; i++) {
    const day = String(1 + int(30)).padStart(2, '0');
    const pick = random();
    let line: Omit<BillLineForLedes, 'billedAmount'>;
    if (pick < 0.55) {
      const hours = (int(80) / 10).toFixed(2);
      const rate = money(60_000);
      line = { ...fee(hours, rate, '0.00'), date: `2024-01-${day}` };
    } else if (pick < 0.65) {
      line = { ...fee((int(40) / 10).toFixed(2), '0.00', '0.00', { fixed: true, amount: money(300_000) }), date: `2024-01-${day}` };
    } else if (pick < 0.75) {
      line = { ...fee((int(40) / 10).toFixed(2), '0.00', '0.00', { noCharge: true, listRate: money(50_000), amount: '0.00' }), date: `2024-01-${day}` };
    } else {
      line = { ...expense(money(20_000)), date: `2024-01-${day}` };
    }
    lines.push({ ...line, billedAmount: '0.00' });
    const adjust = random();
    const adjustment =
      line.amount === '0.00' || adjust < 0.6
        ? undefined
        : adjust < 0.8
          ? { percent: `-${int(100)}`, reason: 'write-down' }
          : adjust < 0.9
            ? { amount: centsToMoney(-BigInt(int(Number(toCents(line.amount))))), reason: 'write-down' }
            : { amount: money(5_000), reason: 'write-up' };
    priced.push({ id: `l${i}`, kind: line.kind, amount: line.amount, ...(adjustment ? { adjustment } : {}) });
  }
  const hasFees = priced.some((p) => p.kind === 'time');
  const discount = hasFees && random() < 0.5 ? { percent: String(1 + int(99)), reason: 'discount' } : undefined;
  const { lines: pricedLines, totals } = priceBill(priced, discount);
  pricedLines.forEach((p, i) => {
    lines[i]!.billedAmount = p.billedAmount;
  });
  // Percents in hundredths that add up to exactly 100.00.
  const clients = 1 + int(4);
  const weights = Array.from({ length: clients }, () => 1 + int(100));
  const sum = weights.reduce((a, b) => a + b, 0);
  const hundredths = weights.map((w) => Math.floor((w * 10_000) / sum));
  hundredths[0]! += 10_000 - hundredths.reduce((a, b) => a + b, 0);
  const allocations = hundredths.map((h, i) => ({ contactId: `c${i}`, percent: `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}` }));
  return { lines, total: totals.total, split: splitTotal(totals.total, allocations) };
}

describe('invoiceLedesLines: many random split bills (seeded)', () => {
  it('every invoice validates, every line adds up, every file totals its share, and the shares make the bill', () => {
    const random = prng(1998);
    for (let run = 0; run < 300; run++) {
      const { lines, total, split } = randomBill(random);
      let invoiced = 0n;
      for (const share of split) {
        const rows = expectSound(invoiceLedesLines(lines, share.amount), share.amount);
        // An invoice of the whole bill shows every line at its billed amount.
        if (share.amount === total) expect(rows.map((r) => r.LINE_ITEM_TOTAL)).toEqual(lines.map((l) => l.billedAmount));
        invoiced += cents(share.amount);
      }
      expect(centsToMoney(invoiced)).toBe(total);
    }
  });
});
