import { Conflict } from './errors.ts';

/** Thrown inside `retrying` when a guarded write lost a race and the work should start again from a fresh read. */
export class Retry extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Retry';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Optimistic concurrency: run `attempt` (read, decide, conditional write)
 * until it commits, with jittered backoff between tries. Only lost races are
 * retried; every other error goes straight up.
 */
export async function retrying<T>(attempt: () => Promise<T>, tries = 12): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      // A cancelled transaction that lost to another writer says so with `transient`.
      const raced = error instanceof Retry || (error as { transient?: unknown })?.transient === true;
      if (!raced) throw error;
      if (i + 1 >= tries) {
        throw new Conflict('busy', 'The record is being changed by others right now; please retry.');
      }
      await sleep(Math.random() * Math.min(200, 5 * 2 ** i));
    }
  }
}
