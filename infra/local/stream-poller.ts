import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamRetryAttempts, type FilterPattern } from '#lib/declaration';
import { lambdaContext, type AnyHandler } from './lambda-context.ts';
import { matchesFilter } from './event-filter.ts';
import { LOCAL_REGION } from './emulators.ts';

/** Where each shard was read up to, so a persistent restart does not replay the stream. */
export interface CheckpointStore {
  get(shardId: string): string | undefined;
  set(shardId: string, sequenceNumber: string): void;
}

/** A function triggered by the stream, with its own batch size and filter (as its event source mapping has). */
export interface StreamConsumer {
  functionName: string;
  handler: AnyHandler;
  batchSize: number;
  filter: FilterPattern;
}

export interface StreamPollerOptions {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  /** Every function the stream triggers: the stream is read once for all of them. */
  consumers: readonly StreamConsumer[];
  checkpoints: CheckpointStore;
  onError: (error: unknown) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * As the CDK stack's stream event sources: tried once and retried the declared number of times, then
 * skipped and logged. (In AWS the mapping also describes the skipped batch on its on-failure queue, for
 * a redrive; locally the log line names the record's sequence number.)
 */
const MAX_RECORD_ATTEMPTS = 1 + streamRetryAttempts;

function toLambdaRecord(r: StreamRecord, streamArn: string): DynamoDBRecord {
  const d = r.dynamodb!;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: d.ApproximateCreationDateTime ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: d.Keys as never,
      NewImage: d.NewImage as never,
      OldImage: d.OldImage as never,
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as never,
    },
  } as DynamoDBRecord;
}

/**
 * What Lambda's DynamoDB Streams event source mappings do: read every shard
 * in order, keep the records that match each function's filter, invoke it
 * with batches, and on a failure retry from the first failed record (reported
 * via `batchItemFailures`) so nothing is skipped. Checkpoints advance only past
 * records every function has handled. One reader serves all the functions of
 * a stream (in AWS each mapping reads on its own): every GetRecords costs
 * DynamoDB Local a stream lookup on its single storage thread, so reading the
 * outbox stream once instead of once per function leaves that thread to the
 * books.
 */
export function startStreamPoller(o: StreamPollerOptions): { stop(): Promise<void> } {
  let running = true;
  const iterators = new Map<string, string | null>();
  const closed = new Set<string>();
  let lastDescribe = 0;

  async function refreshShards(): Promise<void> {
    let start: string | undefined;
    do {
      const out = await o.streams.send(new DescribeStreamCommand({ StreamArn: o.streamArn, ExclusiveStartShardId: start }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId!;
        if (iterators.has(id) || closed.has(id)) continue;
        iterators.set(id, null);
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    lastDescribe = Date.now();
  }

  /**
   * Invokes the handler until every matching record of `records` is handled,
   * or, like Lambda's event source mapping, a record has failed
   * MAX_RECORD_ATTEMPTS times: then it is skipped (and logged) so one bad
   * record never blocks its shard.
   */
  async function deliver(shardId: string, records: StreamRecord[]): Promise<void> {
    await Promise.all(o.consumers.map((c) => deliverTo(c, records)));
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last && running) o.checkpoints.set(shardId, last);
  }

  async function deliverTo(c: StreamConsumer, records: StreamRecord[]): Promise<void> {
    const pending = records.filter((r) => matchesFilter(r, c.filter)).map((r) => toLambdaRecord(r, o.streamArn));
    let delay = 100;
    let attempts = 0;
    for (let start = 0; start < pending.length && running; ) {
      const batch = pending.slice(start, start + c.batchSize);
      let retryFrom: number | undefined;
      try {
        const result = (await c.handler({ Records: batch } as DynamoDBStreamEvent, lambdaContext(c.functionName))) as
          | DynamoDBBatchResponse
          | undefined;
        const failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        const index = batch.findIndex((r) => failed.has(r.dynamodb!.SequenceNumber!));
        if (index >= 0) retryFrom = start + index;
      } catch (error) {
        o.onError(error);
        retryFrom = start;
      }
      if (retryFrom === undefined) {
        start += batch.length;
        delay = 100;
        attempts = 0;
      } else if (++attempts >= MAX_RECORD_ATTEMPTS) {
        o.onError(new Error(`${c.functionName}: skipped stream record ${pending[retryFrom]!.dynamodb!.SequenceNumber} after ${attempts} failed attempts`));
        start = retryFrom + 1;
        attempts = 0;
      } else {
        start = retryFrom;
        await sleep(delay);
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const after = o.checkpoints.get(shardId);
    const it = await o.streams.send(
      new GetShardIteratorCommand({
        StreamArn: o.streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        ...(after ? { SequenceNumber: after } : {}),
      }),
    );
    return it.ShardIterator;
  }

  /** Reads one shard once; returns how many records it had. */
  async function pollShard(shardId: string): Promise<number> {
    let iterator = iterators.get(shardId) ?? (await iteratorFor(shardId));
    if (!iterator) {
      iterators.delete(shardId);
      closed.add(shardId);
      return 0;
    }
    let out;
    try {
      out = await o.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      // An expired iterator, or (DynamoDB Local) one taken on an empty shard: take a fresh one.
      if (name === 'ExpiredIteratorException' || name === 'TrimmedDataAccessException') {
        iterators.set(shardId, null);
        return 0;
      }
      throw error;
    }
    const records = out.Records ?? [];
    if (records.length) await deliver(shardId, records);
    if (!out.NextShardIterator) {
      iterators.delete(shardId);
      closed.add(shardId);
    } else {
      iterators.set(shardId, out.NextShardIterator);
    }
    return records.length;
  }

  async function loop(): Promise<void> {
    while (running) {
      try {
        if (Date.now() - lastDescribe > 5000 || iterators.size === 0) await refreshShards();
        let got = 0;
        for (const shardId of [...iterators.keys()]) {
          got += await pollShard(shardId);
          if (!running) return;
        }
        if (got === 0) await sleep(25);
      } catch (error) {
        if (!running) return;
        o.onError(error);
        await sleep(500);
      }
    }
  }

  const done = loop();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}
