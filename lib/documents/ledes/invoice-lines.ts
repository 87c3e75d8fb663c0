import { spreadCents, toCents } from '../../accounting/bills/pricing.ts';
import { centsToMoney } from '../../accounting/bills/split.ts';
import type { LedesLine } from './types.ts';
import { ledesLineAmounts } from './write.ts';

/** One line of a bill as the LEDES invoice needs it (the bill line after pricing). */
export interface BillLineForLedes {
  kind: 'time' | 'disbursement';
  date: string; // YYYY-MM-DD
  description: string;
  hours?: string;
  rate?: string;
  /** As recorded in the ledger. */
  amount: string;
  /** amount + the line's adjustment on the bill (own adjustment − discount share). */
  billedAmount: string;
  /** A fixed fee: one unit at its amount, whatever the hours. */
  fixed?: boolean;
  /** Shown at its full rate and adjusted to 0.00, so the client sees the work given free. */
  noCharge?: boolean;
  /** The full rate of a no-charge line. */
  listRate?: string;
  taskCode?: string;
  activityCode?: string;
  expenseCode?: string;
  timekeeperId?: string;
  timekeeperName?: string;
  timekeeperFirstName?: string;
  timekeeperLastName?: string;
  timekeeperClassification?: string;
}

/** Units and unit cost as the line shows them, before the adjustment that makes its total. */
function unitsAndCost(line: BillLineForLedes, where: string): { units: string; unitCost: string } {
  if (line.kind === 'disbursement' || line.fixed) return { units: '1', unitCost: line.amount };
  const rate = line.noCharge ? (line.listRate ?? line.rate) : line.rate;
  if (line.hours === undefined || rate === undefined) {
    throw new RangeError(`${where}: a time line needs hours and ${line.noCharge ? 'a list rate' : 'a rate'}`);
  }
  return { units: line.hours, unitCost: rate };
}

/**
 * The LEDES lines of one client's invoice of a (possibly split) bill, in bill
 * order. The invoice amount is spread over the lines in proportion to their
 * billed amounts (largest remainder, so the line totals add up to it exactly
 * and an invoice of the whole bill gives each line its billed amount). Each
 * line keeps its true units and unit cost, and everything else — write-downs,
 * the discount share, the client's share of the line, a no-charge line's
 * whole value — goes into the adjustment:
 *   adjustment = share − round_half_up(units × unit cost)
 * computed with the writer's own rounding, so the written file adds up.
 */
export function invoiceLedesLines(lines: readonly BillLineForLedes[], invoiceAmount: string): LedesLine[] {
  const shares = spreadCents(
    toCents(invoiceAmount, 'the invoice amount'),
    lines.map((l, i) => toCents(l.billedAmount, `the billed amount of line ${i + 1}`)),
  );
  return lines.map((line, i): LedesLine => {
    const where = `bill line ${i + 1}`;
    const written = ledesLineAmounts({ ...unitsAndCost(line, where), adjustment: '0' }, where);
    const adjustment = shares[i]! - toCents(written.total, where);
    return {
      type: line.kind === 'time' ? 'F' : 'E',
      units: written.units,
      unitCost: written.unitCost,
      adjustment: centsToMoney(adjustment),
      date: line.date,
      description: line.description,
      ...(line.taskCode !== undefined ? { taskCode: line.taskCode } : {}),
      ...(line.activityCode !== undefined ? { activityCode: line.activityCode } : {}),
      ...(line.expenseCode !== undefined ? { expenseCode: line.expenseCode } : {}),
      ...(line.timekeeperId !== undefined ? { timekeeperId: line.timekeeperId } : {}),
      ...(line.timekeeperName !== undefined ? { timekeeperName: line.timekeeperName } : {}),
      ...(line.timekeeperFirstName !== undefined ? { timekeeperFirstName: line.timekeeperFirstName } : {}),
      ...(line.timekeeperLastName !== undefined ? { timekeeperLastName: line.timekeeperLastName } : {}),
      ...(line.timekeeperClassification !== undefined ? { timekeeperClassification: line.timekeeperClassification } : {}),
    };
  });
}
