import { describe, expect, it } from 'vitest';
import { autoNumber, contactNumberSpace, numberingSequenceFor, numericValue, renumbering } from '../../lib/accounting/contacts/numbering.ts';
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

  it('reads plain numbers as counter values, nothing else', () => {
    const space = contactNumberSpace('client');
    expect(space.valueOf('100')).toBe(100);
    expect(space.valueOf('0007')).toBe(7);
    expect(space.valueOf('ACME-100')).toBeUndefined();
    expect(numericValue('12a')).toBeUndefined();
    expect(numericValue('1234567890123456')).toBeUndefined();
    expect(space.format(42)).toBe('42');
  });

  it('keeps each sequence in its own number space', () => {
    expect(contactNumberSpace('vendor').claimKey('1')).not.toBe(contactNumberSpace('client').claimKey('1'));
    expect(contactNumberSpace('vendor').counterKey).not.toBe(contactNumberSpace('client').counterKey);
  });

  it('renumbering claims the new number and frees the old one', () => {
    const request = renumbering({ firmId: 'f', id: 'ac_1', numberSpace: 'client', contactNumber: '7' }, '9');
    expect(request).toMatchObject({ requested: '9', ownerId: 'ac_1', releasing: contactNumberSpace('client').claimKey('7') });
  });

  it.each(['1', 'C-100', 'ÄÖ-1', 'a.b/c'])('accepts %s as a contact number', (n) => {
    expect(ContactNumber.safeParse(n).success).toBe(true);
  });

  it.each(['', 'A*1', 'A 1', ' 1', '1\t', 'x'.repeat(31)])('refuses %j as a contact number', (n) => {
    expect(ContactNumber.safeParse(n).success).toBe(false);
  });
});
