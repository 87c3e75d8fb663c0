import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/shared/logger';
import { reconcilePractice } from '#lib/practice/redrive';

/** Scheduled: re-sends practice records whose link stayed pending too long. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(() => reconcilePractice());
