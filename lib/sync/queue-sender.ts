import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqs } from '../aws/sqs.ts';
import type { QueueName } from '../declaration.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';

/** A message to put on a queue: its JSON body (ASCII: see asciiJson) and the attributes every message carries. */
export interface Outgoing {
  queue: QueueName;
  body: string;
  type: string;
  firmId: string;
}

const SQS_BATCH = 10;

/**
 * Puts messages on their queues, ten per SendMessageBatch call, in order per
 * queue, and answers which of them were not sent (their indexes), so a stream
 * handler can report exactly those records for a retry. A message sent twice
 * is harmless: every consumer is idempotent.
 */
export async function sendToQueues(messages: readonly Outgoing[]): Promise<Set<number>> {
  const failed = new Set<number>();
  const byQueue = new Map<QueueName, number[]>();
  messages.forEach((m, i) => byQueue.set(m.queue, [...(byQueue.get(m.queue) ?? []), i]));
  for (const [queue, indexes] of byQueue) {
    for (let start = 0; start < indexes.length; start += SQS_BATCH) {
      const chunk = indexes.slice(start, start + SQS_BATCH);
      try {
        const out = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: config.queueUrl(queue),
            Entries: chunk.map((i, n) => ({
              Id: String(n),
              MessageBody: messages[i]!.body,
              MessageAttributes: {
                type: { DataType: 'String', StringValue: messages[i]!.type },
                firmId: { DataType: 'String', StringValue: messages[i]!.firmId },
              },
            })),
          }),
        );
        for (const f of out.Failed ?? []) {
          const i = chunk[Number(f.Id)]!;
          logger.error('queue refused a message', { queue, code: f.Code, detail: f.Message, messageType: messages[i]!.type });
          failed.add(i);
        }
      } catch (error) {
        logger.error('could not send to a queue', { error: error as Error, queue });
        chunk.forEach((i) => failed.add(i));
      }
    }
  }
  return failed;
}
