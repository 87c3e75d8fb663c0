import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, stack } from '../helpers.ts';

/**
 * What a firm has stored, read straight from the stack's DynamoDB: the number
 * of items under `pk = FIRM#<firm>` in each book table and the number of its
 * jobs (the jobs table is keyed by job, so its items are found by `firmId`).
 */
export interface FirmCounts {
  practice: number;
  accounting: number;
  jobs: number;
}

const firmPk = (firm: string) => `FIRM#${firm}`;

async function countPartition(table: string, firm: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': firmPk(firm) },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Items of the jobs table that belong to the firm's jobs (the job items themselves). */
export async function countJobs(firm: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new ScanCommand({
        TableName: stack.tables.jobs,
        FilterExpression: 'firmId = :f',
        ExpressionAttributeValues: { ':f': firm },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Item counts of both book tables (cheap: two COUNT queries). */
export async function bookCounts(firm: string): Promise<Omit<FirmCounts, 'jobs'>> {
  const [practice, accounting] = await Promise.all([
    countPartition(stack.tables.practice, firm),
    countPartition(stack.tables.accounting, firm),
  ]);
  return { practice, accounting };
}

export async function firmCounts(firm: string): Promise<FirmCounts> {
  const [books, jobs] = await Promise.all([bookCounts(firm), countJobs(firm)]);
  return { ...books, jobs };
}

export type Item = Record<string, unknown>;

async function partitionItems(table: string, firm: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': firmPk(firm) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of the firm in both books, keyed `practice|<sk>` / `accounting|<sk>`. */
export async function firmItems(firm: string): Promise<Map<string, Item>> {
  const [practice, accounting] = await Promise.all([
    partitionItems(stack.tables.practice, firm),
    partitionItems(stack.tables.accounting, firm),
  ]);
  const out = new Map<string, Item>();
  for (const item of practice) out.set(`practice|${String(item.sk)}`, item);
  for (const item of accounting) out.set(`accounting|${String(item.sk)}`, item);
  return out;
}

/** A comparable picture of the firm: every book item (whole) and the number of its jobs. */
export interface FirmSnapshot {
  counts: FirmCounts;
  items: Map<string, string>;
}

export async function snapshot(firm: string): Promise<FirmSnapshot> {
  const [items, counts] = await Promise.all([firmItems(firm), firmCounts(firm)]);
  return { counts, items: new Map([...items].map(([k, v]) => [k, stableJson(v)])) };
}

/** What changed between two snapshots, in words ([] when nothing did). */
export function diffSnapshots(before: FirmSnapshot, after: FirmSnapshot): string[] {
  const changes: string[] = [];
  for (const key of ['practice', 'accounting', 'jobs'] as const) {
    if (before.counts[key] !== after.counts[key]) changes.push(`${key} item count ${before.counts[key]} → ${after.counts[key]}`);
  }
  for (const [key, value] of after.items) {
    const old = before.items.get(key);
    if (old === undefined) changes.push(`new item ${key}`);
    else if (old !== value) changes.push(`changed item ${key}`);
  }
  for (const key of before.items.keys()) if (!after.items.has(key)) changes.push(`deleted item ${key}`);
  return changes;
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Set)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v instanceof Set
        ? [...v].sort()
        : v,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the firm's books stop changing (sync messages, balances and jobs
 * run after a request has been answered): the whole snapshot must stay the
 * same for `stableMs`. Gives up quietly after `maxMs` and returns whether it
 * settled.
 */
export async function waitQuiet(firm: string, options: { stableMs?: number; maxMs?: number; full?: boolean } = {}): Promise<boolean> {
  const stableMs = options.stableMs ?? 600;
  const deadline = Date.now() + (options.maxMs ?? 15_000);
  const read = async () =>
    options.full === false ? stableJson(await bookCounts(firm)) : stableJson([...(await snapshot(firm)).items].sort());
  let last = await read();
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(Math.min(150, stableMs / 3));
    const now = await read();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= stableMs) {
      return true;
    }
  }
  return false;
}

/** Paths of every object key named `name` anywhere in the value. */
export function keysNamed(value: unknown, name: string, path = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${k}` : k;
    if (k === name) found.push(here);
    found.push(...keysNamed(v, name, here));
  }
  return found;
}
