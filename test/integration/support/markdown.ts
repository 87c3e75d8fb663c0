import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the docs test reads out of the project's markdown: the fenced blocks
 * (with their info string and where they start), the relative links, and the
 * headings' GitHub anchors. Plain line scanning, enough for the fences and
 * links this project writes (CommonMark's ``` and ~~~ fences, [text](target)).
 */

export interface DocFile {
  /** Relative to the project root: `README.md`, `docs/billing.md`. */
  path: string;
  text: string;
}

export interface FencedBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The whole info string (`sh`, `sh no-run: AWS only`, `json`, ``). */
  info: string;
  /** The first word of the info string, lower-cased (`sh`, `bash`, `text`, ``). */
  language: string;
  /** The lines between the fences. */
  body: string[];
}

/** README.md, then every docs/*.md in name order. */
export function docFiles(root: string): DocFile[] {
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
  return ['README.md', ...docs].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** Every fenced code block of a file, in order. An unclosed fence runs to the end of the file (as CommonMark says). */
export function fencedBlocks(file: DocFile): FencedBlock[] {
  const lines = file.text.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const info = open[2]!.trim();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(lines[j]!);
    }
    blocks.push({ file: file.path, line: i + 1, info, language: (info.split(/\s+/)[0] ?? '').toLowerCase(), body });
    i = j;
  }
  return blocks;
}

/** The file's text with its fenced blocks blanked out (line numbers kept): the prose alone. */
export function prose(file: DocFile): string {
  const lines = file.text.split('\n');
  for (const b of fencedBlocks(file)) for (let k = b.line - 1; k <= b.line + b.body.length && k < lines.length; k++) lines[k] = '';
  return lines.join('\n');
}

export interface Link {
  file: string;
  line: number;
  target: string;
}

/** Every `[text](target)` and `![alt](target)` in the prose, with its line. */
export function links(file: DocFile): Link[] {
  const found: Link[] = [];
  prose(file).split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ file: file.path, line: i + 1, target: m[1]! });
  });
  return found;
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string) =>
  heading.trim().toLowerCase().replace(/`/g, '').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** The anchors of a file's headings (`## Split billing` → `split-billing`), repeated ones numbered as GitHub does. */
export function anchors(file: DocFile): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(file).split('\n')) {
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = anchorOf(h[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}
