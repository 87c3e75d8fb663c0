import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext, type AnyHandler } from './lambda-context.ts';
import { LOCAL_REGION } from './emulators.ts';

export interface QueuePollerOptions {
  sqs: SQSClient;
  functionName: string;
  queueUrl: string;
  queueArn: string;
  handler: AnyHandler;
  batchSize: number;
  /** Concurrent poll loops, as Lambda's scaling would run several. */
  concurrency: number;
  onError: (error: unknown) => void;
  /** Chaos: deliver this batch a second time (as SQS may), e.g. for the firms a test names. */
  deliverTwice?: (records: SQSRecord[]) => boolean;
}

/** The firm a queued message concerns, from its attribute or its body. */
export function firmOf(record: SQSRecord): string | undefined {
  const attribute = record.messageAttributes?.firmId?.stringValue;
  if (attribute) return attribute;
  try {
    return (JSON.parse(record.body) as { firmId?: string }).firmId;
  } catch {
    return undefined;
  }
}

function toRecord(m: Message, queueArn: string): SQSRecord {
  const a = m.Attributes ?? {};
  return {
    messageId: m.MessageId!,
    receiptHandle: m.ReceiptHandle!,
    body: m.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [
        k,
        { dataType: v.DataType ?? 'String', stringValue: v.StringValue, stringListValues: [], binaryListValues: [] },
      ]),
    ),
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  };
}

/**
 * What Lambda's SQS event source mapping does: long-poll, invoke the consumer
 * with a batch, delete the records it did not report in `batchItemFailures`.
 * Failed records (or a whole batch whose invocation threw) are left for the
 * visibility timeout to bring back, and the queue's redrive policy moves them
 * to the DLQ after maxReceiveCount deliveries.
 */
export function startQueuePoller(o: QueuePollerOptions): { stop(): Promise<void> } {
  let running = true;
  const abort = new AbortController();

  async function loop(): Promise<void> {
    while (running) {
      let messages: Message[] = [];
      try {
        const out = await o.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: o.queueUrl,
            MaxNumberOfMessages: o.batchSize,
            // The longest poll SQS allows: it returns as soon as a message arrives, and an idle queue costs
            // one request per 20 s instead of one a second. stop() aborts it.
            WaitTimeSeconds: 20,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        messages = out.Messages ?? [];
      } catch (error) {
        if (!running) return;
        o.onError(error);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (messages.length === 0) continue;
      const event: SQSEvent = { Records: messages.map((m) => toRecord(m, o.queueArn)) };
      const invoke = async (): Promise<Set<string>> => {
        try {
          const result = (await o.handler(event, lambdaContext(o.functionName))) as SQSBatchResponse | undefined;
          return new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch (error) {
          o.onError(error);
          return new Set(messages.map((m) => m.MessageId!));
        }
      };
      let failed = await invoke();
      if (o.deliverTwice?.(event.Records)) failed = await invoke();
      const done = messages.filter((m) => !failed.has(m.MessageId!));
      if (done.length > 0) {
        await o.sqs
          .send(
            new DeleteMessageBatchCommand({
              QueueUrl: o.queueUrl,
              Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          )
          .catch(o.onError);
      }
    }
  }

  const loops = Array.from({ length: o.concurrency }, () => loop());
  return {
    stop: async () => {
      running = false;
      abort.abort();
      await Promise.allSettled(loops);
    },
  };
}
