import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { mintToken, type TokenRequest } from '../../infra/local/keys.ts';
import { assertContract } from './support/contract.ts';

export const stack = inject('stack');

const clientConfig = () => ({ region: stack.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
export const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...clientConfig(), endpoint: stack.endpoints.dynamodb }));
export const sqs = new SQSClient({ ...clientConfig(), endpoint: stack.endpoints.sqs });

/** A fresh firm per test: firms are isolated, so tests never see each other's data. */
export const newFirm = () => `firm-${randomUUID().slice(0, 8)}`;

export const ALL_SCOPES = 'practice accounting billing admin';

export const token = (firm: string, scope = ALL_SCOPES, extra: Partial<TokenRequest> = {}) =>
  mintToken(stack.keyDir, { firm, user: 'user-1', scope, ...extra });

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string | undefined; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(stack.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  let json: unknown;
  try {
    parsed = json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  await assertContract(stack.url, method, path, { status: res.status, contentType: res.headers.get('content-type') ?? '', json, headers: res.headers });
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** An API client bound to one firm's token. */
export async function client(firm: string, scope = ALL_SCOPES) {
  const t = await token(firm, scope);
  return {
    token: t,
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, { token: t, ...(headers ? { headers } : {}) }),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, { token: t, body, ...(headers ? { headers } : {}) }),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, { token: t, body, ...(headers ? { headers } : {}) }),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', path, { token: t, body, ...(headers ? { headers } : {}) }),
  };
}
export type Client = Awaited<ReturnType<typeof client>>;

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until a record's link leaves `pending`, and returns it. */
export const settledRecord = (api: Client, path: string, timeoutMs = 15_000) =>
  eventually(async () => {
    const r = await api.get(path);
    return r.status === 200 && r.body.link.status !== 'pending' ? r.body : undefined;
  }, timeoutMs, `${path} to settle`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function armFault(point: string, firmId: string, times = 1) {
  const res = await fetch(`${stack.url}/__local/faults`, { method: 'POST', body: JSON.stringify({ point, firmId, times }) });
  if (res.status !== 204) throw new Error(`could not arm fault: ${res.status}`);
}

export async function runSchedule(name: string): Promise<any> {
  const res = await fetch(`${stack.url}/__local/schedules/${name}`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`schedule ${name}: ${res.status} ${await res.text()}`);
  return res.json();
}

export const person = (name: string, extra: Record<string, unknown> = {}) => ({ kind: 'person', name, ...extra });

export interface LocalMetrics {
  /** CloudWatch metric name (or `Name{dimension=value}`) → sum, as the stack summed its handlers' EMF lines. */
  metrics: Record<string, number>;
  /** The same keys → how many values were emitted. */
  metricSamples: Record<string, number>;
}

/** The handlers' CloudWatch metrics (`GET /__local/metrics`): all of them, or those of one firm's lines. */
export async function localMetrics(firmId?: string): Promise<LocalMetrics> {
  const res = await fetch(`${stack.url}/__local/metrics${firmId ? `?firmId=${encodeURIComponent(firmId)}` : ''}`);
  if (res.status !== 200) throw new Error(`GET /__local/metrics: ${res.status}`);
  return (await res.json()) as LocalMetrics;
}
