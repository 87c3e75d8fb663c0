import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrueType, type TrueTypeFont } from './ttf.ts';

/**
 * The invoice fonts: Noto Sans Regular and Bold (SIL Open Font License),
 * from the npm package @expo-google-fonts/noto-sans, embedded in every
 * invoice as a subset of the glyphs it uses. Noto Sans draws Latin with
 * Extended-A and -B, Greek and Cyrillic, so names print as they are spelled.
 *
 * The font files are not bundled into the JavaScript (1.2 MB would break a
 * function's 1 MB budget): infra/bundling.ts copies them into `fonts/` next
 * to the bundle of every function that renders, and they are read from there
 * once per container; in development and tests, from node_modules.
 * INVOICE_FONT_DIR points elsewhere if needed.
 */
export const FONT_FILES = [
  { file: 'NotoSans-Regular.ttf', module: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf' },
  { file: 'NotoSans-Bold.ttf', module: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf' },
] as const;

/** Where the bundled function finds its fonts: `fonts/` beside index.mjs. */
export const BUNDLED_FONT_DIR = 'fonts';

function fontPath(i: number): string {
  const { file, module } = FONT_FILES[i]!;
  const dir = process.env.INVOICE_FONT_DIR;
  if (dir) return join(dir, file);
  const here = import.meta.url.startsWith('file:') ? fileURLToPath(new URL(`./${BUNDLED_FONT_DIR}/${file}`, import.meta.url)) : '';
  if (here && existsSync(here)) return here;
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(base).resolve(module);
    } catch {
      // not resolvable from there: try the next place
    }
  }
  throw new Error(`The invoice font ${file} was not found (next to the bundle in ${BUNDLED_FONT_DIR}/, or in node_modules/${module}).`);
}

export interface LoadedFont extends TrueTypeFont {
  /** UTF-16 code unit → advance in 1/1000 em (0 where the font has no glyph). */
  widths: Float32Array;
}

let loaded: LoadedFont[] | undefined;

/** The regular and bold fonts, read and parsed on first use, then kept for the container's life. */
export function invoiceFonts(): readonly LoadedFont[] {
  loaded ??= FONT_FILES.map((f, i) => {
    const font = parseTrueType(readFileSync(fontPath(i)), f.file.replace(/\.ttf$/, ''));
    const widths = new Float32Array(0x10000);
    const scale = 1000 / font.unitsPerEm;
    for (let c = 0; c < 0x10000; c++) {
      const g = font.glyphOf[c]!;
      if (g) widths[c] = font.advances[g]! * scale;
    }
    return Object.assign(font, { widths });
  });
  return loaded;
}
