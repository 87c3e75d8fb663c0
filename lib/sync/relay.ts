import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { outboxItemsOf, type OutboxEntry } from './outbox.entity.ts';
import { sendToQueues } from './queue-sender.ts';

/**
 * Puts the outbox messages of a stream batch on their queues. A record that
 * could not be sent is reported by its sequence number, so Lambda (or the
 * local poller) retries from it; a message sent twice is harmless because
 * every consumer is idempotent.
 */
export async function relayOutbox(records: DynamoDBRecord[]): Promise<DynamoDBBatchItemFailure[]> {
  const entries = outboxItemsOf<OutboxEntry>(records, 'outbox');
  const failed = await sendToQueues(
    entries.map(({ item }) => ({ queue: item.destination, body: item.body, type: item.messageType, firmId: item.firmId })),
  );
  logger.debug('outbox relayed', { sent: entries.length - failed.size, failed: failed.size });
  return [...failed].map((i) => ({ itemIdentifier: entries[i]!.sequenceNumber }));
}
