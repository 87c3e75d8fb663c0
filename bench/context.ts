/**
 * What every benchmark scenario gets: the local stack (started once, lazily,
 * in a child process), an API client per firm, a DynamoDB client on the same
 * DynamoDB Local, the stack's request counters, and small measuring helpers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mintToken } from '../infra/local/keys.ts';
import { StackProcess } from '../infra/local/stack-process.ts';
import type { StackInfo } from '../infra/local/stack.ts';

export const root = resolve(import.meta.dirname, '..');

/** One figure. `ratio` is value ÷ baseline; `met` says whether `target` holds. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** What the baseline is, in words. */
  baselineOf?: string;
  target?: string;
  met?: boolean;
  note?: string;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Api {
  firm: string;
  token: string;
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  /** The body of a 2xx answer, or an error naming the call and the answer. */
  ok<T = any>(reply: Promise<Reply<T>>, what?: string): Promise<T>;
}

export interface Stack {
  info: StackInfo;
  /** Document client on the stack's DynamoDB Local (the bench's own requests are not counted by the stack). */
  ddb: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  api(firm?: string): Promise<Api>;
  /** DynamoDB requests the stack's handlers made since the last reset, by command. */
  metrics(): Promise<Record<string, number>>;
  resetMetrics(): Promise<void>;
  /** Each function's invocations since the last reset (count, total and longest wall-clock ms), by function name. */
  invocations(): Promise<Record<string, { count: number; totalMs: number; maxMs: number }>>;
  /** Waits until the handlers stop making DynamoDB requests (background sync work has drained). */
  settle(quietMs?: number, maxMs?: number): Promise<void>;
  /** CPU seconds used so far by the stack's processes, by program (node = handlers, pollers, fauxqs; java = DynamoDB Local). */
  cpu(): Record<string, number>;
  logFile: string;
}

export interface BenchContext {
  /** Starts the local stack on first use. */
  stack(): Promise<Stack>;
  log(message: string): void;
}

export type Scenario = (ctx: BenchContext) => Promise<Result[]>;

// ---------------------------------------------------------------------------
// Measuring helpers
// ---------------------------------------------------------------------------

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const round = (v: number, digits = 3) => Number(v.toFixed(digits));

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

/** Runs `work` over `items` with at most `limit` in flight; answers in order. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(runners);
  return out;
}

/** Polls `probe` until it answers something other than undefined/false, or throws after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Polls GET /jobs/{id} every 200 ms until the job has ended (succeeded, failed or partially failed) and
 * returns it; after `timeoutMs` fails with the progress it last reported.
 */
export async function jobEnd(api: Api, jobId: string, timeoutMs = 420_000): Promise<any> {
  let last: any;
  try {
    return await eventually(async () => {
      last = (await api.get(`/jobs/${jobId}`)).body;
      return ['succeeded', 'failed', 'partially_failed'].includes(last.status) ? last : undefined;
    }, timeoutMs, `job ${jobId} to end`, 200);
  } catch (error) {
    throw new Error(`${(error as Error).message} (last progress: ${JSON.stringify(last?.progress)})`);
  }
}

/**
 * Milliseconds from `startedAt` (Date.now() just before the POST that made the
 * job) to the job's own finish time (its updatedAt, set when it ended; same
 * machine, same clock), so the 200 ms between polls is not part of the figure.
 */
export const msUntilFinished = (startedAt: number, job: { updatedAt: string }) => Date.parse(job.updatedAt) - startedAt;

/** A result with a target: `met` is computed from the comparison. */
export function withTarget(r: Result, op: '<' | '<=' | '>' | '>=', limit: number, target: string): Result {
  const met = op === '<' ? r.value < limit : op === '<=' ? r.value <= limit : op === '>' ? r.value > limit : r.value >= limit;
  return { ...r, target, met };
}

/** Sums counters whose command names match. */
export const countOf = (metrics: Record<string, number>, commands?: readonly string[]) =>
  Object.entries(metrics)
    .filter(([name]) => !commands || commands.includes(name))
    .reduce((sum, [, n]) => sum + n, 0);

export const READ_COMMANDS = ['GetCommand', 'GetItemCommand', 'BatchGetCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetCommand', 'TransactGetItemsCommand'];

/**
 * Writes items with BatchWriteItem, 25 per request, `parallel` requests in
 * flight, retrying unprocessed items. Answers the elapsed milliseconds.
 */
export async function batchWrite(ddb: DynamoDBDocumentClient, table: string, items: readonly Record<string, unknown>[], parallel = 4): Promise<number> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25) as Record<string, unknown>[]);
  const start = performance.now();
  await pool(chunks, parallel, async (chunk) => {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
      if (requests.length) await sleep(Math.min(500, 10 * 2 ** attempt));
    }
  });
  return performance.now() - start;
}

/** CPU seconds (user + system) of a process tree, by program name, from /proc (empty where there is none). */
export function treeCpu(rootPid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let stats: { pid: number; ppid: number; comm: string; ticks: number }[];
  try {
    stats = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const raw = readFileSync(`/proc/${d}/stat`, 'utf8');
          const comm = raw.slice(raw.indexOf('(') + 1, raw.lastIndexOf(')'));
          const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
          return [{ pid: Number(d), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) }];
        } catch {
          return [];
        }
      });
  } catch {
    return out;
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of stats) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  for (const p of stats) if (tree.has(p.pid)) out[p.comm] = (out[p.comm] ?? 0) + p.ticks / 100;
  return out;
}

/** CPU seconds spent between two treeCpu() readings, by program, rounded. */
export const cpuSpent = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(Object.keys(after).map((k) => [k, round(after[k]! - (before[k] ?? 0), 2)]));

// ---------------------------------------------------------------------------
// The local stack
// ---------------------------------------------------------------------------

export interface StartedStack extends Stack {
  stop(): Promise<void>;
}

/**
 * Starts `npm start` in memory on free ports in a child process, as the
 * integration tests do. BENCH_PERSIST=1 keeps the data on disk instead, and
 * with KEEP_BENCH_STATE=1 the state folder stays after the run: a folder full
 * of history to restart the local stack on (docs/local-stack.md, restarts).
 */
export async function startStack(log: (m: string) => void): Promise<StartedStack> {
  const child = new StackProcess({
    label: 'bench',
    memory: process.env.BENCH_PERSIST !== '1',
    visibilityTimeoutSeconds: 30,
    logLevel: 'ERROR',
    // BENCH_CPU_PROF=<dir>: the stack writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    nodeArgs: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`] : [],
    startTimeoutMs: 120_000,
    stopTimeoutMs: 15_000,
    keepStateVariable: 'KEEP_BENCH_STATE',
    log,
  });
  const logFile = child.logFile;
  const started = performance.now();
  const info = await child.start();
  const pid = child.pid!;
  log(`local stack up in ${((performance.now() - started) / 1000).toFixed(1)} s at ${info.url} (log: ${logFile})`);

  const raw = new DynamoDBClient({
    region: info.region,
    endpoint: info.endpoints.dynamodb,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const ddb = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });

  async function call<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(info.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  const metrics = async () => {
    const r = await call<{ dynamodbRequests: Record<string, number> }>('GET', '/__local/metrics', undefined);
    if (r.status !== 200) throw new Error(`GET /__local/metrics: ${r.status}`);
    return { ...r.body.dynamodbRequests };
  };

  const stack: StartedStack = {
    info,
    raw,
    ddb,
    logFile,
    async api(firm = `bench-${randomUUID().slice(0, 8)}`) {
      const token = await mintToken(info.keyDir, { firm, user: 'bench', scope: 'practice accounting billing admin' });
      return {
        firm,
        token,
        get: (path) => call('GET', path, token),
        post: (path, body) => call('POST', path, token, body ?? {}),
        put: (path, body) => call('PUT', path, token, body ?? {}),
        async ok(reply, what) {
          const r = await reply;
          if (r.status >= 300) throw new Error(`${what ?? 'call'} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
          return r.body;
        },
      };
    },
    metrics,
    async invocations() {
      const r = await call<{ invocations?: Record<string, { count: number; totalMs: number; maxMs: number }> }>('GET', '/__local/metrics', undefined);
      if (r.status !== 200) throw new Error(`GET /__local/metrics: ${r.status}`);
      return { ...(r.body.invocations ?? {}) };
    },
    cpu: () => treeCpu(pid),
    async resetMetrics() {
      const r = await call('DELETE', '/__local/metrics', undefined);
      if (r.status !== 204) throw new Error(`DELETE /__local/metrics: ${r.status}`);
    },
    async settle(quietMs = 1500, maxMs = 60_000) {
      // Quiet = no handler DynamoDB request, and the stack under one core of CPU (the stream pollers alone keep
      // DynamoDB Local at ~0.2–0.6 of a core when nothing happens, more after big writes).
      const read = async () => ({ requests: countOf(await metrics()), cpu: Object.values(treeCpu(pid)).reduce((a, b) => a + b, 0) });
      let last = await read();
      const deadline = Date.now() + maxMs;
      let quietSince = Date.now();
      while (Date.now() < deadline) {
        const t = Date.now();
        await sleep(250);
        const now = await read();
        const cpuShare = (now.cpu - last.cpu) / ((Date.now() - t) / 1000);
        if (now.requests !== last.requests || cpuShare > 1) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) return;
        last = now;
      }
      log(`warning: the stack was still busy after ${maxMs} ms`);
    },
    async stop() {
      raw.destroy();
      await child.stop();
    },
  };
  return stack;
}
