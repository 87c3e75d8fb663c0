import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { StackInfo } from '../../infra/local/stack.ts';
import { PidRegistry } from '../../infra/local/processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts one local stack for the integration run, exactly as `npm start`
 * does but in memory, on free ports and with short timeouts, in a child
 * process (so it can also be killed and restarted like a real deployment).
 */
export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(join(tmpdir(), 'lbs-test-'));
  const readyFile = join(stateDir, 'ready.json');
  const logFile = join(stateDir, 'stack.log');
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import', 'tsx',
      'infra/local/start.ts',
      '--memory',
      '--port', '0',
      '--state-dir', stateDir,
      '--ready-file', readyFile,
      '--visibility-timeout', '2',
      '--redrive-after', '3',
      '--schedule-every-ms', '3600000',
      '--log-level', process.env.TEST_LOG_LEVEL ?? 'WARN',
    ],
    { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, PORT: '0' } },
  );
  const deadline = Date.now() + 90_000;
  while (!existsSync(readyFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The local stack did not start:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const info = JSON.parse(readFileSync(readyFile, 'utf8')) as StackInfo;
  project.provide('stack', info);

  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    // A stack killed mid-stop leaves DynamoDB Local's JVM running; the pids it recorded say which.
    new PidRegistry(join(stateDir, 'pids')).reapOrphans();
    if (process.env.KEEP_TEST_STATE !== '1') rmSync(stateDir, { recursive: true, force: true });
  };
}
