import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintToken } from '../../infra/local/keys.ts';
import type { StackProcess } from '../../infra/local/stack-process.ts';

/**
 * The HTTP API of a stack the test starts and stops itself (the shared
 * integration stack's helpers read the one global setup provides). Requests
 * cut off while the stack is down between a kill and its restart are sent again.
 */
export async function stackApi(stack: StackProcess, firm: string) {
  const token = await mintToken(join(stack.stateDir, 'keys'), { firm, user: 'chaos', scope: 'practice accounting billing admin' });

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`http://127.0.0.1:${stack.port}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      } catch (error) {
        if (attempt > 200) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };

  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Polls every `everyMs` until the record's link is synchronized, and returns it. */
  const synchronized = (path: string, timeoutMs = 60_000, everyMs = 250) =>
    until(async () => {
      const r = await call('GET', path);
      return r.status === 200 && r.body.link.status === 'synchronized' ? r.body : undefined;
    }, timeoutMs, `${path} synchronized`, everyMs);

  return { call, ok, synchronized };
}

/** Polls `probe` until it answers something, or the time is up. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe().catch((error: unknown) => void (last = error));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}${last ? ` (last: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The pid of the DynamoDB Local JVM the stack recorded (infra/local/processes.ts PidRegistry). */
export function dynamoPid(stack: StackProcess): number {
  const dir = join(stack.stateDir, 'pids');
  const file = readdirSync(dir).find((f) => f.startsWith(`dynamodb-${stack.pid}.`));
  if (!file) throw new Error(`no DynamoDB pid file of stack ${stack.pid} in ${dir}`);
  return (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { pid: number }).pid;
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
