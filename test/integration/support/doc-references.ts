import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteSpec } from '../../../lib/api/route.ts';
import { fencedBlocks, prose, type DocFile } from './markdown.ts';

/**
 * The names the docs use that the code must have: the routes (`GET /billing/aging`
 * in prose, `curl … $API/billing/aging` in a block), the files (`lib/aws/entity.ts`)
 * and the npm scripts (`npm run redrive`).
 */

export interface Mention {
  file: string;
  line: number;
  /** As written: `POST /accounting/bills/{id}/approve`, `POST $API/accounting/bills/$BILL/approve`. */
  text: string;
  /** Normalised: `POST /accounting/bills/{}/approve`. */
  key: string;
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE';

/** `/accounting/bills/$BILL/approve?x=1` → `/accounting/bills/{}/approve`: parameters, shell variables and sample ids alike. */
export function normalisePath(path: string): string {
  const bare = path.split('?')[0]!.replace(/[.,:;)]+$/, '');
  return bare
    .split('/')
    .map((seg) => (/^\{.*\}$/.test(seg) || seg.startsWith('$') || seg.includes('…') || /^[a-z]{2}_[A-Za-z0-9]/.test(seg) ? '{}' : seg))
    .join('/');
}

const routeKeyOf = (method: string, path: string) => `${method} ${normalisePath(path)}`;

/** Routes named in prose (`METHOD /path`, backticks or not) and requests in shell blocks (`curl … $API/path`). */
export function routeMentions(file: DocFile): Mention[] {
  const found: Mention[] = [];
  prose(file).split('\n').forEach((text, i) => {
    for (const m of text.matchAll(new RegExp(`\\b(${METHODS})\`?\\s+\`?(/[^\\s\`'"<>]*)`, 'g'))) {
      found.push({ file: file.path, line: i + 1, text: `${m[1]} ${m[2]}`, key: routeKeyOf(m[1]!, m[2]!) });
    }
  });
  for (const block of fencedBlocks(file)) {
    if (block.language !== 'sh' && block.language !== 'bash') continue;
    block.body.forEach((text, i) => {
      if (!/\bcurl\b/.test(text)) return;
      const explicit = new RegExp(`-X\\s+(${METHODS})\\b`).exec(text)?.[1];
      const method = explicit ?? (/\s(-d|--data\S*)\s/.test(text) ? 'POST' : 'GET');
      for (const m of text.matchAll(/\$\{?API\}?(\/[^\s"'?]*)/g)) {
        found.push({ file: file.path, line: block.line + 1 + i, text: `${method} $API${m[1]}`, key: routeKeyOf(method, m[1]!) });
      }
    });
  }
  return found;
}

/** Every route the API declares, and the local stack's own (`/__local/…`, the JWKS), normalised. */
export function knownRoutes(root: string, api: readonly RouteSpec[]): Set<string> {
  const known = new Set(api.map((r) => routeKeyOf(r.method, r.path)));
  const local = readFileSync(join(root, 'infra/local/local-routes.ts'), 'utf8');
  for (const m of local.matchAll(new RegExp(`'(${METHODS}) (/[^']*)'`, 'g'))) known.add(routeKeyOf(m[1]!, m[2]!));
  // Matched by a regular expression there rather than listed: POST /__local/schedules/<function>.
  if (local.includes('\\/__local\\/schedules\\/')) known.add('POST /__local/schedules/{}');
  return known;
}

/**
 * Whether a mention names a known route: the same method and segments, where a route's `{}` takes any
 * one segment (`/practice/system-roles/ASSOC`, `/__local/schedules/billingRun`) and a mention's `{}`
 * (a `$VARIABLE`, a sample id) only a route's `{}`.
 */
export function isKnown(known: ReadonlySet<string>, key: string): boolean {
  if (known.has(key)) return true;
  const [method, path] = key.split(' ') as [string, string];
  const segments = path.split('/');
  return [...known].some((k) => {
    const [m, p] = k.split(' ') as [string, string];
    const route = p.split('/');
    return m === method && route.length === segments.length && route.every((seg, i) => seg === segments[i] || (seg === '{}' && segments[i] !== ''));
  });
}

export interface PathMention {
  file: string;
  line: number;
  path: string;
}

const REPO_DIRS = ['lib', 'infra', 'functions', 'events', 'test', 'bench', 'examples', 'docs', '.ci'];

/** Files and folders of the repository named in backticks in the prose (`lib/aws/entity.ts`, `infra/local/`). */
export function pathMentions(file: DocFile): PathMention[] {
  const found: PathMention[] = [];
  const pattern = new RegExp(`\`((?:${REPO_DIRS.map((d) => d.replace('.', '\\.')).join('|')})/[A-Za-z0-9_./-]*)\``, 'g');
  prose(file).split('\n').forEach((text, i) => {
    for (const m of text.matchAll(pattern)) found.push({ file: file.path, line: i + 1, path: m[1]! });
  });
  return found;
}

/** `npm run <script>` anywhere in the file, prose or block. */
export function npmScriptMentions(file: DocFile): { file: string; line: number; script: string }[] {
  const found: { file: string; line: number; script: string }[] = [];
  file.text.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/\bnpm run (?:--silent |-s )?([a-z][\w-]*(?::[\w-]+)*)/g)) found.push({ file: file.path, line: i + 1, script: m[1]! });
  });
  return found;
}
