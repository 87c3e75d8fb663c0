import type { FencedBlock } from './markdown.ts';

/**
 * Which fenced blocks of the docs are commands, and what becomes of each:
 *
 * - ```` ```sh ```` and ```` ```bash ````: run by the docs test, in order, one session per file;
 * - ```` ```sh no-run: <reason> ````: not run here, for the reason given (AWS only, minutes of benchmark);
 * - a shell block whose every command is on the test's list of commands covered elsewhere
 *   (CI runs `npm ci && npm test`): not run here, the list says where it is;
 * - any other language (`text`, `json`, `mermaid`, `ts`): not a command.
 *
 * Anything else is refused, so a command cannot slip into the docs untested:
 * a fence without a language, a shell under another name (`console`, `shell`,
 * `zsh`), `no-run` without a reason, a block mixing commands run elsewhere
 * with commands to run here.
 */

export const SHELL_LANGUAGES = ['sh', 'bash'] as const;
/** Info strings that hold commands but that the test would not know to run: write `sh` or `bash` instead. */
const OTHER_SHELLS = ['shell', 'console', 'zsh', 'fish', 'ksh', 'shell-session', 'sh-session', 'terminal', 'powershell', 'ps1', 'cmd', 'bat'];

/** A command the docs show that runs somewhere else than in this test, and the file that shows it does. */
export interface CoveredElsewhere {
  command: string;
  /** Where it runs, in words. */
  by: string;
  /** Each of these files must contain its string, or the claim is stale. */
  evidence: readonly { file: string; contains: string }[];
}

/**
 * Commands that must never run inside the suite, whatever the block says: they reinstall the
 * node_modules the running suite (and, through a worktree's symlink, others) reads from, start a
 * second stack, run the suite itself, deploy, or take the machine for minutes.
 */
const NEVER_HERE = [/\bnpm (ci|install|i)\b/, /\bnpm (start|test)\b/, /\bnpm run (test|bench)\b/, /\bcdk deploy\b/];

export type Verdict =
  | { kind: 'run' }
  | { kind: 'excused'; reason: string }
  | { kind: 'not-a-command' }
  | { kind: 'refused'; problem: string };

/** The lines of a block that are commands: not blank, not comments, a trailing ` # comment` cut off. */
export const commandLines = (block: FencedBlock): string[] =>
  block.body.map((l) => l.replace(/\s+#\s.*$/, '').trim()).filter((l) => l !== '' && !l.startsWith('#'));

export function verdictOf(block: FencedBlock, covered: readonly CoveredElsewhere[]): Verdict {
  if (block.info === '') return { kind: 'refused', problem: 'a fence without a language: write ```sh (commands, run by the test), ```text, ```json, …' };
  if (OTHER_SHELLS.includes(block.language)) return { kind: 'refused', problem: `\`\`\`${block.language}: write \`\`\`sh or \`\`\`bash so the test runs it (or \`sh no-run: <reason>\`)` };
  if (!(SHELL_LANGUAGES as readonly string[]).includes(block.language)) return { kind: 'not-a-command' };

  const rest = block.info.slice(block.language.length).trim();
  if (rest.startsWith('no-run')) {
    const reason = rest.slice('no-run'.length).replace(/^[:\s]+/, '').trim();
    return reason.length >= 10
      ? { kind: 'excused', reason }
      : { kind: 'refused', problem: `\`${block.info}\`: say why it is not run (\`sh no-run: <reason>\`)` };
  }
  if (rest !== '') return { kind: 'refused', problem: `\`${block.info}\`: the only annotation a shell block takes is \`no-run: <reason>\`` };

  const lines = commandLines(block);
  const elsewhere = lines.map((l) => covered.find((c) => c.command === l));
  if (lines.length > 0 && elsewhere.every(Boolean)) {
    return { kind: 'excused', reason: elsewhere.map((c) => `\`${c!.command}\`: ${c!.by}`).join('; ') };
  }
  const dangerous = lines.filter((l) => NEVER_HERE.some((p) => p.test(l)));
  if (dangerous.length) {
    return { kind: 'refused', problem: `${dangerous.join(', ')} may not run inside the test: list it as covered elsewhere, or mark the block \`sh no-run: <reason>\`` };
  }
  if (elsewhere.some(Boolean)) {
    const which = lines.filter((_, i) => elsewhere[i]);
    return { kind: 'refused', problem: `mixes commands covered elsewhere (${which.join(', ')}) with commands to run: put them in blocks of their own` };
  }
  return { kind: 'run' };
}
