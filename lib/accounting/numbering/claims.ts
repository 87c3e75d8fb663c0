import { accountingStore } from '../store.ts';
import { firmPk, TransactionRefused, type TxItem } from '../../aws/book-store.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry } from '../../shared/retry.ts';

/**
 * A number space of the accounting book (a contact sequence, file numbers):
 * where its counter lives, which item holds a number, how the next number is
 * written, and which counter value a hand-given number stands for.
 */
export interface NumberSpace {
  counterKey: string;
  claimKey: (number: string) => string;
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

export const readCounter = async (firmId: string, space: Pick<NumberSpace, 'counterKey'>) =>
  (await accountingStore.get<{ value: number }>(firmId, space.counterKey))?.value ?? 0;

/** Moves a counter from `from` to `to`, only if it still stands at `from`. */
export function moveCounter(firmId: string, space: Pick<NumberSpace, 'counterKey'>, from: number, to: number): TxItem {
  return {
    Update: {
      TableName: accountingStore.table,
      Key: { pk: firmPk(firmId), sk: space.counterKey },
      UpdateExpression: 'SET #value = :to',
      ConditionExpression: from === 0 ? 'attribute_not_exists(#value) OR #value = :from' : '#value = :from',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    },
  };
}

export interface NumberRequest {
  firmId: string;
  space: NumberSpace;
  /** A hand-given number; absent = the next number of the space. */
  requested?: string | undefined;
  ownerId: string;
  /** The claim item of the number the owner holds now, freed in the same transaction. */
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
  let counter = await readCounter(firmId, space);
  for (let race = 0; ; race++) {
    const number = requested ?? space.format(counter + 1);
    const value = requested === undefined ? counter + 1 : space.valueOf(number);
    const target = value !== undefined && value > counter ? value : undefined;
    const own = build(number);
    const claim = own.length;
    const counterAt = target !== undefined ? own.length + 1 : -1;
    const items = [...own, accountingStore.putUnique(firmId, space.claimKey(number), { ownerId, number })];
    if (target !== undefined) items.push(moveCounter(firmId, space, counter, target));
    if (releasing) items.push(accountingStore.delete(firmId, releasing));
    try {
      await accountingStore.commit(items);
      return number;
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (own.some((_, i) => error.failedAt(i))) throw error;
      const counterMoved = counterAt >= 0 && (error.failedAt(counterAt) || error.codes[counterAt] === 'TransactionConflict');
      if (error.failedAt(claim) && !counterMoved) {
        if (requested !== undefined) throw new DuplicateNumber(number, request.what);
        // A hand-given number already sits where the counter points: step over it.
        await accountingStore.commit([moveCounter(firmId, space, counter, counter + 1)]).catch(() => undefined);
      } else if (!counterMoved && !error.transient) {
        throw error;
      }
      if (race + 1 >= COUNTER_RACES) throw new Retry('number counter busy');
      // Another creation took the next number first: take the one after it, after a moment's jitter.
      await sleep(Math.random() * Math.min(20, 2 ** race));
      counter = await readCounter(firmId, space);
    }
  }
}
