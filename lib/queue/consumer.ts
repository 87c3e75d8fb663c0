import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../shared/logger.ts';
import { queues, type QueueName } from '../declaration.ts';
import type { GiveUp } from './give-up.ts';

/**
 * An SQS consumer that handles records one by one, in order, and reports
 * each failed record (`batchItemFailures`) so only those are retried and, after
 * the queue's maxReceiveCount, moved to its DLQ. A body that is not a valid
 * message fails too: it can never succeed, and the DLQ is where it is seen.
 * Every error is retried (a domain refusal a handler considers final, it
 * handles itself); on the last delivery `giveUp` (lib/queue/give-up.ts), if
 * the queue has one, makes the failure visible too, and the message still
 * goes to the DLQ for a redrive unless the give-up answered it for good.
 *
 * Handlers must be idempotent: SQS delivers at least once.
 */
export interface Delivery {
  receiveCount: number;
  /** This is the last delivery before the message goes to the DLQ. */
  lastAttempt: boolean;
}

export function queueConsumer<S extends z.ZodType<{ type: string; firmId: string; id: string }>>(
  schema: S,
  handle: (message: z.infer<S>, delivery: Delivery) => Promise<void>,
  queue: QueueName,
  giveUp?: GiveUp<z.infer<S>>,
) {
  const { maxReceiveCount } = queues[queue];
  const apply = async (message: z.infer<S>, delivery: Delivery) => {
    try {
      await handle(message, delivery);
    } catch (error) {
      if (!delivery.lastAttempt || !giveUp) throw error;
      const outcome = await giveUp(message, error);
      logger.error('gave up on a message after its last delivery', { error: error as Error, outcome });
      if (outcome !== 'answered') throw error;
    }
  };
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const batchItemFailures: SQSBatchItemFailure[] = [];
      for (const record of event.Records) {
        logger.appendKeys({ messageId: record.messageId });
        try {
          const message = schema.parse(JSON.parse(record.body)) as z.infer<S>;
          logger.appendKeys({ firmId: message.firmId, messageType: message.type, syncMessageId: message.id });
          const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? '1');
          await apply(message, { receiveCount, lastAttempt: receiveCount >= maxReceiveCount });
          logger.debug('message applied');
        } catch (error) {
          logger.error('message failed; it will be retried', { error: error as Error });
          batchItemFailures.push({ itemIdentifier: record.messageId });
        } finally {
          logger.removeKeys(['messageId', 'firmId', 'messageType', 'syncMessageId']);
        }
      }
      return { batchItemFailures };
    });
}
