/**
 * Text clean-up for LEDES values (reference §1.1, §7, §9.3): ASCII only,
 * no field delimiter, no record terminator, no line breaks, trimmed and
 * truncated.
 */

/** Characters NFKD does not decompose into ASCII, with their ASCII spelling. */
const TRANSLITERATIONS: Record<string, string> = {
  // quotes and apostrophes
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u2035': "'",
  '\u2039': "'", '\u203A': "'", '\u02BC': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  // dashes, bullets, slashes
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00AD': '', '\u2022': '-', '\u00B7': '.', '\u2044': '/', '\u2215': '/',
  // letters without a decomposition
  '\u00DF': 'ss', '\u1E9E': 'SS', '\u00E6': 'ae', '\u00C6': 'AE', '\u0153': 'oe', '\u0152': 'OE',
  '\u00F8': 'o', '\u00D8': 'O', '\u0111': 'd', '\u0110': 'D', '\u00F0': 'd', '\u00D0': 'D',
  '\u00FE': 'th', '\u00DE': 'Th', '\u0142': 'l', '\u0141': 'L', '\u0131': 'i', '\u0127': 'h',
  '\u0126': 'H', '\u014B': 'ng', '\u014A': 'NG', '\u0167': 't', '\u0166': 'T', '\u017F': 's', '\u0138': 'k',
  // signs common in bills and legal text
  '\u20AC': 'EUR', '\u00A3': 'GBP', '\u00A5': 'JPY', '\u00A2': 'c', '\u00A9': '(c)', '\u00AE': '(R)',
  '\u00D7': 'x', '\u00F7': '/', '\u00B1': '+/-', '\u00A7': 'Sec.', '\u00B6': 'Para.',
};

const NON_ASCII = /[^\x00-\x7F]/u;
const COMBINING_MARK = /\p{M}/u;
const WHITESPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Transliterates to printable ASCII: accents are dropped (é → e), the table
 * above covers ß, æ, ø, smart quotes, dashes, € and the like, compatibility
 * forms are folded by NFKD (ﬁ → fi, full-width letters, ½ → 1/2, … → ...).
 * Unknown letters and digits (CJK, Cyrillic, …) become '?', so the reader sees
 * that something was there; unknown symbols, emoji and invisible format
 * characters are removed. Control characters become spaces.
 */
export function toLedesAscii(input: string): string {
  if (!/[^\x20-\x7E]/.test(input)) return input; // already printable ASCII
  let out = '';
  for (const ch of input.normalize('NFC')) {
    if (!NON_ASCII.test(ch)) {
      out += ch;
      continue;
    }
    const mapped = TRANSLITERATIONS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    let folded = '';
    for (const part of ch.normalize('NFKD')) {
      if (COMBINING_MARK.test(part)) continue; // combining accents
      const again = TRANSLITERATIONS[part];
      if (again !== undefined) folded += again;
      else if (!NON_ASCII.test(part)) folded += part;
      else if (WHITESPACE.test(part)) folded += ' ';
      else if (LETTER_OR_DIGIT.test(part)) folded += '?';
      // anything else (emoji, symbols, format characters) is dropped
    }
    out += folded;
  }
  // C0 controls, DEL → space (tabs, CR, LF, form feed…); collapsed later.
  return out.replace(/[\x00-\x1F\x7F]/g, ' ');
}

/**
 * One LEDES value: ASCII, `|` replaced by `/` (a `|` would open a 25th
 * column), every `[]` removed (it is the record terminator), line breaks and
 * runs of whitespace collapsed to one space, trimmed, and cut to `maxLength`.
 */
export function sanitizeLedesValue(input: string | undefined, maxLength?: number): string {
  if (input === undefined) return '';
  let value = toLedesAscii(input).replace(/\|/g, '/');
  while (value.includes('[]')) value = value.split('[]').join('');
  value = value.replace(/\s+/g, ' ').trim();
  if (maxLength !== undefined && value.length > maxLength) value = value.slice(0, maxLength).trimEnd();
  return value;
}

const SUFFIX = /^(jr|sr|ii|iii|iv|v|esq)\.?$/i;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'das', 'di', 'del', 'della', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'st', 'st.', 'bin', 'al']);

/**
 * Turns "First Middle Last" into "Last, First Middle", the order e-billing
 * portals ask for (reference §1.2, §7: Brightflag, MyCase rejections).
 * A name that already has a comma is left alone (only whitespace is tidied);
 * a single word stays as it is. Surname particles stay with the surname
 * ("Ludwig van Beethoven" → "van Beethoven, Ludwig") and a generational
 * suffix stays at the end ("Martin Luther King Jr." → "King, Martin Luther Jr.").
 */
export function ledesTimekeeperName(name: string): string {
  const tidy = name.replace(/\s+/g, ' ').trim();
  if (tidy.includes(',')) return tidy;
  const tokens = tidy.split(' ').filter((t) => t !== '');
  if (tokens.length < 2) return tidy;
  let suffix = '';
  if (tokens.length >= 3 && SUFFIX.test(tokens[tokens.length - 1] ?? '')) suffix = tokens.pop() ?? '';
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has((tokens[start - 1] ?? '').toLowerCase())) start -= 1;
  const last = tokens.slice(start).join(' ');
  const given = [...tokens.slice(0, start), ...(suffix ? [suffix] : [])].join(' ');
  return `${last}, ${given}`;
}

/**
 * A surname with no given name beside it. One of several words keeps a
 * trailing comma ("Saldana Perez,"): "Last, First" with the first name
 * empty. Without it the name reads, to a portal and to validateLedes, as
 * "First Last" ("Perez, Saldana"), and is refused as not "Last, First".
 */
const surnameAlone = (last: string) => (last.includes(' ') ? `${last},` : last);

/**
 * "Last, First" from a timekeeper's own last and first names (sanitized),
 * a surname alone when there is no first name (see surnameAlone).
 */
export function ledesNameOf(last: string, first = ''): string {
  const [l, f] = [last, first].map((s) => s.replace(/\s+/g, ' ').trim());
  return f ? `${l}, ${f}` : surnameAlone(l!);
}

/** `s` cut to at most `room` characters at its last space or hyphen that fits (mid-word only when there is none). */
function cutAtWord(s: string, room: number): string {
  const cut = Math.max(s.lastIndexOf(' ', room), s.lastIndexOf('-', room - 1) + 1);
  return (cut > 0 ? s.slice(0, cut) : s.slice(0, room)).replace(/[\s-]+$/, '');
}

/**
 * A "Last, Given" name cut to `max` characters at a word boundary, never
 * mid-word: later given names go first ("de la Fuente, Maximiliana
 * Alessandra" → "de la Fuente, Maximiliana"), then the given name becomes an
 * initial ("de la Fuente, M."), then the surname stands alone, and only a
 * surname longer than `max` on its own is cut, at its last space or hyphen
 * that fits. A surname of several words left alone keeps its comma
 * (surnameAlone), so what is written is always "Last, First" to a reader.
 */
export function fitLedesName(name: string, max: number): string {
  const tidy = name.replace(/\s+/g, ' ').trim();
  if (tidy.length <= max) return tidy;
  const comma = tidy.indexOf(',');
  const last = comma < 0 ? tidy : tidy.slice(0, comma).trim();
  const given = comma < 0 ? [] : tidy.slice(comma + 1).trim().split(' ').filter(Boolean);
  for (let n = given.length - 1; n >= 1; n--) {
    const s = `${last}, ${given.slice(0, n).join(' ')}`;
    if (s.length <= max) return s;
  }
  if (given[0]) {
    const s = `${last}, ${given[0][0]}.`;
    if (s.length <= max) return s;
  }
  const alone = surnameAlone(last);
  if (alone.length <= max) return alone;
  const cut = cutAtWord(last, max);
  // Cut to words, it still needs room for its comma.
  return cut.includes(' ') ? surnameAlone(cutAtWord(last, max - 1)) : cut;
}
