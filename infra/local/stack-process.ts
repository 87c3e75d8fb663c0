import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';
import { freePort, PidRegistry } from './processes.ts';
import type { StackInfo } from './stack.ts';

/** How a stack child process is started and stopped; what the integration tests, the chaos tests and the bench differ in. */
export interface StackProcessOptions {
  /** Names the fresh temporary state directory (`lbs-<label>-…`): keys, data, mail, pid files, the log. */
  label: string;
  /** Throw-away data (`--memory`); otherwise the data stays on disk in the state directory and survives a kill and start. */
  memory: boolean;
  /**
   * Pick one free port before the first start and come back on it after every kill (clients keep their
   * address, like a restarted deployment). Otherwise each start takes any free port.
   */
  samePortOnRestart?: boolean;
  /** `--visibility-timeout`, `--redrive-after`, `--number-grace`, `--schedule-every-ms`, `--log-level` of infra/local/start.ts. */
  visibilityTimeoutSeconds?: number;
  redriveAfterSeconds?: number;
  numberGraceSeconds?: number;
  scheduleEveryMs?: number;
  logLevel: string;
  /** `--bundled`: the functions from their deployed bundles, IAM checked (infra/local/bundled/). */
  bundled?: boolean;
  /** Node options before the entry point (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** How long a start may take before it is given up (the child killed, the log's tail in the error). */
  startTimeoutMs: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  stopTimeoutMs: number;
  /** When this environment variable is `1`, stop() leaves the state directory in place (to read the log). */
  keepStateVariable: string;
  /** Told when a stop had to resort to SIGKILL. */
  log?: (message: string) => void;
}

/** What of the log an error about a failed start shows. */
const LOG_TAIL_CHARS = 4000;

const isRunning = (child: ChildProcess | undefined): child is ChildProcess => !!child && child.exitCode === null && child.signalCode === null;

/** Resolves when the child has exited (at once if it already has). */
const exitOf = (child: ChildProcess): Promise<void> =>
  isRunning(child) ? new Promise((resolve) => child.once('exit', () => resolve())) : Promise.resolve();

const within = (ms: number, work: Promise<void>) => Promise.race([work, new Promise<void>((r) => setTimeout(r, ms).unref())]);

/**
 * The local stack (`infra/local/start.ts`) in a child process, as the
 * integration tests, the chaos tests and the bench run it: started on free
 * ports with a state directory of its own, ready once it has written its
 * ready file, stopped with SIGTERM (SIGKILL if it hangs), and cleaned up
 * after, including a DynamoDB Local JVM that a killed stack left behind.
 */
export class StackProcess {
  readonly stateDir: string;
  readonly logFile: string;
  /** The running stack's endpoints, tables and queues; set by start(). */
  info!: StackInfo;
  /** The HTTP API's port (known before the first start with samePortOnRestart). */
  port = 0;
  /** SIGKILLs dealt by kill(). */
  kills = 0;
  private child: ChildProcess | undefined;
  private starts = 0;

  constructor(private readonly options: StackProcessOptions) {
    this.stateDir = mkdtempSync(join(tmpdir(), `lbs-${options.label}-`));
    this.logFile = join(this.stateDir, 'stack.log');
  }

  /** The stack process's pid (its emulators are its children). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the stack (again, after kill(), on the same data) and answers once it is ready. */
  async start(): Promise<StackInfo> {
    const o = this.options;
    if (isRunning(this.child)) throw new Error('The local stack is running already');
    if (o.samePortOnRestart && !this.port) this.port = await freePort();
    const port = o.samePortOnRestart ? this.port : 0;
    // A file per start: a restart never mistakes the last run's ready file for its own.
    const readyFile = join(this.stateDir, `ready-${++this.starts}.json`);
    const flags: [string, number | string | undefined][] = [
      ['--port', port],
      ['--state-dir', this.stateDir],
      ['--ready-file', readyFile],
      ['--visibility-timeout', o.visibilityTimeoutSeconds],
      ['--redrive-after', o.redriveAfterSeconds],
      ['--number-grace', o.numberGraceSeconds],
      ['--schedule-every-ms', o.scheduleEveryMs],
      ['--log-level', o.logLevel],
    ];
    const log = openSync(this.logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        ...(o.nodeArgs ?? []),
        '--import', 'tsx',
        'infra/local/start.ts',
        ...(o.memory ? ['--memory'] : []),
        ...(o.bundled ? ['--bundled'] : []),
        ...flags.flatMap(([flag, value]) => (value === undefined ? [] : [flag, String(value)])),
      ],
      { cwd: projectRoot, stdio: ['ignore', log, log], env: { ...process.env, PORT: String(port), ...o.env } },
    );
    closeSync(log); // the child has its own copy
    this.child = child;

    const deadline = Date.now() + o.startTimeoutMs;
    while (!existsSync(readyFile)) {
      if (!isRunning(child) || Date.now() > deadline) {
        const exited = exitOf(child);
        child.kill('SIGKILL');
        await exited;
        this.reap();
        throw new Error(`The local stack did not start:\n${readFileSync(this.logFile, 'utf8').slice(-LOG_TAIL_CHARS)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    this.info = JSON.parse(readFileSync(readyFile, 'utf8')) as StackInfo;
    if (!this.port) this.port = Number(new URL(this.info.url).port);
    return this.info;
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is cut off (start() brings it back on the same data). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!isRunning(child)) return;
    const exited = exitOf(child);
    child.kill('SIGKILL');
    await exited;
    this.kills++;
  }

  /** Sends `signal` to the stack process alone (as `kill -INT <pid>` would; its emulators are left to it). */
  signal(signal: NodeJS.Signals): void {
    if (!isRunning(this.child)) throw new Error('The local stack is not running');
    this.child.kill(signal);
  }

  /** How the stack process ended, once it has (at once if it already had); undefined if it is still running after `withinMs`. */
  async exited(withinMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
    const child = this.child;
    if (!child) throw new Error('The local stack was never started');
    await within(withinMs, exitOf(child));
    const { exitCode: code, signalCode: signal } = child;
    return code === null && signal === null ? undefined : { code, signal };
  }

  /** kill() then start(): a crashed deployment coming back. */
  async restart(): Promise<StackInfo> {
    await this.kill();
    return this.start();
  }

  /** SIGTERM (SIGKILL if it has not stopped in time), then the state directory goes, unless asked to keep it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (isRunning(child)) {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      await within(this.options.stopTimeoutMs, exited);
      if (isRunning(child)) {
        this.options.log?.('the local stack did not stop on SIGTERM: SIGKILL');
        child.kill('SIGKILL');
        await within(5_000, exited);
      }
    }
    this.reap();
    if (process.env[this.options.keepStateVariable] !== '1') rmSync(this.stateDir, { recursive: true, force: true });
  }

  /** A stack killed (or cut short in its stop) leaves DynamoDB Local's JVM running; the pids it recorded say which. */
  private reap(): void {
    new PidRegistry(join(this.stateDir, 'pids')).reapOrphans();
  }
}
