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
import { BatchSettlement } from './stream-settlement.ts';
import { sequenceAfter, type StreamPositions } from './stream-checkpoints.ts';

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
  /** Where each shard is settled up to: read on start (a shard resumes after its position), moved as consumers finish. */
  positions: StreamPositions;
  onError: (error: unknown) => void;
  /** Told about a checkpoint that could not be used or stops moving (a warning, not a failure). */
  onWarning: (message: string) => void;
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

/** What DynamoDB (Local) answers when an iterator asks for a position the shard does not have. */
const UNKNOWN_POSITION = new Set(['ValidationException', 'TrimmedDataAccessException', 'ResourceNotFoundException']);

/**
 * What Lambda's DynamoDB Streams event source mappings do: read every shard
 * in order (a child shard once its parent is read to its end), keep the
 * records that match each function's filter, invoke it with batches, and on a
 * failure retry from the first failed record (reported via
 * `batchItemFailures`) so nothing is skipped. A shard's position (`positions`)
 * advances only past the records every function has handled
 * (stream-settlement.ts), and a start resumes each shard just after its
 * position, checked first: a position the shard does not have (trimmed, or
 * from another database) falls back to the shard's oldest record, which the
 * idempotent consumers take as duplicates. One reader serves all the
 * functions of a stream (in AWS each mapping reads on its own): every
 * GetRecords costs DynamoDB Local a stream lookup on its single storage
 * thread, so reading the outbox stream once instead of once per function
 * leaves that thread to the books.
 */
export function startStreamPoller(o: StreamPollerOptions): { stop(): Promise<void> } {
  let running = true;
  const iterators = new Map<string, string | null>();
  /** Shards read to their end (closed, NextShardIterator null), or closed and settled to their end before this start. */
  const finished = new Set<string>();
  const parentOf = new Map<string, string>();
  /** In this run: the last record handed to the consumers, per shard (an expired iterator is taken again after it). */
  const readUpTo = new Map<string, string>();
  /** A position read from the saved checkpoint, not yet seen in the shard: the first page must start with it. */
  const unverified = new Map<string, string>();
  /** Shards whose position stays where it is for the rest of this run: a record was given up on. */
  const held = new Set<string>();
  let lastDescribe = 0;

  async function refreshShards(): Promise<void> {
    const described = new Set<string>();
    let start: string | undefined;
    do {
      const out = await o.streams.send(new DescribeStreamCommand({ StreamArn: o.streamArn, ExclusiveStartShardId: start }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId!;
        described.add(id);
        if (shard.ParentShardId) parentOf.set(id, shard.ParentShardId);
        if (iterators.has(id) || finished.has(id)) continue;
        const end = shard.SequenceNumberRange?.EndingSequenceNumber;
        const settled = o.positions.settledUpTo(o.streamArn, id);
        // Closed and settled to its last record before this start: nothing to read.
        if (end && settled && !sequenceAfter(end, settled)) {
          finished.add(id);
          continue;
        }
        iterators.set(id, null);
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    // A shard DynamoDB let go (24 hours after it closed) needs no position any more.
    o.positions.retainShards(o.streamArn, described);
    lastDescribe = Date.now();
  }

  /** Whether the shard's parent is still being read: Lambda reads a child only after its parent, so one item's changes stay in order. */
  const waitsForParent = (shardId: string) => {
    const parent = parentOf.get(shardId);
    return parent !== undefined && iterators.has(parent);
  };

  /**
   * Invokes every consumer until each matching record of `records` is handled,
   * or, like Lambda's event source mapping, a record has failed
   * MAX_RECORD_ATTEMPTS times: then it is skipped (and logged) so one bad
   * record never blocks its shard, but the shard's position stays before it.
   */
  async function deliver(shardId: string, records: StreamRecord[]): Promise<void> {
    const shown = o.consumers.map((c) => records.flatMap((r, i) => (matchesFilter(r, c.filter) ? [i] : [])));
    const settlement = new BatchSettlement(records.length, shown);
    let settled = 0;
    const advance = () => {
      const count = settlement.settledCount();
      if (count > settled && !held.has(shardId)) o.positions.settle(o.streamArn, shardId, records[count - 1]!.dynamodb!.SequenceNumber!);
      settled = Math.max(settled, count);
      if (settlement.gaveUp && !held.has(shardId)) {
        held.add(shardId);
        o.onWarning(`the checkpoint of shard ${shardId} stays before the skipped record until the next start, which tries it again`);
      }
    };
    await Promise.all(
      o.consumers.map((c, i) =>
        deliverTo(c, shown[i]!.map((n) => records[n]!), {
          handled: (count) => {
            settlement.handledNext(i, count);
            advance();
          },
          gaveUp: () => {
            settlement.gaveUpOnNext(i);
            advance();
          },
        }),
      ),
    );
    advance();
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) readUpTo.set(shardId, last);
  }

  async function deliverTo(c: StreamConsumer, matching: StreamRecord[], progress: { handled(count: number): void; gaveUp(): void }): Promise<void> {
    const pending = matching.map((r) => toLambdaRecord(r, o.streamArn));
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
      // Handled: the records before the first failed one (all of the batch if none failed).
      progress.handled((retryFrom ?? start + batch.length) - start);
      if (retryFrom === undefined) {
        start += batch.length;
        delay = 100;
        attempts = 0;
      } else if (++attempts >= MAX_RECORD_ATTEMPTS) {
        o.onError(new Error(`${c.functionName}: skipped stream record ${pending[retryFrom]!.dynamodb!.SequenceNumber} after ${attempts} failed attempts`));
        progress.gaveUp();
        start = retryFrom + 1;
        attempts = 0;
      } else {
        start = retryFrom;
        await sleep(delay);
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  /** A fresh iterator: after what this run read, else at the saved position (checked on the first page), else the oldest record. */
  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const read = readUpTo.get(shardId);
    const saved = read ? undefined : o.positions.settledUpTo(o.streamArn, shardId);
    const position = read ?? saved;
    if (position) {
      try {
        const it = await o.streams.send(
          new GetShardIteratorCommand({
            StreamArn: o.streamArn,
            ShardId: shardId,
            // At the saved record itself, so the first page shows that the shard has it.
            ShardIteratorType: saved ? 'AT_SEQUENCE_NUMBER' : 'AFTER_SEQUENCE_NUMBER',
            SequenceNumber: position,
          }),
        );
        if (saved) unverified.set(shardId, saved);
        return it.ShardIterator;
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (!UNKNOWN_POSITION.has(name)) throw error;
        fallBack(shardId, position, `${name}: ${(error as Error).message}`);
      }
    }
    const it = await o.streams.send(new GetShardIteratorCommand({ StreamArn: o.streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    return it.ShardIterator;
  }

  /** A position the shard does not have: read the shard from its oldest record (already delivered records come again, harmlessly). */
  function fallBack(shardId: string, position: string, why: string): void {
    o.onWarning(`shard ${shardId} has no record ${position} (${why}): reading it from its oldest record`);
    o.positions.forget(o.streamArn, shardId);
    readUpTo.delete(shardId);
    unverified.delete(shardId);
  }

  /** Reads one shard once; returns how many records it had. */
  async function pollShard(shardId: string): Promise<number> {
    let iterator = iterators.get(shardId) ?? (await iteratorFor(shardId));
    if (!iterator) {
      iterators.delete(shardId);
      finished.add(shardId);
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
    let records = out.Records ?? [];
    const expected = unverified.get(shardId);
    if (expected !== undefined) {
      if (records[0]?.dynamodb?.SequenceNumber !== expected) {
        fallBack(shardId, expected, records.length ? `the shard goes on at ${records[0]!.dynamodb?.SequenceNumber}` : 'nothing there');
        iterators.set(shardId, null);
        return 0;
      }
      // The saved record is there, and was delivered before: the rest of the page is new.
      unverified.delete(shardId);
      readUpTo.set(shardId, expected);
      records = records.slice(1);
    }
    if (records.length) await deliver(shardId, records);
    if (!out.NextShardIterator) {
      iterators.delete(shardId);
      finished.add(shardId);
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
          if (waitsForParent(shardId)) continue;
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
