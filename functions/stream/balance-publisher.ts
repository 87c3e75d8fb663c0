import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { tracedLambdaHandler } from '#lib/shared/tracer';
import { publishBalances } from '#lib/accounting/balance-publisher';

/** Stream-triggered (balance announcements in the outbox table): tells practice the new balance of each file named. */
export const handler = tracedLambdaHandler<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .handler(async (event) => ({ batchItemFailures: await publishBalances(event.Records) }));
