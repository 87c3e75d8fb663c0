/**
 * Just enough TrueType to embed a font in a PDF and cut a subset of it per
 * document: the metrics, the character map and the glyph outlines. Written
 * here rather than taken from fontkit because fontkit (with its WOFF2/brotli
 * decoder and Unicode tables) would push the renderer's Lambda bundle past
 * its 1 MB budget, and an invoice needs none of what it adds (no shaping, no
 * OpenType layout): glyphs are placed one after another by their advances.
 */

export interface TrueTypeFont {
  /** PostScript name from the `name` table, e.g. "NotoSans-Regular". */
  postScriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  bold: boolean;
  numGlyphs: number;
  /** UTF-16 code unit (BMP) → glyph id; 0 where the font has none. */
  glyphOf: Uint16Array;
  /** Glyph id → advance width in font units. */
  advances: Uint16Array;
  /** Glyph id → left side bearing. */
  lsbs: Int16Array;
  /** The raw tables, by tag. */
  tables: Map<string, Buffer>;
  /** Glyph id → [start, end) within `glyf`. */
  loca: Uint32Array;
}

function tableDirectory(data: Buffer): Map<string, Buffer> {
  const count = data.readUInt16BE(4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = data.toString('latin1', at, at + 4);
    const offset = data.readUInt32BE(at + 8);
    const length = data.readUInt32BE(at + 12);
    tables.set(tag, data.subarray(offset, offset + length));
  }
  return tables;
}

function need(tables: Map<string, Buffer>, tag: string): Buffer {
  const t = tables.get(tag);
  if (!t) throw new Error(`The font has no ${tag} table (a TrueType font with outlines is needed).`);
  return t;
}

/** Reads the Unicode cmap (format 12 preferred, else format 4) into a BMP lookup table. */
function readCmap(cmap: Buffer): Uint16Array {
  const glyphOf = new Uint16Array(0x10000);
  const count = cmap.readUInt16BE(2);
  let f4 = -1;
  let f12 = -1;
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) f12 = offset;
    else if (format === 4 && f4 < 0) f4 = offset;
  }
  if (f12 >= 0) {
    const groups = cmap.readUInt32BE(f12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = f12 + 16 + g * 12;
      const start = cmap.readUInt32BE(at);
      const end = Math.min(cmap.readUInt32BE(at + 4), 0xffff);
      const first = cmap.readUInt32BE(at + 8);
      for (let c = start; c <= end; c++) glyphOf[c] = first + (c - start);
    }
    return glyphOf;
  }
  if (f4 < 0) throw new Error('The font has no Unicode character map.');
  const segX2 = cmap.readUInt16BE(f4 + 6);
  const ends = f4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = cmap.readUInt16BE(ends + s);
    const start = cmap.readUInt16BE(starts + s);
    const delta = cmap.readInt16BE(deltas + s);
    const ro = cmap.readUInt16BE(rangeOffsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let g: number;
      if (ro === 0) g = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s + ro + (c - start) * 2;
        g = cmap.readUInt16BE(at);
        if (g !== 0) g = (g + delta) & 0xffff;
      }
      glyphOf[c] = g;
    }
  }
  return glyphOf;
}

function readPostScriptName(name: Buffer | undefined, fallback: string): string {
  if (!name) return fallback;
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (name.readUInt16BE(at + 6) !== 6) continue;
    const platform = name.readUInt16BE(at);
    const length = name.readUInt16BE(at + 8);
    const offset = strings + name.readUInt16BE(at + 10);
    const raw = name.subarray(offset, offset + length);
    const text = platform === 1 ? raw.toString('latin1') : Buffer.from(raw).swap16().toString('utf16le');
    const clean = text.replace(/[^\x21-\x7e]/g, '').replace(/[[\](){}<>/%]/g, '');
    if (clean) return clean;
  }
  return fallback;
}

/** Parses a TrueType (glyf-outline) font file. */
export function parseTrueType(data: Buffer, fallbackName = 'Font'): TrueTypeFont {
  const tables = tableDirectory(data);
  const head = need(tables, 'head');
  const hhea = need(tables, 'hhea');
  const maxp = need(tables, 'maxp');
  const hmtx = need(tables, 'hmtx');
  const locaTable = need(tables, 'loca');
  need(tables, 'glyf');
  const unitsPerEm = head.readUInt16BE(18);
  const numGlyphs = maxp.readUInt16BE(4);
  const longLoca = head.readInt16BE(50) === 1;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) loca[g] = longLoca ? locaTable.readUInt32BE(g * 4) : locaTable.readUInt16BE(g * 2) * 2;
  const hMetrics = hhea.readUInt16BE(34);
  const advances = new Uint16Array(numGlyphs);
  const lsbs = new Int16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) {
    if (g < hMetrics) {
      advances[g] = hmtx.readUInt16BE(g * 4);
      lsbs[g] = hmtx.readInt16BE(g * 4 + 2);
    } else {
      advances[g] = advances[hMetrics - 1]!;
      lsbs[g] = hmtx.readInt16BE(hMetrics * 4 + (g - hMetrics) * 2);
    }
  }
  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  const ascent = os2 ? os2.readInt16BE(68) : hhea.readInt16BE(4);
  const descent = os2 ? os2.readInt16BE(70) : hhea.readInt16BE(6);
  const capHeight = os2 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : ascent;
  const weight = os2 ? os2.readUInt16BE(4) : 400;
  return {
    postScriptName: readPostScriptName(tables.get('name'), fallbackName),
    unitsPerEm,
    ascent,
    descent,
    capHeight,
    bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
    italicAngle: post ? post.readInt32BE(4) / 65536 : 0,
    bold: weight >= 600,
    numGlyphs,
    glyphOf: readCmap(need(tables, 'cmap')),
    advances,
    lsbs,
    tables,
    loca,
  };
}

// Composite glyph flags (OpenType spec, glyf table).
const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;

/** The glyph ids a composite glyph is made of, with the byte offset of each id in its data. */
function components(glyph: Buffer): { gid: number; at: number }[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const out: { gid: number; at: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    out.push({ gid: glyph.readUInt16BE(at + 2), at: at + 2 });
    at += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAS_SCALE) at += 2;
    else if (flags & HAS_XY_SCALE) at += 4;
    else if (flags & HAS_2X2) at += 8;
    if (!(flags & MORE_COMPONENTS)) return out;
  }
}

function checksum(b: Buffer): number {
  let sum = 0;
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/**
 * A font file holding only `glyphs` (old glyph ids, in their new order: the
 * new id of `glyphs[i]` is i; glyph 0, .notdef, must come first). Glyphs
 * that composites are built from are appended, so the answer's `glyphs` may
 * be longer. Tables a PDF's CIDFontType2 needs: head, hhea, maxp, hmtx, loca,
 * glyf, and the hinting programs when the font has them.
 */
export function subsetTrueType(font: TrueTypeFont, glyphs: number[]): { file: Buffer; glyphs: number[] } {
  const glyf = font.tables.get('glyf')!;
  const order = [...glyphs];
  const newId = new Map<number, number>(order.map((g, i) => [g, i]));
  const pieces: Buffer[] = [];
  for (let i = 0; i < order.length; i++) {
    const old = order[i]!;
    let data: Buffer = glyf.subarray(font.loca[old]!, font.loca[old + 1]!);
    const parts = components(data);
    if (parts.length) {
      data = Buffer.from(data);
      for (const p of parts) {
        let id = newId.get(p.gid);
        if (id === undefined) {
          id = order.length;
          order.push(p.gid);
          newId.set(p.gid, id);
        }
        data.writeUInt16BE(id, p.at);
      }
    }
    pieces.push(data);
  }
  const n = order.length;
  const loca = Buffer.alloc((n + 1) * 4);
  let offset = 0;
  const glyfParts: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    loca.writeUInt32BE(offset, i * 4);
    const p = pieces[i]!;
    glyfParts.push(p);
    offset += p.length;
    if (p.length % 4) {
      glyfParts.push(Buffer.alloc(4 - (p.length % 4)));
      offset += 4 - (p.length % 4);
    }
  }
  loca.writeUInt32BE(offset, n * 4);
  const hmtx = Buffer.alloc(n * 4);
  for (let i = 0; i < n; i++) {
    hmtx.writeUInt16BE(font.advances[order[i]!]!, i * 4);
    hmtx.writeInt16BE(font.lsbs[order[i]!]!, i * 4 + 2);
  }
  const head = Buffer.from(font.tables.get('head')!);
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(1, 50); // long loca offsets
  const hhea = Buffer.from(font.tables.get('hhea')!);
  hhea.writeUInt16BE(n, 34);
  const maxp = Buffer.from(font.tables.get('maxp')!);
  maxp.writeUInt16BE(n, 4);
  const post = Buffer.alloc(32);
  font.tables.get('post')?.copy(post, 0, 0, 32);
  post.writeUInt32BE(0x00030000, 0); // version 3: no glyph names

  const tables: [string, Buffer][] = [
    ['glyf', Buffer.concat(glyfParts)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['post', post],
  ];
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const t = font.tables.get(tag);
    if (t) tables.push([tag, t]);
  }
  tables.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const count = tables.length;
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(count * 16 - searchRange, 10);
  let at = header.length;
  const body: Buffer[] = [];
  let headOffset = 0;
  tables.forEach(([tag, data], i) => {
    const e = 12 + 16 * i;
    header.write(tag, e, 'latin1');
    header.writeUInt32BE(checksum(data), e + 4);
    header.writeUInt32BE(at, e + 8);
    header.writeUInt32BE(data.length, e + 12);
    if (tag === 'head') headOffset = at;
    body.push(data);
    at += data.length;
    if (data.length % 4) {
      body.push(Buffer.alloc(4 - (data.length % 4)));
      at += 4 - (data.length % 4);
    }
  });
  const file = Buffer.concat([header, ...body]);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
  return { file, glyphs: order };
}
