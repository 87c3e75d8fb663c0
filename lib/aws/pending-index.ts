/**
 * Keys of the sparse `pending` index: records whose link is still pending,
 * which the reconciler reads oldest first across every firm.
 *
 * The index's partition key is spread over PENDING_SHARDS values, by a hash
 * of the record's key, so that no single index partition takes the pending
 * writes of every firm: a partition of a global secondary index takes at most
 * 1,000 writes a second, and a throttled index throttles the table's writes.
 * The reconciler reads every shard and merges them by age.
 */
export const PENDING_SHARDS = 8; // only ever raise it: records indexed in a shard past a lowered count would go unread

/** The one partition used before sharding: still read (kept local state may have records in it), never written. */
const UNSHARDED = 'PENDING';

/** Every partition the reconciler reads. */
export const pendingPartitions: readonly string[] = [UNSHARDED, ...Array.from({ length: PENDING_SHARDS }, (_, i) => `PENDING#${i}`)];

/** FNV-1a (32 bits): cheap, stable across processes and releases, and even enough to spread keys. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard of a record (the same for every write of it, so its index entry moves only when it is sent again). */
export const pendingShardOf = (firmId: string, sk: string): number => fnv1a(`${firmId}#${sk}`) % PENDING_SHARDS;

/** The index attributes of a record pending since `sentAt`: sorted by age, then firm and key. */
export function pendingIndexKeys(firmId: string, sk: string, sentAt: string): { pendingPk: string; pendingSk: string } {
  return { pendingPk: `PENDING#${pendingShardOf(firmId, sk)}`, pendingSk: `${sentAt}#${firmId}#${sk}` };
}

/** Merges pages read from several partitions (each sorted by pendingSk) into the oldest `limit` items. */
export function oldestFirst<T extends { pendingSk: string }>(pages: readonly (readonly T[])[], limit: number): T[] {
  return pages
    .flat()
    .sort((a, b) => (a.pendingSk < b.pendingSk ? -1 : a.pendingSk > b.pendingSk ? 1 : 0))
    .slice(0, limit);
}

/**
 * The same index also finds invoice counters with numbers not yet checked
 * (lib/accounting/bills/unused-numbers.ts), in partitions of their own so the
 * link reconciler never reads them: sharded the same way, by firm.
 */
export const NUMBERS_SHARDS = 8; // only ever raise it, as PENDING_SHARDS
export const numbersPartitions: readonly string[] = Array.from({ length: NUMBERS_SHARDS }, (_, i) => `NUMBERS#${i}`);

/** The index attributes of a firm's invoice counter with numbers taken since `since`. */
export function numbersIndexKeys(firmId: string, sk: string, since: string): { pendingPk: string; pendingSk: string } {
  return { pendingPk: `NUMBERS#${fnv1a(firmId) % NUMBERS_SHARDS}`, pendingSk: `${since}#${firmId}#${sk}` };
}
