import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitTotal } from '../../lib/accounting/bills/split.ts';

describe('splitting a bill among clients (largest remainder)', () => {
  it.each([
    ['160.00', ['33.34', '33.33', '33.33'], ['53.34', '53.33', '53.33']],
    ['100.00', ['33.33', '33.33', '33.34'], ['33.33', '33.33', '33.34']],
    ['0.01', ['50.00', '50.00'], ['0.01', '0.00']],
    ['0.03', ['33.33', '33.33', '33.34'], ['0.01', '0.01', '0.01']],
    ['1000.00', ['100.00'], ['1000.00']],
    ['10.00', ['60.00', '40.00'], ['6.00', '4.00']],
    ['-10.01', ['50.00', '50.00'], ['-5.01', '-5.00']],
  ])('%s by %j → %j', (total, percents, amounts) => {
    const split = splitTotal(total, percents.map((percent, i) => ({ contactId: `c${i}`, percent })));
    expect(split.map((s) => s.amount)).toEqual(amounts);
  });

  it('always adds up to the total exactly, and no share is off by more than a cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (cents, weights) => {
          // Percents in hundredths that add up to exactly 100.00.
          const sum = weights.reduce((a, b) => a + b, 0);
          const hundredths = weights.map((w) => Math.floor((w * 10_000) / sum));
          hundredths[0]! += 10_000 - hundredths.reduce((a, b) => a + b, 0);
          const percents = hundredths.map((h) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);
          const total = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
          const split = splitTotal(total, percents.map((percent, i) => ({ contactId: `c${i}`, percent })));
          const got = split.map((s) => Math.round(Number(s.amount) * 100));
          expect(got.reduce((a, b) => a + b, 0)).toBe(cents);
          got.forEach((g, i) => expect(Math.abs(g - (cents * hundredths[i]!) / 10_000)).toBeLessThan(1));
        },
      ),
      { numRuns: 300 },
    );
  });
});
