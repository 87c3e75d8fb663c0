import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/shared/logger';
import { reconcilePending } from '#lib/sync/reconciler';
import { practiceTable } from '#lib/practice/entities/book';
import { redrivePractice } from '#lib/practice/redrive';

/** Scheduled: re-sends practice records whose link stayed pending too long. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(() => reconcilePending(practiceTable, redrivePractice));
