import { describeError, failJob } from '../jobs/job.entity.ts';

/**
 * What a queue consumer does when the last delivery of a message fails too
 * (the next stop would be the DLQ, where nobody looks): make the failure
 * visible where the user looks, a link in `error`, a job `failed` with the
 * reason, a bill counted as failed. It answers true when it did so (the
 * message is then done), false when this message cannot be given up on
 * (it fails once more, into the DLQ, for a redrive).
 */
export type GiveUp<M> = (message: M, error: unknown) => Promise<boolean>;

/** Gives up on a job's message by ending its job `failed`, with what went wrong (and what the user can do). */
export const failingItsJob =
  <M extends { jobId: string }>(reason: (what: string) => string): GiveUp<M> =>
  async (message, error) => {
    await failJob(message.jobId, reason(describeError(error)));
    return true;
  };

/** Gives up only on the messages `applies` picks, with `giveUp`; any other fails into the DLQ. */
export const onlyFor =
  <M, N extends M>(applies: (message: M) => message is N, giveUp: GiveUp<N>): GiveUp<M> =>
  (message, error) =>
    applies(message) ? giveUp(message, error) : Promise.resolve(false);
