import { describe, expect, it } from 'vitest';
import { COVERED_RANGES } from '../../lib/documents/pdf/coverage.ts';
import { FONT_FILES, invoiceFonts } from '../../lib/documents/pdf/fonts.ts';
import { unprintable } from '../../lib/documents/pdf/shown.ts';

/**
 * The covered-character list (lib/documents/pdf/coverage.ts) is what the
 * bill API trusts, without reading a font file, to say what an invoice can
 * print. These tests hold it to the font files themselves (read with the
 * repo's own TrueType reader, lib/documents/pdf/ttf.ts): a font update that
 * drops or adds glyphs fails here until `npx tsx lib/documents/pdf/coverage-cli.ts`
 * writes the list again.
 */

const [regular, bold] = invoiceFonts();
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every code point of the list, from its inclusive [first, last] pairs. */
function coveredCodePoints(): number[] {
  const points: number[] = [];
  for (let i = 0; i < COVERED_RANGES.length; i += 2) {
    for (let c = COVERED_RANGES[i]!; c <= COVERED_RANGES[i + 1]!; c++) points.push(c);
  }
  return points;
}

describe('invoice fonts and their covered-character list', () => {
  it('reads both font files (Regular and Bold) with their character maps', () => {
    expect(FONT_FILES.map((f) => f.file)).toEqual(['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']);
    expect(regular!.bold).toBe(false);
    expect(bold!.bold).toBe(true);
    expect(regular!.glyphOf['A'.charCodeAt(0)]).toBeGreaterThan(0);
  });

  it('is a sorted list of [first, last] pairs of BMP code points that do not overlap', () => {
    expect(COVERED_RANGES.length % 2).toBe(0);
    for (let i = 0; i < COVERED_RANGES.length; i += 2) {
      const [first, last] = [COVERED_RANGES[i]!, COVERED_RANGES[i + 1]!];
      expect(first, `pair ${i / 2}`).toBeLessThanOrEqual(last);
      expect(last).toBeLessThan(0x10000);
      if (i > 0) expect(first, `pair ${i / 2} after ${hex(COVERED_RANGES[i - 1]!)}`).toBeGreaterThan(COVERED_RANGES[i - 1]! + 1);
    }
  });

  it('lists only characters both the Regular and the Bold font have a glyph for', () => {
    const points = coveredCodePoints();
    expect(points.length).toBeGreaterThan(1000);
    const noRegular = points.filter((c) => !regular!.glyphOf[c]).map(hex);
    const noBold = points.filter((c) => !bold!.glyphOf[c]).map(hex);
    expect(noRegular, 'listed as covered, but Regular has no glyph').toEqual([]);
    expect(noBold, 'listed as covered, but Bold has no glyph').toEqual([]);
  });

  it('lists every character both fonts draw (from U+0020): the list is not stale', () => {
    const listed = new Set(coveredCodePoints());
    const unlisted: string[] = [];
    for (let c = 0x20; c < 0x10000; c++) if (regular!.glyphOf[c] && bold!.glyphOf[c] && !listed.has(c)) unlisted.push(hex(c));
    expect(unlisted, 'both fonts draw these, the list does not say so').toEqual([]);
  });

  it('covers Latin Extended-A/B, Greek and Cyrillic: names print as spelled', () => {
    expect(unprintable(['Łódź Wołoszyński', 'Ζωή Παπαδοπούλου', 'Жукова Ёлкина', 'Müßig', 'Şerban Țurcanu', 'Ǆ'])).toEqual([]);
  });

  it('reports as missing what neither font has: CJK, Arabic, Hebrew, Thai, emoji', () => {
    const missing = ['山', '田', '契', '\u0639', '\u05d0', '\u0e01'];
    for (const ch of missing) {
      const c = ch.codePointAt(0)!;
      expect(regular!.glyphOf[c] && bold!.glyphOf[c], `${hex(c)} has glyphs in both fonts`).toBeFalsy();
    }
    expect(unprintable(['山田太郎'])).toEqual(['山', '田', '太', '郎']);
    expect(unprintable(['\u0627\u062f\u0641\u0639 \u05e9\u05dc\u05d5\u05dd \u0e01'])).toEqual(['\u0627', '\u062f', '\u0641', '\u0639', '\u05e9', '\u05dc', '\u05d5', '\u05dd', '\u0e01']);
    expect(unprintable(['Thanks \u{1f44d}'])).toEqual(['\u{1f44d}']);
  });
});
