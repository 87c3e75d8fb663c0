import { COVERED_RANGES } from './coverage.ts';

/**
 * What the invoice PDF can show of a text, without reading a font file (so
 * the bill API can warn before any PDF is made): the characters the embedded
 * fonts draw (coverage.ts), the rest transliterated where safe or shown as
 * "?" and reported.
 */

/** BMP code unit → 1 when both fonts draw it (from coverage.ts, so no font file is needed to know). */
const COVERED = new Uint8Array(0x10000);
for (let i = 0; i < COVERED_RANGES.length; i += 2) COVERED.fill(1, COVERED_RANGES[i]!, COVERED_RANGES[i + 1]! + 1);
// Drawn by the fonts, but not wanted as they are: zero-width marks are dropped, odd spaces become plain ones.
for (let c = 0; c < 0x10000; c++) if (COVERED[c] === 1 && (isInvisible(c) || isSpace(c))) COVERED[c] = 0;

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

/** Every character is one the fonts draw. */
function showable(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (COVERED[s.charCodeAt(i)] !== 1) return false;
  return true;
}

function transliterate(cp: number, ch: string): string {
  const sub = SUBSTITUTES[cp];
  if (sub !== undefined && showable(sub)) return sub;
  // Compatibility decomposition: "ﬁ" → "fi", "Ａ" → "A", "①" → "1"; marks kept when the fonts have them.
  const decomposed = ch.normalize('NFKC');
  if (decomposed.length > 0 && decomposed !== ch && showable(decomposed)) return decomposed;
  const stripped = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (stripped.length > 0 && stripped !== ch && showable(stripped)) return stripped;
  return '?';
}

/** Characters met while laying a document out that no embedded font draws (see collectMissing). */
let missingSink: Set<string> | undefined;

/** Runs `fn`, answering with it the characters shown as "?" meanwhile (each once, in order of appearance). */
export function collectMissing<T>(fn: () => T): { result: T; missing: string[] } {
  const outer = missingSink;
  const sink = new Set<string>();
  missingSink = sink;
  try {
    return { result: fn(), missing: [...sink] };
  } finally {
    missingSink = outer;
  }
}

/**
 * Text the embedded fonts can show: characters they lack are transliterated
 * or become "?" (and are reported to collectMissing), control characters and
 * zero-width marks go, other whitespace becomes a plain space. With
 * `multiline`, line breaks are kept as "\n"; otherwise they become spaces too.
 */
export function toShown(input: string, multiline = false): string {
  if (PLAIN.test(input)) return input;
  const s = input.normalize('NFC').replace(NEWLINES, multiline ? '\n' : ' ');
  if (showable(s)) return s;
  let out = '';
  let replaced = false; // the last character became "?": a run of them (CJK, emoji) shows as one
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a) {
      out += multiline ? '\n' : ' ';
      replaced = false;
      continue;
    }
    if (cp < 0x10000 && COVERED[cp] === 1) {
      out += ch;
      replaced = false;
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || isInvisible(cp)) {
      if (cp !== 0x09) continue;
    }
    if (cp === 0x09 || isSpace(cp)) out += ' ';
    else {
      const t = transliterate(cp, ch);
      if (t !== '?') out += t;
      else {
        missingSink?.add(ch);
        if (!replaced) out += '?';
      }
      replaced = t === '?';
      continue;
    }
    replaced = false;
  }
  return out;
}

/**
 * The characters of `texts` the invoice PDF cannot show (each once): those
 * it would print as "?". Pure, no font file read, so the bill API can list
 * them as warnings before any PDF is made.
 */
export function unprintable(texts: readonly (string | undefined | null)[]): string[] {
  const { missing } = collectMissing(() => {
    for (const t of texts) if (t) toShown(t, true);
  });
  return missing;
}
