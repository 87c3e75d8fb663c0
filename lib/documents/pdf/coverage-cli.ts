/** Writes lib/documents/pdf/coverage.ts from the font files: `npx tsx lib/documents/pdf/coverage-cli.ts` after a font update. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FILES } from './fonts.ts';
import { parseTrueType } from './ttf.ts';

const require = createRequire(import.meta.url);
const r = parseTrueType(readFileSync(require.resolve(FONT_FILES[0].module)));
const b = parseTrueType(readFileSync(require.resolve(FONT_FILES[1].module)));
const ranges: number[] = [];
for (let c = 0x20; c < 0x10000; c++) { if (r.glyphOf[c] && b.glyphOf[c]) { if (ranges.length && ranges[ranges.length-1] === c-1) ranges[ranges.length-1] = c; else ranges.push(c,c); } }
const hex = (n: number) => '0x' + n.toString(16).padStart(4, '0');
const rows: string[] = [];
for (let i = 0; i < ranges.length; i += 16) rows.push('  ' + ranges.slice(i, i + 16).map(hex).join(', ') + ',');
writeFileSync(new URL('./coverage.ts', import.meta.url), `/**
 * The characters the embedded invoice fonts (Noto Sans Regular and Bold,
 * lib/documents/pdf/fonts.ts) both draw, as inclusive [first, last] pairs of
 * BMP code points. Kept here as data so that code which never loads the font
 * files (the bill API, listing a bill's warnings) can tell what will print;
 * test/unit/invoice-fonts.test.ts checks it against the font files, and
 * \`npx tsx lib/documents/pdf/coverage-cli.ts\` writes it again after a font update.
 */
export const COVERED_RANGES: readonly number[] = [
${rows.join('\n')}
];
`);
