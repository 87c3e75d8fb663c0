import { describe, expect, it } from 'vitest';
import { oldestFirst, PENDING_SHARDS, pendingIndexKeys, pendingPartitions, pendingShardOf } from '../../lib/aws/pending-index.ts';

describe('the pending index keys', () => {
  it('put a record in one shard, always the same, sorted by age then firm and key', () => {
    const keys = pendingIndexKeys('firm-a', 'CONTACT#ct_1', '2026-11-28T08:00:00.000Z');
    expect(keys).toEqual({ pendingPk: `PENDING#${pendingShardOf('firm-a', 'CONTACT#ct_1')}`, pendingSk: '2026-11-28T08:00:00.000Z#firm-a#CONTACT#ct_1' });
    expect(pendingIndexKeys('firm-a', 'CONTACT#ct_1', '2026-11-29T00:00:00.000Z').pendingPk).toBe(keys.pendingPk);
    expect(pendingShardOf('firm-a', 'CONTACT#ct_1')).toBeGreaterThanOrEqual(0);
    expect(pendingShardOf('firm-a', 'CONTACT#ct_1')).toBeLessThan(PENDING_SHARDS);
  });

  it('spread records evenly over the shards, and the reconciler reads each shard and the old partition', () => {
    const counts = new Array<number>(PENDING_SHARDS).fill(0);
    for (let firm = 0; firm < 50; firm++) for (let i = 0; i < 200; i++) counts[pendingShardOf(`firm-${firm}`, `MATTER#mt_${i}`)]!++;
    const mean = 10_000 / PENDING_SHARDS;
    for (const n of counts) expect(Math.abs(n - mean) / mean).toBeLessThan(0.1);
    expect(new Set(pendingPartitions)).toEqual(new Set(['PENDING', ...counts.map((_, i) => `PENDING#${i}`)]));
  });

  it('merge pages from several partitions into the oldest first, up to the limit', () => {
    const at = (minute: number, key: string) => ({ pendingSk: `2026-11-28T08:${String(minute).padStart(2, '0')}:00.000Z#f#${key}`, key });
    const pages = [[at(1, 'a'), at(5, 'b')], [], [at(2, 'c'), at(3, 'd'), at(9, 'e')], [at(0, 'f')]];
    expect(oldestFirst(pages, 4).map((i) => i.key)).toEqual(['f', 'a', 'c', 'd']);
    expect(oldestFirst(pages, 100)).toHaveLength(6);
    expect(oldestFirst([], 10)).toEqual([]);
  });
});
