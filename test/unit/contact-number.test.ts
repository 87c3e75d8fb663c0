import { describe, expect, it } from 'vitest';
import { ContactNumber } from '../../events/contact.ts';
import { numberKey, numberMatches, numberProblem, sameNumber } from '../../events/contact-number.ts';

/** Contact and file numbers as a user reads them (issue 16, item 5). */
describe('contact number rules', () => {
  it.each(['1', '0', '0124', 'C-100', 'ÄÖ-1', 'a.b/c', 'ref-\u00E9', 'M00050', 'Ωμέγα-7', '东京-1', 'x'.repeat(30)])('accepts %j', (n) => {
    expect(numberProblem(n)).toBeUndefined();
    expect(ContactNumber.safeParse(n).success).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(31), /30 characters/],
    ['A*1', /"\*"/],
    ['A 1', /spaces/],
    ['1\t', /spaces|control/],
    ['12\u00A03', /spaces/],
    ['12\u3000', /spaces/],
    ['１２３', /plain form "123"/],
    ['ＡＢＣ', /plain form "ABC"/],
    ['ref-e\u0301', /plain form "ref-\u00E9"/],
    ['ﬁle-1', /plain form "file-1"/],
    ['①', /plain form "1"/],
    ['Ⅻ', /plain form "XII"/],
    ['x²', /plain form "x2"/],
    ['١٢٣', /digits 0-9/],
    ['۱۲۳', /digits 0-9/],
    ['१२३', /digits 0-9/],
    ['12\u200B3', /U\+200B/],
    ['12\u20603', /U\+2060/],
    ['12\u00AD3', /U\+00AD/],
    ['12\u00003', /U\+0000/],
    ['12\u202E3', /U\+202E/],
    ['\u2066123', /U\+2066/],
    ['12\uFEFF', /U\+FEFF|spaces/],
    ['12\uE000', /U\+E000/],
    ['12\uD800', /U\+D800/],
    ['12\u007F', /U\+007F/],
    ['12＊', /"\*"/],
    ['12∗', /"\*"/],
    ['12﹡', /"\*"/],
    ['12⁎', /"\*"/],
    ['12✱', /"\*"/],
    ['12٭', /"\*"/],
    ['1\u0336', /marks/],
    ['\u0301a', /marks/],
  ])('refuses %j, saying why', (n, why) => {
    expect(numberProblem(n)).toMatch(why);
    const parsed = ContactNumber.safeParse(n);
    expect(parsed.success).toBe(false);
    // One reason per number, not a pile of them.
    expect(parsed.error!.issues).toHaveLength(1);
    expect(parsed.error!.issues[0]!.message).toMatch(why);
  });

  it('compares numbers case-insensitively and numeric parts by value', () => {
    expect(numberKey('ABC')).toBe(numberKey('abc'));
    expect(numberKey('0124')).toBe('124');
    expect(numberKey('00124')).toBe('124');
    expect(numberKey('0')).toBe('0');
    expect(numberKey('000')).toBe('0');
    expect(numberKey('M00050')).toBe('m50');
    expect(numberKey('LIT-050')).toBe('lit-50');
    expect(numberKey('REF-\u00C9')).toBe(numberKey('ref-\u00E9'));
    expect(numberKey('ΟΔΟΣ')).toBe(numberKey('οδοσ'));
    expect(sameNumber('C-007', 'c-7')).toBe(true);
    // Digits in the middle, or after other digits, are kept as written: 1.05 is not 1.5, nor 2024-007 2024-7.
    expect(sameNumber('1.05', '1.5')).toBe(false);
    expect(sameNumber('2024-007', '2024-7')).toBe(false);
    expect(sameNumber('A0B', 'AB')).toBe(false);
    expect(sameNumber('124', '1240')).toBe(false);
    expect(sameNumber('M1', 'N1')).toBe(false);
  });

  it('keeps the key of a number one of its own: a key is itself a valid number with the same key', () => {
    for (const n of ['ABC', '0124', 'M00050', 'ref-\u00E9', 'Ωμέγα-07']) {
      expect(numberProblem(numberKey(n))).toBeUndefined();
      expect(numberKey(numberKey(n))).toBe(numberKey(n));
    }
  });

  it('search finds what the user typed, in any case, and any spelling of the same number', () => {
    expect(numberMatches('Acme-007', 'Acme-007')).toBe(true);
    expect(numberMatches('Acme-007', 'acme')).toBe(true);
    expect(numberMatches('Acme-007', '007')).toBe(true);
    expect(numberMatches('Acme-007', 'ACME-7')).toBe(true);
    expect(numberMatches('0124', '124')).toBe(true);
    expect(numberMatches('124', '0124')).toBe(true);
    expect(numberMatches('ABC', 'ＡＢＣ')).toBe(true);
    expect(numberMatches('124', '125')).toBe(false);
    expect(numberMatches('Acme-007', 'Acme-8')).toBe(false);
  });
});
