import { describe, expect, it } from 'vitest';
import { HoursText, PageLimit } from '../../lib/shared/quantities.ts';
import { Money } from '../../lib/shared/money.ts';
import { IsoDate } from '../../lib/shared/dates.ts';

describe('canonical quantities', () => {
  it('hours without leading zeros', () => {
    for (const ok of ['0', '0.25', '1.5', '12', '24', '7.50']) expect(HoursText.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['00.01', '01', '007', '1.', '.5', '1.555', ' 1', '1e1', '0x1']) expect(HoursText.safeParse(bad).success, bad).toBe(false);
  });

  it('money without leading zeros, exactly two decimals', () => {
    for (const ok of ['0.00', '0.10', '230.00', '999999999999.99']) expect(Money.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['00.10', '000000000001.00', '01.00', '1.0', '1', '-1.00', '1000000000000.00']) expect(Money.safeParse(bad).success, bad).toBe(false);
  });

  it('page sizes in decimal digits, 1 to 500, 50 when absent', () => {
    expect(PageLimit.parse(undefined)).toBe(50);
    expect(PageLimit.parse('500')).toBe(500);
    for (const bad of ['0', '501', '0x10', '1e2', ' 5', '5 ', '05', '-1', '2.0']) expect(PageLimit.safeParse(bad).success, bad).toBe(false);
  });

  it('dates from 1900 to 2199, real calendar days only', () => {
    for (const ok of ['1900-01-01', '2026-02-28', '2024-02-29', '2199-12-31']) expect(IsoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31', '2026-02-29', '2026-13-01']) expect(IsoDate.safeParse(bad).success, bad).toBe(false);
  });
});
