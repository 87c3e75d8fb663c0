import { type FontId, textWidth, truncateText, wrapText } from './text.ts';

/** Lower-case particles that belong to the surname that follows ("de la Fuente", "van der Berg"). */
const PARTICLES = new Set(['da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'y', 'bin', 'ibn', 'al']);

/**
 * A person's name in at most `maxLines` lines of `width`: as it is when it
 * fits; else the given names become initials, from the first on, and the
 * surname (with its particles) stays whole ("Maximiliana Alessandra de la
 * Fuente" → "M. A. de la Fuente"); only a surname that still does not fit is
 * cut, with "…". Text must already be shown text (toShown).
 */
export function shortenName(name: string, font: FontId, size: number, width: number, maxLines: number): string[] {
  const fits = (s: string) => {
    const lines = wrapText(s, font, size, width);
    return lines.length <= maxLines && lines.every((l) => textWidth(l, font, size) <= width) ? lines : null;
  };
  const whole = fits(name);
  if (whole) return whole;
  const words = name.split(/\s+/).filter(Boolean);
  // The surname: the last word and the particles just before it.
  let surnameAt = words.length - 1;
  while (surnameAt > 1 && PARTICLES.has(words[surnameAt - 1]!.toLowerCase())) surnameAt--;
  const given = words.slice(0, surnameAt);
  const surname = words.slice(surnameAt);
  for (let i = 1; i <= given.length; i++) {
    const initials = given.map((w, j) => (j < i ? `${[...w][0]}.` : w));
    const lines = fits([...initials, ...surname].join(' '));
    if (lines) return lines;
  }
  const short = [...given.map((w) => `${[...w][0]}.`), ...surname].join(' ');
  const lines = wrapText(short, font, size, width);
  const kept = lines.slice(0, maxLines).map((l) => truncateText(l, font, size, width));
  if (lines.length > maxLines) kept[maxLines - 1] = truncateText(`${kept[maxLines - 1]!}\u2026`, font, size, width);
  return kept;
}
