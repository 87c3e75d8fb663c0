import type { IncomingMessage } from 'node:http';
import type { SQSRecord } from 'aws-lambda';
import type { LocalEndpoint } from './http-server.ts';
import { firmOf } from './queue-poller.ts';
import type { StackInfo } from './stack.ts';
import type { MetricsSink } from './metrics-sink.ts';

/**
 * Chaos switches of the queue pollers: the firms whose queued messages are
 * all delivered twice (as SQS may), and how many batches were.
 */
export interface Chaos {
  readonly duplicateFirms: Set<string>;
  readonly counts: { duplicatedBatches: number };
  /** For a queue poller: deliver this batch a second time? (Counts it when so.) */
  deliverTwice(records: SQSRecord[]): boolean;
}

export function chaosSwitches(): Chaos {
  const duplicateFirms = new Set<string>();
  const counts = { duplicatedBatches: 0 };
  return {
    duplicateFirms,
    counts,
    deliverTwice: (records) => {
      const twice = duplicateFirms.size > 0 && records.some((r) => duplicateFirms.has(firmOf(r) ?? ''));
      if (twice) counts.duplicatedBatches++;
      return twice;
    },
  };
}

/** What the local endpoints reach into. The lib modules come in loaded (they read their configuration at import). */
export interface LocalRoutesDeps {
  /** The signing key the local authorizer checks tokens against. */
  jwks: unknown;
  /** The stack's endpoints, once it is up. */
  info: () => StackInfo | undefined;
  scheduler: { readonly names: readonly string[]; runNow(name: string): Promise<unknown> };
  faults: { armFault(point: string, times?: number, firmId?: string): void; clearFaults(): void };
  /** DynamoDB requests the handlers made, by command (lib/aws/dynamodb). */
  dynamoRequests: Record<string, number>;
  /** The handlers' CloudWatch metrics (lib/shared/metrics.ts), summed from their EMF lines. */
  metrics: MetricsSink;
  chaos: Chaos;
  /** Each function's invocations since the last reset: count, total and longest duration in ms (what Lambda's Duration metric shows). */
  invocations: Record<string, InvocationStats>;
}

export interface InvocationStats {
  count: number;
  totalMs: number;
  maxMs: number;
}

type Reply = { status: number; body: unknown };
type Route = (body: string, url: URL) => Promise<Reply> | Reply;

const noContent: Reply = { status: 204, body: null };
const parsed = <T>(body: string) => JSON.parse(body || '{}') as T;

/**
 * The endpoints only the local stack has, beside the API: the JWKS of the
 * local signing key, and under /__local/ the stack's info, running a schedule
 * now, fault injection, DynamoDB request counters, the handlers' CloudWatch
 * metrics (`?firmId=` for one firm's), the functions' invocation durations and
 * the chaos switches.
 * Answers undefined for any other path (the API's router takes it).
 */
export function localRoutes(d: LocalRoutesDeps): LocalEndpoint {
  const routes = new Map<string, Route>(Object.entries({
    'GET /.well-known/jwks.json': () => ({ status: 200, body: d.jwks }),
    'GET /__local/info': () => ({ status: 200, body: d.info() }),
    'POST /__local/faults': (body) => {
      const { point, times, firmId } = parsed<{ point: string; times?: number; firmId?: string }>(body);
      d.faults.armFault(point, times ?? 1, firmId);
      return noContent;
    },
    'DELETE /__local/faults': () => {
      d.faults.clearFaults();
      return noContent;
    },
    'GET /__local/metrics': (_, url) => {
      const firmId = url.searchParams.get('firmId');
      const { sums, samples } = firmId ? d.metrics.ofFirm(firmId) : d.metrics.totals();
      return { status: 200, body: { dynamodbRequests: d.dynamoRequests, ...d.chaos.counts, metrics: sums, metricSamples: samples, invocations: d.invocations } };
    },
    'DELETE /__local/metrics': () => {
      for (const key of Object.keys(d.dynamoRequests)) delete d.dynamoRequests[key];
      for (const key of Object.keys(d.invocations)) delete d.invocations[key];
      d.metrics.reset();
      return noContent;
    },
    'POST /__local/chaos': (body) => {
      const { firmId, duplicateDeliveries } = parsed<{ firmId: string; duplicateDeliveries: boolean }>(body);
      if (duplicateDeliveries) d.chaos.duplicateFirms.add(firmId);
      else d.chaos.duplicateFirms.delete(firmId);
      return noContent;
    },
  } satisfies Record<string, Route>));

  const runSchedule = async (name: string): Promise<Reply> => {
    if (!d.scheduler.names.includes(name)) return { status: 404, body: { error: 'no such schedule', schedules: d.scheduler.names } };
    return { status: 200, body: (await d.scheduler.runNow(name)) ?? null };
  };

  return async (req: IncomingMessage, body: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const route = routes.get(`${req.method} ${path}`);
    if (route) return route(body, url);
    if (!path.startsWith('/__local/')) return undefined;
    const schedule = /^\/__local\/schedules\/(\w+)$/.exec(path);
    if (req.method === 'POST' && schedule) return runSchedule(schedule[1]!);
    return { status: 404, body: { error: 'unknown local endpoint' } };
  };
}
