import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ddb, cancellationCodes } from './dynamodb.ts';
import { PreconditionFailed } from '../shared/errors.ts';
import { Retry, retrying } from '../shared/retry.ts';
import { inFlight } from '../shared/in-flight.ts';

/**
 * Writes that must happen together. Entity modules make the items (each
 * with its own condition); use cases put them in one list and commit it.
 * A transaction may span tables: a book's record, the jobs table and the
 * outbox commit as one.
 */
export type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction that was cancelled: the reason code of each item, in order. */
export class TransactionRefused extends Error {
  constructor(readonly codes: string[]) {
    super(`Transaction cancelled: ${codes.join(', ')}`);
    this.name = 'TransactionRefused';
  }
  /** Lost a race (another writer changed a guarded item) or was throttled: re-read and retry. */
  get transient(): boolean {
    return this.codes.some((c) => c === 'TransactionConflict' || c === 'ThrottlingError');
  }
  failedAt(index: number): boolean {
    return this.codes[index] === 'ConditionalCheckFailed';
  }
}

/** Whether an error is a refused transaction whose item at `index` failed its condition. */
export const refusedAt = (error: unknown, index: number): boolean => error instanceof TransactionRefused && error.failedAt(index);

/**
 * A one-item "transaction" as the plain conditional write it amounts to: the
 * same guarantee, half the write capacity of TransactWriteItems on DynamoDB,
 * and far less work for DynamoDB Local. Failures read as the transaction's
 * would, so callers cannot tell the difference.
 */
async function commitOne(item: TxItem): Promise<void> {
  try {
    if (item.Put) await ddb.send(new PutCommand(item.Put));
    else if (item.Update) await ddb.send(new UpdateCommand(item.Update as UpdateCommandInput));
    else if (item.Delete) await ddb.send(new DeleteCommand(item.Delete));
    else throw new Error('commitOne: an item must be a Put, an Update or a Delete');
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'ConditionalCheckFailedException') throw new TransactionRefused(['ConditionalCheckFailed']);
    if (name === 'TransactionConflictException') throw new TransactionRefused(['TransactionConflict']);
    throw error;
  }
}

/** Runs the items as one transaction; a cancellation becomes TransactionRefused. */
export async function commit(items: TxItem[]): Promise<void> {
  if (items.length === 1 && !items[0]!.ConditionCheck) return commitOne(items[0]!);
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes) throw new TransactionRefused(codes);
    throw error;
  }
}

/**
 * Commits guarded updates that are each idempotent on their own (mark this
 * entry billed, if it is not yet), up to 100 per transaction: an item whose
 * condition fails is already done and is dropped, and the rest go again.
 */
export async function commitSkippingDone(items: TxItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 100) {
    let chunk = items.slice(i, i + 100);
    let refusals = 0;
    await retrying(async () => {
      // Refused twice: many of them are done (a redelivered message), and a cancellation may name only the first
      // failed item (DynamoDB Local does), so dropping them one transaction at a time would take up to 100 rounds.
      if (refusals >= 2) return eachSkippingDone(chunk);
      try {
        if (chunk.length) await commit(chunk);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        const done = new Set(chunk.filter((_, j) => error.failedAt(j)));
        if (!done.size) throw error;
        chunk = chunk.filter((item) => !done.has(item));
        refusals++;
        throw new Retry('some items were already done');
      }
    });
  }
}

/** The items each as its own conditional write, a few at once; one whose condition fails is done. */
async function eachSkippingDone(items: TxItem[]): Promise<void> {
  await inFlight(items, 8, async (item) => {
    await retrying(async () => {
      try {
        await commitOne(item);
      } catch (error) {
        if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
      }
    });
  });
}

/** The record an update's first item guards, and the If-Match the caller sent (entity modules make it: `guard`). */
export interface VersionGuard {
  ifMatch: number | undefined;
  /** The record's version now (0 when it is gone), read only to explain a refusal. */
  currentVersion: () => Promise<number>;
}

/**
 * Commits an update whose first item is a version-guarded record put. If
 * that guard fails, the caller's If-Match was stale (412, naming the current
 * version) or, without If-Match, the work is retried from a fresh read.
 */
export async function commitUpdate(items: TxItem[], guard: VersionGuard): Promise<void> {
  try {
    await commit(items);
  } catch (error) {
    await explainConflict(error, guard);
  }
}

/** Rethrows a failed update's error as what it means for a guarded record (412 or Retry). */
export async function explainConflict(error: unknown, guard: VersionGuard): Promise<never> {
  if (!refusedAt(error, 0)) throw error;
  if (guard.ifMatch === undefined) throw new Retry('the record changed meanwhile');
  throw new PreconditionFailed(guard.ifMatch, await guard.currentVersion());
}
