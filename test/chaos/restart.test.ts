import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { KillableStack } from './stack-process.ts';
import { stackApi, until } from './stack-api.ts';

/**
 * A restart of a persistent stack whose state folder heavy use has filled
 * (thousands of outbox stream records) resumes each stream from its
 * checkpoint instead of re-sending the whole stream: a contact created right
 * after the restart synchronizes within 2 s of the stack being ready, after a
 * stop and after a SIGKILL alike (reading every stream from its oldest record
 * took 20–40 s here). And nothing is lost by resuming: contacts whose sync was
 * in flight when the stack was killed (their messages still on fauxqs's
 * in-memory queues, or not yet relayed) all synchronize after the restart.
 *
 * To time the old and the new start on the same data: RESTART_KEEP_FILLED=<dir>
 * copies the filled folder there once the stack has stopped after filling it,
 * and RESTART_FILLED_STATE=<dir> starts from a copy of it instead of filling.
 */
const CONTACTS = Number(process.env.RESTART_TEST_CONTACTS ?? 2_000);
const FIRMS = 8;
const SYNC_WITHIN_MS = 2_000;

const stack = new KillableStack();
const firmOf = (i: number) => `firm-restart-${i % FIRMS}`;

beforeAll(async () => {
  const filled = process.env.RESTART_FILLED_STATE;
  if (filled) {
    for (const part of ['data', 'keys']) cpSync(join(filled, part), join(stack.stateDir, part), { recursive: true });
    await stack.start();
    return;
  }
  await stack.start();
  const apis = await Promise.all(Array.from({ length: FIRMS }, (_, i) => stackApi(stack, firmOf(i))));
  // Heavy use: contacts created through the API by 16 clients at once, each one synced to accounting and back.
  const todo = Array.from({ length: CONTACTS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = todo.shift(); i !== undefined; i = todo.shift()) await apis[i % FIRMS]!.ok('POST', '/practice/contacts', { kind: 'person', name: `Filler ${i}` });
    }),
  );
  await until(async () => ((await Promise.all(apis.map(pendingCount))).every((n) => n === 0) ? true : undefined), 600_000, 'the filler contacts to synchronize', 1_000);
}, 900_000);

afterAll(async () => {
  await stack.stop();
});

/** How many of a firm's contacts are not synchronized yet. */
async function pendingCount(api: Awaited<ReturnType<typeof stackApi>>): Promise<number> {
  let pending = 0;
  let cursor: string | null = null;
  do {
    const page: any = await api.ok('GET', `/practice/contacts?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pending += page.items.filter((c: any) => c.link.status !== 'synchronized').length;
    cursor = page.nextCursor;
  } while (cursor);
  return pending;
}

/** How many records the outbox stream holds: what a restart from the oldest record would send again. */
async function streamRecords(): Promise<number> {
  const config = { region: stack.info.region, endpoint: stack.info.endpoints.dynamodb, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const db = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const arn = (await db.send(new DescribeTableCommand({ TableName: stack.info.tables.outbox }))).Table!.LatestStreamArn!;
  let count = 0;
  for (const shard of (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription?.Shards ?? []) {
    let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (let page = 0; iterator && page < 1000; page++) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      count += out.Records?.length ?? 0;
      if (!out.Records?.length) break;
      iterator = out.NextShardIterator;
    }
  }
  streams.destroy();
  db.destroy();
  return count;
}

/** Creates a contact the moment the stack is ready and answers how long after that it was synchronized. */
async function timeNewContactSync(firm: string): Promise<number> {
  const api = await stackApi(stack, firm);
  const ready = performance.now();
  const contact = await api.ok('POST', '/practice/contacts', { kind: 'person', name: `After restart ${Date.now()}` });
  await api.synchronized(`/practice/contacts/${contact.id}`, 300_000, 50);
  return performance.now() - ready;
}

describe('restart without replaying history', () => {
  it('after a stop, a new contact synchronizes within 2 s of the stack being ready', async () => {
    const records = await streamRecords();
    console.log(`state folder: ${records} outbox stream records`);
    expect(records).toBeGreaterThan(CONTACTS);
    stack.signal('SIGTERM');
    expect(await stack.exited(30_000)).toEqual({ code: 0, signal: null });
    expect(existsSync(join(stack.stateDir, 'data', 'stream-checkpoints.json'))).toBe(true);
    const keep = process.env.RESTART_KEEP_FILLED;
    if (keep) for (const part of ['data', 'keys']) cpSync(join(stack.stateDir, part), join(keep, part), { recursive: true });
    await stack.start();
    const ms = await timeNewContactSync(firmOf(0));
    console.log(`after a stop (${records} stream records): a new contact synchronized ${Math.round(ms)} ms after ready`);
    expect(ms).toBeLessThan(SYNC_WITHIN_MS);
  });

  it('after a SIGKILL, a new contact synchronizes within 2 s of the stack being ready', async () => {
    await stack.kill();
    await stack.start();
    const ms = await timeNewContactSync(firmOf(1));
    console.log(`after a SIGKILL: a new contact synchronized ${Math.round(ms)} ms after ready`);
    expect(ms).toBeLessThan(SYNC_WITHIN_MS);
  });

  it('contacts whose sync was in flight at a SIGKILL all synchronize after the restart', async () => {
    const api = await stackApi(stack, 'firm-restart-inflight');
    const ids: string[] = [];
    // A burst, killed while its messages are on the queues or not yet relayed.
    const burst = Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 25; i++) {
          const r = await api.call('POST', '/practice/contacts', { kind: 'person', name: `In flight ${i}` });
          if (r.status === 201) ids.push(r.body.id);
          else return; // the stack is gone
        }
      }),
    );
    await until(async () => (ids.length >= 60 ? true : undefined), 60_000, '60 contacts created');
    const saved = JSON.parse(readFileSync(join(stack.stateDir, 'data', 'stream-checkpoints.json'), 'utf8'));
    await stack.kill();
    console.log(`killed with ${ids.length} contacts created (the last checkpoint file held ${saved.queued.length} queued messages)`);
    await stack.start();
    // Requests cut off by the kill were sent again once the stack was back: those contacts count too.
    await burst;
    await until(async () => ((await pendingCount(api)) === 0 ? true : undefined), 120_000, 'every contact created before the kill to synchronize', 500);
    const listed = (await api.ok('GET', '/practice/contacts?limit=500')).items as any[];
    expect(ids.filter((id) => !listed.some((c) => c.id === id && c.link.status === 'synchronized'))).toEqual([]);
    // Each once in accounting: the replayed and restored messages were taken as duplicates.
    const accounting = (await api.ok('GET', '/accounting/contacts?limit=500')).items as any[];
    expect(accounting).toHaveLength(listed.length);
  });
});
