import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './dynamodb.ts';
import { inFlight } from '../shared/in-flight.ts';

type Key = Record<string, unknown>;
type Item = Record<string, unknown>;

/** DynamoDB's own limits per request. */
const GETS_PER_REQUEST = 100;
const PUTS_PER_REQUEST = 25;

/** Backs off before asking again for what DynamoDB left unprocessed (throttling): 40 ms, 80 ms, … up to 1 s. */
const backOff = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));

const chunksOf = <T>(all: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, i * size + size));

/** BatchGetItem requests in flight at once: a 10,000-line bill's entries are 100 of them. */
const GETS_IN_FLIGHT = 4;

/**
 * Items by key with BatchGetItem, strongly consistent, one request per 100
 * keys (GETS_IN_FLIGHT at once), asking again for unprocessed keys.
 */
export async function batchGet(table: string, keys: readonly Key[]): Promise<Item[]> {
  const found: Item[] = [];
  await inFlight(chunksOf(keys, GETS_PER_REQUEST), GETS_IN_FLIGHT, async (chunk) => {
    let pending: Key[] | undefined = chunk;
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await backOff(attempt);
      const out = await ddb.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[table] ?? []));
      pending = out.UnprocessedKeys?.[table]?.Keys as Key[] | undefined;
    }
  });
  return found;
}

/**
 * Puts items with BatchWriteItem, 25 per request, all requests in parallel,
 * asking again for unprocessed items. No conditions: only for items nobody
 * else writes before `deadline` (epoch ms). Every request is aborted at the
 * deadline, so none is sent after it; a caller that gets an error must
 * finish another way.
 */
export async function batchPutBefore(table: string, items: readonly Item[], deadline: number): Promise<void> {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('batchPutBefore: the deadline has passed');
  const abortSignal = AbortSignal.timeout(left);
  await Promise.all(
    chunksOf(items.map((Item) => ({ PutRequest: { Item } })), PUTS_PER_REQUEST).map(async (chunk) => {
      let pending: typeof chunk | undefined = chunk;
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await backOff(attempt);
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }), { abortSignal });
        pending = out.UnprocessedItems?.[table] as typeof chunk | undefined;
      }
    }),
  );
}

/**
 * Deletes items by key with BatchWriteItem, 25 per request, a few requests at
 * a time, asking again for unprocessed ones. No conditions: only for items
 * nobody writes any more (the lines of a deleted bill).
 */
export async function batchDelete(table: string, keys: readonly Key[]): Promise<void> {
  const chunks = chunksOf(keys.map((Key) => ({ DeleteRequest: { Key } })), PUTS_PER_REQUEST);
  for (let i = 0; i < chunks.length; i += 8) {
    await Promise.all(chunks.slice(i, i + 8).map(async (chunk) => {
      let pending: typeof chunk | undefined = chunk;
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await backOff(attempt);
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = out.UnprocessedItems?.[table] as typeof chunk | undefined;
      }
    }));
  }
}
