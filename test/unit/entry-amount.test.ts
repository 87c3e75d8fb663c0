import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryAmount, type Behavior } from '../../lib/practice/rates/amounts.ts';
import type { RateLabelType } from '../../lib/practice/rates/schemas.ts';

/*
 * amount = value × billable hours, rounded half-up to the cent once; a fixed
 * label's amount as entered; 0.00 for no_charge and non_billable.
 */

type Case = [behavior: Behavior, type: RateLabelType, value: string, hours: string, expected: string];

const products: Case[] = [
  // the contract's examples
  ['bill', 'hourly', '166.65', '0.3', '50.00'], // 49.995 exactly; a float product gives 49.994999…
  ['bill', 'hourly', '166.65', '0.30', '50.00'],
  ['bill', 'hourly', '200.00', '1.5', '300.00'],
  ['bill', 'hourly', '200.00', '1.50', '300.00'],
  ['bill', 'hourly', '0.05', '0.1', '0.01'], // 0.005 rounds half-up
  ['bill', 'hourly', '0.05', '0.10', '0.01'],
  ['bill', 'hourly', '100.00', '0.33', '33.00'],
  // half-up at the boundary, both sides
  ['bill', 'hourly', '0.01', '0.49', '0.00'], // 0.0049
  ['bill', 'hourly', '0.01', '0.50', '0.01'], // 0.0050
  ['bill', 'hourly', '0.01', '0.51', '0.01'], // 0.0051
  ['bill', 'hourly', '1.01', '0.5', '0.51'], // 0.505: float gives 0.50499…
  ['bill', 'hourly', '1.15', '0.5', '0.58'], // 0.575
  ['bill', 'hourly', '2.675', '1', '2.68'], // the classic float toFixed trap, kept exact
  ['bill', 'hourly', '333.33', '0.03', '10.00'], // 9.9999
  ['bill', 'hourly', '333.33', '0.01', '3.33'], // 3.3333
  ['bill', 'hourly', '166.67', '0.15', '25.00'], // 25.0005
  ['bill', 'hourly', '250.00', '0.25', '62.50'],
  ['bill', 'hourly', '123.45', '0.01', '1.23'], // 1.2345
  ['bill', 'hourly', '99.99', '0.05', '5.00'], // 4.9995
  // rounded once, at the end, never the hours first
  ['bill', 'hourly', '0.10', '0.045', '0.00'], // 0.0045 → 0.00 (rounding 0.045 h to 0.05 first would give 0.01)
  ['bill', 'hourly', '10.00', '0.125', '1.25'],
  ['bill', 'hourly', '1.00', '0.005', '0.01'],
  // zero, whole, and formatting
  ['bill', 'hourly', '123.45', '0', '0.00'],
  ['bill', 'hourly', '123.45', '0.00', '0.00'],
  ['bill', 'hourly', '0.00', '8.00', '0.00'],
  ['bill', 'hourly', '250.00', '2', '500.00'],
  ['bill', 'hourly', '250', '1', '250.00'],
  ['bill', 'hourly', '0.10', '1.00', '0.10'],
  // large values: never exponent notation, never float precision loss
  ['bill', 'hourly', '999999999.99', '24.00', '23999999999.76'],
  ['bill', 'hourly', '999999999999.99', '24.00', '23999999999999.76'],
  ['bill', 'hourly', '999999999999.99', '9999.99', '9999989999999900.00'], // 9999989999999900.0001
  ['bill', 'hourly', '123456789012.34', '0.01', '1234567890.12'], // 1234567890.1234
  ['bill', 'hourly', '123456789012.35', '0.10', '12345678901.24'], // 12345678901.235
  ['bill', 'hourly', '0.01', '0.01', '0.00'],
  // hide is billed like bill; custom labels multiply like hourly
  ['hide', 'hourly', '166.65', '0.3', '50.00'],
  ['hide', 'hourly', '200.00', '1.5', '300.00'],
  ['bill', 'custom', '75.50', '2.00', '151.00'],
  ['hide', 'custom', '0.05', '0.1', '0.01'],
];

const fixedAmounts: Case[] = [
  ['bill', 'fixed', '1500.00', '3.00', '1500.00'],
  ['bill', 'fixed', '1500.00', '0', '1500.00'],
  ['bill', 'fixed', '0.01', '100.00', '0.01'],
  ['hide', 'fixed', '250.00', '0.3', '250.00'],
  ['bill', 'fixed', '999999999999.99', '24.00', '999999999999.99'],
  ['bill', 'fixed', '0.00', '1.00', '0.00'],
];

const nothing: Case[] = [
  ['no_charge', 'hourly', '200.00', '1.5', '0.00'],
  ['non_billable', 'hourly', '200.00', '1.5', '0.00'],
  ['no_charge', 'fixed', '1500.00', '1.00', '0.00'],
  ['non_billable', 'fixed', '1500.00', '1.00', '0.00'],
  ['no_charge', 'custom', '75.50', '2.00', '0.00'],
  ['non_billable', 'custom', '75.50', '2.00', '0.00'],
  ['no_charge', 'hourly', '999999999999.99', '24.00', '0.00'],
  ['non_billable', 'hourly', '0.05', '0.1', '0.00'],
];

describe('entryAmount', () => {
  it.each(products)('%s %s: %s × %s h = %s', (behavior, type, value, hours, expected) => {
    expect(entryAmount(behavior, type, value, hours)).toBe(expected);
  });

  it.each(fixedAmounts)('%s %s: amount %s for %s h = %s', (behavior, type, value, hours, expected) => {
    expect(entryAmount(behavior, type, value, hours)).toBe(expected);
  });

  it.each(nothing)('%s %s: %s × %s h = %s', (behavior, type, value, hours, expected) => {
    expect(entryAmount(behavior, type, value, hours)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// Properties: the expectation is computed with BigInt on integer units.
// ---------------------------------------------------------------------------

const RUNS = { numRuns: 200 };
const MONEY = /^\d+\.\d{2}$/;

/** A decimal string of `units` × 10^-scale. */
function decimal(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const s = units.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** value (cents) × hours (units of 10^-scale), half-up to the cent, in BigInt. */
function expectedCents(valueCents: bigint, hourUnits: bigint, scale: number): bigint {
  const divisor = 10n ** BigInt(scale);
  return (valueCents * hourUnits + divisor / 2n) / divisor;
}

const valueCentsArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 100_000n }), // everyday rates
  fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), // any Money, up to 999999999999.99
);
const hoursArb = fc.record({
  scale: fc.constantFrom(0, 1, 2, 2, 2, 3),
  units: fc.bigInt({ min: 0n, max: 2_400_000n }),
});

describe('entryAmount: properties', () => {
  it('(d) is the exact decimal product rounded half-up once, never a float artefact', () => {
    fc.assert(
      fc.property(valueCentsArb, hoursArb, fc.constantFrom<Behavior>('bill', 'hide'), fc.constantFrom<RateLabelType>('hourly', 'custom'), (cents, hours, behavior, type) => {
        const value = decimal(cents, 2);
        const billableHours = decimal(hours.units, hours.scale);
        const actual = entryAmount(behavior, type, value, billableHours);
        expect(actual).toMatch(MONEY);
        expect(actual).toBe(decimal(expectedCents(cents, hours.units, hours.scale), 2));
      }),
      RUNS,
    );
  });

  it('fixed labels are the entered amount whatever the hours', () => {
    fc.assert(
      fc.property(valueCentsArb, hoursArb, fc.constantFrom<Behavior>('bill', 'hide'), (cents, hours, behavior) => {
        const amount = decimal(cents, 2);
        expect(entryAmount(behavior, 'fixed', amount, decimal(hours.units, hours.scale))).toBe(amount);
      }),
      RUNS,
    );
  });

  it('no_charge and non_billable are always 0.00', () => {
    fc.assert(
      fc.property(
        valueCentsArb,
        hoursArb,
        fc.constantFrom<Behavior>('no_charge', 'non_billable'),
        fc.constantFrom<RateLabelType>('hourly', 'custom', 'fixed'),
        (cents, hours, behavior, type) => {
          expect(entryAmount(behavior, type, decimal(cents, 2), decimal(hours.units, hours.scale))).toBe('0.00');
        },
      ),
      RUNS,
    );
  });

  it('hide is worth what bill is', () => {
    fc.assert(
      fc.property(valueCentsArb, hoursArb, fc.constantFrom<RateLabelType>('hourly', 'custom', 'fixed'), (cents, hours, type) => {
        const args = [type, decimal(cents, 2), decimal(hours.units, hours.scale)] as const;
        expect(entryAmount('hide', ...args)).toBe(entryAmount('bill', ...args));
      }),
      RUNS,
    );
  });

  it('the BigInt model agrees with the contract examples', () => {
    expect(decimal(expectedCents(16_665n, 3n, 1), 2)).toBe('50.00');
    expect(decimal(expectedCents(20_000n, 15n, 1), 2)).toBe('300.00');
    expect(decimal(expectedCents(5n, 1n, 1), 2)).toBe('0.01');
    expect(decimal(expectedCents(10_000n, 33n, 2), 2)).toBe('33.00');
  });
});
