import { describe, expect, it, vi } from 'vitest';
import { contactNumberSpace, numberingSequenceFor, numericValue, renumbering } from '../../lib/accounting/contacts/numbering.ts';
import { numberingEntity } from '../../lib/accounting/entities/numbering.entity.ts';
import { ContactNumber } from '../../events/contact.ts';
import { attemptPlan } from '../../lib/accounting/numbering/claims.ts';
import { fileNumberSpace } from '../../lib/accounting/files/numbering.ts';

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
    // Leading zeros do not count towards the 15 digits: the value is the number's, as its claim is.
    expect(numericValue('0000000000000000042')).toBe(42);
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

  it('claims a number under its comparison form, and frees only the owner\'s claim', () => {
    vi.stubEnv('TABLE_ACCOUNTING', 'accounting-test');
    const space = contactNumberSpace('client').name;
    const claimed = (n: string) => (numberingEntity.claim('f', space, n, 'ac_1') as any).Put;
    expect(claimed('ABC-007').Item.sk).toBe(claimed('abc-7').Item.sk);
    expect(claimed('0124').Item.sk).toBe(claimed('124').Item.sk);
    expect(claimed('ABC-007').Item.number).toBe('ABC-007');
    const release = (numberingEntity.release('f', space, 'ABC-007', 'ac_1') as any).Delete;
    expect(release.Key.sk).toBe(claimed('abc-7').Item.sk);
    expect(release.ConditionExpression).toContain('ownerId = :owner');
    expect(release.ExpressionAttributeValues[':owner']).toBe('ac_1');
  });
});

describe('where a number puts its sequence', () => {
  const contacts = contactNumberSpace('client');
  const files = fileNumberSpace({ prefix: 'M', width: 5 });

  it('an automatic number is the one after the counter, or the free one found after it, and moves the counter there', () => {
    expect(attemptPlan(contacts, 0, undefined)).toEqual({ number: '1', target: 1 });
    expect(attemptPlan(contacts, 5, undefined)).toEqual({ number: '6', target: 6 });
    expect(attemptPlan(contacts, 5, undefined, 9)).toEqual({ number: '9', target: 9 });
    // A free number at or below the counter is stale (the counter moved): the one after the counter it is.
    expect(attemptPlan(contacts, 9, undefined, 9)).toEqual({ number: '10', target: 10 });
    expect(attemptPlan(files, 49, undefined)).toEqual({ number: 'M00050', target: 50 });
  });

  it('a hand-given number of the space\'s shape sets the counter to its value, forwards or backwards', () => {
    expect(attemptPlan(contacts, 5, '100')).toEqual({ number: '100', target: 100 });
    expect(attemptPlan(contacts, 100, '5')).toEqual({ number: '5', target: 5 });
    expect(attemptPlan(contacts, 100, '0005')).toEqual({ number: '0005', target: 5 });
    expect(attemptPlan(contacts, 5, '5')).toEqual({ number: '5', target: undefined });
    expect(attemptPlan(contacts, 5, 'C-1')).toEqual({ number: 'C-1', target: undefined });
    expect(attemptPlan(files, 50, 'M00005')).toEqual({ number: 'M00005', target: 5 });
    expect(attemptPlan(files, 50, 'm7')).toEqual({ number: 'm7', target: 7 });
    expect(attemptPlan(files, 50, 'LIT-7')).toEqual({ number: 'LIT-7', target: undefined });
    expect(attemptPlan(files, 50, '7')).toEqual({ number: '7', target: undefined });
  });
});
