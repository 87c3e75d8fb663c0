import type { ScheduledEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { lambdaContext, type AnyHandler } from './lambda-context.ts';
import { LOCAL_REGION } from './emulators.ts';

export interface ScheduledFunction {
  name: string;
  handler: AnyHandler;
  everyMs: number;
}

/**
 * The local stand-in for EventBridge schedules: each function runs on its
 * period (never two runs of one function at once), and `runNow` runs one
 * immediately (used by npm scripts and tests).
 */
export function startScheduler(fns: ScheduledFunction[], onError: (error: unknown) => void) {
  const running = new Map<string, Promise<unknown>>();

  function run(fn: ScheduledFunction): Promise<unknown> {
    const current = running.get(fn.name);
    if (current) return current;
    const event: ScheduledEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date().toISOString(),
      region: LOCAL_REGION,
      resources: [`arn:aws:events:${LOCAL_REGION}:000000000000:rule/${fn.name}`],
      detail: {},
    };
    const promise = fn
      .handler(event, lambdaContext(fn.name, 900))
      .finally(() => running.delete(fn.name));
    running.set(fn.name, promise);
    return promise;
  }

  const timers = fns.map((fn) => setInterval(() => void run(fn).catch(onError), fn.everyMs));
  return {
    names: fns.map((f) => f.name),
    runNow: (name: string) => {
      const fn = fns.find((f) => f.name === name);
      if (!fn) throw new Error(`No scheduled function ${name}`);
      return run(fn);
    },
    stop: async () => {
      timers.forEach(clearInterval);
      await Promise.allSettled(running.values());
    },
  };
}
