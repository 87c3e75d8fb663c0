import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry } from '../../shared/retry.ts';
import { sameNumber } from '#events/contact-number';
import { numberingEntity, type NumberSpaceName } from '../entities/numbering.entity.ts';

/**
 * A number space of the accounting book (a contact sequence, file numbers):
 * which counter and claims it has (see entities/numbering.entity.ts), how the
 * next number is written, and which counter value a hand-given number stands for.
 */
export interface NumberSpace {
  name: NumberSpaceName;
  format: (counter: number) => string;
  /** The counter value a number stands for, if it is one of the space's own shape. */
  valueOf: (number: string) => number | undefined;
}

export class DuplicateNumber extends Conflict {
  constructor(
    readonly number: string,
    what = 'contact',
    /** How the holder spelled it, when that differs (`ABC` for `abc`, `124` for `0124`). */
    heldAs?: string,
  ) {
    super('duplicate_number', `The ${what} number "${number}" is already in use${heldAs && heldAs !== number ? ` (as "${heldAs}")` : ''}.`);
  }
}

export interface NumberRequest {
  firmId: string;
  space: NumberSpace;
  /** A hand-given number; absent = the next number of the space. */
  requested?: string | undefined;
  ownerId: string;
  /** The number of the space the owner holds now, freed in the same transaction. */
  releasing?: string | undefined;
  /** Names the thing numbered in a DuplicateNumber message. */
  what?: string;
}

/** Races for a counter are retried inside commitWithNumber, re-reading only the counter, this many times. */
const COUNTER_RACES = 16;
/**
 * Taken numbers an automatic number steps over are found by reading the
 * claims after it: first a few (one taken number above the counter is the
 * common case), then up to 100 per read (one BatchGetItem). After this many
 * reads (about 1,900 numbers) the call gives up with Retry; the counter has
 * moved past what was read, so the next try goes on from there.
 */
const PROBE_FIRST = 10;
const PROBE_MORE = 100;
const PROBES = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What one attempt claims and where it moves the counter (pure). A
 * hand-given number is claimed as typed; if it has the space's shape it sets
 * the counter to its value, forwards or backwards (the seed's way to reset a
 * sequence). An automatic number is the one after the counter, or `free` (the
 * first number after it that was not taken when the claims were read), and
 * the counter moves to it.
 */
export function attemptPlan(
  space: NumberSpace,
  counter: number,
  requested: string | undefined,
  free?: number,
): { number: string; target: number | undefined } {
  if (requested !== undefined) {
    const value = space.valueOf(requested);
    return { number: requested, target: value !== undefined && value !== counter ? value : undefined };
  }
  const value = free !== undefined && free > counter ? free : counter + 1;
  return { number: space.format(value), target: value };
}

/** The first of `count` numbers from `from` that no claim holds, if any (a hint: the claim itself decides). */
async function firstFree(firmId: string, space: NumberSpace, from: number, count: number): Promise<number | undefined> {
  const candidates = Array.from({ length: count }, (_, i) => from + i);
  const taken = await numberingEntity.taken(firmId, space.name, candidates.map(space.format));
  return candidates.find((n) => !taken.has(space.format(n)));
}

/**
 * Takes a number and commits it together with `items` (the record, its
 * message...) in one transaction: the number's claim item must not exist and
 * the counter must not have moved since it was read. So two records never
 * hold one number (in any spelling: claims are keyed by the number's
 * comparison form), and automatic numbers have no gaps. A taken hand-given
 * number throws DuplicateNumber and writes nothing; a taken automatic number
 * is stepped over. A hand-given number of the space's shape sets the counter
 * to its value, forwards or backwards.
 *
 * Stepping over: after a reset into a range where numbers are taken, the
 * next automatic number reads the claims after the candidate (10, then 100 at
 * a time) and claims the first free one, moving the counter over the taken
 * ones in the same conditional write; if a whole window is taken, the counter
 * is moved past it on its own (conditionally: those numbers are all held), so
 * no one reads them again. The read is only a hint: a number claimed
 * meanwhile fails the claim and is stepped over in turn.
 *
 * Concurrent creations race for the counter. A lost race is retried here at
 * once, re-reading only the counter (not everything the caller read before),
 * which keeps a burst of new contacts from turning into a storm of full
 * retries. A refusal of the caller's own items (its record changed, a
 * duplicate delivery got there first) goes straight back to the caller.
 *
 * `releasing` another spelling of the requested number (`ABC` → `abc`) is no
 * renumbering: the claim stays, the counter stays, only the items commit.
 */
export async function commitWithNumber(request: NumberRequest, build: (number: string) => TxItem[]): Promise<string> {
  const { firmId, space, requested, ownerId } = request;
  if (requested !== undefined && request.releasing !== undefined && sameNumber(requested, request.releasing)) {
    await commit(build(requested));
    return requested;
  }
  let releasing = request.releasing;
  let counter = await numberingEntity.counter(firmId, space.name);
  let free: number | undefined;
  let races = 0;
  let probes = 0;
  for (;;) {
    const { number, target } = attemptPlan(space, counter, requested, free);
    const own = build(number);
    const claimAt = own.length;
    const items = [...own, numberingEntity.claim(firmId, space.name, number, ownerId)];
    const counterAt = target !== undefined ? items.push(numberingEntity.moveCounter(firmId, space.name, counter, target)) - 1 : -1;
    const releaseAt = releasing ? items.push(numberingEntity.release(firmId, space.name, releasing, ownerId)) - 1 : -1;
    try {
      await commit(items);
      return number;
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (own.some((_, i) => error.failedAt(i))) throw error;
      const counterMoved = counterAt >= 0 && (error.failedAt(counterAt) || error.codes[counterAt] === 'TransactionConflict');
      if (releaseAt >= 0 && error.failedAt(releaseAt)) {
        // The old number's claim is not ours (a claim from before comparison keys): nothing of ours to free.
        releasing = undefined;
      } else if (error.failedAt(claimAt) && !counterMoved) {
        if (requested !== undefined) throw new DuplicateNumber(number, request.what, await numberingEntity.heldAs(firmId, space.name, number));
        if (++probes > PROBES) throw new Retry('many numbers taken after the counter');
        const from = target! + 1;
        const window = probes === 1 ? PROBE_FIRST : PROBE_MORE;
        free = await firstFree(firmId, space, from, window);
        if (free !== undefined) continue;
        // The whole window is taken too: move the counter past it (only from where it stood), and read it again.
        await commit([numberingEntity.moveCounter(firmId, space.name, counter, from + window - 1)]).catch((e: unknown) => {
          if (!(e instanceof TransactionRefused)) throw e;
        });
        counter = await numberingEntity.counter(firmId, space.name);
        continue;
      } else if (!counterMoved && !error.transient) {
        throw error;
      }
      if (++races >= COUNTER_RACES) throw new Retry('number counter busy');
      // Another creation took the next number first: take the one after it, after a moment's jitter.
      await sleep(Math.random() * Math.min(20, 2 ** races));
      counter = await numberingEntity.counter(firmId, space.name);
      // A number found free after the old counter says nothing about the numbers after a new one (it may have gone back).
      free = undefined;
    }
  }
}
