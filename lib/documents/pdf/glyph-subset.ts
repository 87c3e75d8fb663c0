import type { LoadedFont } from './fonts.ts';

const HEX: string[] = [];
const hex4 = (n: number) => (HEX[n] ??= n.toString(16).padStart(4, '0'));

/**
 * The glyphs one document uses of one font, numbered in order of first use
 * (0 stays .notdef): what the content streams write (two-byte ids, Identity-H
 * encoding), what the embedded subset holds, and what each id stands for in
 * the ToUnicode map, so the text copied out of the PDF is the text given.
 */
export class GlyphSubset {
  /** New id → old glyph id. */
  readonly glyphs: number[] = [0];
  /** New id → the text it stands for. */
  readonly unicode: string[] = [''];
  private readonly newId: Uint16Array;

  constructor(readonly font: LoadedFont) {
    this.newId = new Uint16Array(font.numGlyphs);
  }

  /** The text as a PDF hex string of new glyph ids: "<00030004>". Characters the font lacks are .notdef (they never reach here: toShown). */
  encode(text: string): string {
    const { glyphOf } = this.font;
    let out = '<';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const g = glyphOf[c]!;
      let id = this.newId[g]!;
      if (id === 0 && g !== 0) {
        id = this.glyphs.length;
        this.glyphs.push(g);
        this.unicode.push(text[i]!);
        this.newId[g] = id;
      }
      out += hex4(id);
    }
    return out + '>';
  }

  get used(): boolean {
    return this.glyphs.length > 1;
  }

  /** Advance widths of ids 0..n-1, 1/1000 em, for the font's /W array. */
  widths(count = this.glyphs.length, order = this.glyphs): number[] {
    const scale = 1000 / this.font.unitsPerEm;
    return order.slice(0, count).map((g) => Math.round(this.font.advances[g]! * scale));
  }

  /** The ToUnicode CMap: new id → its text (UTF-16BE). */
  toUnicodeCMap(): string {
    const entries: string[] = [];
    for (let id = 1; id < this.unicode.length; id++) {
      let u = '';
      for (const ch of this.unicode[id]!) {
        const cp = ch.codePointAt(0)!;
        if (cp > 0xffff) {
          const v = cp - 0x10000;
          u += hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
        } else u += hex4(cp);
      }
      entries.push(`<${hex4(id)}> <${u}>`);
    }
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }

  /** Six capital letters naming this subset ("ABCDEF+NotoSans-Regular"), the same for the same glyphs. */
  tag(): string {
    let h = 2166136261;
    for (const g of this.glyphs) h = Math.imul(h ^ g, 16777619) >>> 0;
    let tag = '';
    for (let i = 0; i < 6; i++) {
      tag += String.fromCharCode(65 + (h % 26));
      h = Math.floor(h / 26) + (i + 1) * 7919;
    }
    return tag;
  }
}
