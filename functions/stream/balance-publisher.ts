import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#lib/shared/logger';
import { publishBalances } from '#lib/accounting/balance-publisher';

/** Stream-triggered (balance announcements in the outbox table): tells practice the new balance of each file named. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => ({ batchItemFailures: await publishBalances(event.Records) }));
