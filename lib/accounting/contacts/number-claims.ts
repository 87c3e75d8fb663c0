import type { NumberingSequence } from '#events/contact';
import { accountingKeys, accountingStore } from '../store.ts';
import { TransactionRefused, type TxItem } from '../../aws/book-store.ts';
import { Conflict } from '../../shared/errors.ts';
import { Retry } from '../../shared/retry.ts';
import { autoNumber, counterAfter } from './numbering.ts';

export class DuplicateNumber extends Conflict {
  constructor(readonly number: string) {
    super('duplicate_number', `Contact number "${number}" is already used by another contact.`);
  }
}

const readCounter = async (firmId: string, sequence: NumberingSequence) =>
  (await accountingStore.get<{ value: number }>(firmId, accountingKeys.contactCounter(sequence)))?.value ?? 0;

/** Moves a counter from `from` to `to`, only if it still stands at `from`. */
function moveCounter(firmId: string, sequence: NumberingSequence, from: number, to: number): TxItem {
  return {
    Update: {
      TableName: accountingStore.table,
      Key: { pk: `FIRM#${firmId}`, sk: accountingKeys.contactCounter(sequence) },
      UpdateExpression: 'SET #value = :to',
      ConditionExpression: from === 0 ? 'attribute_not_exists(#value) OR #value = :from' : '#value = :from',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    },
  };
}

export interface NumberRequest {
  firmId: string;
  sequence: NumberingSequence;
  /** A hand-given number; absent = the next number of the sequence. */
  requested?: string | undefined;
  contactId: string;
  /** The number this contact holds now (and its sequence), released in the same transaction. */
  releasing?: { sequence: NumberingSequence; number: string } | undefined;
}

/**
 * Takes a contact number and commits it together with `items` (the contact,
 * its message...) in one transaction: the number's claim item must not exist
 * and the counter must not have moved since it was read. So two contacts can
 * never hold one number, and automatic numbers have no gaps. A taken
 * hand-given number throws DuplicateNumber and writes nothing; a taken
 * automatic number is skipped. Lost races are retried by the caller's
 * `retrying`.
 */
export async function commitWithNumber(request: NumberRequest, build: (number: string) => TxItem[]): Promise<string> {
  const { firmId, sequence, requested, contactId, releasing } = request;
  const counter = await readCounter(firmId, sequence);
  const number = requested ?? autoNumber(counter);
  const target = counterAfter(counter, number);
  const own = build(number);
  const claim = accountingStore.putUnique(firmId, accountingKeys.contactNumber(sequence, number), { contactId, number, sequence });
  const items = [...own, claim];
  if (target !== undefined) items.push(moveCounter(firmId, sequence, counter, target));
  if (releasing) items.push(accountingStore.delete(firmId, accountingKeys.contactNumber(releasing.sequence, releasing.number)));
  try {
    await accountingStore.commit(items);
    return number;
  } catch (error) {
    if (!(error instanceof TransactionRefused)) throw error;
    if (error.failedAt(own.length)) {
      if (requested !== undefined) throw new DuplicateNumber(number);
      // A hand-given number already sits where the counter points: step over it.
      await accountingStore.commit([moveCounter(firmId, sequence, counter, counter + 1)]).catch(() => undefined);
      throw new Retry('automatic number was taken');
    }
    if (target !== undefined && error.failedAt(own.length + 1)) throw new Retry('counter moved');
    throw error;
  }
}
