import { describe, expect, it } from 'vitest';
import {
  PricingRefused,
  discountTotalOf,
  ownAdjustmentOf,
  priceBill,
  spreadCents,
  toCents,
  type PricedLineInput,
} from '../../lib/accounting/bills/pricing.ts';
import { centsToMoney } from '../../lib/accounting/bills/split.ts';

const time = (id: string, amount: string, adjustment?: PricedLineInput['adjustment']): PricedLineInput => ({
  id,
  kind: 'time',
  amount,
  ...(adjustment ? { adjustment } : {}),
});
const cost = (id: string, amount: string, adjustment?: PricedLineInput['adjustment']): PricedLineInput => ({
  id,
  kind: 'disbursement',
  amount,
  ...(adjustment ? { adjustment } : {}),
});

/** Deterministic PRNG (mulberry32) so random cases repeat run to run. */
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

const refusal = (f: () => unknown): PricingRefused => {
  try {
    f();
  } catch (e) {
    if (e instanceof PricingRefused) return e;
    throw e;
  }
  throw new Error('expected a PricingRefused');
};

describe('spreadCents (largest remainder)', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]], // tie → the earliest
    [2, [1, 1, 1], [1, 1, 0]],
    [10, [3, 3, 4], [3, 3, 4]],
    [7, [0, 5, 5], [0, 4, 3]],
    [1, [10, 30], [0, 1]], // largest remainder wins over index
    [0, [5, 7], [0, 0]],
    [500, [500], [500]],
    [-100, [1, 1, 1], [-34, -33, -33]], // mirror of +100
    [5, [0, 0, 0], [2, 2, 1]], // no proportion: equal split
    [0, [0, 0], [0, 0]],
  ])('%s over %j → %j', (total, weights, expected) => {
    // Numbers in the table only because test titles cannot print bigints.
    expect(spreadCents(BigInt(total), weights.map(BigInt))).toEqual(expected.map(BigInt));
  });

  it('takes no weights only for a zero total, and refuses negative weights', () => {
    expect(spreadCents(0n, [])).toEqual([]);
    expect(() => spreadCents(1n, [])).toThrow(RangeError);
    expect(() => spreadCents(1n, [2n, -1n])).toThrow(RangeError);
  });

  it('always adds up, never gives a part a cent beyond its exact share, and never more than its weight when total ≤ Σ weights', () => {
    const random = prng(15);
    for (let run = 0; run < 500; run++) {
      const weights = Array.from({ length: 1 + Math.floor(random() * 12) }, () => BigInt(Math.floor(random() * (random() < 0.2 ? 3 : 100_000))));
      const sum = weights.reduce((a, b) => a + b, 0n);
      const total = sum === 0n ? 0n : BigInt(Math.floor(random() * Number(sum + 1n)));
      const parts = spreadCents(total, weights);
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      if (sum === 0n) continue; // the equal split is covered above
      parts.forEach((p, i) => {
        const exactTimesSum = total * weights[i]!;
        expect(p * sum >= exactTimesSum - sum && p * sum < exactTimesSum + sum).toBe(true);
        expect(p <= weights[i]!).toBe(true);
        expect(p >= 0n).toBe(true);
      });
    }
  });
});

describe('toCents', () => {
  it('reads money strings, negative ones too, and refuses fractions of a cent', () => {
    expect(toCents('12.34')).toBe(1234n);
    expect(toCents('-1.50')).toBe(-150n);
    expect(toCents('0.00')).toBe(0n);
    expect(() => toCents('1.005')).toThrow(RangeError);
    expect(() => toCents('abc')).toThrow(RangeError);
  });
});

describe('ownAdjustmentOf', () => {
  it.each([
    [{ amount: '-12.50', reason: 'write-down' }, '100.00', '-12.50'],
    [{ amount: '5.00', reason: 'write-up' }, '100.00', '5.00'],
    [{ percent: '-10', reason: 'courtesy' }, '123.45', '-12.35'], // -12.345, half away from zero
    [{ percent: '10', reason: 'premium' }, '123.45', '12.35'], // the mirror of the write-down
    [{ percent: '-33.3333', reason: 'third' }, '0.03', '-0.01'],
    [{ percent: '-0.1', reason: 'tiny' }, '0.04', '0.00'], // -0.00004 → zero, never "-0.00"
    [{ percent: '-100', reason: 'written off' }, '250.00', '-250.00'],
  ])('%j of %s → %s', (adjustment, amount, expected) => {
    expect(ownAdjustmentOf({ id: 'l1', amount, adjustment })).toBe(expected);
  });

  it('is 0.00 without an adjustment', () => {
    expect(ownAdjustmentOf({ id: 'l1', amount: '10.00' })).toBe('0.00');
  });

  it('needs exactly one of amount and percent', () => {
    expect(() => ownAdjustmentOf({ id: 'l1', amount: '10.00', adjustment: { reason: 'none' } })).toThrow(RangeError);
    expect(() => ownAdjustmentOf({ id: 'l1', amount: '10.00', adjustment: { amount: '-1.00', percent: '-10', reason: 'both' } })).toThrow(RangeError);
  });
});

describe('discountTotalOf', () => {
  it.each([
    ['1000.00', undefined, '0.00'],
    ['1000.00', { amount: '50.00', reason: 'loyal client' }, '50.00'],
    ['1000.00', { amount: '1000.00', reason: 'all of it' }, '1000.00'],
    ['333.35', { percent: '10', reason: 'ten' }, '33.34'], // 33.335, half-up
    ['333.33', { percent: '12.5', reason: 'eighth' }, '41.67'], // 41.66625
    ['0.00', { percent: '10', reason: 'nothing to discount' }, '0.00'],
    ['80.00', { percent: '100', reason: 'pro bono' }, '80.00'],
  ])('%s with %j → %s', (subtotal, discount, expected) => {
    expect(discountTotalOf(subtotal, discount)).toBe(expected);
  });

  it('refuses a discount above the fee subtotal', () => {
    const e = refusal(() => discountTotalOf('49.99', { amount: '50.00', reason: 'too much' }));
    expect(e.code).toBe('discount_too_large');
    expect(e.message).toMatch(/50\.00.*49\.99/);
  });

  it('a discount is a reduction: a positive amount, a percent in (0, 100]', () => {
    for (const discount of [{ amount: '0.00' }, { amount: '-5.00' }, { percent: '0' }, { percent: '-10' }, { percent: '100.01' }, {}]) {
      expect(() => discountTotalOf('100.00', { ...discount, reason: 'bad' })).toThrow(RangeError);
    }
  });
});

describe('priceBill', () => {
  it('a bill without adjustments or discount is billed as recorded', () => {
    const { lines, totals } = priceBill([time('t1', '350.00'), cost('d1', '24.95')]);
    expect(lines).toEqual([
      { id: 't1', ownAdjustment: '0.00', discountShare: '0.00', adjustment: '0.00', billedAmount: '350.00' },
      { id: 'd1', ownAdjustment: '0.00', discountShare: '0.00', adjustment: '0.00', billedAmount: '24.95' },
    ]);
    expect(totals).toEqual({ feesTotal: '350.00', disbursementsTotal: '24.95', adjustmentsTotal: '0.00', discountTotal: '0.00', total: '374.95' });
  });

  it('own adjustments on any line, the discount on time lines only, spread by value after the adjustment', () => {
    const { lines, totals } = priceBill(
      [
        time('t1', '100.00', { percent: '-10', reason: 'courtesy' }), // v = 90.00
        time('t2', '200.00'), // v = 200.00
        cost('d1', '50.00', { amount: '-5.00', reason: 'cheaper copies' }), // v = 45.00, no discount
        time('t3', '10.00', { amount: '2.50', reason: 'urgent' }), // v = 12.50
      ],
      { amount: '30.25', reason: 'goodwill' },
    );
    // 30.25 over 90 / 200 / 12.50 (Σ 302.50): 9.00, 20.00, 1.25 exactly.
    expect(lines.map((l) => [l.id, l.ownAdjustment, l.discountShare, l.adjustment, l.billedAmount])).toEqual([
      ['t1', '-10.00', '9.00', '-19.00', '81.00'],
      ['t2', '0.00', '20.00', '-20.00', '180.00'],
      ['d1', '-5.00', '0.00', '-5.00', '45.00'],
      ['t3', '2.50', '1.25', '1.25', '11.25'],
    ]);
    expect(totals).toEqual({ feesTotal: '310.00', disbursementsTotal: '50.00', adjustmentsTotal: '-12.50', discountTotal: '30.25', total: '317.25' });
  });

  it('leftover cents of the discount go to the largest remainders, ties to the earlier line', () => {
    const { lines, totals } = priceBill([time('a', '10.00'), time('b', '10.00'), time('c', '10.00'), cost('d', '1.00')], { amount: '0.02', reason: 'r' });
    expect(lines.map((l) => l.discountShare)).toEqual(['0.01', '0.01', '0.00', '0.00']);
    expect(totals.total).toBe('30.98');
  });

  it('a percent discount is taken of the fee subtotal after own adjustments', () => {
    const { totals, lines } = priceBill([time('a', '100.00', { amount: '-0.05', reason: 'r' }), time('b', '233.40'), cost('c', '1000.00')], { percent: '10', reason: 'r' });
    expect(totals.discountTotal).toBe('33.34'); // 10 % of 333.35 = 33.335
    // 33.34 over 99.95 / 233.40: 9.9965… and 23.3435…, the leftover cent to the larger remainder.
    expect(lines.map((l) => l.discountShare)).toEqual(['10.00', '23.34', '0.00']);
    expect(totals.total).toBe('1300.01'); // 99.95 + 233.40 + 1000.00 − 33.34
  });

  it('a 100 % discount bills the fees at zero and the costs in full', () => {
    const { lines, totals } = priceBill([time('a', '0.10'), time('b', '0.20'), cost('c', '5.00')], { percent: '100', reason: 'pro bono' });
    expect(lines.map((l) => l.billedAmount)).toEqual(['0.00', '0.00', '5.00']);
    expect(totals.total).toBe('5.00');
  });

  it('a line written down to exactly 0.00 is fine, and takes no discount', () => {
    const { lines } = priceBill([time('a', '40.00', { percent: '-100', reason: 'r' }), time('b', '60.00')], { amount: '6.00', reason: 'r' });
    expect(lines.map((l) => [l.discountShare, l.billedAmount])).toEqual([
      ['0.00', '0.00'],
      ['6.00', '54.00'],
    ]);
  });

  it('refuses a line whose value before the discount is below zero, naming it', () => {
    const e = refusal(() => priceBill([time('a', '10.00'), cost('d1', '5.00', { amount: '-5.01', reason: 'too much' })]));
    expect(e.code).toBe('negative_line');
    expect(e.lineId).toBe('d1');
    expect(e.message).toMatch(/d1.*-0\.01/);
    expect(refusal(() => priceBill([time('credit', '-1.00')])).lineId).toBe('credit');
  });

  it('refuses a discount on a bill without time lines', () => {
    expect(refusal(() => priceBill([cost('d', '10.00')], { amount: '1.00', reason: 'r' })).code).toBe('no_fees');
    expect(refusal(() => priceBill([], { percent: '10', reason: 'r' })).code).toBe('no_fees');
  });

  it('refuses a discount above the fees, even when the costs would cover it', () => {
    const e = refusal(() => priceBill([time('a', '10.00', { amount: '-1.00', reason: 'r' }), cost('d', '100.00')], { amount: '9.01', reason: 'r' }));
    expect(e.code).toBe('discount_too_large');
  });

  it('an empty bill is zero', () => {
    expect(priceBill([]).totals).toEqual({ feesTotal: '0.00', disbursementsTotal: '0.00', adjustmentsTotal: '0.00', discountTotal: '0.00', total: '0.00' });
  });

  it('10,000 lines: exact sums, discount spread in full, no share above its line', () => {
    const random = prng(10_000);
    const lines: PricedLineInput[] = [];
    let fees = 0n;
    let costs = 0n;
    let own = 0n;
    let feeSubtotal = 0n;
    for (let i = 0; i < 10_000; i++) {
      const cents = BigInt(Math.floor(random() * 500_000));
      const down = random() < 0.3 ? -BigInt(Math.floor(random() * Number(cents + 1n))) : 0n;
      const kind = random() < 0.8 ? 'time' : 'disbursement';
      lines.push({ id: `l${i}`, kind, amount: centsToMoney(cents), ...(down !== 0n ? { adjustment: { amount: centsToMoney(down), reason: 'r' } } : {}) });
      own += down;
      if (kind === 'time') {
        fees += cents;
        feeSubtotal += cents + down;
      } else costs += cents;
    }
    const discount = (feeSubtotal * 7n) / 100n + 3n; // an amount with leftover cents to spread
    const { lines: priced, totals } = priceBill(lines, { amount: centsToMoney(discount), reason: 'volume' });

    expect(totals.feesTotal).toBe(centsToMoney(fees));
    expect(totals.disbursementsTotal).toBe(centsToMoney(costs));
    expect(totals.adjustmentsTotal).toBe(centsToMoney(own));
    expect(totals.discountTotal).toBe(centsToMoney(discount));
    expect(totals.total).toBe(centsToMoney(fees + costs + own - discount));
    expect(priced).toHaveLength(10_000);
    let shares = 0n;
    let billed = 0n;
    priced.forEach((p, i) => {
      const line = lines[i]!;
      const share = toCents(p.discountShare);
      shares += share;
      billed += toCents(p.billedAmount);
      expect(toCents(p.billedAmount) >= 0n).toBe(true);
      if (line.kind === 'disbursement') expect(share).toBe(0n);
      expect(toCents(p.adjustment)).toBe(toCents(p.ownAdjustment) - share);
      expect(toCents(p.billedAmount)).toBe(toCents(line.amount) + toCents(p.adjustment));
    });
    expect(shares).toBe(discount);
    expect(billed).toBe(toCents(totals.total));
  });
});
