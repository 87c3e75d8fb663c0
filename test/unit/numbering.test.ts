import { describe, expect, it } from 'vitest';
import { autoNumber, counterAfter, numberingSequenceFor, numericValue } from '../../lib/accounting/contacts/numbering.ts';
import { ContactNumber } from '../../events/contact.ts';

describe('contact numbering rules', () => {
  it.each([
    [false, false, 'vendor', 'client'],
    [true, false, 'vendor', 'client'],
    [false, true, 'other', 'client'],
    [true, true, 'vendor', 'vendor'],
    [true, true, 'other', 'other'],
    [true, true, 'client', 'client'],
  ] as const)('accounting %s + practice %s, asked %s → %s', (a, p, asked, expected) => {
    expect(numberingSequenceFor(a, p, asked)).toBe(expected);
  });

  it('counts on from the counter', () => {
    expect(autoNumber(0)).toBe('1');
    expect(autoNumber(41)).toBe('42');
  });

  it('moves the counter only for plain numbers beyond it', () => {
    expect(counterAfter(3, '100')).toBe(100);
    expect(counterAfter(3, '0007')).toBe(7);
    expect(counterAfter(100, '7')).toBeUndefined();
    expect(counterAfter(100, '100')).toBeUndefined();
    expect(counterAfter(3, 'ACME-100')).toBeUndefined();
    expect(numericValue('12a')).toBeUndefined();
    expect(numericValue('1234567890123456')).toBeUndefined();
  });

  it.each(['1', 'C-100', 'ÄÖ-1', 'a.b/c'])('accepts %s as a contact number', (n) => {
    expect(ContactNumber.safeParse(n).success).toBe(true);
  });

  it.each(['', 'A*1', 'A 1', ' 1', '1\t', 'x'.repeat(31)])('refuses %j as a contact number', (n) => {
    expect(ContactNumber.safeParse(n).success).toBe(false);
  });
});
