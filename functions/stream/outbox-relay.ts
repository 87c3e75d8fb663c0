import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { tracedLambdaHandler } from '#lib/shared/tracer';
import { relayOutbox } from '#lib/sync/relay';

/** Stream-triggered: carries each book's outbox entries to the other book's queue. */
export const handler = tracedLambdaHandler<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .handler(async (event) => ({ batchItemFailures: await relayOutbox(event.Records) }));
