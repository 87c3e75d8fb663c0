import Big from 'big.js';
import * as z from 'zod';

/**
 * Money and other exact decimals. Amounts cross the API and rest in DynamoDB
 * as decimal strings; arithmetic uses big.js (decimal, arbitrary precision),
 * so no float ever touches money. Rounding is half-up, once, where a rule says.
 */
Big.RM = Big.roundHalfUp;
Big.DP = 20;

/** Canonical amounts only ("0.10", never "00.10"), so what is stored and echoed is what anyone would write. */
const MONEY = /^(0|[1-9]\d{0,11})\.\d{2}$/;

export const Money = z
  .string()
  .regex(MONEY, 'must be a non-negative decimal string with exactly two decimals and no leading zeros, like "230.00"');
export type Money = z.infer<typeof Money>;

/** Refinements run even when the pattern failed, so this one must not trust its input. */
export const PositiveMoney = Money.refine((s) => MONEY.test(s) && new Big(s).gt(0), 'must be more than 0.00');

export const money = (value: string | number | Big) => new Big(value);

/** Rounds half-up to the cent and writes two decimals. */
export const toMoney = (value: Big) => value.round(2, Big.roundHalfUp).toFixed(2);

export const ZERO = '0.00';

export function sumMoney(values: readonly string[]): string {
  return toMoney(values.reduce((total, v) => total.plus(v), new Big(0)));
}

export { Big };
