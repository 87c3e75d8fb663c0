import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#lib/shared/logger';
import { relayOutbox } from '#lib/sync/relay';

/** Stream-triggered: carries each book's outbox entries to the other book's queue. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => ({ batchItemFailures: await relayOutbox(event.Records) }));
