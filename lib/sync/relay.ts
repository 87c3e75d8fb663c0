import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import { sqs } from '../aws/sqs.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import type { OutboxEntry } from './outbox.ts';

const SQS_BATCH = 10;

interface Pending {
  sequenceNumber: string;
  entry: OutboxEntry;
}

/**
 * Puts the outbox entries of a stream batch on their queues, ten per call.
 * A record that could not be sent is reported by its sequence number, so
 * Lambda (or the local poller) retries from it; a message sent twice is
 * harmless because every consumer is idempotent.
 */
export async function relayOutbox(records: DynamoDBRecord[]): Promise<DynamoDBBatchItemFailure[]> {
  const pending: Pending[] = [];
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    if (!image || !sequenceNumber) continue;
    const entry = unmarshall(image as Record<string, AttributeValue>) as OutboxEntry;
    if (entry.entity !== 'outbox') continue;
    pending.push({ sequenceNumber, entry });
  }
  const failed: string[] = [];
  for (let i = 0; i < pending.length; i += SQS_BATCH) {
    const chunk = pending.slice(i, i + SQS_BATCH);
    const byDestination = new Map<string, Pending[]>();
    for (const p of chunk) byDestination.set(p.entry.destination, [...(byDestination.get(p.entry.destination) ?? []), p]);
    for (const [destination, group] of byDestination) {
      try {
        const out = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: config.queueUrl(destination as OutboxEntry['destination']),
            Entries: group.map((p, index) => ({
              Id: String(index),
              MessageBody: p.entry.body,
              MessageAttributes: {
                type: { DataType: 'String', StringValue: p.entry.messageType },
                firmId: { DataType: 'String', StringValue: p.entry.firmId },
              },
            })),
          }),
        );
        for (const f of out.Failed ?? []) {
          logger.error('queue refused an outbox message', { destination, code: f.Code, detail: f.Message, messageType: group[Number(f.Id)]!.entry.messageType });
          failed.push(group[Number(f.Id)]!.sequenceNumber);
        }
      } catch (error) {
        logger.error('outbox relay could not send', { error: error as Error, destination });
        failed.push(...group.map((p) => p.sequenceNumber));
      }
    }
  }
  logger.debug('outbox relayed', { sent: pending.length - failed.length, failed: failed.length });
  return failed.map((itemIdentifier) => ({ itemIdentifier }));
}
