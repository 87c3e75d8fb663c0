import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamo, type Emulator } from '../../infra/local/emulators.ts';
import { freePort, PidRegistry } from '../../infra/local/processes.ts';
import { startStreamPoller, type StreamConsumer } from '../../infra/local/stream-poller.ts';
import { StreamPositions } from '../../infra/local/stream-checkpoints.ts';

/**
 * The stream poller against DynamoDB Local's real stream: it resumes each
 * shard just after its position, falls back to the oldest record when the
 * position names a record or shard the stream does not have, and moves a
 * position only past the records every consumer has handled (a record in
 * `batchItemFailures`, or one another consumer is still failing, holds it).
 */
const dir = mkdtempSync(join(tmpdir(), 'lbs-stream-resume-'));
let dynamo: Emulator;
let db: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let streamArn = '';
let shardId = '';
/** Sequence numbers of the records written so far, in order. */
const written: string[] = [];

async function put(kind: 'a' | 'b'): Promise<void> {
  await db.send(new PutItemCommand({ TableName: 'lbs-resume-test', Item: { pk: { S: `item-${written.length}` }, kind: { S: kind } } }));
  written.push('');
}

beforeAll(async () => {
  const port = await freePort();
  dynamo = await startDynamo({ port, dataDir: null, pids: new PidRegistry(join(dir, 'pids')) });
  const config = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamo.endpoint };
  db = new DynamoDBClient(config);
  streams = new DynamoDBStreamsClient(config);
  await db.send(
    new CreateTableCommand({
      TableName: 'lbs-resume-test',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  streamArn = (await db.send(new DescribeTableCommand({ TableName: 'lbs-resume-test' }))).Table!.LatestStreamArn!;
  for (let i = 0; i < 12; i++) await put(i % 3 === 2 ? 'b' : 'a');
  shardId = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription!.Shards![0]!.ShardId!;
  // The records' sequence numbers, read once from the start.
  const all = await readAll(new StreamPositions(), 12);
  written.splice(0, written.length, ...all.seen);
}, 120_000);

afterAll(async () => {
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  seen: string[];
  warnings: string[];
}

/**
 * Runs a poller with `consumers` (by default one that takes every record) until `expected` records were
 * delivered to the first one (or `forMs` passed), then stops it.
 */
async function readAll(
  positions: StreamPositions,
  expected: number,
  options: { forMs?: number; consumers?: (seen: string[]) => StreamConsumer[] } = {},
): Promise<Run> {
  const run: Run = { seen: [], warnings: [] };
  const recorder: StreamConsumer = {
    functionName: 'recorder',
    batchSize: 5,
    filter: { eventName: ['INSERT'] },
    handler: async (event) => {
      run.seen.push(...(event as DynamoDBStreamEvent).Records.map((r) => r.dynamodb!.SequenceNumber!));
    },
  };
  const poller = startStreamPoller({
    streams,
    streamArn,
    consumers: options.consumers?.(run.seen) ?? [recorder],
    positions,
    onError: () => {},
    onWarning: (message) => run.warnings.push(message),
  });
  const deadline = Date.now() + (options.forMs ?? 20_000);
  while (run.seen.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  // A moment more: a poller that reads too much shows it.
  await new Promise((r) => setTimeout(r, options.forMs ? 0 : 300));
  await poller.stop();
  return run;
}

describe('the stream poller resumes from its positions', () => {
  it('without a position: every record from the oldest, and the position ends at the last', async () => {
    const positions = new StreamPositions();
    const run = await readAll(positions, 12);
    expect(run.seen).toEqual(written);
    expect(positions.settledUpTo(streamArn, shardId)).toBe(written[11]);
    expect(run.warnings).toEqual([]);
  });

  it('with a position: only the records after it', async () => {
    const positions = new StreamPositions({ [streamArn]: { [shardId]: written[7]! } });
    const run = await readAll(positions, 4);
    expect(run.seen).toEqual(written.slice(8));
    expect(run.warnings).toEqual([]);
  });

  it('at the last record: nothing, then the records written after it', async () => {
    const positions = new StreamPositions({ [streamArn]: { [shardId]: written.at(-1)! } });
    const poller = readAll(positions, 2);
    await new Promise((r) => setTimeout(r, 500));
    await put('a');
    await put('a');
    const run = await poller;
    expect(run.seen).toHaveLength(2);
    expect(BigInt(run.seen[0]!)).toBeGreaterThan(BigInt(written.at(-3)!));
    written.splice(written.length - 2, 2, ...run.seen);
  });

  it('a position the shard does not have (from another database): a warning, then every record from the oldest', async () => {
    const positions = new StreamPositions({ [streamArn]: { [shardId]: '000000000000000099999' } });
    const run = await readAll(positions, written.length);
    expect(run.seen).toEqual(written);
    expect(run.warnings).toEqual([expect.stringContaining(`shard ${shardId} has no record 000000000000000099999`)]);
  });

  it('a position of a shard the stream does not have: forgotten; the real shard is read from the oldest', async () => {
    const positions = new StreamPositions({ [streamArn]: { 'shardId-00000000000000000000-gone': written[3]! } });
    const run = await readAll(positions, written.length);
    expect(run.seen).toEqual(written);
    expect(positions.toJSON()).toEqual({ [streamArn]: { [shardId]: written.at(-1) } });
  });
});

describe('a position moves only past what every consumer handled', () => {
  it('a record reported in batchItemFailures holds the position before it until it succeeds', async () => {
    const positions = new StreamPositions();
    const failing = written[5]!;
    let failures = 0;
    const heldAt: (string | undefined)[] = [];
    const run = await readAll(positions, written.length, {
      consumers: (seen) => [
        {
          functionName: 'flaky',
          batchSize: 4,
          filter: {},
          handler: async (event): Promise<DynamoDBBatchResponse> => {
            const sequences = (event as DynamoDBStreamEvent).Records.map((r) => r.dynamodb!.SequenceNumber!);
            if (sequences.includes(failing) && failures < 2) {
              failures++;
              heldAt.push(positions.settledUpTo(streamArn, shardId));
              seen.push(...sequences.slice(0, sequences.indexOf(failing)));
              return { batchItemFailures: [{ itemIdentifier: failing }] };
            }
            seen.push(...sequences);
            return { batchItemFailures: [] };
          },
        },
      ],
    });
    // Batches of 4: 0-3 handled, then 4-7 with 5 failing (4 handled), then 5-8 again with 5 failing.
    expect(failures).toBe(2);
    expect(heldAt).toEqual([written[3], written[4]]);
    expect(run.seen).toEqual(written);
    expect(positions.settledUpTo(streamArn, shardId)).toBe(written.at(-1));
  });

  it('a record another consumer keeps failing holds the position, however far the first one got', async () => {
    const positions = new StreamPositions();
    // The second consumer sees only kind b (records 2, 5, 8, 11) and fails every time.
    const run = await readAll(positions, written.length, {
      consumers: (seen): StreamConsumer[] => [
        { functionName: 'all', batchSize: 10, filter: {}, handler: async (e) => void seen.push(...(e as DynamoDBStreamEvent).Records.map((r) => r.dynamodb!.SequenceNumber!)) },
        {
          functionName: 'b-only',
          batchSize: 10,
          filter: { dynamodb: { NewImage: { kind: { S: ['b'] } } } },
          handler: async () => {
            throw new Error('b fails');
          },
        },
      ],
    });
    expect(run.seen).toEqual(written);
    // Record 2 is the first b: the position stays on record 1.
    expect(positions.settledUpTo(streamArn, shardId)).toBe(written[1]);
  });
});
