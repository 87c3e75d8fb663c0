import { describeError, failJob } from '../jobs/job.entity.ts';

/**
 * What a queue consumer does when the last delivery of a message fails too:
 * make the failure visible where the user looks (a link in `error`, a job
 * `failed` with the reason, a bill counted as failed), and say what becomes
 * of the message.
 */
export type GiveUp<M> = (message: M, error: unknown) => Promise<GiveUpOutcome>;

export type GiveUpOutcome =
  /**
   * The failure is shown, and the message still goes to the DLQ: once the
   * cause is fixed, a redrive applies it after all (every consumer is
   * idempotent, so what was shown is then simply superseded).
   */
  | 'shown'
  /**
   * The failure was answered for good (practice was told its entries were
   * refused and has unlocked them): applying the message later would
   * contradict that answer, so it is done and does not go to the DLQ.
   */
  | 'answered'
  /** Nothing can be said about it (a booked export batch): it fails once more, into the DLQ. */
  | 'not_given_up';

/** Gives up on a job's message by ending its job `failed`, with what went wrong (and what the user can do). */
export const failingItsJob =
  <M extends { jobId: string }>(reason: (what: string) => string): GiveUp<M> =>
  async (message, error) => {
    await failJob(message.jobId, reason(describeError(error)));
    return 'shown';
  };

/** Gives up only on the messages `applies` picks, with `giveUp`; any other fails into the DLQ. */
export const onlyFor =
  <M, N extends M>(applies: (message: M) => message is N, giveUp: GiveUp<N>): GiveUp<M> =>
  (message, error) =>
    applies(message) ? giveUp(message, error) : Promise.resolve('not_given_up');
