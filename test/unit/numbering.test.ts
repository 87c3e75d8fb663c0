import { describe, expect, it, vi } from 'vitest';
import { contactNumberSpace, numberingSequenceFor, numericValue, renumbering } from '../../lib/accounting/contacts/numbering.ts';
import { numberingEntity } from '../../lib/accounting/entities/numbering.entity.ts';
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
    vi.stubEnv('TABLE_ACCOUNTING', 'accounting-test');
    const claimed = (sequence: 'client' | 'vendor') => (numberingEntity.claim('f', contactNumberSpace(sequence).name, '1', 'ac_1') as any).Put.Item.sk;
    const counter = (sequence: 'client' | 'vendor') => (numberingEntity.moveCounter('f', contactNumberSpace(sequence).name, 0, 1) as any).Update.Key.sk;
    expect(claimed('vendor')).not.toBe(claimed('client'));
    expect(counter('vendor')).not.toBe(counter('client'));
  });

  it('renumbering claims the new number and frees the old one', () => {
    const request = renumbering({ firmId: 'f', id: 'ac_1', numberSpace: 'client', contactNumber: '7' }, '9');
    expect(request).toMatchObject({ requested: '9', ownerId: 'ac_1', releasing: '7', space: { name: { kind: 'contact', sequence: 'client' } } });
  });

  it.each(['1', 'C-100', 'ÄÖ-1', 'a.b/c'])('accepts %s as a contact number', (n) => {
    expect(ContactNumber.safeParse(n).success).toBe(true);
  });

  it.each(['', 'A*1', 'A 1', ' 1', '1\t', 'x'.repeat(31)])('refuses %j as a contact number', (n) => {
    expect(ContactNumber.safeParse(n).success).toBe(false);
  });
});
