import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LEDES_FIELDS,
  LEDES_HEADER_LINE,
  LedesInputError,
  ledesLineAmounts,
  ledesTimekeeperName,
  sanitizeLedesValue,
  toLedesAscii,
  validateLedes,
  writeLedes,
  type LedesField,
  type LedesInvoice,
  type LedesLine,
} from '../../lib/documents/ledes.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ledes/${name}`, import.meta.url), 'utf8');
const SAMPLE = fixture('sample_98B.txt');

/** Physical lines of a file (1-based access through `lines[n - 1]`), without the trailing break. */
const linesOf = (text: string) => text.replace(/\n$/, '').split('\n');
const fieldsOf = (row: string) => row.replace(/\[\]$/, '').split('|');

/** Sets `field` to `value` on the given 1-based lines of the file. */
function setField(text: string, lineNos: number | number[], field: LedesField, value: string): string {
  const targets = Array.isArray(lineNos) ? lineNos : [lineNos];
  const index = LEDES_FIELDS.indexOf(field);
  const lines = linesOf(text).map((line, i) => {
    if (!targets.includes(i + 1)) return line;
    const values = fieldsOf(line);
    values[index] = value;
    return `${values.join('|')}[]`;
  });
  return `${lines.join('\n')}\n`;
}
/** Applies several field changes. */
const mutate = (text: string, ...changes: Array<[number | number[], LedesField, string]>) =>
  changes.reduce((t, [lines, field, value]) => setField(t, lines, field, value), text);
/** Replaces whole 1-based line `n`. */
function setLine(text: string, n: number, replace: (line: string) => string): string {
  const lines = linesOf(text);
  lines[n - 1] = replace(lines[n - 1] ?? '');
  return `${lines.join('\n')}\n`;
}

/** "line:field" of every problem, sorted, for exact comparisons. */
const where = (text: string) =>
  validateLedes(text)
    .problems.map((p) => `${p.line}:${p.field ?? '-'}`)
    .sort();

// The sample's invoice 96542 rows are file lines 3–7, invoice 96543 (IF) is line 8.
const WITHOUT_HEADER = `${linesOf(SAMPLE).filter((_, i) => i !== 1).join('\n')}\n`;
const F1 = 3, F2 = 4, F3 = 5, E1 = 6, E2 = 7, IF = 8;
const INV_96542 = [F1, F2, F3, E1, E2];

const invoice = (lines: LedesLine[], over: Partial<LedesInvoice> = {}): LedesInvoice => ({
  invoiceDate: '2024-02-05',
  invoiceNumber: 'INV-2024-0042',
  clientId: 'ACME',
  lawFirmMatterId: 'M-1001',
  billingStartDate: '2024-01-01',
  billingEndDate: '2024-01-31',
  invoiceDescription: 'Professional services, January 2024',
  lawFirmId: '24-6437381',
  clientMatterId: 'CM-77',
  lines,
  ...over,
});
const fee = (over: Partial<LedesLine> = {}): LedesLine => ({
  type: 'F',
  units: '2.00',
  unitCost: '350.00',
  adjustment: '0.00',
  date: '2024-01-15',
  taskCode: 'L110',
  activityCode: 'A101',
  timekeeperId: 'RARNSLEY',
  timekeeperName: 'Robert Arnsley',
  timekeeperClassification: 'PARTNR',
  description: 'Review complaint',
  ...over,
});
const expense = (over: Partial<LedesLine> = {}): LedesLine => ({
  type: 'E',
  units: '1',
  unitCost: '24.95',
  adjustment: '0.00',
  date: '2024-01-17',
  expenseCode: 'E111',
  description: 'Meals',
  ...over,
});

describe('LEDES.org 1998B sample invoice', () => {
  it('passes the validator', () => {
    expect(validateLedes(SAMPLE)).toEqual({ ok: true, problems: [] });
  });

  it('passes with CRLF line breaks too', () => {
    expect(validateLedes(SAMPLE.replace(/\n/g, '\r\n'))).toEqual({ ok: true, problems: [] });
  });

  it('public copy with the curly apostrophe (Lexitree) has exactly that one known problem', () => {
    // Reference §1.1/§6: the copy in Lexitree-Labs/LEDES has `Attorney’s` (U+2019) in row 1.
    const { ok, problems } = validateLedes(fixture('sample_98B_lexitree.txt'));
    expect(ok).toBe(false);
    expect(problems).toEqual([{ line: 3, field: 'LINE_ITEM_DESCRIPTION', message: expect.stringContaining('U+2019') }]);
  });

  it('the writer reproduces the sample amounts', () => {
    const text = writeLedes(
      invoice(
        [
          fee({ units: '2.00', unitCost: '350', adjustment: '-70', date: '1999-01-15' }),
          fee({ units: '2.00', unitCost: '350', adjustment: '0', date: '1999-01-15' }),
          fee({ units: '0.200', unitCost: '200', adjustment: '0', date: '1999-01-16', timekeeperName: 'John Beaster', timekeeperClassification: 'ASSOC' }),
          expense({ units: '1', unitCost: '24.95', date: '1999-01-17' }),
          expense({ units: '1', unitCost: '289.5', date: '1999-01-17', expenseCode: 'E110', description: 'Out-of_town travel' }),
        ],
        { invoiceDate: '1999-02-25', billingStartDate: '1999-01-01', billingEndDate: '1999-01-31' },
      ),
    );
    const rows = linesOf(text).slice(2).map(fieldsOf);
    const col = (f: LedesField) => rows.map((r) => r[LEDES_FIELDS.indexOf(f)]);
    expect(col('LINE_ITEM_TOTAL')).toEqual(['630.00', '700.00', '40.00', '24.95', '289.50']);
    expect(new Set(col('INVOICE_TOTAL'))).toEqual(new Set(['1684.45']));
    expect(col('TIMEKEEPER_NAME')).toEqual(['Arnsley, Robert', 'Arnsley, Robert', 'Beaster, John', '', '']);
    expect(validateLedes(text).ok).toBe(true);
  });
});

describe('writeLedes', () => {
  const inv = invoice([
    fee({ adjustment: '-70' }),
    fee({ units: '0.3', unitCost: '200', timekeeperName: 'John Q. Beaster', timekeeperClassification: 'ASSOC', activityCode: 'A106' }),
    expense(),
  ]);

  it('writes format line, header, numbered rows with [] before LF, and a final LF', () => {
    const text = writeLedes(inv);
    const lines = linesOf(text);
    expect(lines[0]).toBe('LEDES1998B[]');
    expect(lines[1]).toBe(LEDES_HEADER_LINE);
    expect(lines).toHaveLength(5);
    expect(text.endsWith('[]\n')).toBe(true);
    expect(text).not.toContain('\r');
    for (const row of lines.slice(2)) {
      expect(row.endsWith('[]')).toBe(true);
      expect(fieldsOf(row)).toHaveLength(24);
    }
    expect(lines[2]).toBe(
      '20240205|INV-2024-0042|ACME|M-1001|714.95|20240101|20240131|Professional services, January 2024|1|F|2.00|-70.00|630.00|20240115|L110||A101|RARNSLEY|Review complaint|24-6437381|350.00|Arnsley, Robert|PARTNR|CM-77[]',
    );
    expect(lines.slice(2).map((r) => fieldsOf(r)[8])).toEqual(['1', '2', '3']);
  });

  it('round-trips through the validator cleanly, LF and CRLF', () => {
    expect(validateLedes(writeLedes(inv))).toEqual({ ok: true, problems: [] });
    const crlf = writeLedes(inv, { lineEnding: '\r\n' });
    expect(crlf.split('\r\n')).toHaveLength(6);
    expect(validateLedes(crlf)).toEqual({ ok: true, problems: [] });
  });

  it('leaves an optional client matter id empty', () => {
    const text = writeLedes(invoice([fee()], { clientMatterId: undefined }));
    expect(fieldsOf(linesOf(text)[2] ?? '')[23]).toBe('');
    expect(validateLedes(text).ok).toBe(true);
  });

  it('keeps codes only, upper case', () => {
    const text = writeLedes(invoice([fee({ taskCode: 'l130 Experts/Consultants', timekeeperClassification: 'partnr' })]));
    const row = fieldsOf(linesOf(text)[2] ?? '');
    expect(row[14]).toBe('L130');
    expect(row[22]).toBe('PARTNR');
  });

  it('rejects numbers and dates it cannot read', () => {
    expect(() => writeLedes(invoice([fee({ units: 'two' })]))).toThrow(LedesInputError);
    expect(() => writeLedes(invoice([fee({ unitCost: '1,000' })]))).toThrow(/unit cost/);
    expect(() => writeLedes(invoice([fee({ date: '2024-02-30' })]))).toThrow(/line item 1: date/);
    expect(() => writeLedes(invoice([fee()], { billingEndDate: '31/01/2024' }))).toThrow(LedesInputError);
  });

  it('an invoice without lines is written but not valid', () => {
    expect(where(writeLedes(invoice([])))).toEqual(['3:-']);
  });
});

describe('validateLedes: each rule fails on a mutated sample', () => {
  const cases: Array<[string, string, string[]]> = [
    // structure
    ['wrong format line', setLine(SAMPLE, 1, () => 'LEDES1998[]'), ['1:-']],
    ['98BI format line', setLine(SAMPLE, 1, () => 'LEDES98BI V2[]'), ['1:-']],
    ['whitespace after [] on the format line', setLine(SAMPLE, 1, (l) => `${l} `), ['1:-']],
    ['misspelt header name', setLine(SAMPLE, 2, (l) => l.replace('TIMEKEEPER_NAME', 'TIMEKEEPER')), ['2:TIMEKEEPER_NAME']],
    ['header missing a field', setLine(SAMPLE, 2, (l) => l.replace('|CLIENT_MATTER_ID', '')), ['2:-', '2:CLIENT_MATTER_ID']],
    ['header without []', setLine(SAMPLE, 2, (l) => l.slice(0, -2)), ['2:-']],
    ['row without []', setLine(SAMPLE, F2, (l) => l.slice(0, -2)), [`${F2}:-`]],
    ['whitespace after []', setLine(SAMPLE, F2, (l) => `${l}  `), [`${F2}:-`]],
    ['a | inside a value (25 fields)', setLine(SAMPLE, F3, (l) => l.replace('John Doe', 'John | Doe')), [`${F3}:-`]],
    ['23 fields', setLine(SAMPLE, F3, (l) => l.replace('|423-987[]', '[]')), [`${F3}:-`]],
    ['empty line', setLine(SAMPLE, E1, (l) => `\n${l}`), [`${E1}:-`]],
    ['no line items', `${linesOf(SAMPLE).slice(0, 2).join('\n')}\n`, ['3:-']],
    ['format line only', 'LEDES1998B[]\n', ['2:-']],
    ['header line missing (line 2 is checked as a row)', WITHOUT_HEADER, ['2:-']],
    ['header line missing, one row', `LEDES1998B[]\n${linesOf(SAMPLE)[IF - 1]}\n`, ['2:-']],
    ['header line missing, bad first row', mutate(WITHOUT_HEADER, [2, 'LINE_ITEM_TASK_CODE', 'L51']), ['2:-', '2:LINE_ITEM_TASK_CODE']],
    ['byte order mark', `\uFEFF${SAMPLE}`, ['1:-']],
    ['mixed line breaks', setLine(SAMPLE, F2, (l) => `${l}\r`), [`${F2}:-`]],
    ['empty file', '', ['1:-']],
    // characters
    ['non-ASCII accent', mutate(SAMPLE, [E1, 'LINE_ITEM_DESCRIPTION', 'Repas café']), [`${E1}:LINE_ITEM_DESCRIPTION`]],
    ['control character (tab)', mutate(SAMPLE, [E1, 'LINE_ITEM_DESCRIPTION', 'Meals\tlunch']), [`${E1}:LINE_ITEM_DESCRIPTION`]],
    ['[] inside a value', mutate(SAMPLE, [E1, 'LINE_ITEM_DESCRIPTION', 'Meals [] lunch']), [`${E1}:LINE_ITEM_DESCRIPTION`]],
    ['literal NULL', mutate(SAMPLE, [E1, 'CLIENT_MATTER_ID', 'NULL']), [`${E1}:CLIENT_MATTER_ID`]],
    // dates
    ['29 February in a non-leap year', mutate(SAMPLE, [F1, 'LINE_ITEM_DATE', '19990229']), [`${F1}:LINE_ITEM_DATE`]],
    ['7-digit date', mutate(SAMPLE, [IF, 'INVOICE_DATE', '2003125']), [`${IF}:INVOICE_DATE`]],
    ['month 13', mutate(SAMPLE, [IF, 'BILLING_END_DATE', '20031301']), [`${IF}:BILLING_END_DATE`]],
    ['ISO date with dashes', mutate(SAMPLE, [F1, 'LINE_ITEM_DATE', '1999-01-15']), [`${F1}:LINE_ITEM_DATE`]],
    // numbers
    ['currency symbol', mutate(SAMPLE, [IF, 'INVOICE_TOTAL', '$1250']), [`${IF}:INVOICE_TOTAL`]],
    ['thousands separator', mutate(SAMPLE, [IF, 'INVOICE_TOTAL', '1,250']), [`${IF}:INVOICE_TOTAL`]],
    ['trailing minus', mutate(SAMPLE, [F1, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '70-']), [`${F1}:LINE_ITEM_ADJUSTMENT_AMOUNT`]],
    ['plus sign', mutate(SAMPLE, [F2, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '+0']), [`${F2}:LINE_ITEM_ADJUSTMENT_AMOUNT`]],
    ['5 decimals', mutate(SAMPLE, [F3, 'LINE_ITEM_NUMBER_OF_UNITS', '0.20000']), [`${F3}:LINE_ITEM_NUMBER_OF_UNITS`]],
    ['11 integer digits', mutate(SAMPLE, [E1, 'LINE_ITEM_UNIT_COST', '12345678901']), [`${E1}:LINE_ITEM_UNIT_COST`, `${E1}:LINE_ITEM_TOTAL`]],
    ['negative units', mutate(SAMPLE, [F1, 'LINE_ITEM_NUMBER_OF_UNITS', '-2.00'], [F1, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '1330']), [`${F1}:LINE_ITEM_NUMBER_OF_UNITS`]],
    ['units finer than hundredths', mutate(SAMPLE, [F3, 'LINE_ITEM_NUMBER_OF_UNITS', '0.125'], [F3, 'LINE_ITEM_UNIT_COST', '320']), [`${F3}:LINE_ITEM_NUMBER_OF_UNITS`]],
    ['3-decimal unit cost', mutate(SAMPLE, [E1, 'LINE_ITEM_UNIT_COST', '24.950']), [`${E1}:LINE_ITEM_UNIT_COST`]],
    // arithmetic
    ['line total ≠ units × cost + adjustment', mutate(SAMPLE, [F2, 'LINE_ITEM_TOTAL', '701']), [`${F2}:LINE_ITEM_TOTAL`, `${F1}:INVOICE_TOTAL`]],
    ['adjustment ignored in the total', mutate(SAMPLE, [F1, 'LINE_ITEM_TOTAL', '700'], [INV_96542, 'INVOICE_TOTAL', '1754.45']), [`${F1}:LINE_ITEM_TOTAL`]],
    ['IF total ≠ adjustment', mutate(SAMPLE, [IF, 'LINE_ITEM_TOTAL', '1200'], [IF, 'INVOICE_TOTAL', '1200']), [`${IF}:LINE_ITEM_TOTAL`]],
    ['INVOICE_TOTAL differs on one row', mutate(SAMPLE, [E1, 'INVOICE_TOTAL', '1684.46']), [`${E1}:INVOICE_TOTAL`]],
    ['INVOICE_TOTAL same string needed (1684.450)', mutate(SAMPLE, [E1, 'INVOICE_TOTAL', '1684.450']), [`${E1}:INVOICE_TOTAL`]],
    ['INVOICE_TOTAL ≠ sum of line totals', mutate(SAMPLE, [INV_96542, 'INVOICE_TOTAL', '1684.40']), [`${F1}:INVOICE_TOTAL`]],
    // invoice-level consistency
    ['invoice description differs', mutate(SAMPLE, [E2, 'INVOICE_DESCRIPTION', 'Services']), [`${E2}:INVOICE_DESCRIPTION`]],
    ['law firm id differs', mutate(SAMPLE, [F3, 'LAW_FIRM_ID', '24-6437382']), [`${F3}:LAW_FIRM_ID`]],
    ['invoice date differs', mutate(SAMPLE, [F2, 'INVOICE_DATE', '19990226']), [`${F2}:INVOICE_DATE`]],
    ['client id differs within the invoice', mutate(SAMPLE, [F2, 'CLIENT_ID', '00712']), [`${F2}:CLIENT_ID`]],
    ['same matter, other client, other invoice', mutate(SAMPLE, [IF, 'LAW_FIRM_MATTER_ID', '0528'], [IF, 'CLIENT_ID', '00712']), [`${IF}:CLIENT_ID`]],
    // billing period
    ['line dated after the billing period', mutate(SAMPLE, [F2, 'LINE_ITEM_DATE', '19990201']), [`${F2}:LINE_ITEM_DATE`]],
    ['line dated before the billing period', mutate(SAMPLE, [E2, 'LINE_ITEM_DATE', '19981231']), [`${E2}:LINE_ITEM_DATE`]],
    ['billing start after end', mutate(SAMPLE, [IF, 'BILLING_START_DATE', '19990201']), [`${IF}:BILLING_START_DATE`, `${IF}:LINE_ITEM_DATE`]],
    // line numbers and types
    ['duplicate line item number across invoices', mutate(SAMPLE, [IF, 'LINE_ITEM_NUMBER', '5']), [`${IF}:LINE_ITEM_NUMBER`]],
    ['duplicate line item number in the invoice', mutate(SAMPLE, [F2, 'LINE_ITEM_NUMBER', '1']), [`${F2}:LINE_ITEM_NUMBER`]],
    ['unknown line type', mutate(SAMPLE, [E1, 'EXP/FEE/INV_ADJ_TYPE', 'A']), [`${E1}:EXP/FEE/INV_ADJ_TYPE`]],
    ['line type that is an object key', mutate(SAMPLE, [E1, 'EXP/FEE/INV_ADJ_TYPE', 'constructor']), [`${E1}:EXP/FEE/INV_ADJ_TYPE`, `${E1}:EXP/FEE/INV_ADJ_TYPE`]],
    ['expense code on a fee line', mutate(SAMPLE, [F1, 'LINE_ITEM_EXPENSE_CODE', 'E101']), [`${F1}:LINE_ITEM_EXPENSE_CODE`]],
    // required fields
    ['missing client id', mutate(SAMPLE, [IF, 'CLIENT_ID', '']), [`${IF}:CLIENT_ID`]],
    ['missing law firm matter id', mutate(SAMPLE, [IF, 'LAW_FIRM_MATTER_ID', '']), [`${IF}:LAW_FIRM_MATTER_ID`]],
    ['missing invoice number', mutate(SAMPLE, [IF, 'INVOICE_NUMBER', '']), [`${IF}:INVOICE_NUMBER`]],
    ['missing law firm id', mutate(SAMPLE, [IF, 'LAW_FIRM_ID', '']), [`${IF}:LAW_FIRM_ID`]],
    ['missing line item number', mutate(SAMPLE, [IF, 'LINE_ITEM_NUMBER', '']), [`${IF}:LINE_ITEM_NUMBER`]],
    ['missing line date', mutate(SAMPLE, [E2, 'LINE_ITEM_DATE', '']), [`${E2}:LINE_ITEM_DATE`]],
    ['missing description', mutate(SAMPLE, [E1, 'LINE_ITEM_DESCRIPTION', '']), [`${E1}:LINE_ITEM_DESCRIPTION`]],
    ['missing line total', mutate(SAMPLE, [IF, 'LINE_ITEM_TOTAL', '']), [`${IF}:LINE_ITEM_TOTAL`]],
    ['missing units on E', mutate(SAMPLE, [E1, 'LINE_ITEM_NUMBER_OF_UNITS', '']), [`${E1}:LINE_ITEM_NUMBER_OF_UNITS`, `${E1}:LINE_ITEM_TOTAL`]],
    ['missing unit cost on F', mutate(SAMPLE, [F2, 'LINE_ITEM_UNIT_COST', '']), [`${F2}:LINE_ITEM_UNIT_COST`, `${F2}:LINE_ITEM_TOTAL`]],
    ['missing expense code on E', mutate(SAMPLE, [E1, 'LINE_ITEM_EXPENSE_CODE', '']), [`${E1}:LINE_ITEM_EXPENSE_CODE`]],
    ['missing expense code on IE', mutate(SAMPLE, [IF, 'EXP/FEE/INV_ADJ_TYPE', 'IE']), [`${IF}:LINE_ITEM_EXPENSE_CODE`]],
    ['missing task code on F', mutate(SAMPLE, [F1, 'LINE_ITEM_TASK_CODE', '']), [`${F1}:LINE_ITEM_TASK_CODE`]],
    ['missing activity code on F', mutate(SAMPLE, [F1, 'LINE_ITEM_ACTIVITY_CODE', '']), [`${F1}:LINE_ITEM_ACTIVITY_CODE`]],
    ['missing timekeeper id on F', mutate(SAMPLE, [F3, 'TIMEKEEPER_ID', '']), [`${F3}:TIMEKEEPER_ID`]],
    ['missing timekeeper name on F', mutate(SAMPLE, [F3, 'TIMEKEEPER_NAME', '']), [`${F3}:TIMEKEEPER_NAME`]],
    ['missing classification on F', mutate(SAMPLE, [F3, 'TIMEKEEPER_CLASSIFICATION', '']), [`${F3}:TIMEKEEPER_CLASSIFICATION`]],
    // timekeeper
    ['pre-2014 classification', mutate(SAMPLE, [F1, 'TIMEKEEPER_CLASSIFICATION', 'PT']), [`${F1}:TIMEKEEPER_CLASSIFICATION`]],
    ['unknown classification', mutate(SAMPLE, [F1, 'TIMEKEEPER_CLASSIFICATION', 'PARTNER']), [`${F1}:TIMEKEEPER_CLASSIFICATION`]],
    ['classification too long and unknown', mutate(SAMPLE, [F1, 'TIMEKEEPER_CLASSIFICATION', 'PARTNERSHIP']), [`${F1}:TIMEKEEPER_CLASSIFICATION`, `${F1}:TIMEKEEPER_CLASSIFICATION`]],
    ['name in First Last order', mutate(SAMPLE, [F1, 'TIMEKEEPER_NAME', 'Robert Arnsley']), [`${F1}:TIMEKEEPER_NAME`]],
    // UTBMS code shapes
    ['task code with its label', mutate(SAMPLE, [F1, 'LINE_ITEM_TASK_CODE', 'L510 Appellate']), [`${F1}:LINE_ITEM_TASK_CODE`]],
    ['lower-case task code', mutate(SAMPLE, [F1, 'LINE_ITEM_TASK_CODE', 'l510']), [`${F1}:LINE_ITEM_TASK_CODE`]],
    ['task code in the activity field', mutate(SAMPLE, [F1, 'LINE_ITEM_ACTIVITY_CODE', 'L110']), [`${F1}:LINE_ITEM_ACTIVITY_CODE`]],
    ['expense code of the wrong set', mutate(SAMPLE, [E1, 'LINE_ITEM_EXPENSE_CODE', 'X111']), [`${E1}:LINE_ITEM_EXPENSE_CODE`]],
    ['expense code too short', mutate(SAMPLE, [E1, 'LINE_ITEM_EXPENSE_CODE', 'E11']), [`${E1}:LINE_ITEM_EXPENSE_CODE`]],
    // lengths
    ['invoice number of 21 characters', mutate(SAMPLE, [IF, 'INVOICE_NUMBER', 'X'.repeat(21)]), [`${IF}:INVOICE_NUMBER`]],
    ['client matter id of 21 characters', mutate(SAMPLE, [E1, 'CLIENT_MATTER_ID', '9'.repeat(21)]), [`${E1}:CLIENT_MATTER_ID`]],
    ['timekeeper id of 21 characters', mutate(SAMPLE, [F1, 'TIMEKEEPER_ID', '2'.repeat(21)]), [`${F1}:TIMEKEEPER_ID`]],
    ['timekeeper name of 31 characters', mutate(SAMPLE, [F1, 'TIMEKEEPER_NAME', `Arnsley, ${'R'.repeat(22)}`]), [`${F1}:TIMEKEEPER_NAME`]],
    ['line description of 1024 characters (Brightflag)', mutate(SAMPLE, [E1, 'LINE_ITEM_DESCRIPTION', 'M'.repeat(1024)]), [`${E1}:LINE_ITEM_DESCRIPTION`]],
    ['line description over 15 KB (spec)', mutate(SAMPLE, [E1, 'LINE_ITEM_DESCRIPTION', 'M'.repeat(15 * 1024 + 1)]), [`${E1}:LINE_ITEM_DESCRIPTION`]],
    ['invoice description of 2001 characters (Collaborati)', mutate(SAMPLE, [IF, 'INVOICE_DESCRIPTION', 'D'.repeat(2001)]), [`${IF}:INVOICE_DESCRIPTION`]],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const result = validateLedes(text);
    expect(result.ok).toBe(false);
    expect(where(text)).toEqual([...expected].sort());
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('accepts the other spec encodings of adjustment lines', () => {
    // Brightflag's fixed fee: IF, units 1, unit cost = amount, no adjustment.
    const brightflag = mutate(SAMPLE, [IF, 'LINE_ITEM_UNIT_COST', '1250'], [IF, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '']);
    expect(validateLedes(brightflag).problems).toEqual([]);
    // An IE credit with its expense code; units left empty ("ignored").
    const ie = mutate(
      SAMPLE,
      [IF, 'EXP/FEE/INV_ADJ_TYPE', 'IE'],
      [IF, 'LINE_ITEM_EXPENSE_CODE', 'E124'],
      [IF, 'LINE_ITEM_NUMBER_OF_UNITS', ''],
      [IF, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '-40.00'],
      [IF, 'LINE_ITEM_TOTAL', '-40.00'],
      [IF, 'INVOICE_TOTAL', '-40'],
    );
    expect(validateLedes(ie).problems).toEqual([]);
  });

  it('accepts a line total rounded to the cent, half-up or half-even', () => {
    // 0.50 h × 100.01 = 50.005
    const base = mutate(SAMPLE, [F3, 'LINE_ITEM_NUMBER_OF_UNITS', '0.50'], [F3, 'LINE_ITEM_UNIT_COST', '100.01']);
    expect(where(mutate(base, [F3, 'LINE_ITEM_TOTAL', '50.01'], [INV_96542, 'INVOICE_TOTAL', '1694.46']))).toEqual([]);
    expect(where(mutate(base, [F3, 'LINE_ITEM_TOTAL', '50.00'], [INV_96542, 'INVOICE_TOTAL', '1694.45']))).toEqual([]);
    expect(where(mutate(base, [F3, 'LINE_ITEM_TOTAL', '50.02'], [INV_96542, 'INVOICE_TOTAL', '1694.47']))).toEqual([`${F3}:LINE_ITEM_TOTAL`]);
  });

  it('returns every problem, in file order, with line and field', () => {
    const text = mutate(
      SAMPLE,
      [F1, 'TIMEKEEPER_CLASSIFICATION', 'PT'],
      [E1, 'LINE_ITEM_DATE', '19990230'],
      [IF, 'EXP/FEE/INV_ADJ_TYPE', 'X'],
      [F2, 'LINE_ITEM_DESCRIPTION', 'Trial pleading \u2014 draft'],
    );
    const { ok, problems } = validateLedes(text);
    expect(ok).toBe(false);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [F1, 'TIMEKEEPER_CLASSIFICATION'],
      [F2, 'LINE_ITEM_DESCRIPTION'],
      [E1, 'LINE_ITEM_DATE'],
      [IF, 'EXP/FEE/INV_ADJ_TYPE'],
    ]);
    expect(problems[0]?.message).toMatch(/pre-2014/);
  });
});

describe('sanitizing values', () => {
  it.each([
    ['a | b', 'a / b'],
    ['line one\nline two\r\nthree\tfour', 'line one line two three four'],
    ['keep [brackets] but not [] or [[]]', 'keep [brackets] but not or'],
    ['  padded   text  ', 'padded text'],
    ['Müller Café, Straße, Ærø, Łódź, Øresund', 'Muller Cafe, Strasse, AEro, Lodz, Oresund'],
    ['\u201CSmart\u201D quotes, O\u2019Brien \u2014 dash \u2013 en', '"Smart" quotes, O\'Brien - dash - en'],
    ['Fee €1.000, £5, ½ hour, ﬁle… ©', 'Fee EUR1.000, GBP5, 1/2 hour, file... (c)'],
    ['§ 1983 claim ¶ 4', 'Sec. 1983 claim Para. 4'],
    ['Great result 🎉👍🏽 ✅', 'Great result'],
    ['Call with 東京 office', 'Call with ?? office'],
    ['zero\u200Bwidth\u00A0nbsp', 'zerowidth nbsp'],
    ['Ｆｕｌｌｗｉｄｔｈ｜pipe', 'Fullwidth/pipe'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeLedesValue(input)).toBe(expected);
  });

  it('output is printable ASCII', () => {
    // Any code points, lone surrogates included; half ASCII so '|' and '[]' turn up.
    const codePoints = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0x10ffff })), { maxLength: 60 });
    fc.assert(
      fc.property(codePoints.map((cps) => String.fromCodePoint(...cps)), (s) => {
        const out = sanitizeLedesValue(s, 50);
        return /^[\x20-\x7E]*$/.test(out) && !out.includes('|') && !out.includes('[]') && out.length <= 50 && out === out.trim();
      }),
      { numRuns: 300 },
    );
    expect(toLedesAscii('résumé')).toBe('resume');
  });

  it('the writer sanitizes and truncates every value and stays valid', () => {
    const text = writeLedes(
      invoice(
        [
          fee({
            description: `Draft | revise "brief"\nfor José [] Ñúñez 🚀 ${'very long narrative '.repeat(100)}`,
            timekeeperName: 'Zoë Saldaña-Pérez',
            timekeeperId: 'ZSP|01',
          }),
          expense({ description: 'Taxi\r\nto court [[]]' }),
        ],
        {
          invoiceNumber: 'INV-2024-000000000000042',
          clientId: 'Café | Crème',
          invoiceDescription: 'Services\nJanuary',
          clientMatterId: 'CM 77 []',
        },
      ),
    );
    expect(text).toMatch(/^[\x20-\x7E\n]*$/);
    const rows = linesOf(text).slice(2).map(fieldsOf);
    for (const row of rows) expect(row).toHaveLength(24);
    const [first, second] = rows;
    expect(first?.[1]).toBe('INV-2024-00000000000');
    expect(first?.[2]).toBe('Cafe / Creme');
    expect(first?.[7]).toBe('Services January');
    expect(first?.[17]).toBe('ZSP/01');
    expect(first?.[18]?.startsWith('Draft / revise "brief" for Jose Nunez very long narrative')).toBe(true);
    expect(first?.[18]?.length).toBeLessThanOrEqual(1000);
    expect(first?.[21]).toBe('Saldana-Perez, Zoe');
    expect(first?.[23]).toBe('CM 77');
    expect(second?.[18]).toBe('Taxi to court');
    expect(validateLedes(text)).toEqual({ ok: true, problems: [] });
  });

  it('shortens timekeeper names to 30 characters at a word boundary, never mid-word', () => {
    const text = writeLedes(invoice([fee({ timekeeperName: 'Maximilianus Bartholomaeus Featherstonehaugh-Smythe' })]));
    const name = fieldsOf(linesOf(text)[2] ?? '')[21] ?? '';
    expect(name).toBe('Featherstonehaugh-Smythe, M.');
    expect(validateLedes(text).ok).toBe(true);
  });

  it('takes "Last, First" from the timekeeper\'s own first and last names, so no surname is guessed', () => {
    const named = (line: Parameters<typeof fee>[0]) => fieldsOf(linesOf(writeLedes(invoice([fee(line)])))[2] ?? '')[21];
    expect(named({ timekeeperName: 'Maximiliana Alessandra de la Fuente', timekeeperFirstName: 'Maximiliana Alessandra', timekeeperLastName: 'de la Fuente' }))
      .toBe('de la Fuente, Maximiliana');
    expect(named({ timekeeperName: 'Zoë Saldaña', timekeeperFirstName: 'Zoë', timekeeperLastName: 'Saldaña Pérez' })).toBe('Saldana Perez, Zoe');
    expect(named({ timekeeperName: 'Ada Lovelace', timekeeperLastName: 'Lovelace' })).toBe('Lovelace');
  });

  it('marks a surname of several words with no first name by its comma ("Saldana Perez,"), which the validator accepts', () => {
    const written = (line: Parameters<typeof fee>[0]) => {
      const text = writeLedes(invoice([fee(line)]));
      return { name: fieldsOf(linesOf(text)[2] ?? '')[21], problems: validateLedes(text).problems };
    };
    // "Saldana Perez" alone would read as First Last; the comma says every word of it is surname.
    expect(written({ timekeeperName: 'Saldaña Pérez', timekeeperLastName: 'Saldaña Pérez' })).toEqual({ name: 'Saldana Perez,', problems: [] });
    expect(written({ timekeeperName: 'Saldaña Pérez', timekeeperFirstName: '  ', timekeeperLastName: 'Saldaña Pérez' })).toEqual({ name: 'Saldana Perez,', problems: [] });
    expect(written({ timekeeperName: 'Lovelace', timekeeperLastName: 'Lovelace' })).toEqual({ name: 'Lovelace', problems: [] });
    // No room for the first name, not even its initial: the surname keeps its comma.
    expect(written({ timekeeperName: 'x', timekeeperFirstName: 'Maximiliana', timekeeperLastName: 'Fernandez de Cordoba Aguilar' }))
      .toEqual({ name: 'Fernandez de Cordoba Aguilar,', problems: [] });
    // A surname longer than the field is cut at a word boundary, and still marked as a surname.
    expect(written({ timekeeperName: 'x', timekeeperLastName: 'de la Fuente-Villanueva y Montenegro' }))
      .toEqual({ name: 'de la Fuente-Villanueva y,', problems: [] });
  });

  it('writes every timekeeper name (own parts or one guessed name) in a form its own validator accepts', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'-]{1,14}$/);
    const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, fc.option(words, { nil: undefined }), fc.boolean(), (last, first, parts) => {
        const line = parts ? { timekeeperName: `${first ?? ''} ${last}`, timekeeperLastName: last, ...(first ? { timekeeperFirstName: first } : {}) } : { timekeeperName: `${first ?? ''} ${last}` };
        const text = writeLedes(invoice([fee(line)]));
        const name = fieldsOf(linesOf(text)[2] ?? '')[21] ?? '';
        expect(name.length).toBeLessThanOrEqual(30);
        expect(validateLedes(text).problems, name).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ledesTimekeeperName', () => {
  it.each([
    ['Robert Arnsley', 'Arnsley, Robert'],
    ['John Q. Beaster', 'Beaster, John Q.'],
    ['Arnsley, Robert', 'Arnsley, Robert'],
    ['  Arnsley,   Robert ', 'Arnsley, Robert'],
    ['Ludwig van Beethoven', 'van Beethoven, Ludwig'],
    ['Robert De Niro', 'De Niro, Robert'],
    ['Martin Luther King Jr.', 'King, Martin Luther Jr.'],
    ['Cher', 'Cher'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(ledesTimekeeperName(input)).toBe(expected);
  });
});

describe('exact money', () => {
  const amounts = (units: string, unitCost: string, adjustment = '0') => ledesLineAmounts({ units, unitCost, adjustment });

  it('computes line totals in decimals', () => {
    expect(amounts('3', '0.1').total).toBe('0.30'); // 0.1 * 3 = 0.30000000000000004 in floats
    expect(amounts('2.00', '350', '-70').total).toBe('630.00');
    expect(amounts('0.7', '0.1').total).toBe('0.07');
    expect(amounts('1', '1.005').unitCost).toBe('1.01'); // rate rounded first, half-up
    expect(amounts('0.25', '333.33').total).toBe('83.33'); // 83.3325
    expect(amounts('0.50', '100.01').total).toBe('50.01'); // 50.005, half-up
    expect(amounts('1.255', '100').units).toBe('1.26');
    expect(amounts('1.255', '100').total).toBe('126.00'); // from the units as written
    expect(amounts('1', '99999999.99', '-0.01').total).toBe('99999999.98');
  });

  it('sums many lines without drift', () => {
    const lines = Array.from({ length: 1000 }, () => expense({ unitCost: '0.10' }));
    const text = writeLedes(invoice(lines));
    expect(fieldsOf(linesOf(text)[2] ?? '')[4]).toBe('100.00');
    expect(lines.reduce((s) => s + 0.1, 0)).not.toBe(100); // what floats would have written
    expect(validateLedes(text).ok).toBe(true);
  });

  it('INVOICE_TOTAL is the exact sum of the written line totals (property)', () => {
    const line = fc.record({
      units: fc.integer({ min: 0, max: 2_000 }), // hundredths of an hour
      cost: fc.integer({ min: 0, max: 150_000 }), // cents
      adj: fc.integer({ min: -50_000, max: 50_000 }), // cents
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (items) => {
        const dec = (n: number) => `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;
        const text = writeLedes(invoice(items.map((i) => fee({ units: dec(i.units), unitCost: dec(i.cost), adjustment: dec(i.adj) }))));
        // Integer arithmetic in ten-thousandths, rounded half-up to cents per line.
        const expected = items.reduce((sum, i) => {
          const product = BigInt(i.units) * BigInt(i.cost); // 1/10000
          return sum + (product + 50n) / 100n + BigInt(i.adj);
        }, 0n);
        const total = fieldsOf(linesOf(text)[2] ?? '')[4] ?? '';
        expect(BigInt(total.replace('.', ''))).toBe(expected);
        expect(validateLedes(text).problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('billing period', () => {
  it('reports written lines dated outside the period, on their file lines', () => {
    const text = writeLedes(
      invoice([fee({ date: '2023-12-31' }), fee({ date: '2024-01-31' }), expense({ date: '2024-02-01' }), fee({ date: '2024-01-01' })]),
    );
    const { ok, problems } = validateLedes(text);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      { line: 3, field: 'LINE_ITEM_DATE', message: expect.stringMatching(/20231231 is before the billing period, which starts 20240101/) },
      { line: 5, field: 'LINE_ITEM_DATE', message: expect.stringMatching(/20240201 is after the billing period, which ends 20240131/) },
    ]);
  });

  it('reports a billing period that ends before it starts', () => {
    const text = writeLedes(invoice([fee({ date: '2024-01-15' })], { billingStartDate: '2024-01-31', billingEndDate: '2024-01-01' }));
    expect(where(text)).toEqual(['3:BILLING_START_DATE', '3:LINE_ITEM_DATE', '3:LINE_ITEM_DATE']);
  });
});

describe('validateLedes: the arithmetic of a written invoice', () => {
  // Rows on file lines 3–6: a written-down fee, a fee whose units × rate needs rounding, a no-charge fee, an expense.
  const WRITTEN = writeLedes(
    invoice([
      fee({ units: '2.00', unitCost: '350.00', adjustment: '-70.00' }), // 630.00
      fee({ units: '0.50', unitCost: '100.03' }), // 50.015 → 50.02
      fee({ units: '1.50', unitCost: '275.00', adjustment: '-412.50', description: 'No charge: file review' }), // 0.00
      expense(), // 24.95
    ]),
  );
  const ROWS = [3, 4, 5, 6];
  const message = (text: string, line: number, field: LedesField) =>
    validateLedes(text).problems.find((p) => p.line === line && p.field === field)?.message ?? '';

  it('is written with the totals it should have, and passes', () => {
    expect(linesOf(WRITTEN).slice(2).map((l) => [fieldsOf(l)[12], fieldsOf(l)[4]])).toEqual([
      ['630.00', '704.97'],
      ['50.02', '704.97'],
      ['0.00', '704.97'],
      ['24.95', '704.97'],
    ]);
    expect(validateLedes(WRITTEN)).toEqual({ ok: true, problems: [] });
  });

  const cases: Array<[string, string, string[]]> = [
    // LINE_ITEM_TOTAL = round_half_up(units × unit cost) + adjustment, on every row (the invoice total kept consistent)
    ['a fee total that leaves out its adjustment', mutate(WRITTEN, [3, 'LINE_ITEM_TOTAL', '700.00'], [ROWS, 'INVOICE_TOTAL', '774.97']), ['3:LINE_ITEM_TOTAL']],
    ['units × unit cost truncated instead of rounded half-up', mutate(WRITTEN, [4, 'LINE_ITEM_TOTAL', '50.01'], [ROWS, 'INVOICE_TOTAL', '704.96']), ['4:LINE_ITEM_TOTAL']],
    ['a no-charge line whose adjustment lost its sign', mutate(WRITTEN, [5, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '412.50']), ['5:LINE_ITEM_TOTAL']],
    ['a no-charge line without its adjustment', mutate(WRITTEN, [5, 'LINE_ITEM_ADJUSTMENT_AMOUNT', '0.00']), ['5:LINE_ITEM_TOTAL']],
    ['an expense total a cent off', mutate(WRITTEN, [6, 'LINE_ITEM_TOTAL', '24.96'], [ROWS, 'INVOICE_TOTAL', '704.98']), ['6:LINE_ITEM_TOTAL']],
    ['a unit cost changed under its total', mutate(WRITTEN, [6, 'LINE_ITEM_UNIT_COST', '24.94']), ['6:LINE_ITEM_TOTAL']],
    ['a line total a cent off, the invoice total not following', mutate(WRITTEN, [3, 'LINE_ITEM_TOTAL', '630.01']), ['3:LINE_ITEM_TOTAL', '3:INVOICE_TOTAL']],
    // INVOICE_TOTAL: the same on every row, and Σ LINE_ITEM_TOTAL
    ['INVOICE_TOTAL differs on the last row', mutate(WRITTEN, [6, 'INVOICE_TOTAL', '704.98']), ['6:INVOICE_TOTAL']],
    ['INVOICE_TOTAL differs on a middle row', mutate(WRITTEN, [4, 'INVOICE_TOTAL', '0.00']), ['4:INVOICE_TOTAL']],
    ['INVOICE_TOTAL with other decimals on one row (704.970)', mutate(WRITTEN, [5, 'INVOICE_TOTAL', '704.970']), ['5:INVOICE_TOTAL']],
    ['INVOICE_TOTAL wrong on the first row: it differs from the sum, the others differ from it', mutate(WRITTEN, [3, 'INVOICE_TOTAL', '704.00']), ['3:INVOICE_TOTAL', '4:INVOICE_TOTAL', '5:INVOICE_TOTAL', '6:INVOICE_TOTAL']],
    ['INVOICE_TOTAL the same on every row but not Σ LINE_ITEM_TOTAL', mutate(WRITTEN, [ROWS, 'INVOICE_TOTAL', '704.96']), ['3:INVOICE_TOTAL']],
    ['INVOICE_TOTAL the total before the no-charge adjustment', mutate(WRITTEN, [ROWS, 'INVOICE_TOTAL', '1117.47']), ['3:INVOICE_TOTAL']],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const result = validateLedes(text);
    expect(result.ok).toBe(false);
    expect(where(text)).toEqual([...expected].sort());
  });

  it('a wrong line total is named with the cent value it should have', () => {
    const text = mutate(WRITTEN, [4, 'LINE_ITEM_TOTAL', '50.01'], [ROWS, 'INVOICE_TOTAL', '704.96']);
    expect(message(text, 4, 'LINE_ITEM_TOTAL')).toBe(
      '"50.01" is not units "0.50" × unit cost "100.03" + adjustment "0.00" = 50.015, 50.02 with units × unit cost rounded half-up to the cent',
    );
    expect(message(mutate(WRITTEN, [3, 'LINE_ITEM_TOTAL', '700.00'], [ROWS, 'INVOICE_TOTAL', '774.97']), 3, 'LINE_ITEM_TOTAL')).toBe(
      '"700.00" is not units "2.00" × unit cost "350.00" + adjustment "-70.00" = 630',
    );
  });

  it('a wrong invoice total is named with the sum of the line totals, and a differing row with the first', () => {
    expect(message(mutate(WRITTEN, [ROWS, 'INVOICE_TOTAL', '704.96']), 3, 'INVOICE_TOTAL')).toMatch(/"704\.96" is not the sum .* "INV-2024-0042", 704\.97/);
    expect(message(mutate(WRITTEN, [6, 'INVOICE_TOTAL', '704.98']), 6, 'INVOICE_TOTAL')).toMatch(/"704\.98" differs from "704\.97" on line 3/);
  });

  it('each invoice of a file is summed on its own', () => {
    const second = writeLedes(invoice([expense({ unitCost: '10.00' }), expense({ unitCost: '0.01' })], { invoiceNumber: 'INV-2024-0043' }));
    // Line item numbers run on across the file (7, 8), as in the LEDES.org sample.
    const rows = linesOf(second)
      .slice(2)
      .map((l, i) => {
        const values = fieldsOf(l);
        values[8] = String(5 + i);
        return `${values.join('|')}[]`;
      });
    const both = `${linesOf(WRITTEN).join('\n')}\n${rows.join('\n')}\n`;
    expect(validateLedes(both).problems).toEqual([]);
    // The second invoice given the first one's total: only the second is wrong, on its first row.
    expect(where(mutate(both, [[7, 8], 'INVOICE_TOTAL', '704.97']))).toEqual(['7:INVOICE_TOTAL']);
    // A line moved to the other invoice, with that invoice's total, breaks both sums.
    expect(where(mutate(both, [6, 'INVOICE_NUMBER', 'INV-2024-0043'], [6, 'INVOICE_TOTAL', '10.01']))).toEqual(['3:INVOICE_TOTAL', '6:INVOICE_TOTAL']);
  });
});
