import { Worker } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import type { Context } from 'aws-lambda';
import type { AnyHandler } from '../lambda-context.ts';
import type { ContextData, FromWorker, SerializedError, WorkerInit } from './worker-protocol.ts';

export interface FunctionWorkerSpec {
  name: string;
  /** The local runtime (runtime.ts, built) the thread starts with. */
  runtimeFile: string;
  init: WorkerInit;
  /** The thread's whole process.env. */
  env: Record<string, string>;
  memoryMb: number;
  timeoutSeconds: number;
}

/** Each line a thread writes, written whole to this process's stream (so the metrics sink reads EMF lines as in-process). */
function forwardLines(from: Readable, to: NodeJS.WriteStream): void {
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) to.write(`${line}\n`);
  });
  from.on('end', () => pending && to.write(`${pending}\n`));
}

function revive(e: SerializedError): Error {
  const error = Object.assign(new Error(e.message), e.fields ?? {});
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * One declared function running from its bundle in a worker thread of its
 * own: Lambda's container, locally. Invocations are sent to it and may run
 * concurrently (the pollers' concurrency, the API's requests), as on an
 * instance with AWS_LAMBDA_MAX_CONCURRENCY. The thread's heap is capped at the
 * template's MemorySize. A thread that dies (a crash, out of memory) fails the
 * invocations it was running, and the next invocation starts a fresh one, as
 * Lambda replaces a failed container.
 */
export class FunctionWorker {
  private worker: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 0;
  private stopped = false;

  constructor(private readonly spec: FunctionWorkerSpec) {}

  /** Starts the thread and runs the function's init (its bundle's import); rejects with the init error. */
  start(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(this.spec.runtimeFile, {
        workerData: this.spec.init,
        env: this.spec.env,
        execArgv: [],
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: this.spec.memoryMb },
        name: this.spec.name,
      });
      forwardLines(worker.stdout, process.stdout);
      forwardLines(worker.stderr, process.stderr);
      let ready = false;
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          ready = true;
          this.worker = worker;
          this.starting = undefined;
          return resolve(worker);
        }
        const call = this.pending.get(m.id);
        if (!call) return;
        this.pending.delete(m.id);
        if (m.type === 'result') call.resolve(m.result);
        else call.reject(revive(m.error));
      });
      // 'error' is followed by 'exit': the first of them tells, once.
      let ended = false;
      const gone = (error: Error) => {
        if (ended) return;
        ended = true;
        if (this.worker === worker) this.worker = undefined;
        if (!ready) {
          this.starting = undefined;
          return reject(new Error(`${this.spec.name}: init failed: ${error.stack ?? error.message}`));
        }
        for (const call of this.pending.values()) call.reject(error);
        this.pending.clear();
      };
      worker.on('error', gone);
      worker.on('exit', (code) =>
        gone(new Error(this.stopped ? `${this.spec.name}: stopped with the local stack` : `${this.spec.name}: the runtime exited (code ${code}) (Runtime.ExitError)`)),
      );
    });
    return this.starting;
  }

  /** The function as the pollers, the API and the scheduler call it: forwarded to its thread. */
  readonly invoke: AnyHandler = async (event: unknown, context: Context) => {
    if (this.stopped) throw new Error(`${this.spec.name}: the local stack is stopping`);
    const worker = await this.start();
    const id = ++this.nextId;
    const data: ContextData = {
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: String(this.spec.memoryMb),
      awsRequestId: context.awsRequestId,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      deadline: Date.now() + this.spec.timeoutSeconds * 1000,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'invoke', id, event, context: data });
    });
  };

  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker ?? (await this.starting?.catch(() => undefined));
    await worker?.terminate();
  }
}
