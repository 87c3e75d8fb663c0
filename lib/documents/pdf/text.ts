import { invoiceFonts } from './fonts.ts';

/**
 * Text for the embedded invoice fonts (lib/documents/pdf/fonts.ts): what
 * they can show, how wide it is, where it wraps. Names print as spelled:
 * Latin (with Extended-A and -B), Greek and Cyrillic are in the fonts. A
 * character outside them is transliterated where that is safe (a
 * compatibility form, a dash, a space) or else shown as "?", and then
 * always reported (`unprintable`, the renderer's `missing`), never silent.
 */

export type FontId = 0 | 1;
/** Resource names in every page's /Font dictionary, by FontId. */
export const FONT_NAMES = ['F1', 'F2'] as const;
export const REGULAR: FontId = 0;
export const BOLD: FontId = 1;

/** Top of capitals above the baseline, in 1/1000 em (Noto Sans' cap height). */
export const ASCENT = 714;

export { collectMissing, toShown, unprintable } from './shown.ts';

/** Per font, UTF-16 code unit → advance (1/1000 em); read from the fonts on first use. */
function widthsOf(font: FontId): Float32Array {
  return invoiceFonts()[font]!.widths;
}

/** Width of already-shown text (toShown) at `size` points. */
export function textWidth(s: string, font: FontId, size: number): number {
  const widths = widthsOf(font);
  let w = 0;
  for (let i = 0; i < s.length; i++) w += widths[s.charCodeAt(i)]!;
  return (w * size) / 1000;
}

/**
 * Greedy word wrap of shown text into lines no wider than `width`. Hard
 * line breaks ("\n") are kept; runs of spaces collapse; a word wider than the
 * line is broken, after a "-" or "/" when one falls near the end, else
 * between characters. Never returns an empty array.
 */
export function wrapText(s: string, font: FontId, size: number, width: number): string[] {
  const widths = widthsOf(font);
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

/** Shortens shown text with "…" so it fits `width`. */
export function truncateText(s: string, font: FontId, size: number, width: number): string {
  if (textWidth(s, font, size) <= width) return s;
  const ellipsis = textWidth('\u2026', font, size);
  let out = s;
  while (out.length > 0 && textWidth(out, font, size) + ellipsis > width) out = out.slice(0, -1);
  return out.trimEnd() + '\u2026';
}
