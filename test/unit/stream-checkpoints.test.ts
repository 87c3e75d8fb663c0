import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchSettlement } from '../../infra/local/stream-settlement.ts';
import { sequenceAfter, StreamPositions } from '../../infra/local/stream-checkpoints.ts';
import { readRestartState, removeUnfinishedWrites, restartStatePath, writeRestartState, type RestartState } from '../../infra/local/restart-state.ts';

/**
 * The local stack's stream checkpoints: how far a batch is settled when its
 * consumers see different records and fail part of a batch or give a record
 * up; positions that never move back and forget shards the stream let go; and
 * the saved file, written whole or not at all.
 */
describe('BatchSettlement: a checkpoint passes only the records every consumer is done with', () => {
  it('a record one consumer was not shown is settled once the records it was shown before it are', () => {
    // Records 0..5; the relay sees 0, 2, 3; the publisher sees 1, 4.
    const s = new BatchSettlement(6, [[0, 2, 3], [1, 4]]);
    expect(s.settledCount()).toBe(0);
    s.handledNext(0, 3); // the relay is done with 0, 2, 3
    expect(s.settledCount()).toBe(1); // 1 waits for the publisher
    s.handledNext(1, 1); // publisher did 1
    expect(s.settledCount()).toBe(4); // 0..3 (4 is the publisher's next)
    s.handledNext(1, 1);
    expect(s.settledCount()).toBe(6); // 5 was shown to nobody
  });

  it('a partial batch failure settles the records before the first failed one only', () => {
    const s = new BatchSettlement(5, [[0, 1, 2, 3, 4]]);
    s.handledNext(0, 2); // batch 0..4, record 2 reported in batchItemFailures
    expect(s.settledCount()).toBe(2);
    s.handledNext(0, 0); // the retry from 2 failed as a whole
    expect(s.settledCount()).toBe(2);
    s.handledNext(0, 3);
    expect(s.settledCount()).toBe(5);
  });

  it('a record given up on holds the checkpoint before it, whatever is handled after it', () => {
    const s = new BatchSettlement(5, [[0, 1, 2, 3, 4], [3]]);
    s.handledNext(0, 2);
    s.gaveUpOnNext(0); // record 2 skipped after its retries
    s.handledNext(0, 2);
    s.handledNext(1, 1);
    expect(s.gaveUp).toBe(true);
    expect(s.settledCount()).toBe(2);
  });

  it('a batch nobody was shown anything of is settled at once', () => {
    expect(new BatchSettlement(3, [[], []]).settledCount()).toBe(3);
    expect(new BatchSettlement(3, []).settledCount()).toBe(3);
  });
});

describe('StreamPositions', () => {
  const arn = 'arn:aws:dynamodb:ddblocal:000000000000:table/lbs-outbox/stream/2026-12-02T10:00:00.000';

  it('never moves back, comparing sequence numbers as numbers', () => {
    const p = new StreamPositions();
    p.settle(arn, 'shard-a', '000000000000000000009');
    p.settle(arn, 'shard-a', '000000000000000000010');
    p.settle(arn, 'shard-a', '000000000000000000002');
    p.settle(arn, 'shard-a', '10'); // the same number written without padding
    expect(p.settledUpTo(arn, 'shard-a')).toBe('000000000000000000010');
    // AWS's numbers are not padded: by value, not by text (as text, "9" > "10").
    expect(sequenceAfter('10', '9')).toBe(true);
    expect(sequenceAfter('9', '000000000000000000010')).toBe(false);
  });

  it('counts changes, so a keeper saves only when something moved', () => {
    const p = new StreamPositions();
    const v0 = p.version;
    p.settle(arn, 'shard-a', '5');
    p.settle(arn, 'shard-a', '4'); // no move
    expect(p.version).toBe(v0 + 1);
  });

  it('forgets the shards the stream no longer has, and the streams the tables no longer have', () => {
    const other = arn.replace('10:00', '11:00');
    const p = new StreamPositions({ [arn]: { 'shard-a': '5', 'shard-b': '7' }, [other]: { 'shard-c': '1' } });
    p.retainShards(arn, new Set(['shard-b', 'shard-new']));
    p.retainStreams(new Set([arn]));
    expect(p.toJSON()).toEqual({ [arn]: { 'shard-b': '7' } });
    p.forget(arn, 'shard-b');
    expect(p.settledUpTo(arn, 'shard-b')).toBeUndefined();
  });

  it('ignores a saved position that is not a sequence number (read from the oldest record instead)', () => {
    const p = new StreamPositions({ [arn]: { 'shard-a': 'x12', 'shard-b': '12' } });
    expect(p.settledUpTo(arn, 'shard-a')).toBeUndefined();
    expect(p.settledUpTo(arn, 'shard-b')).toBe('12');
  });
});

describe('the restart state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbs-checkpoint-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const state = (n: number): RestartState => ({
    positions: { 'arn:stream': { 'shard-a': String(n) } },
    queued: Array.from({ length: n }, (_, i) => ({ queue: 'lbs-to-accounting', id: `m${i}`, body: `{"i":${i}}`, attributes: { type: { DataType: 'String', StringValue: 't' } } })),
  });

  it('reads back what was written, replacing the old file whole and leaving no temporary file', async () => {
    const path = restartStatePath(dir);
    await writeRestartState(path, state(50));
    await writeRestartState(path, state(2));
    expect(readRestartState(path)).toEqual({ state: state(2) });
    expect(readdirSync(dir)).toEqual(['stream-checkpoints.json']);
  });

  it('the temporary file of a write a kill cut short is removed; the saved file stays', async () => {
    const path = restartStatePath(dir);
    await writeRestartState(path, state(1));
    writeFileSync(`${path}.12345.tmp`, '');
    removeUnfinishedWrites(path);
    expect(readdirSync(dir)).toEqual(['stream-checkpoints.json']);
    expect(readRestartState(path)).toEqual({ state: state(1) });
  });

  it('no file: nothing saved, no problem (a first start reads every stream from its oldest record)', () => {
    expect(readRestartState(join(dir, 'none.json'))).toEqual({ state: { positions: {}, queued: [] } });
  });

  it('a file that cannot be used: nothing saved, and the problem said', () => {
    const torn = join(dir, 'torn.json');
    writeFileSync(torn, '{"version":1,"positions":{"arn":');
    expect(readRestartState(torn)).toMatchObject({ state: { positions: {}, queued: [] }, problem: expect.stringContaining('could not be read') });
    const future = join(dir, 'future.json');
    writeFileSync(future, JSON.stringify({ version: 2, positions: {}, queued: [] }));
    expect(readRestartState(future)).toMatchObject({ state: { positions: {}, queued: [] }, problem: expect.stringContaining('not a version 1') });
  });
});
