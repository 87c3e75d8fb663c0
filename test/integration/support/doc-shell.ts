import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FencedBlock } from './markdown.ts';

/**
 * Runs a markdown file's shell blocks the way a reader pastes them: all of one
 * file, in order, in one bash session (so a variable set in one block is
 * there in the next), with errexit and pipefail, so a command that fails (a
 * `curl -f` on an HTTP error, a `jq -e` whose test is false) stops the session.
 * The error names the markdown line of the failing command.
 */

/** A text the docs write for a reader's machine and what the test runs instead (the port, the state folder). */
export interface Substitution {
  from: string | RegExp;
  to: string;
  why: string;
}

export interface SessionScript {
  script: string;
  /** Script line (1-based) → `file:line` of the markdown it came from. */
  origin: Map<number, string>;
}

const PRELUDE = [
  'set -Eeuo pipefail',
  'shopt -s inherit_errexit',
  // $LINENO is this script's line; the runner turns it back into the markdown's.
  'trap \'echo "docs-commands: exit $? at script line $LINENO: $BASH_COMMAND" >&2\' ERR',
];

export function sessionScript(blocks: readonly FencedBlock[], substitutions: readonly Substitution[]): SessionScript {
  const lines = [...PRELUDE];
  const origin = new Map<number, string>();
  for (const block of blocks) {
    lines.push(`# ── ${block.file}:${block.line}`);
    block.body.forEach((text, i) => {
      const replaced = substitutions.reduce((t, s) => t.replaceAll(s.from, s.to), text);
      lines.push(replaced);
      origin.set(lines.length, `${block.file}:${block.line + 1 + i}`);
    });
  }
  return { script: `${lines.join('\n')}\n`, origin };
}

export interface SessionResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Where the failing command is in the markdown, when the session failed on one. */
  failedAt?: string;
  timedOut: boolean;
}

export function runSession(s: SessionScript, options: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<SessionResult> {
  // From a file, not stdin: a command that reads its stdin must not eat the rest of the script.
  const dir = mkdtempSync(join(tmpdir(), 'docs-session-'));
  const file = join(dir, 'session.sh');
  writeFileSync(file, s.script);
  return new Promise<SessionResult>((resolve, reject) => {
    const child = spawn('bash', [file], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole group: bash and whatever it started (npm, curl).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone already
      }
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const line = [...stderr.matchAll(/docs-commands: exit \d+ at script line (\d+)/g)].map((m) => Number(m[1])).at(-1);
      const failedAt = line === undefined ? undefined : s.origin.get(line) ?? `script line ${line}`;
      resolve({ exitCode, stdout, stderr, timedOut, ...(failedAt ? { failedAt } : {}) });
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}
