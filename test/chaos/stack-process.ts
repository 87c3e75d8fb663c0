import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StackInfo } from '../../infra/local/stack.ts';
import { freePort, PidRegistry } from '../../infra/local/processes.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * A local stack with data on disk that a test can kill with SIGKILL and start
 * again on the same port and data, like a crashed deployment coming back.
 */
export class KillableStack {
  private child: ChildProcess | undefined;
  readonly stateDir = mkdtempSync(join(tmpdir(), 'lbs-chaos-'));
  info!: StackInfo;
  port = 0;
  kills = 0;

  async start(): Promise<StackInfo> {
    if (!this.port) this.port = await freePort();
    const readyFile = join(this.stateDir, `ready-${Date.now()}.json`);
    const log = openSync(join(this.stateDir, 'stack.log'), 'a');
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', 'infra/local/start.ts', '--port', String(this.port), '--state-dir', this.stateDir, '--ready-file', readyFile,
        '--visibility-timeout', '10', '--redrive-after', '5', '--schedule-every-ms', '3600000', '--log-level', 'ERROR'],
      { cwd: root, stdio: ['ignore', log, log] },
    );
    const deadline = Date.now() + 120_000;
    while (!existsSync(readyFile)) {
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`stack did not start: ${readFileSync(join(this.stateDir, 'stack.log'), 'utf8').slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    this.info = JSON.parse(readFileSync(readyFile, 'utf8')) as StackInfo;
    return this.info;
  }

  /** SIGKILL: no shutdown hook runs; whatever was in flight is cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.kills++;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    // Killed runs (and a stop cut short) leave DynamoDB Local's JVM running; the pids it recorded say which.
    new PidRegistry(join(this.stateDir, 'pids')).reapOrphans();
    if (process.env.KEEP_TEST_STATE !== '1') rmSync(this.stateDir, { recursive: true, force: true });
  }
}
