import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqs } from '../aws/sqs.ts';
import type { QueueName } from '../declaration.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { packInOrder } from '../shared/pack.ts';

/** A message to put on a queue: its JSON body (ASCII: see asciiJson) and the attributes every message carries. */
export interface Outgoing {
  queue: QueueName;
  body: string;
  type: string;
  firmId: string;
}

/** SendMessageBatch takes at most 10 messages and 256 KiB of bodies and attributes together. */
const SQS_BATCH = 10;
const SQS_BATCH_BYTES = 256 * 1024;

/** What a message counts against the batch limit: its body and its attributes' names and values. */
const sizeOf = (m: Outgoing) => Buffer.byteLength(m.body) + 'type'.length + 'String'.length * 2 + m.type.length + 'firmId'.length + m.firmId.length;

/**
 * The messages' indexes in groups SendMessageBatch takes: at most 10 and
 * 256 KiB each, in order (a message alone over the limit goes alone, and
 * SQS's refusal of it is reported like any other).
 */
export const sendGroups = (messages: readonly Outgoing[], indexes: readonly number[]): number[][] =>
  packInOrder(indexes, (i) => sizeOf(messages[i]!), { maxBytes: SQS_BATCH_BYTES, maxCount: SQS_BATCH });

/**
 * Puts messages on their queues, as few SendMessageBatch calls as the limits
 * allow, in order per queue, and answers which were not sent (their indexes), so a stream
 * handler can report exactly those records for a retry. A message sent twice
 * is harmless: every consumer is idempotent.
 */
export async function sendToQueues(messages: readonly Outgoing[]): Promise<Set<number>> {
  const failed = new Set<number>();
  const byQueue = new Map<QueueName, number[]>();
  messages.forEach((m, i) => byQueue.set(m.queue, [...(byQueue.get(m.queue) ?? []), i]));
  for (const [queue, indexes] of byQueue) {
    for (const chunk of sendGroups(messages, indexes)) {
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
