import { Big } from '../../shared/money.ts';
import {
  LEDES_DELIMITER,
  LEDES_FIELDS,
  LEDES_FORMAT_LINE,
  LEDES_HEADER_LINE,
  LEDES_TERMINATOR,
  LEDES_WRITE_LENGTHS,
  type LedesField,
  type LedesRow,
} from './fields.ts';
import { isRealDay } from './numbers.ts';
import { fitLedesName, ledesNameOf, ledesTimekeeperName, sanitizeLedesValue } from './sanitize.ts';
import type { LedesInvoice, LedesLine, WriteLedesOptions } from './types.ts';

/** Thrown when an input value cannot be written at all (not a number, not a date). */
export class LedesInputError extends Error {
  override name = 'LedesInputError';
}

const text = (field: LedesField, value: string | undefined) => sanitizeLedesValue(value, LEDES_WRITE_LENGTHS[field]);

/** UTBMS codes and classifications: the code only, upper case ("L130 Experts" → "L130", AdvoLogix §7). */
const code = (field: LedesField, value: string | undefined) => text(field, value).split(' ')[0]?.toUpperCase() ?? '';

function decimal(value: string | undefined, what: string, where: string, emptyIsZero = false): Big {
  const v = (value ?? '').trim();
  if (v === '' && emptyIsZero) return new Big(0);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) throw new LedesInputError(`${where}: ${what} ${JSON.stringify(value)} is not a decimal number`);
  return new Big(v.replace(/^\+/, '').replace(/\.$/, ''));
}

function ledesDate(value: string, what: string, where: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new LedesInputError(`${where}: ${what} ${JSON.stringify(value)} is not a real date in YYYY-MM-DD form`);
  }
  return `${m[1]}${m[2]}${m[3]}`;
}

const two = (value: Big) => value.round(2, Big.roundHalfUp).toFixed(2);

interface Amounts {
  units: string;
  unitCost: string;
  adjustment: string;
  total: string;
}

/**
 * Units and unit cost are rounded to two decimals first (half-up), and the
 * line total is computed from exactly the values written (reference §1.3):
 * round2(units × unit cost) + adjustment.
 */
export function ledesLineAmounts(line: Pick<LedesLine, 'units' | 'unitCost' | 'adjustment'>, where = 'line'): Amounts {
  const units = decimal(line.units, 'units', where).round(2, Big.roundHalfUp);
  const unitCost = decimal(line.unitCost, 'unit cost', where).round(2, Big.roundHalfUp);
  const adjustment = decimal(line.adjustment, 'adjustment', where, true).round(2, Big.roundHalfUp);
  const total = units.times(unitCost).round(2, Big.roundHalfUp).plus(adjustment);
  return { units: two(units), unitCost: two(unitCost), adjustment: two(adjustment), total: two(total) };
}

/**
 * Builds a LEDES 1998B file for one invoice: `LEDES1998B[]`, the 24-name
 * header, then one row per line item numbered 1..n. Every record ends with
 * `[]` immediately followed by the line break, the last one included.
 * Amounts are exact decimals (big.js) with two decimals; INVOICE_TOTAL is the
 * exact sum of the written line totals and is repeated on every row. Text is
 * sanitized (ASCII, no `|`, no `[]`, no line breaks, trimmed, truncated).
 *
 * Throws {@link LedesInputError} only when a number or date cannot be read;
 * business rules (billing period, required codes, classifications…) are left
 * to {@link validateLedes}, which should be run on the result.
 */
export function writeLedes(invoice: LedesInvoice, options: WriteLedesOptions = {}): string {
  const eol = options.lineEnding ?? '\n';
  const invoiceDate = ledesDate(invoice.invoiceDate, 'invoice date', 'invoice');
  const billingStart = ledesDate(invoice.billingStartDate, 'billing start date', 'invoice');
  const billingEnd = ledesDate(invoice.billingEndDate, 'billing end date', 'invoice');

  const items = invoice.lines.map((line, i) => {
    const where = `line item ${i + 1}`;
    return { line, where, date: ledesDate(line.date, 'date', where), amounts: ledesLineAmounts(line, where) };
  });
  const invoiceTotal = items.reduce((sum, item) => sum.plus(item.amounts.total), new Big(0)).toFixed(2);

  const rows = items.map(({ line, date, amounts }, i): LedesRow => ({
    INVOICE_DATE: invoiceDate,
    INVOICE_NUMBER: text('INVOICE_NUMBER', invoice.invoiceNumber),
    CLIENT_ID: text('CLIENT_ID', invoice.clientId),
    LAW_FIRM_MATTER_ID: text('LAW_FIRM_MATTER_ID', invoice.lawFirmMatterId),
    INVOICE_TOTAL: invoiceTotal,
    BILLING_START_DATE: billingStart,
    BILLING_END_DATE: billingEnd,
    INVOICE_DESCRIPTION: text('INVOICE_DESCRIPTION', invoice.invoiceDescription),
    LINE_ITEM_NUMBER: String(i + 1),
    'EXP/FEE/INV_ADJ_TYPE': line.type,
    LINE_ITEM_NUMBER_OF_UNITS: amounts.units,
    LINE_ITEM_ADJUSTMENT_AMOUNT: amounts.adjustment,
    LINE_ITEM_TOTAL: amounts.total,
    LINE_ITEM_DATE: date,
    LINE_ITEM_TASK_CODE: code('LINE_ITEM_TASK_CODE', line.taskCode),
    LINE_ITEM_EXPENSE_CODE: code('LINE_ITEM_EXPENSE_CODE', line.expenseCode),
    LINE_ITEM_ACTIVITY_CODE: code('LINE_ITEM_ACTIVITY_CODE', line.activityCode),
    TIMEKEEPER_ID: text('TIMEKEEPER_ID', line.timekeeperId),
    LINE_ITEM_DESCRIPTION: text('LINE_ITEM_DESCRIPTION', line.description),
    LAW_FIRM_ID: text('LAW_FIRM_ID', invoice.lawFirmId),
    LINE_ITEM_UNIT_COST: amounts.unitCost,
    TIMEKEEPER_NAME: fitLedesName(
      line.timekeeperLastName?.trim()
        ? ledesNameOf(sanitizeLedesValue(line.timekeeperLastName), sanitizeLedesValue(line.timekeeperFirstName))
        : ledesTimekeeperName(sanitizeLedesValue(line.timekeeperName)),
      LEDES_WRITE_LENGTHS.TIMEKEEPER_NAME ?? 30,
    ),
    TIMEKEEPER_CLASSIFICATION: code('TIMEKEEPER_CLASSIFICATION', line.timekeeperClassification),
    CLIENT_MATTER_ID: text('CLIENT_MATTER_ID', invoice.clientMatterId),
  }));

  const records = [
    LEDES_FORMAT_LINE,
    LEDES_HEADER_LINE,
    ...rows.map((row) => LEDES_FIELDS.map((f) => row[f]).join(LEDES_DELIMITER) + LEDES_TERMINATOR),
  ];
  return records.join(eol) + eol;
}
