import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../shared/logger.ts';
import { countGiveUp, flushMetrics, metricsForFirm } from '../shared/metrics.ts';
import { tracedLambdaHandler } from '../shared/tracer.ts';
import { queues, type QueueName } from '../declaration.ts';
import type { GiveUp } from './give-up.ts';

/**
 * An SQS consumer that handles records one by one, in order (Powertools'
 * batch processor, sequential), and reports each failed record
 * (`batchItemFailures`) so only those are retried and, after the queue's
 * maxReceiveCount, moved to its DLQ; a batch whose records all fail is
 * reported the same way, not thrown. A body that is not a valid
 * message fails too: it can never succeed, and the DLQ is where it is seen.
 * Every error is retried (a domain refusal a handler considers final, it
 * handles itself); on the last delivery `giveUp` (lib/queue/give-up.ts), if
 * the queue has one, makes the failure visible too, and the message still
 * goes to the DLQ for a redrive unless the give-up answered it for good.
 * Each message that fails its last delivery counts once in GiveUps (dimension:
 * the queue); the metrics of each record are flushed after it, naming its firm.
 * Traced (lib/shared/tracer.ts).
 *
 * Handlers must be idempotent: SQS delivers at least once.
 */
export interface Delivery {
  receiveCount: number;
  /** This is the last delivery before the message goes to the DLQ. */
  lastAttempt: boolean;
}

type Message = { type: string; firmId: string; id: string };

export function queueConsumer<S extends z.ZodType<Message>>(
  schema: S,
  handle: (message: z.infer<S>, delivery: Delivery) => Promise<void>,
  queue: QueueName,
  giveUp?: GiveUp<z.infer<S>>,
) {
  const { maxReceiveCount } = queues[queue];

  /** Applies one record; throws when it failed (and is to be retried, or moved to the DLQ). */
  const processRecord = async (record: SQSRecord): Promise<void> => {
    const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? '1');
    const delivery: Delivery = { receiveCount, lastAttempt: receiveCount >= maxReceiveCount };
    let message: z.infer<S>;
    try {
      message = schema.parse(JSON.parse(record.body)) as z.infer<S>;
    } catch (error) {
      if (delivery.lastAttempt) countGiveUp(queue, undefined);
      throw error;
    }
    logger.appendKeys({ firmId: message.firmId, messageType: message.type, syncMessageId: message.id });
    metricsForFirm(message.firmId);
    try {
      await handle(message, delivery);
    } catch (error) {
      if (!delivery.lastAttempt) throw error;
      countGiveUp(queue, message.firmId);
      if (!giveUp) throw error;
      const outcome = await giveUp(message, error);
      logger.error('gave up on a message after its last delivery', { error: error as Error, outcome });
      if (outcome !== 'answered') throw error;
    }
  };

  /** One record, with its ids in every log line and its metrics flushed after it (naming its firm). */
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    logger.appendKeys({ messageId: record.messageId });
    try {
      await processRecord(record);
      logger.debug('message applied');
    } catch (error) {
      logger.error('message failed; it will be retried', { error: error as Error });
      throw error;
    } finally {
      flushMetrics();
      logger.removeKeys(['messageId', 'firmId', 'messageType', 'syncMessageId']);
    }
  };

  return tracedLambdaHandler<SQSEvent, SQSBatchResponse>().handler((event, context) =>
    // A processor per invocation: its state is the batch's own, even where invocations share a process (locally).
    processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), {
      context,
      processInParallel: false,
      throwOnFullBatchFailure: false,
    }),
  );
}
