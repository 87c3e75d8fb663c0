import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJava, javaMajorOf } from '../../infra/local/java.ts';
import { projectRoot } from '../../infra/local/paths.ts';

/**
 * The start's Java check (infra/local/java.ts): `npm start` on a machine
 * without Java 17+ prints one line saying what is needed and where the README
 * explains it, and exits 1; no stack trace, nothing started. The start runs
 * as `npm start` runs it (`tsx infra/local/start.ts`), with a PATH of the
 * test's making: empty, or holding a fake `java` that prints an old banner.
 */
const scratch = mkdtempSync(join(tmpdir(), 'lbs-java-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder whose only program is a `java` that prints `banner` as `java -version` does (on stderr). */
function fakeJava(name: string, banner: string): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const script = join(dir, 'java');
  // Shell built-ins only: the PATH it runs with has nothing else.
  const lines = banner.trimEnd().split('\n').map((l) => ` '${l.replaceAll("'", '')}'`).join('');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n'${lines} >&2\n`);
  chmodSync(script, 0o755);
  return dir;
}

/** `tsx infra/local/start.ts --memory` with only `path` on PATH; what it printed and how it ended. */
function startWithPath(path: string): Promise<{ code: number | null; stdout: string; stderr: string; stateDir: string }> {
  const stateDir = join(scratch, `state-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--memory', '--port', '0', '--state-dir', stateDir], {
      cwd: projectRoot,
      env: { ...process.env, PATH: path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A start that got past the check would run for good: end it so the test fails on its output, not a timeout.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr, stateDir });
    });
  });
}

/** What a person sees in the terminal: the lines printed, blank ones aside. */
const linesOf = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');

describe('npm start without a usable Java', () => {
  it('no java on PATH: one line naming what is needed and where it is explained, exit 1', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty, { recursive: true });
    const run = await startWithPath(empty);
    expect(linesOf(run.stderr)).toEqual([
      'The local stack needs Java 17 or newer for DynamoDB Local (java not found on PATH); see README → Two commands.',
    ]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    // Stopped before anything started: no state folder, no pid files, no emulator.
    expect(existsSync(run.stateDir)).toBe(false);
  });

  it('Java 11 on PATH: one line naming the version found, exit 1', async () => {
    const run = await startWithPath(fakeJava('java11', 'openjdk version "11.0.2" 2019-01-15\nOpenJDK Runtime Environment 18.9 (build 11.0.2+9)\n'));
    expect(linesOf(run.stderr)).toEqual([
      'The local stack needs Java 17 or newer for DynamoDB Local (found Java 11); see README → Two commands.',
    ]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
  });
});

describe('checkJava', () => {
  it('accepts 17 and newer, refuses older ones and banners it cannot read', () => {
    expect(checkJava({ PATH: fakeJava('java17', 'openjdk version "17.0.15" 2025-04-15\n') })).toEqual({ ok: true, major: 17 });
    expect(checkJava({ PATH: fakeJava('java21', 'openjdk version "21" 2023-09-19\n') })).toEqual({ ok: true, major: 21 });
    expect(checkJava({ PATH: fakeJava('java8', 'java version "1.8.0_392"\n') })).toEqual({ ok: false, problem: 'found Java 8' });
    expect(checkJava({ PATH: fakeJava('junk', 'Segmentation fault\n') })).toEqual({
      ok: false,
      problem: 'could not read the version from java -version: Segmentation fault',
    });
    expect(checkJava({ PATH: join(scratch, 'nowhere') })).toEqual({ ok: false, problem: 'java not found on PATH' });
  });

  it('reads the major version of each version scheme', () => {
    expect(javaMajorOf('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorOf('java version "1.8.0_392"')).toBe(8);
    expect(javaMajorOf('openjdk version "22-ea" 2024-03-19')).toBe(22);
    expect(javaMajorOf('openjdk version "11.0.2"')).toBe(11);
    expect(javaMajorOf('no version here')).toBeUndefined();
  });

  it('finds the Java this machine has (the one the local stack runs on)', () => {
    expect(checkJava()).toMatchObject({ ok: true });
  });
});
