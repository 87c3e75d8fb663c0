import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allRoutes } from '#lib/api/routes';
import { BillStatus } from '#lib/accounting/bills/schemas';
import { projectRoot } from '../../infra/local/paths.ts';
import { newFirm, stack } from './helpers.ts';
import { anchors, docFiles, fencedBlocks, links } from './support/markdown.ts';
import { verdictOf, type CoveredElsewhere } from './support/doc-blocks.ts';
import { runSession, sessionScript, type Substitution } from './support/doc-shell.ts';
import { isKnown, knownRoutes, npmScriptMentions, pathMentions, routeMentions } from './support/doc-references.ts';

/**
 * Every command in README.md and docs/*.md is run: here (each file's shell
 * blocks in order, in one bash session, against the local stack this suite
 * started), or by CI or another test, listed below, or marked in the markdown
 * ```sh no-run: <reason>```. A block that is none of these fails the first
 * test, so new docs cannot slip in untested. Then: every relative link leads
 * to a file (and heading) that exists, every route named is a route of the API
 * or of the local stack, every file named exists, every `npm run` script is in
 * package.json.
 */

/** Commands the docs show that run elsewhere than here; each names the file that proves it. */
const COVERED_ELSEWHERE: readonly CoveredElsewhere[] = [
  {
    command: 'npm ci && npm start',
    by: 'CI runs `npm ci` (.ci/run); `npm start` is infra/local/start.ts, which the integration suite starts for every run (global-setup.ts, StackProcess)',
    evidence: [
      { file: '.ci/run', contains: 'npm ci' },
      { file: 'package.json', contains: '"start": "tsx infra/local/start.ts"' },
      { file: 'infra/local/stack-process.ts', contains: "'infra/local/start.ts'" },
      { file: 'test/integration/global-setup.ts', contains: 'new StackProcess(' },
    ],
  },
  {
    command: 'npm ci && npm test',
    by: 'CI (.ci/run)',
    evidence: [{ file: '.ci/run', contains: 'npm ci\nnpm test' }],
  },
  {
    command: 'npm run test:chaos',
    by: 'CI (.ci/run)',
    evidence: [{ file: '.ci/run', contains: 'npm run test:chaos' }],
  },
  {
    command: 'npm start',
    by: 'the integration suite starts infra/local/start.ts, what `npm start` runs, for every run (global-setup.ts, StackProcess)',
    evidence: [
      { file: 'package.json', contains: '"start": "tsx infra/local/start.ts"' },
      { file: 'infra/local/stack-process.ts', contains: "'infra/local/start.ts'" },
    ],
  },
  {
    command: 'npm start -- --memory',
    by: 'the integration suite starts infra/local/start.ts --memory for every run (global-setup.ts, StackProcess)',
    evidence: [
      { file: 'infra/local/stack-process.ts', contains: "'--memory'" },
      { file: 'test/integration/global-setup.ts', contains: 'memory: true' },
    ],
  },
  {
    command: 'npm run client:generate',
    by: 'test/integration/typed-client.test.ts checks that api.d.ts is what generate.ts makes today (the command would rewrite a committed file)',
    evidence: [
      { file: 'package.json', contains: '"client:generate": "tsx examples/typescript-client/generate.ts"' },
      { file: 'test/integration/typed-client.test.ts', contains: 'generatedApiTypes()' },
    ],
  },
  {
    command: 'npx cdk synth',
    by: 'test/infra/nag.test.ts synthesizes the stack infra/app.ts builds and test/infra/stack.test.ts checks its template (the CLI also bundles all 29 functions: minutes)',
    evidence: [
      { file: 'test/infra/nag.test.ts', contains: 'app.synth()' },
      { file: 'test/infra/stack.test.ts', contains: 'new LawBillingSyncStack(' },
    ],
  },
];

const files = docFiles(projectRoot);
const blocks = files.flatMap(fencedBlocks);
const scratch = mkdtempSync(join(tmpdir(), 'docs-commands-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Written for a reader's `npm start`; run against this suite's stack. */
const substitutions = (firm: string): Substitution[] => [
  { from: 'http://127.0.0.1:3000', to: stack.url, why: 'the suite\'s stack listens on a free port' },
  { from: /\bfirm-1\b/g, to: firm, why: 'a fresh firm per file, so each starts from empty books' },
  { from: '.local/', to: `${stack.stateDir}/`, why: 'the suite\'s stack keeps its state (keys, mail) in a folder of its own' },
  { from: 'docs/invoice-page-1.png', to: join(scratch, 'invoice-page-1.png'), why: 'the picture is drawn aside, then compared with the committed one' },
];

describe('the commands in README.md and docs/', () => {
  it('are each run here, covered elsewhere, or marked no-run with a reason', () => {
    const refused = blocks.flatMap((b) => {
      const v = verdictOf(b, COVERED_ELSEWHERE);
      return v.kind === 'refused' ? [`${b.file}:${b.line}: ${v.problem}`] : [];
    });
    expect(refused).toEqual([]);
    expect(blocks.filter((b) => verdictOf(b, COVERED_ELSEWHERE).kind === 'run').length).toBeGreaterThan(0);
  });

  it('covered elsewhere: each claim still holds and is still used', () => {
    const stale = COVERED_ELSEWHERE.flatMap((c) => c.evidence
      .filter((e) => !readFileSync(join(projectRoot, e.file), 'utf8').includes(e.contains))
      .map((e) => `${c.command}: ${e.file} no longer contains ${JSON.stringify(e.contains)}`));
    const used = new Set(blocks.flatMap((b) => b.body.map((l) => l.replace(/\s+#\s.*$/, '').trim())));
    const unused = COVERED_ELSEWHERE.filter((c) => !used.has(c.command)).map((c) => `${c.command}: shown nowhere, drop it from the list`);
    expect([...stale, ...unused]).toEqual([]);
  });

  for (const file of files) {
    const runnable = blocks.filter((b) => b.file === file.path && verdictOf(b, COVERED_ELSEWHERE).kind === 'run');
    if (runnable.length === 0) continue;
    it(`${file.path}: its ${runnable.length} shell block(s) run in order against the local stack`, async () => {
      const session = sessionScript(runnable, substitutions(newFirm()));
      const result = await runSession(session, {
        cwd: projectRoot,
        env: { PORT: new URL(stack.url).port, LOCAL_STATE_DIR: stack.stateDir, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
        timeoutMs: 240_000,
      });
      const where = result.timedOut ? 'timed out' : result.failedAt ? `failed at ${result.failedAt}` : `exit ${result.exitCode}`;
      expect(result.exitCode, `${file.path}: ${where}\n--- stderr\n${result.stderr.slice(-3000)}\n--- stdout\n${result.stdout.slice(-3000)}`).toBe(0);
    }, 300_000);
  }

  it('docs/invoice-page-1.png is what bench/render-invoice-png.ts draws today', () => {
    const drawn = join(scratch, 'invoice-page-1.png');
    expect(existsSync(drawn), 'docs/documents.md runs the script, after which this compares').toBe(true);
    expect(readFileSync(drawn).equals(readFileSync(join(projectRoot, 'docs/invoice-page-1.png'))),
      'the committed picture is out of date: npx tsx bench/render-invoice-png.ts docs/invoice-page-1.png').toBe(true);
  });
});

describe('the names README.md and docs/ use', () => {
  it('every relative link leads to a file that exists, and a #heading that exists in it', () => {
    const broken = files.flatMap((f) => links(f).flatMap((l) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(l.target)) return []; // https:, mailto:
      const [path, anchor] = l.target.split('#') as [string, string | undefined];
      const target = path === '' ? join(projectRoot, f.path) : resolve(projectRoot, dirname(f.path), path);
      if (!existsSync(target)) return [`${l.file}:${l.line}: ${l.target} (no such file)`];
      if (anchor && target.endsWith('.md')) {
        const doc = { path: target, text: readFileSync(target, 'utf8') };
        if (!anchors(doc).has(anchor)) return [`${l.file}:${l.line}: ${l.target} (no such heading)`];
      }
      return [];
    }));
    expect(broken).toEqual([]);
  });

  it('every route named is a route of the API (lib/api/routes.ts) or of the local stack', () => {
    const known = knownRoutes(projectRoot, allRoutes());
    const unknown = files.flatMap(routeMentions).filter((m) => !isKnown(known, m.key)).map((m) => `${m.file}:${m.line}: ${m.text}`);
    expect(unknown).toEqual([]);
    expect(files.flatMap(routeMentions).length).toBeGreaterThan(20);
  });

  it('every file or folder named in the prose exists (or is one the code writes and git ignores)', () => {
    const ignored = readFileSync(join(projectRoot, '.gitignore'), 'utf8').split('\n').map((l) => l.trim());
    const missing = files.flatMap(pathMentions)
      .filter((m) => !existsSync(join(projectRoot, m.path)) && !ignored.includes(m.path))
      .map((m) => `${m.file}:${m.line}: ${m.path}`);
    expect(missing).toEqual([]);
  });

  it('the bill state diagram in docs/billing.md has exactly the statuses of the code (BillStatus)', () => {
    const billing = files.find((f) => f.path === 'docs/billing.md')!;
    const diagram = fencedBlocks(billing).find((b) => b.language === 'mermaid' && b.body.some((l) => l.trim().startsWith('stateDiagram')));
    expect(diagram, 'docs/billing.md draws the bill workflow as a Mermaid stateDiagram').toBeDefined();
    const states = new Set(diagram!.body.flatMap((l) => [...l.matchAll(/([\w*[\]]+)\s*-->\s*([\w*[\]]+)/g)].flatMap((m) => [m[1]!, m[2]!])));
    states.delete('[*]');
    expect([...states].sort()).toEqual([...BillStatus.options].sort());
  });

  it('every `npm run` script named is in package.json', () => {
    const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const missing = files.flatMap(npmScriptMentions).filter((m) => !(m.script in scripts)).map((m) => `${m.file}:${m.line}: npm run ${m.script}`);
    expect(missing).toEqual([]);
  });
});
