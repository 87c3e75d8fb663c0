import { SendMessageBatchCommand, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import type { FauxqsServer } from 'fauxqs';
import { packInOrder } from '#lib/shared/pack';

/**
 * The messages waiting in the local queues, to be put back after a restart.
 * fauxqs keeps its queues in memory only: what a queue (or its DLQ) held when
 * the stack stopped or was killed is gone at the next start. The stream replay
 * used to re-create all of it by re-sending every record; now that a restart
 * resumes the streams from their checkpoints, the messages sent for records
 * before a checkpoint and not yet consumed come back from this copy instead.
 */
export interface QueuedMessage {
  /** The queue's (physical) name, e.g. `lbs-to-accounting` or `lbs-to-accounting-dlq`. */
  queue: string;
  /** fauxqs's id: only to tell whether the queues changed since the last copy. */
  id: string;
  body: string;
  attributes: Record<string, MessageAttributeValue>;
}

/**
 * Every message in these queues, ready, delayed or in flight (received by a
 * consumer that has not deleted it yet: it may never be), as of this instant:
 * fauxqs runs in this process and its inspection is synchronous, so the copy
 * is of one moment, the same one the stream positions are read at.
 */
export function queuedMessages(server: FauxqsServer, queueNames: readonly string[]): QueuedMessage[] {
  const messages: QueuedMessage[] = [];
  for (const queue of queueNames) {
    const inspected = server.inspectQueue(queue);
    if (!inspected) continue;
    const { ready, delayed, inflight } = inspected.messages;
    for (const m of [...inflight.map((f) => f.message), ...ready, ...delayed]) {
      messages.push({ queue, id: m.messageId, body: m.body, attributes: m.messageAttributes as Record<string, MessageAttributeValue> });
    }
  }
  return messages;
}

/** What SendMessageBatch takes in one call: 10 messages, 256 KiB of bodies and attributes. */
const BATCH_COUNT = 10;
const BATCH_BYTES = 256 * 1024;
const sizeOf = (m: QueuedMessage) =>
  Buffer.byteLength(m.body) +
  Object.entries(m.attributes).reduce((n, [k, v]) => n + k.length + (v.DataType?.length ?? 0) + Buffer.byteLength(v.StringValue ?? ''), 0);

/**
 * Puts saved messages back on their queues (a DLQ's on that DLQ), as new
 * messages: their receive counts start again, which only gives a poison
 * message a few more tries. Messages of a queue this stack does not have
 * (an older layout) are left out and counted.
 */
export async function restoreQueued(
  sqs: SQSClient,
  urlOf: (queue: string) => string | undefined,
  messages: readonly QueuedMessage[],
): Promise<{ restored: number; unknownQueue: number }> {
  let restored = 0;
  let unknownQueue = 0;
  const byQueue = new Map<string, QueuedMessage[]>();
  for (const m of messages) byQueue.set(m.queue, [...(byQueue.get(m.queue) ?? []), m]);
  for (const [queue, list] of byQueue) {
    const url = urlOf(queue);
    if (!url) {
      unknownQueue += list.length;
      continue;
    }
    for (const group of packInOrder(list, sizeOf, { maxBytes: BATCH_BYTES, maxCount: BATCH_COUNT })) {
      const out = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: group.map((m, i) => ({ Id: String(i), MessageBody: m.body, MessageAttributes: m.attributes })),
        }),
      );
      if (out.Failed?.length) throw new Error(`Could not put saved messages back on ${queue}: ${JSON.stringify(out.Failed)}`);
      restored += group.length;
    }
  }
  return { restored, unknownQueue };
}
