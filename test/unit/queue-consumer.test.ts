import { afterAll, describe, expect, it } from 'vitest';
import type { Context, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { queues } from '#lib/declaration';
import { captureMetrics } from '../../infra/local/metrics-sink.ts';
import type { GiveUp } from '../../lib/queue/give-up.ts';

// The handlers read their configuration at import: quiet logs, before the consumer (and its logger) is loaded.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.LOG_LEVEL = 'SILENT';
const { queueConsumer } = await import('../../lib/queue/consumer.ts');
const { METRICS_NAMESPACE } = await import('../../lib/shared/metric-names.ts');

/*
 * The SQS loop (lib/queue/consumer.ts, on Powertools' batch processor): one
 * record at a time, in order; each failure reported alone; the give-up rule
 * on the last delivery (lib/queue/give-up.ts), counted in GiveUps.
 */

const Message = z.object({ type: z.literal('test'), firmId: z.string(), id: z.string(), n: z.number() });
type Message = z.infer<typeof Message>;
const queue = 'toAccounting' as const;
const { maxReceiveCount } = queues[queue];

const record = (n: number, receiveCount = 1, body?: string): SQSRecord =>
  ({
    messageId: `m${n}`,
    receiptHandle: `r${n}`,
    body: body ?? JSON.stringify({ type: 'test', firmId: `firm-${n}`, id: `msg-${n}`, n }),
    attributes: { ApproximateReceiveCount: String(receiveCount) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
    awsRegion: 'us-east-1',
  }) as unknown as SQSRecord;

const context = { functionName: 'test', awsRequestId: 'req', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
type Consumer = ReturnType<typeof queueConsumer>;
const invoke = (handler: Consumer, records: SQSRecord[]): Promise<SQSBatchResponse> => handler({ Records: records }, context);
const failed = (r: SQSBatchResponse) => r.batchItemFailures.map((f) => f.itemIdentifier);

const sink = captureMetrics(METRICS_NAMESPACE);
afterAll(() => sink.stop());

describe('queue consumer', () => {
  it('handles records strictly one after another, in order, and reports only the failed ones', async () => {
    const events: string[] = [];
    const handler = queueConsumer(Message, async (m: Message) => {
      events.push(`start ${m.n}`);
      await new Promise((r) => setTimeout(r, 5 * (4 - m.n))); // later records are quicker: a parallel loop would reorder
      events.push(`end ${m.n}`);
      if (m.n === 2) throw new Error('record 2 fails');
    }, queue);
    const result = await invoke(handler, [record(1), record(2), record(3)]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(failed(result)).toEqual(['m2']);
  });

  it('reports a body that is not a message, and a batch whose records all fail, record by record (never thrown)', async () => {
    const handler = queueConsumer(Message, async () => {
      throw new Error('always');
    }, queue);
    expect(failed(await invoke(handler, [record(1, 1, '{"not":"a message"}'), record(2, 1, 'not json'), record(3)]))).toEqual(['m1', 'm2', 'm3']);
  });

  it('gives up only on the last delivery: shown → still to the DLQ, answered → done; each counted once in GiveUps by queue', async () => {
    const gaveUp: number[] = [];
    const giveUp: GiveUp<Message> = async (m) => {
      gaveUp.push(m.n);
      return m.n === 3 ? 'answered' : 'shown';
    };
    const handler = queueConsumer(Message, async () => {
      throw new Error('keeps failing');
    }, queue, giveUp);
    const before = sink.totals().sums[`GiveUps{queue=${queue}}`] ?? 0;
    const result = await invoke(handler, [record(1, maxReceiveCount - 1), record(2, maxReceiveCount), record(3, maxReceiveCount)]);
    expect(gaveUp).toEqual([2, 3]);
    expect(failed(result)).toEqual(['m1', 'm2']); // 3 was answered for good; 2 goes on to the DLQ
    expect((sink.totals().sums[`GiveUps{queue=${queue}}`] ?? 0) - before).toBe(2);
    expect(sink.ofFirm('firm-2').sums.GiveUps).toBe(1);
  });
});
