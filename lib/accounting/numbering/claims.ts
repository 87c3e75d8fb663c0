import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry } from '../../shared/retry.ts';
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
  ) {
    super('duplicate_number', `The ${what} number "${number}" is already in use.`);
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes a number and commits it together with `items` (the record, its
 * message...) in one transaction: the number's claim item must not exist and
 * the counter must not have moved since it was read. So two records never
 * hold one number, and automatic numbers have no gaps. A taken hand-given
 * number throws DuplicateNumber and writes nothing; a taken automatic number is
 * stepped over. A hand-given number of the space's shape beyond the counter
 * moves the counter on to it.
 *
 * Concurrent creations race for the counter. A lost race is retried here at
 * once, re-reading only the counter (not everything the caller read before),
 * which keeps a burst of new contacts from turning into a storm of full
 * retries. A refusal of the caller's own items (its record changed, a
 * duplicate delivery got there first) goes straight back to the caller.
 */
export async function commitWithNumber(request: NumberRequest, build: (number: string) => TxItem[]): Promise<string> {
  const { firmId, space, requested, ownerId, releasing } = request;
  let counter = await numberingEntity.counter(firmId, space.name);
  for (let race = 0; ; race++) {
    const number = requested ?? space.format(counter + 1);
    const value = requested === undefined ? counter + 1 : space.valueOf(number);
    const target = value !== undefined && value > counter ? value : undefined;
    const own = build(number);
    const claim = own.length;
    const counterAt = target !== undefined ? own.length + 1 : -1;
    const items = [...own, numberingEntity.claim(firmId, space.name, number, ownerId)];
    if (target !== undefined) items.push(numberingEntity.moveCounter(firmId, space.name, counter, target));
    if (releasing) items.push(numberingEntity.release(firmId, space.name, releasing));
    try {
      await commit(items);
      return number;
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (own.some((_, i) => error.failedAt(i))) throw error;
      const counterMoved = counterAt >= 0 && (error.failedAt(counterAt) || error.codes[counterAt] === 'TransactionConflict');
      if (error.failedAt(claim) && !counterMoved) {
        if (requested !== undefined) throw new DuplicateNumber(number, request.what);
        // A hand-given number already sits where the counter points: step over it.
        await commit([numberingEntity.moveCounter(firmId, space.name, counter, counter + 1)]).catch(() => undefined);
      } else if (!counterMoved && !error.transient) {
        throw error;
      }
      if (race + 1 >= COUNTER_RACES) throw new Retry('number counter busy');
      // Another creation took the next number first: take the one after it, after a moment's jitter.
      await sleep(Math.random() * Math.min(20, 2 ** race));
      counter = await numberingEntity.counter(firmId, space.name);
    }
  }
}
