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

/**
 * Takes a number and commits it together with `items` (the record, its
 * message...) in one transaction: the number's claim item must not exist and
 * the counter must not have moved since it was read. So two records never
 * hold one number, and automatic numbers have no gaps. A taken hand-given
 * number throws DuplicateNumber and writes nothing; a taken automatic number is
 * stepped over. A hand-given number of the space's shape beyond the counter
 * moves the counter on to it. Lost races throw Retry for the caller's `retrying`.
 */
export async function commitWithNumber(request: NumberRequest, build: (number: string) => TxItem[]): Promise<string> {
  const { firmId, space, requested, ownerId, releasing } = request;
  const counter = await readCounter(firmId, space);
  const number = requested ?? space.format(counter + 1);
  const value = requested === undefined ? counter + 1 : space.valueOf(number);
  const target = value !== undefined && value > counter ? value : undefined;
  const own = build(number);
  const items = [...own, accountingStore.putUnique(firmId, space.claimKey(number), { ownerId, number })];
  if (target !== undefined) items.push(moveCounter(firmId, space, counter, target));
  if (releasing) items.push(accountingStore.delete(firmId, releasing));
  try {
    await accountingStore.commit(items);
    return number;
  } catch (error) {
    if (!(error instanceof TransactionRefused)) throw error;
    if (error.failedAt(own.length)) {
      if (requested !== undefined) throw new DuplicateNumber(number, request.what);
      // A hand-given number already sits where the counter points: step over it.
      await accountingStore.commit([moveCounter(firmId, space, counter, counter + 1)]).catch(() => undefined);
      throw new Retry('automatic number was taken');
    }
    if (target !== undefined && error.failedAt(own.length + 1)) throw new Retry('counter moved');
    throw error;
  }
}
