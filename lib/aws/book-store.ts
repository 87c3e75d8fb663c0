import { GetCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from './dynamodb.ts';
import type { TxItem } from './transactions.ts';
import { batchDelete, batchGet, batchPutBefore } from './batch-requests.ts';
import { oldestFirst, pendingIndexKeys, pendingPartitions } from './pending-index.ts';
import { decodeCursor, decodeIndexCursor, encodeCursor } from './cursors.ts';
import type { Page, PageOptions } from '../shared/page.ts';

/** The key of everything a firm owns in a book. */
export const firmPk = (firmId: string) => `FIRM#${firmId}`;

/** A record with the attributes every stored record has. */
export interface StoredRecord {
  firmId: string;
  id: string;
  version: number;
  link?: { status: string };
  sync?: { sentAt: string };
}

/**
 * Storage of one book's table: records keyed by firm, written only with
 * version conditions, with the sparse `pending` index kept in step with each
 * record's link status. Both books use it on their own table.
 */
export class BookStore {
  constructor(private readonly tableName: () => string) {}

  get table(): string {
    return this.tableName();
  }

  async get<T>(firmId: string, sk: string): Promise<T | undefined> {
    const out = await ddb.send(new GetCommand({ TableName: this.table, Key: { pk: firmPk(firmId), sk }, ConsistentRead: true }));
    return out.Item as T | undefined;
  }

  /** Several of a firm's items by sort key, in one round trip per 100 (strongly consistent). */
  async getMany<T>(firmId: string, sks: readonly string[]): Promise<Map<string, T>> {
    const items = await batchGet(this.table, [...new Set(sks)].map((sk) => ({ pk: firmPk(firmId), sk })));
    return new Map(items.map((item) => [item.sk as string, item as T]));
  }

  /** Every item under a prefix (for small sets such as a firm's rate labels). */
  async all<T>(firmId: string, prefix: string): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': firmPk(firmId), ':prefix': prefix },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((out.Items ?? []) as T[]).map(strip));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Keys under a prefix (for small fan-outs such as "matters waiting for this contact"). */
  async keysUnder(firmId: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': firmPk(firmId), ':prefix': prefix },
          ProjectionExpression: 'sk',
          ExclusiveStartKey: start,
        }),
      );
      keys.push(...(out.Items ?? []).map((i) => i.sk as string));
      start = out.LastEvaluatedKey;
    } while (start);
    return keys;
  }

  /** A plain put, for items that carry no version (idempotent facts like a link map). */
  put(firmId: string, sk: string, attributes: Record<string, unknown>): TxItem {
    return { Put: { TableName: this.table, Item: { ...attributes, pk: firmPk(firmId), sk } } };
  }

  /**
   * A put of a record guarded by its version: `expected` null means it must be
   * new. The stored item also carries its key and pending-index attributes.
   */
  putRecord<T extends StoredRecord>(sk: string, record: T, expected: number | null): TxItem {
    const item: Record<string, unknown> = { ...(record as object), pk: firmPk(record.firmId), sk };
    if (record.link?.status === 'pending' && record.sync) Object.assign(item, pendingIndexKeys(record.firmId, sk, record.sync.sentAt));
    return {
      Put: {
        TableName: this.table,
        Item: item,
        ...(expected === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } }),
      },
    };
  }

  /** A put of a small item that must not exist yet (a number claim, a link map). */
  putUnique(firmId: string, sk: string, attributes: Record<string, unknown>): TxItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...attributes, pk: firmPk(firmId), sk },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /**
   * One item's update on its own, outside any transaction (a counter moved by
   * ADD: writes to one item serialize instead of conflicting), answering the
   * item as it stands after it. A failed condition throws
   * ConditionalCheckFailedException (`isConditionFailure`).
   */
  async update<T>(firmId: string, sk: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key' | 'ReturnValues'>): Promise<T> {
    const out = await ddb.send(new UpdateCommand({ ...update, TableName: this.table, Key: { pk: firmPk(firmId), sk }, ReturnValues: 'ALL_NEW' }));
    return out.Attributes as T;
  }

  /** `update` under a condition: answers whether the condition held (and the update was made). */
  async updateIf(firmId: string, sk: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key' | 'ReturnValues'> & { ConditionExpression: string }): Promise<boolean> {
    try {
      await this.update(firmId, sk, update);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  delete(firmId: string, sk: string): TxItem {
    return { Delete: { TableName: this.table, Key: { pk: firmPk(firmId), sk } } };
  }

  /** Deletes items nobody writes any more, without conditions, 25 a request. */
  async deleteMany(firmId: string, sks: readonly string[]): Promise<void> {
    await batchDelete(this.table, sks.map((sk) => ({ pk: firmPk(firmId), sk })));
  }

  /**
   * Writes new records without conditions, for records that nobody else can
   * write before `deadline` (epoch ms; the caller holds a lease on them): see
   * batchPutBefore. A caller that gets an error must finish another way.
   */
  async putOwned(firmId: string, records: readonly { sk: string; attributes: Record<string, unknown> }[], deadline: number): Promise<void> {
    await batchPutBefore(this.table, records.map((r) => ({ ...r.attributes, pk: firmPk(firmId), sk: r.sk })), deadline);
  }

  /**
   * A page of a firm's records under a key prefix, optionally filtered in
   * code. Pages until `limit` matches are found, so filtering never returns
   * short pages early; the cursor is the key of the last item returned.
   */
  async list<T>(
    firmId: string,
    prefix: string,
    options: PageOptions<T>,
  ): Promise<Page<T>> {
    const pk = firmPk(firmId);
    let startKey = options.cursor ? decodeCursor(options.cursor, pk, prefix) : undefined;
    const items: T[] = [];
    let lastKey: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ExclusiveStartKey: startKey,
          Limit: options.filter ? Math.max(100, options.limit) : options.limit + 1,
        }),
      );
      for (const raw of out.Items ?? []) {
        const item = raw as T & { sk: string };
        if (options.filter && !options.filter(item)) continue;
        if (items.length === options.limit) {
          return { items: items.map(strip), nextCursor: encodeCursor(lastKey!) };
        }
        items.push(item);
        lastKey = { pk, sk: item.sk };
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return { items: items.map(strip), nextCursor: null };
  }

  /**
   * A page of one of the list indexes (gsi1..3): items whose index key is
   * `indexPk`, optionally with the index sort key between `from` and `to`, in
   * sort-key order, filtered in code. The cursor names the last item returned
   * and must come from the same list.
   */
  async listIndex<T>(
    index: 'gsi1' | 'gsi2' | 'gsi3',
    indexPk: string,
    options: { from?: string; to?: string; limit: number; cursor?: string | undefined; filter?: (item: T) => boolean },
  ): Promise<Page<T>> {
    const pkAttr = `${index}pk`;
    const skAttr = `${index}sk`;
    let startKey = options.cursor ? decodeIndexCursor(options.cursor, pkAttr, indexPk) : undefined;
    const range =
      options.from !== undefined && options.to !== undefined
        ? ` AND #sk BETWEEN :from AND :to`
        : options.from !== undefined
          ? ` AND #sk >= :from`
          : options.to !== undefined
            ? ` AND #sk <= :to`
            : '';
    const items: T[] = [];
    let lastKey: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: index,
          KeyConditionExpression: `#pk = :pk${range}`,
          ExpressionAttributeNames: { '#pk': pkAttr, ...(range ? { '#sk': skAttr } : {}) },
          ExpressionAttributeValues: {
            ':pk': indexPk,
            ...(options.from !== undefined ? { ':from': options.from } : {}),
            ...(options.to !== undefined ? { ':to': options.to } : {}),
          },
          ExclusiveStartKey: startKey,
          Limit: options.filter ? Math.max(100, options.limit) : options.limit + 1,
        }),
      );
      for (const raw of out.Items ?? []) {
        const item = raw as T & Record<string, unknown>;
        if (options.filter && !options.filter(strip(item))) continue;
        if (items.length === options.limit) return { items: items.map(strip), nextCursor: encodeCursor(lastKey!) };
        items.push(item);
        lastKey = { pk: item.pk, sk: item.sk, [pkAttr]: item[pkAttr], [skAttr]: item[skAttr] };
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return { items: items.map(strip), nextCursor: null };
  }

  /** Records whose link has been pending since before `before` (ISO time), oldest first, across firms and index shards. */
  async pendingSince(before: string, limit: number, partitions: readonly string[] = pendingPartitions): Promise<{ firmId: string; sk: string }[]> {
    const pages = await Promise.all(
      partitions.map(async (partition) => {
        const out = await ddb.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: 'pending',
            KeyConditionExpression: 'pendingPk = :p AND pendingSk < :before',
            ExpressionAttributeValues: { ':p': partition, ':before': before },
            Limit: limit,
          }),
        );
        return (out.Items ?? []) as { pk: string; sk: string; pendingSk: string }[];
      }),
    );
    // The index projects keys only; the firm is in the table's partition key.
    return oldestFirst(pages, limit).map((i) => ({ firmId: i.pk.slice('FIRM#'.length), sk: i.sk }));
  }
}

const STORAGE_ATTRIBUTES = ['pk', 'sk', 'pendingPk', 'pendingSk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'approvalLease'];

/** Removes storage-only attributes from an item read back. */
export function strip<T>(item: T): T {
  const rest = { ...(item as Record<string, unknown>) };
  for (const key of STORAGE_ATTRIBUTES) delete rest[key];
  return rest as T;
}
