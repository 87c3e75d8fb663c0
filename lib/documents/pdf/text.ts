/**
 * Text for the standard 14 PDF fonts: what WinAnsi (Windows-1252) can show,
 * how wide it is, where it wraps, and how it is written in a content stream.
 *
 * The standard fonts are not embedded, so they cost nothing in the file, but
 * they only cover Latin-1 plus a few typographic marks. Anything else is
 * transliterated where that is safe (accents stripped, dashes, spaces and
 * quotes mapped) or replaced with "?" — never passed through, never thrown on.
 */

export type FontId = 0 | 1;
/** Resource names in every page's /Font dictionary, by FontId. */
export const FONT_NAMES = ['F1', 'F2'] as const;
/** PostScript names of the two fonts used: regular and bold. */
export const BASE_FONTS = ['Helvetica', 'Helvetica-Bold'] as const;
export const REGULAR: FontId = 0;
export const BOLD: FontId = 1;

/** Helvetica ascender, in 1/1000 em (the same for Helvetica-Bold). */
export const ASCENT = 718;
export const CAP_HEIGHT = 718;

/** Advance widths (1/1000 em) of WinAnsi codes 32..255, from the Adobe AFM files. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, 556,
  0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000,
  500, 333, 944, 0, 500, 500, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333,
  333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667,
  667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556,
  556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556,
  556, 556, 500, 556, 500,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, 556,
  0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000,
  556, 333, 944, 0, 500, 556, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333,
  333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667,
  667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556,
  556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611,
  611, 611, 556, 611, 556,
];

/** Unicode code points that WinAnsi places at 0x80..0x9F. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Highest code point WinAnsi can show (™). */
const MAX_CHAR = 0x2122;
/** UTF-16 code unit → WinAnsi byte, 0 where there is none. */
const TO_CODE = new Uint8Array(MAX_CHAR + 1);
for (let c = 0x20; c <= 0x7e; c++) TO_CODE[c] = c;
for (let c = 0xa0; c <= 0xff; c++) TO_CODE[c] = c;
TO_CODE[0xad] = 0; // soft hyphen: invisible in text, drawn as "-" by the fonts
for (const [uni, code] of Object.entries(CP1252_HIGH)) TO_CODE[Number(uni)] = code;

/** UTF-16 code unit → advance width (1/1000 em), per font. */
const WIDTHS: readonly Uint16Array[] = [HELVETICA, HELVETICA_BOLD].map((table) => {
  const widths = new Uint16Array(MAX_CHAR + 1);
  for (let c = 0; c <= MAX_CHAR; c++) {
    const code = TO_CODE[c]!;
    if (code >= 32) widths[c] = table[code - 32]!;
  }
  return widths;
});

/** Transliterations the Unicode decompositions do not give. */
const SUBSTITUTES: Record<number, string> = {
  0x0131: 'i', 0x0141: 'L', 0x0142: 'l', 0x0110: 'D', 0x0111: 'd', 0x0126: 'H', 0x0127: 'h', 0x0166: 'T', 0x0167: 't',
  0x014a: 'N', 0x014b: 'n', 0x0138: 'k', 0x0149: "'n", 0x017f: 's', 0x0189: 'D', 0x0180: 'b', 0x01b5: 'Z', 0x01b6: 'z',
  0x0218: 'S', 0x0219: 's', 0x021a: 'T', 0x021b: 't', 0x0259: 'e', 0x018f: 'E', 0x0237: 'j', 0x02bc: "'", 0x02b9: "'",
  0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2015: '\u2014', 0x2212: '-', 0x2043: '-', 0xfe63: '-', 0xff0d: '-',
  0x2032: "'", 0x2033: '"', 0x201b: "'", 0x201f: '"', 0x2027: '\u00b7', 0x2044: '/', 0x2215: '/', 0x2216: '\\',
  0x2190: '<-', 0x2192: '->', 0x2194: '<->', 0x21d2: '=>', 0x2264: '<=', 0x2265: '>=', 0x2260: '!=', 0x2248: '~',
  0x2217: '*', 0x2219: '\u00b7', 0x22c5: '\u00b7', 0x2713: 'v', 0x2714: 'v', 0x2717: 'x', 0x2718: 'x', 0x2116: 'No.',
  0x2103: '\u00b0C', 0x2109: '\u00b0F', 0x20a4: '\u00a3', 0x20b9: 'Rs', 0x20bd: 'RUB', 0x20a9: 'W', 0x20aa: 'ILS',
  0x2153: '1/3', 0x2154: '2/3', 0x215b: '1/8', 0x3000: ' ', 0x3001: ',', 0x3002: '.', 0xff0c: ',', 0xff0e: '.',
  0x300c: '"', 0x300d: '"',
};

/** Zero-width and joining characters, variation selectors, emoji modifiers: dropped. */
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

function isSpace(cp: number): boolean {
  return cp === 0x09 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x1680;
}

const PLAIN = /^[\x20-\x7e]*$/;
const NEWLINES = /\r\n?|[\n\u2028\u2029\u0085\u000b\u000c]/g;

/** Every character is one WinAnsi can show. */
function showable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > MAX_CHAR || TO_CODE[c] === 0) return false;
  }
  return true;
}

function transliterate(cp: number, ch: string): string {
  const sub = SUBSTITUTES[cp];
  if (sub !== undefined) return sub;
  // Compatibility decomposition, then drop the marks: "ő" → "o", "ﬁ" → "fi", "Ａ" → "A", "①" → "1".
  const decomposed = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (decomposed.length > 0 && decomposed !== ch && showable(decomposed)) return decomposed;
  return '?';
}

/**
 * Text the standard fonts can show: characters outside WinAnsi are
 * transliterated or become "?", control characters and zero-width marks go,
 * other whitespace becomes a plain space. With `multiline`, line breaks are
 * kept as "\n"; otherwise they become spaces too.
 */
export function toWinAnsi(input: string, multiline = false): string {
  if (PLAIN.test(input)) return input;
  const s = input.normalize('NFC').replace(NEWLINES, multiline ? '\n' : ' ');
  if (showable(s)) return s;
  let out = '';
  let replaced = false; // the last character became "?": a run of them (CJK, emoji) shows as one
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp <= MAX_CHAR && TO_CODE[cp] !== 0) {
      out += ch;
      replaced = false;
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || isInvisible(cp)) {
      if (cp !== 0x0a && cp !== 0x09) continue;
    }
    if (cp === 0x0a) out += multiline ? '\n' : ' ';
    else if (cp === 0x09 || isSpace(cp)) out += ' ';
    else {
      const t = transliterate(cp, ch);
      if (t !== '?') out += t;
      else if (!replaced) out += '?';
      replaced = t === '?';
      continue;
    }
    replaced = false;
  }
  return out;
}

/** Width of already-WinAnsi text at `size` points. */
export function textWidth(s: string, font: FontId, size: number): number {
  const widths = WIDTHS[font]!;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= MAX_CHAR) w += widths[c]!;
  }
  return (w * size) / 1000;
}

/**
 * Greedy word wrap of WinAnsi text into lines no wider than `width`. Hard
 * line breaks ("\n") are kept; runs of spaces collapse; a word wider than the
 * line is broken, after a "-" or "/" when one falls near the end, else
 * between characters. Never returns an empty array.
 */
export function wrapText(s: string, font: FontId, size: number, width: number): string[] {
  const widths = WIDTHS[font]!;
  const max = (width * 1000) / size;
  const space = widths[0x20]!;
  const lines: string[] = [];
  for (const paragraph of s.split('\n')) {
    const words = paragraph.split(' ');
    let line = '';
    let lineW = 0;
    for (const word of words) {
      if (word === '') continue;
      let wordW = 0;
      for (let i = 0; i < word.length; i++) wordW += widths[word.charCodeAt(i)] ?? 0;
      if (line !== '' && lineW + space + wordW <= max) {
        line += ' ' + word;
        lineW += space + wordW;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordW <= max) {
        line = word;
        lineW = wordW;
        continue;
      }
      // Break an overlong word into pieces that fit.
      let rest = word;
      for (;;) {
        let w = 0;
        let cut = 0;
        let soft = 0;
        while (cut < rest.length) {
          const cw = widths[rest.charCodeAt(cut)] ?? 0;
          if (w + cw > max && cut > 0) break;
          w += cw;
          cut++;
          const ch = rest[cut - 1];
          if (ch === '-' || ch === '/') soft = cut;
        }
        if (cut >= rest.length) {
          line = rest;
          lineW = w;
          break;
        }
        if (soft > 0) cut = soft;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
    }
    lines.push(line);
  }
  // Leading/trailing blank paragraphs carry no meaning in a table cell.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 1 && lines[0] === '') lines.shift();
  return lines;
}

/** wrapText, at most `maxLines` lines: the last one kept ends in "…" when text was cut. */
export function wrapClamped(s: string, font: FontId, size: number, width: number, maxLines: number): string[] {
  const lines = wrapText(s, font, size, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(kept[maxLines - 1]! + '\u2026', font, size, width);
  return kept;
}

/** Shortens WinAnsi text with "…" so it fits `width`. */
export function truncateText(s: string, font: FontId, size: number, width: number): string {
  if (textWidth(s, font, size) <= width) return s;
  const ellipsis = textWidth('\u2026', font, size);
  let out = s;
  while (out.length > 0 && textWidth(out, font, size) + ellipsis > width) out = out.slice(0, -1);
  return out.trimEnd() + '\u2026';
}

/** A PDF literal string of WinAnsi text, ASCII only: "(Fees \(net\) \200)". */
const LITERAL_SAFE = /^[\x20-\x27\x2a-\x5b\x5d-\x7e]*$/;

export function pdfString(s: string): string {
  if (LITERAL_SAFE.test(s)) return `(${s})`;
  let out = '(';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const code = c <= MAX_CHAR ? TO_CODE[c]! : 0;
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += '\\' + s[i];
    else if (code >= 0x20 && code < 0x7f) out += s[i];
    else if (code >= 0x80) out += '\\' + code.toString(8);
    else out += '?';
  }
  return out + ')';
}
