import { Big } from '../../shared/money.ts';
import {
  LEDES_DELIMITER,
  LEDES_FIELDS,
  LEDES_FORMAT_LINE,
  LEDES_HEADER_LINE,
  LEDES_LINE_TYPES,
  LEDES_RECEIVER_LENGTHS,
  LEDES_SPEC_LENGTHS,
  LEDES_TERMINATOR,
  LOC_TIMEKEEPER_CLASSIFICATIONS,
  type LedesField,
  type LedesRow,
} from './fields.ts';
import { isLedesDate, ledesBig, ledesNumberPattern, numberFormatHint, writtenDecimals } from './numbers.ts';
import type { LedesProblem } from './types.ts';

const DATE_FIELDS: readonly LedesField[] = ['INVOICE_DATE', 'BILLING_START_DATE', 'BILLING_END_DATE', 'LINE_ITEM_DATE'];

/** INVOICE_TOTAL is 12.4, the line amounts 10.4 (Lexitree's patterns, §1.3). */
const NUMBER_FIELDS: ReadonlyArray<[LedesField, RegExp, string]> = [
  ['INVOICE_TOTAL', /^-?\d{1,12}(\.\d{0,4})?$/, '12'],
  ['LINE_ITEM_NUMBER_OF_UNITS', /^-?\d{1,10}(\.\d{0,4})?$/, '10'],
  ['LINE_ITEM_ADJUSTMENT_AMOUNT', /^-?\d{1,10}(\.\d{0,4})?$/, '10'],
  ['LINE_ITEM_TOTAL', /^-?\d{1,10}(\.\d{0,4})?$/, '10'],
  ['LINE_ITEM_UNIT_COST', /^-?\d{1,10}(\.\d{0,4})?$/, '10'],
];

/** Required on every row (spec, Tracker error 005, Lexitree's required flags). */
const ALWAYS_REQUIRED: readonly LedesField[] = [
  'INVOICE_DATE',
  'INVOICE_NUMBER',
  'CLIENT_ID',
  'LAW_FIRM_MATTER_ID',
  'INVOICE_TOTAL',
  'BILLING_START_DATE',
  'BILLING_END_DATE',
  'LINE_ITEM_NUMBER',
  'EXP/FEE/INV_ADJ_TYPE',
  'LINE_ITEM_TOTAL',
  'LINE_ITEM_DATE',
  'LAW_FIRM_ID',
  'LINE_ITEM_DESCRIPTION',
];

const REQUIRED_BY_TYPE: Record<string, readonly LedesField[]> = {
  F: [
    'LINE_ITEM_NUMBER_OF_UNITS',
    'LINE_ITEM_UNIT_COST',
    'LINE_ITEM_TASK_CODE',
    'LINE_ITEM_ACTIVITY_CODE',
    'TIMEKEEPER_ID',
    'TIMEKEEPER_NAME',
    'TIMEKEEPER_CLASSIFICATION',
  ],
  E: ['LINE_ITEM_NUMBER_OF_UNITS', 'LINE_ITEM_UNIT_COST', 'LINE_ITEM_EXPENSE_CODE'],
  IF: [],
  IE: ['LINE_ITEM_EXPENSE_CODE'],
};

const REQUIRED_WHY: Partial<Record<LedesField, string>> = {
  LINE_ITEM_DESCRIPTION: 'optional in the spec but required in practice by receivers',
  LINE_ITEM_EXPENSE_CODE: 'expense lines need a UTBMS expense code',
  LINE_ITEM_TASK_CODE: 'fee lines need a UTBMS task code',
  LINE_ITEM_ACTIVITY_CODE: 'fee lines need a UTBMS activity code',
  TIMEKEEPER_ID: 'fee lines carry the timekeeper',
  TIMEKEEPER_NAME: 'fee lines carry the timekeeper',
  TIMEKEEPER_CLASSIFICATION: 'fee lines carry the timekeeper',
};

/** Fields that describe the invoice and must be the same on all its rows (§1.5 rule 3). */
const INVOICE_LEVEL: readonly LedesField[] = [
  'INVOICE_DATE',
  'CLIENT_ID',
  'INVOICE_TOTAL',
  'BILLING_START_DATE',
  'BILLING_END_DATE',
  'INVOICE_DESCRIPTION',
  'LAW_FIRM_ID',
];

const UTBMS = /^[A-Z]{1,2}\d{3}$/;
const LINE_NUMBER = ledesNumberPattern(10);
const ANY_NUMBER = ledesNumberPattern(12);

interface ParsedRow {
  line: number;
  row: LedesRow;
}

const show = (value: string) => JSON.stringify(value);
const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Pre-flight validator for a LEDES 1998B file. Checks the file text against
 * the rules of the team reference (LEDES.md §1.1–§1.7, §7, §9.4) and returns
 * every problem found, each with the 1-based line of the file and, when one
 * field is at fault, its label. Accepts LF and CRLF files (not a mix), and
 * several invoices per file as the spec allows.
 */
export function validateLedes(text: string): { ok: boolean; problems: LedesProblem[] } {
  const problems: LedesProblem[] = [];
  const report = (line: number, field: LedesField | undefined, message: string) =>
    problems.push(field === undefined ? { line, message } : { line, field, message });

  if (text.length === 0) {
    report(1, undefined, 'the file is empty');
    return { ok: false, problems };
  }
  let body = text;
  if (body.startsWith('\uFEFF')) {
    report(1, undefined, 'the file starts with a byte order mark (BOM); LEDES files are plain ASCII');
    body = body.slice(1);
  }

  // Physical lines, each remembering its line break.
  const physical = body.split('\n');
  if (physical[physical.length - 1] === '') physical.pop();
  const lines = physical.map((raw, i) => {
    const hasBreak = i < physical.length - 1 || body.endsWith('\n');
    const crlf = hasBreak && raw.endsWith('\r');
    return { no: i + 1, text: crlf ? raw.slice(0, -1) : raw, eol: !hasBreak ? '' : crlf ? 'CRLF' : 'LF' };
  });

  const firstEol = lines.find((l) => l.eol !== '')?.eol;
  for (const l of lines) {
    if (l.eol !== '' && l.eol !== firstEol) {
      report(l.no, undefined, `line ends with ${l.eol} but the file's first line ends with ${firstEol}; use one line break style`);
    }
  }

  checkFormatLine(lines[0]?.text, report);
  const headerIsMissing = checkHeaderLine(lines[1]?.text, report);

  const items = lines.slice(headerIsMissing ? 1 : 2);
  const rows: ParsedRow[] = [];
  const incomplete = new Set<string>(); // invoices with a row that could not be split into 24 fields
  for (const l of items) {
    const parsed = parseRow(l.no, l.text, report);
    if (parsed === undefined) continue;
    if ('unreadable' in parsed) {
      incomplete.add(parsed.invoiceNumber);
      continue;
    }
    checkRow(parsed, report);
    rows.push(parsed);
  }
  if (lines.length >= 2 && items.every((l) => l.text.trim() === '')) {
    report(Math.min(lines.length + 1, 3), undefined, 'the file has no line items');
  }

  checkAcrossRows(rows, incomplete, report);

  problems.sort((a, b) => a.line - b.line);
  return { ok: problems.length === 0, problems };
}

type Report = (line: number, field: LedesField | undefined, message: string) => void;

function checkFormatLine(line: string | undefined, report: Report): void {
  if (line === undefined) return report(1, undefined, `the file must start with ${LEDES_FORMAT_LINE}`);
  if (line === LEDES_FORMAT_LINE) return;
  if (line.trimEnd() === LEDES_FORMAT_LINE) return report(1, undefined, 'nothing may follow the [] terminator (trailing whitespace)');
  if (line.startsWith('LEDES98BI')) return report(1, undefined, `this is a LEDES 98BI file (${show(line)}); only LEDES1998B is checked`);
  report(1, undefined, `the first line must be exactly ${LEDES_FORMAT_LINE}, found ${show(line)}`);
}

/** Checks line 2; returns true when it is not a header at all but a line item (header missing). */
function checkHeaderLine(line: string | undefined, report: Report): boolean {
  if (line === undefined) {
    report(2, undefined, 'the second line must be the header of the 24 field names');
    return false;
  }
  if (line === LEDES_HEADER_LINE) return false;
  if (line.trimEnd() === LEDES_HEADER_LINE) {
    report(2, undefined, 'nothing may follow the [] terminator (trailing whitespace)');
    return false;
  }
  const names = (line.endsWith(LEDES_TERMINATOR) ? line.slice(0, -2) : line).split(LEDES_DELIMITER);
  if (!names.some((name) => (LEDES_FIELDS as readonly string[]).includes(name))) {
    report(2, undefined, 'the header line of the 24 field names is missing; line 2 is checked as a line item');
    return true;
  }
  if (!line.endsWith(LEDES_TERMINATOR)) report(2, undefined, 'the header line must end with []');
  if (names.length !== LEDES_FIELDS.length) {
    report(2, undefined, `the header must name exactly ${LEDES_FIELDS.length} fields, found ${names.length}`);
  }
  LEDES_FIELDS.forEach((expected, i) => {
    const found = names[i];
    if (found === undefined) report(2, expected, `header field ${i + 1}, ${expected}, is missing`);
    else if (found !== expected) report(2, expected, `header field ${i + 1} must be ${expected}, found ${show(found)}`);
  });
  return false;
}

function parseRow(no: number, line: string, report: Report): ParsedRow | { unreadable: true; invoiceNumber: string } | undefined {
  if (line.trim() === '') {
    report(no, undefined, 'empty line; every line after the header must be a line item');
    return undefined;
  }
  let content = line;
  if (line.endsWith(LEDES_TERMINATOR)) {
    content = line.slice(0, -LEDES_TERMINATOR.length);
  } else if (line.trimEnd().endsWith(LEDES_TERMINATOR)) {
    report(no, undefined, 'nothing may follow the [] terminator (trailing whitespace)');
    content = line.trimEnd().slice(0, -LEDES_TERMINATOR.length);
  } else {
    report(no, undefined, 'the row must end with the [] terminator');
  }
  const values = content.split(LEDES_DELIMITER);
  if (values.length !== LEDES_FIELDS.length) {
    const hint = values.length > LEDES_FIELDS.length ? " (a '|' inside a value?)" : '';
    report(no, undefined, `expected ${LEDES_FIELDS.length} fields, found ${values.length}${hint}; the row's values were not checked`);
    // INVOICE_NUMBER comes before any free text, so it is still known: that invoice's total is not checked.
    return { unreadable: true, invoiceNumber: values[1] ?? '' };
  }
  const row = Object.fromEntries(LEDES_FIELDS.map((f, i) => [f, values[i] ?? ''])) as LedesRow;
  return { line: no, row };
}

function checkRow({ line, row }: ParsedRow, report: Report): void {
  const type = row['EXP/FEE/INV_ADJ_TYPE'];
  const adjustmentLine = type === 'IF' || type === 'IE';

  // Characters: ASCII, no controls, no terminator inside a value, no NULL literal.
  for (const field of LEDES_FIELDS) {
    const value = row[field];
    const bad = [...value].filter((ch) => ch < ' ' || ch > '~');
    if (bad.length > 0) {
      const first = bad[0] ?? '';
      const what = first < ' ' || first === '\x7F' ? `control character ${codePoint(first)}` : `non-ASCII character ${show(first)} (${codePoint(first)})`;
      report(line, field, `contains ${what}${bad.length > 1 ? ` and ${bad.length - 1} more` : ''}; values must be plain ASCII`);
    }
    if (value.includes(LEDES_TERMINATOR)) report(line, field, 'contains [] inside the value; [] only ends a record');
    if (value.toUpperCase() === 'NULL') report(line, field, 'the literal NULL is not accepted; leave the field empty');
  }

  // Required fields.
  const byType = Object.hasOwn(REQUIRED_BY_TYPE, type) ? (REQUIRED_BY_TYPE[type] ?? []) : [];
  for (const field of [...ALWAYS_REQUIRED, ...byType]) {
    if (row[field] === '') {
      const why = REQUIRED_WHY[field];
      report(line, field, `is required${byType.includes(field) ? ` on ${type} lines` : ''}${why ? ` (${why})` : ''}`);
    }
  }

  // Lengths.
  for (const field of LEDES_FIELDS) {
    const length = row[field].length;
    const max = LEDES_SPEC_LENGTHS[field];
    if (max !== undefined && length > max) {
      report(line, field, `is ${length} characters long; the spec allows at most ${max}`);
      continue;
    }
    const receiver = LEDES_RECEIVER_LENGTHS[field];
    if (receiver && length > receiver.max) report(line, field, `is ${length} characters long; ${receiver.who}`);
  }

  // Dates.
  for (const field of DATE_FIELDS) {
    const value = row[field];
    if (value !== '' && !isLedesDate(value)) report(line, field, `${show(value)} is not a real date in YYYYMMDD form`);
  }

  // Numbers and currency.
  for (const [field, pattern, intDigits] of NUMBER_FIELDS) {
    const value = row[field];
    if (value === '' || pattern.test(value)) continue;
    const hint = numberFormatHint(value);
    report(
      line,
      field,
      `${show(value)} is not a valid number: ${hint || `use digits, an optional leading '-' and '.', at most ${intDigits} integer digits and 4 decimals`}`,
    );
  }
  const units = row.LINE_ITEM_NUMBER_OF_UNITS;
  if (LINE_NUMBER.test(units)) {
    const u = ledesBig(units);
    if (u.lt(0)) report(line, 'LINE_ITEM_NUMBER_OF_UNITS', `${show(units)} is negative; units must not be negative (put discounts in the adjustment or an IF line)`);
    if (!u.times(100).round(0, Big.roundDown).eq(u.times(100))) {
      report(line, 'LINE_ITEM_NUMBER_OF_UNITS', `${show(units)} has more than 2 decimals of precision; receivers round units to 2 decimals before computing`);
    }
  }
  const unitCost = row.LINE_ITEM_UNIT_COST;
  if (LINE_NUMBER.test(unitCost) && writtenDecimals(unitCost) > 2) {
    report(line, 'LINE_ITEM_UNIT_COST', `${show(unitCost)} has ${writtenDecimals(unitCost)} decimals; use at most 2 (3-decimal rates cause total mismatches at receivers)`);
  }

  // Line type and what each type carries.
  if (type !== '' && !(LEDES_LINE_TYPES as readonly string[]).includes(type)) {
    report(line, 'EXP/FEE/INV_ADJ_TYPE', `${show(type)} is not a line type; use F, E, IF or IE`);
  }
  if (type === 'F' && row.LINE_ITEM_EXPENSE_CODE !== '') {
    report(line, 'LINE_ITEM_EXPENSE_CODE', 'fee (F) lines must leave the expense code empty');
  }

  // UTBMS code shapes.
  checkCode(line, row, 'LINE_ITEM_TASK_CODE', UTBMS, 'a UTBMS task code such as L110', report);
  checkCode(line, row, 'LINE_ITEM_ACTIVITY_CODE', /^A\d{3}$/, 'a UTBMS activity code such as A101', report);
  checkCode(line, row, 'LINE_ITEM_EXPENSE_CODE', /^E\d{3}$/, 'a UTBMS expense code such as E101', report);

  // Timekeeper.
  const classification = row.TIMEKEEPER_CLASSIFICATION;
  if (classification !== '' && !LOC_TIMEKEEPER_CLASSIFICATIONS.has(classification)) {
    const legacy = /^[A-Z]{2}$/.test(classification) ? ' (it looks like a pre-2014 code)' : '';
    report(line, 'TIMEKEEPER_CLASSIFICATION', `${show(classification)} is not an LOC 2014 timekeeper classification${legacy}, e.g. PARTNR, ASSOC, PARALG`);
  }
  const name = row.TIMEKEEPER_NAME;
  if (name !== '' && !name.includes(',') && /\S\s+\S/.test(name)) {
    report(line, 'TIMEKEEPER_NAME', `${show(name)} must be written "Last, First" (a surname of several words with no first name as "Last,")`);
  }

  // Arithmetic: total = units × unit cost + adjustment, empty values counting as 0.
  checkLineTotal(line, row, adjustmentLine, report);
}

function checkCode(line: number, row: LedesRow, field: LedesField, shape: RegExp, what: string, report: Report): void {
  const value = row[field];
  if (value !== '' && !(UTBMS.test(value) && shape.test(value))) {
    report(line, field, `${show(value)} is not ${what}; the field holds the code only`);
  }
}

function amount(value: string): Big | undefined | null {
  if (value === '') return null; // empty counts as 0
  return ANY_NUMBER.test(value) ? ledesBig(value) : undefined;
}

function checkLineTotal(line: number, row: LedesRow, adjustmentLine: boolean, report: Report): void {
  const units = amount(row.LINE_ITEM_NUMBER_OF_UNITS);
  const cost = amount(row.LINE_ITEM_UNIT_COST);
  const adj = amount(row.LINE_ITEM_ADJUSTMENT_AMOUNT);
  const total = amount(row.LINE_ITEM_TOTAL);
  if (units === undefined || cost === undefined || adj === undefined || !total) return; // reported elsewhere
  const zero = new Big(0);
  const product = (units ?? zero).times(cost ?? zero);
  const exact = product.plus(adj ?? zero);
  const halfUp = product.round(2, Big.roundHalfUp).plus(adj ?? zero);
  // Exact, or units × cost rounded to the cent (half-up as we write it, half-even as Collaborati computes).
  const accepted = [exact, halfUp, product.round(2, Big.roundHalfEven).plus(adj ?? zero)];
  // On IF/IE lines the units are "ignored" and the total is the adjustment (§1.4).
  if (adjustmentLine) accepted.push(adj ?? zero);
  if (accepted.some((v) => v.eq(total))) return;
  // Name the cent value too when the exact one has more decimals: that is the total a writer should have put.
  const expected = exact.eq(halfUp) ? exact.toFixed() : `${exact.toFixed()}, ${halfUp.toFixed(2)} with units × unit cost rounded half-up to the cent`;
  report(
    line,
    'LINE_ITEM_TOTAL',
    `${show(row.LINE_ITEM_TOTAL)} is not units ${show(row.LINE_ITEM_NUMBER_OF_UNITS)} × unit cost ${show(row.LINE_ITEM_UNIT_COST)} + adjustment ${show(row.LINE_ITEM_ADJUSTMENT_AMOUNT)} = ${expected}`,
  );
}

function checkAcrossRows(rows: ParsedRow[], incomplete: ReadonlySet<string>, report: Report): void {
  // Line item numbers are unique (within the invoice, and within the file).
  const seenNumbers = new Map<string, number>();
  for (const { line, row } of rows) {
    const n = row.LINE_ITEM_NUMBER;
    if (n === '') continue;
    const first = seenNumbers.get(n);
    if (first !== undefined) report(line, 'LINE_ITEM_NUMBER', `${show(n)} is already used on line ${first}; line item numbers must be unique`);
    else seenNumbers.set(n, line);
  }

  // The first CLIENT_ID given for a LAW_FIRM_MATTER_ID wins at the receiver (§1.2).
  const clientOfMatter = new Map<string, ParsedRow>();
  for (const r of rows) {
    const matter = r.row.LAW_FIRM_MATTER_ID;
    if (matter === '') continue;
    const first = clientOfMatter.get(matter);
    if (!first) clientOfMatter.set(matter, r);
    else if (first.row.CLIENT_ID !== r.row.CLIENT_ID && first.row.INVOICE_NUMBER !== r.row.INVOICE_NUMBER) {
      // (within one invoice the invoice-level check already reports it)
      report(r.line, 'CLIENT_ID', `matter ${show(matter)} has CLIENT_ID ${show(first.row.CLIENT_ID)} on line ${first.line}; receivers keep the first`);
    }
  }

  const invoices = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    const number = r.row.INVOICE_NUMBER;
    if (number === '') continue;
    const list = invoices.get(number);
    if (list) list.push(r);
    else invoices.set(number, [r]);
  }
  for (const [number, invoiceRows] of invoices) checkInvoice(number, invoiceRows, incomplete.has(number), report);
}

function checkInvoice(number: string, rows: ParsedRow[], incomplete: boolean, report: Report): void {
  const [first] = rows;
  if (!first) return;

  // Invoice-level fields are the same on every row; the first row's value is the one receivers keep.
  for (const r of rows.slice(1)) {
    for (const field of INVOICE_LEVEL) {
      if (r.row[field] !== first.row[field]) {
        report(r.line, field, `${show(r.row[field])} differs from ${show(first.row[field])} on line ${first.line}; it must be the same on every row of invoice ${show(number)}`);
      }
    }
  }

  // Billing period, and every line date inside it.
  const start = first.row.BILLING_START_DATE;
  const end = first.row.BILLING_END_DATE;
  const startOk = isLedesDate(start);
  const endOk = isLedesDate(end);
  if (startOk && endOk && start > end) {
    report(first.line, 'BILLING_START_DATE', `${start} is after BILLING_END_DATE ${end}`);
  }
  for (const { line, row } of rows) {
    const date = row.LINE_ITEM_DATE;
    if (!isLedesDate(date)) continue;
    if (startOk && date < start) report(line, 'LINE_ITEM_DATE', `${date} is before the billing period, which starts ${start}`);
    if (endOk && date > end) report(line, 'LINE_ITEM_DATE', `${date} is after the billing period, which ends ${end}`);
  }

  // INVOICE_TOTAL = exact sum of the line totals.
  const declared = amount(first.row.INVOICE_TOTAL);
  if (!declared || incomplete) return;
  let sum = new Big(0);
  for (const { row } of rows) {
    const total = amount(row.LINE_ITEM_TOTAL);
    if (!total) return; // missing or malformed: reported per row
    sum = sum.plus(total);
  }
  if (!sum.eq(declared)) {
    report(
      first.line,
      'INVOICE_TOTAL',
      `${show(first.row.INVOICE_TOTAL)} is not the sum of the LINE_ITEM_TOTAL values of invoice ${show(number)}, ${sum.toFixed()}`,
    );
  }
}
