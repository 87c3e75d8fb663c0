import { strip, type BookStore, type StoredRecord } from './book-store.ts';
import { commitUpdate, type TxItem, type VersionGuard } from './transactions.ts';
import { PreconditionFailed } from '../shared/errors.ts';
import { retrying } from '../shared/retry.ts';
import { nowIso } from '../shared/clock.ts';
import type { Page, PageOptions } from '../shared/page.ts';

/**
 * Building blocks of entity modules (`lib/<book>/entities/*.entity.ts`).
 * An entity module declares one stored record: its sort key, its index keys,
 * its access patterns and transitions; these helpers give it the common
 * ones, so every record of a kind is read and written the same way.
 */

/** Index attributes an entity adds to every stored copy of a record (gsi1pk, gsi1sk, …), derived from the record. */
export type IndexKeys<R> = (record: R) => Record<string, string>;

/**
 * A versioned record of a book, stored at `${prefix}${id}` under its firm.
 * Reads give the record without storage attributes; every put writes the
 * record with its index keys, derived afresh, and a version condition.
 */
export function versionedRecords<R extends StoredRecord>(store: BookStore, prefix: string, indexKeys?: IndexKeys<R>) {
  const sk = (id: string) => `${prefix}${id}`;
  const stored = (record: R): R => (indexKeys ? { ...record, ...indexKeys(record) } : record);
  return {
    /** The record, strongly consistent. */
    get: async (firmId: string, id: string): Promise<R | undefined> => {
      const item = await store.get<R>(firmId, sk(id));
      return item && strip(item);
    },
    /** Several records by id (missing ones are absent), one round trip per 100. */
    getMany: async (firmId: string, ids: readonly string[]): Promise<Map<string, R>> => {
      const found = await store.getMany<R>(firmId, ids.map(sk));
      return new Map([...found.values()].map((r) => [r.id, strip(r)]));
    },
    /** `getMany` as a read to make together with other records' reads of the same book and firm (`readTogether`). */
    readMany: (firmId: string, ids: readonly string[]): ReadOf<Map<string, R>> => ({
      store,
      firmId,
      sks: ids.map(sk),
      answer: (found) => {
        const records = new Map<string, R>();
        for (const id of ids) {
          const item = found.get(sk(id)) as R | undefined;
          if (item) records.set(id, strip(item));
        }
        return records;
      },
    }),
    /** A put guarded by the version the caller read (`null`: it must be new). */
    put: (record: R, expected: number | null): TxItem => store.putRecord(sk(record.id), stored(record), expected),
    /** A page of the firm's records in id order. */
    list: (firmId: string, options: PageOptions<R>): Promise<Page<R>> => store.list<R>(firmId, prefix, options),
    /** Every record of the firm (for small sets: tens, not thousands). */
    all: (firmId: string): Promise<R[]> => store.all<R>(firmId, prefix),
    /** What an update's version refusal means (412 naming the current version, or a retry). */
    guard: (firmId: string, id: string, ifMatch: number | undefined): VersionGuard => ({
      ifMatch,
      currentVersion: async () => (await store.get<{ version: number }>(firmId, sk(id)))?.version ?? 0,
    }),
  };
}

/** A read of some of a firm's items in a book, to make in one round trip with others (`readTogether`). */
export interface ReadOf<T> {
  store: BookStore;
  firmId: string;
  sks: readonly string[];
  /** What the read gives, from every item found (by sort key). */
  answer: (found: ReadonlyMap<string, unknown>) => T;
}

/** The answers of a list of reads, in order. */
type Answers<T extends readonly ReadOf<unknown>[]> = { -readonly [K in keyof T]: T[K] extends ReadOf<infer A> ? A : never };

/**
 * Makes reads of one book and firm (of several records: matters and users
 * and quick codes, say) as one BatchGet per 100 keys, and gives each read's
 * answer, in order. No request at all if the reads name no key.
 */
export async function readTogether<T extends readonly ReadOf<unknown>[]>(...reads: T): Promise<Answers<T>> {
  const [first] = reads;
  if (reads.some((r) => r.store !== first?.store || r.firmId !== first?.firmId)) throw new Error('readTogether: reads of one book and firm only');
  const found: ReadonlyMap<string, unknown> = first ? await first.store.getMany<unknown>(first.firmId, reads.flatMap((r) => r.sks)) : new Map();
  return reads.map((r) => r.answer(found)) as Answers<T>;
}

/**
 * A link map: which record of this book mirrors a record of the other book,
 * at `${prefix}${otherId}`, holding `{ [field]: id }`. It is made with the
 * record that the other book's message creates, only if none exists, so a
 * re-sent message can never make a second record.
 */
export function linkMap<R>(store: BookStore, prefix: string, field: string, get: (firmId: string, id: string) => Promise<R | undefined>) {
  const sk = (otherId: string) => `${prefix}${otherId}`;
  return {
    /** The record that mirrors the other book's `otherId`, if this book has one. */
    mirrorOf: async (firmId: string, otherId: string): Promise<R | undefined> => {
      const link = await store.get<Record<string, string>>(firmId, sk(otherId));
      return link ? get(firmId, link[field]!) : undefined;
    },
    /** The id the map names for `otherId`, whether or not that record still exists. */
    idOf: async (firmId: string, otherId: string): Promise<string | undefined> =>
      (await store.get<Record<string, string>>(firmId, sk(otherId)))?.[field],
    /** Makes the map; fails (its transaction is refused) if one was made already. */
    create: (firmId: string, otherId: string, id: string): TxItem => store.putUnique(firmId, sk(otherId), { [field]: id }),
    /** Writes the map whatever is there (for a record made in this book, once the other book names its twin). */
    remember: (firmId: string, otherId: string, id: string): TxItem => store.put(firmId, sk(otherId), { [field]: id }),
  };
}

/**
 * A record a firm has at most one of (its settings), at a fixed sort key. A
 * firm that never saved it has `defaults`, at version 1, not yet stored.
 */
export function singletonRecord<R extends StoredRecord & { updatedAt: string | null }>(
  store: BookStore,
  sk: string,
  defaults: (firmId: string) => R,
  indexKeys?: IndexKeys<R>,
) {
  const load = async (firmId: string): Promise<{ record: R; stored: boolean }> => {
    const item = await store.get<R>(firmId, sk);
    return item ? { record: strip(item), stored: true } : { record: defaults(firmId), stored: false };
  };
  /** Replaces what `load` gave, only if it is still what is stored. */
  const put = (next: R, loaded: { record: R; stored: boolean }): TxItem =>
    store.putRecord(sk, indexKeys ? { ...next, ...indexKeys(next) } : next, loaded.stored ? loaded.record.version : null);
  const guard = (firmId: string, ifMatch: number | undefined): VersionGuard => ({
    ifMatch,
    currentVersion: async () => (await store.get<{ version: number }>(firmId, sk))?.version ?? 1,
  });
  return {
    load,
    /** `load` as a read to make together with others of the same book and firm (`readTogether`). */
    read: (firmId: string): ReadOf<{ record: R; stored: boolean }> => ({
      store,
      firmId,
      sks: [sk],
      answer: (found) => {
        const item = found.get(sk) as R | undefined;
        return item ? { record: strip(item), stored: true } : { record: defaults(firmId), stored: false };
      },
    }),
    put,
    guard,
    /**
     * Replaces the record with what `change` makes of the current one (its
     * version bumped and `updatedAt` set here), together with `alsoWrite(next)`
     * in the same transaction. A stale If-Match is a 412; without one, a
     * concurrent write makes it start again from a fresh read.
     */
    replace: (firmId: string, ifMatch: number | undefined, change: (current: R) => R, alsoWrite: (next: R) => TxItem[] = () => []): Promise<R> =>
      retrying(async () => {
        const loaded = await load(firmId);
        const { record } = loaded;
        if (ifMatch !== undefined && ifMatch !== record.version) throw new PreconditionFailed(ifMatch, record.version);
        const next: R = { ...change(record), version: record.version + 1, updatedAt: nowIso() };
        await commitUpdate([put(next, loaded), ...alsoWrite(next)], guard(firmId, ifMatch));
        return next;
      }),
  };
}

/**
 * A book's records whose link is pending, as the reconciler reads and writes
 * them: found through the sparse `pending` index (oldest first, across firms
 * and shards), read and put back by their key, whatever kind they are.
 */
export interface PendingLinks<R extends StoredRecord> {
  since(before: string, limit: number): Promise<{ firmId: string; sk: string }[]>;
  get(firmId: string, sk: string): Promise<R | undefined>;
  put(sk: string, record: R, expected: number): TxItem;
}

export function pendingLinks<R extends StoredRecord>(store: BookStore): PendingLinks<R> {
  return {
    since: (before, limit) => store.pendingSince(before, limit),
    get: async (firmId, sk) => {
      const item = await store.get<R>(firmId, sk);
      return item && strip(item);
    },
    put: (sk, record, expected) => store.putRecord(sk, record, expected),
  };
}
