import { Big, money } from '../../shared/money.ts';
import { centsToMoney } from './split.ts';

/**
 * What each line of a bill is billed at, and the bill's totals, from the
 * recorded amounts, each line's own adjustment and the bill discount (design
 * 15, "Bill line values"). Pure; money is decimal strings in and out, bigint
 * cents inside, so sums and spreads are exact.
 */

export interface Adjustment {
  /** Money: negative writes down, positive writes up. */
  amount?: string;
  /** Percent of the line's amount ("-10" = 10 % write-down). */
  percent?: string;
  reason: string;
}

export interface PricedLineInput {
  id: string;
  kind: 'time' | 'disbursement';
  /** As recorded in the ledger. */
  amount: string;
  adjustment?: Adjustment;
}

/** A reduction of the fees: a positive amount, or a percent 0 < p ≤ 100 of the fee subtotal. */
export interface Discount {
  amount?: string;
  percent?: string;
  reason: string;
}

export interface PricedLine {
  id: string;
  ownAdjustment: string;
  /** This line's part of the bill discount, as a positive reduction ("0.00" on disbursements). */
  discountShare: string;
  /** What the bill shows: ownAdjustment − discountShare. */
  adjustment: string;
  billedAmount: string;
}

export interface BillPrice {
  feesTotal: string;
  disbursementsTotal: string;
  adjustmentsTotal: string;
  discountTotal: string;
  total: string;
}

export type PricingRefusal = 'negative_line' | 'discount_too_large' | 'no_fees';

/** A bill the rules refuse to price; the caller turns it into a 409/422 for the user. */
export class PricingRefused extends Error {
  override name = 'PricingRefused';
  constructor(
    readonly code: PricingRefusal,
    message: string,
    readonly lineId?: string,
  ) {
    super(message);
  }
}

/**
 * Money string → cents. A value with fractions of a cent is a caller's bug
 * (amounts are stored to the cent), so it throws rather than rounds.
 */
export function toCents(value: string, what = 'amount'): bigint {
  let hundredths: Big;
  try {
    hundredths = money(value).times(100);
  } catch {
    throw new RangeError(`${what} ${JSON.stringify(value)} is not a decimal number`);
  }
  if (!hundredths.eq(hundredths.round(0, Big.roundDown))) throw new RangeError(`${what} ${JSON.stringify(value)} has fractions of a cent`);
  return BigInt(hundredths.toFixed(0));
}

/**
 * percent % of `cents`, rounded half-up to the cent once. big.js half-up is
 * half away from zero, so a write-down of a percent is exactly as large as the
 * write-up of the same percent.
 */
function percentOfCents(cents: bigint, percent: string, what: string): bigint {
  let p: Big;
  try {
    p = money(percent);
  } catch {
    throw new RangeError(`${what} percent ${JSON.stringify(percent)} is not a decimal number`);
  }
  return BigInt(money(cents.toString()).times(p).div(100).round(0, Big.roundHalfUp).toFixed(0));
}

/** Exactly one of amount and percent: the schemas guarantee it, so anything else is a bug, not a refusal. */
function oneOf(value: { amount?: string | undefined; percent?: string | undefined }, what: string): 'amount' | 'percent' {
  const hasAmount = value.amount !== undefined;
  const hasPercent = value.percent !== undefined;
  if (hasAmount === hasPercent) throw new RangeError(`${what} needs exactly one of amount and percent`);
  return hasAmount ? 'amount' : 'percent';
}

function ownAdjustmentCents(line: Pick<PricedLineInput, 'id' | 'amount' | 'adjustment'>): bigint {
  const adjustment = line.adjustment;
  if (adjustment === undefined) return 0n;
  const what = `the adjustment of line ${line.id}`;
  return oneOf(adjustment, what) === 'amount'
    ? toCents(adjustment.amount!, what)
    : percentOfCents(toCents(line.amount, `the amount of line ${line.id}`), adjustment.percent!, what);
}

/** The line's own adjustment: the amount given, or round_half_up(amount × percent / 100) to the cent. */
export function ownAdjustmentOf(line: Pick<PricedLineInput, 'id' | 'amount' | 'adjustment'>): string {
  return centsToMoney(ownAdjustmentCents(line));
}

function discountTotalCents(feeSubtotal: bigint, discount: Discount | undefined): bigint {
  if (discount === undefined) return 0n;
  let total: bigint;
  if (oneOf(discount, 'the bill discount') === 'amount') {
    total = toCents(discount.amount!, 'the bill discount');
    if (total <= 0n) throw new RangeError(`the bill discount ${JSON.stringify(discount.amount)} must be more than 0.00 (it is a reduction)`);
  } else {
    const p = money(discount.percent!);
    if (p.lte(0) || p.gt(100)) throw new RangeError(`the bill discount percent ${JSON.stringify(discount.percent)} must be more than 0 and at most 100`);
    total = percentOfCents(feeSubtotal, discount.percent!, 'the bill discount');
  }
  if (total > feeSubtotal) {
    throw new PricingRefused(
      'discount_too_large',
      `The discount ${centsToMoney(total)} is more than the fees it applies to, ${centsToMoney(feeSubtotal)}.`,
    );
  }
  return total;
}

/**
 * The bill discount in money: its amount, or round_half_up(feeSubtotal ×
 * percent / 100). feeSubtotal is Σ (amount + own adjustment) over the time
 * lines; a discount larger than that is refused (discount_too_large).
 */
export function discountTotalOf(feeSubtotal: string, discount: Discount | undefined): string {
  return centsToMoney(discountTotalCents(toCents(feeSubtotal, 'the fee subtotal'), discount));
}

/**
 * Splits `totalCents` in proportion to `weightsCents` so the parts add up to
 * it exactly: each part is rounded down, then the cents left over go one each
 * to the largest remainders, ties to the earlier index. A part never exceeds
 * its exact proportional value by a cent or more, so when total ≤ Σ weights
 * no part exceeds its weight.
 *
 * Edge rules: a negative total is spread as its absolute value and negated
 * (so −x splits as the mirror of x); all weights zero splits equally (as if
 * every weight were 1), since there is no proportion to follow yet the total
 * must land somewhere; no weights takes only a zero total. Negative weights
 * are refused: a proportion of mixed signs has no meaning here and our rules
 * never produce one. O(n log n) for the ordering of remainders.
 */
export function spreadCents(totalCents: bigint, weightsCents: readonly bigint[]): bigint[] {
  if (weightsCents.some((w) => w < 0n)) throw new RangeError('spreadCents: weights must not be negative');
  if (weightsCents.length === 0) {
    if (totalCents !== 0n) throw new RangeError('spreadCents: a non-zero total needs at least one weight');
    return [];
  }
  const sign = totalCents < 0n ? -1n : 1n;
  const total = totalCents * sign;
  let weights = weightsCents;
  let sum = weights.reduce((a, w) => a + w, 0n);
  if (sum === 0n) {
    weights = weights.map(() => 1n);
    sum = BigInt(weights.length);
  }
  const parts = new Array<bigint>(weights.length);
  const remainders = new Array<bigint>(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const numerator = total * weights[i]!;
    parts[i] = numerator / sum;
    remainders[i] = numerator % sum;
    left -= parts[i]!;
  }
  // left < number of non-zero remainders, so only lines with a remainder get a cent.
  if (left > 0n) {
    const order = remainders.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
    for (let k = 0; left > 0n; k++, left--) parts[order[k]!]! += 1n;
  }
  return sign === 1n ? parts : parts.map((p) => p * sign);
}

/**
 * Prices a bill: lines in bill order (the order decides ties of the discount
 * spread). Refuses a line whose amount + own adjustment is below 0.00
 * (negative_line), a discount on a bill without time lines (no_fees), and a
 * discount above the fee subtotal (discount_too_large).
 */
export function priceBill(lines: readonly PricedLineInput[], discount?: Discount): { lines: PricedLine[]; totals: BillPrice } {
  let fees = 0n;
  let disbursements = 0n;
  let adjustments = 0n;
  let feeSubtotal = 0n;
  const own: bigint[] = [];
  const values: bigint[] = [];
  const timeIndexes: number[] = [];
  lines.forEach((line, i) => {
    const amount = toCents(line.amount, `the amount of line ${line.id}`);
    const adjustment = ownAdjustmentCents(line);
    const value = amount + adjustment;
    if (value < 0n) {
      throw new PricingRefused(
        'negative_line',
        `Line ${line.id} would be billed at ${centsToMoney(value)}: its amount ${centsToMoney(amount)} with adjustment ${centsToMoney(adjustment)} is below 0.00.`,
        line.id,
      );
    }
    own.push(adjustment);
    values.push(value);
    adjustments += adjustment;
    if (line.kind === 'time') {
      fees += amount;
      feeSubtotal += value;
      timeIndexes.push(i);
    } else {
      disbursements += amount;
    }
  });
  if (discount !== undefined && timeIndexes.length === 0) {
    throw new PricingRefused('no_fees', 'A discount applies to fees, and this bill has no time lines.');
  }
  const discountTotal = discountTotalCents(feeSubtotal, discount);

  // Costs pass through at cost: only the time lines carry the discount.
  const shares = new Array<bigint>(lines.length).fill(0n);
  const timeShares = spreadCents(discountTotal, timeIndexes.map((i) => values[i]!));
  timeIndexes.forEach((lineIndex, k) => {
    shares[lineIndex] = timeShares[k]!;
  });

  let total = 0n;
  const priced = lines.map((line, i): PricedLine => {
    const billed = values[i]! - shares[i]!;
    total += billed;
    return {
      id: line.id,
      ownAdjustment: centsToMoney(own[i]!),
      discountShare: centsToMoney(shares[i]!),
      adjustment: centsToMoney(own[i]! - shares[i]!),
      billedAmount: centsToMoney(billed),
    };
  });
  if (total !== fees + disbursements + adjustments - discountTotal) {
    throw new Error('priceBill: the line values do not add up to the bill total (a bug in the spread)');
  }
  return {
    lines: priced,
    totals: {
      feesTotal: centsToMoney(fees),
      disbursementsTotal: centsToMoney(disbursements),
      adjustmentsTotal: centsToMoney(adjustments),
      discountTotal: centsToMoney(discountTotal),
      total: centsToMoney(total),
    },
  };
}
