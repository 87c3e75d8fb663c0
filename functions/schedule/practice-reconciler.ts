import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/shared/logger';
import { reconcilePending } from '#lib/sync/reconciler';
import { practiceStore } from '#lib/practice/store';
import { pendingLinks } from '#lib/aws/entity';
import { redrivePractice, type PracticeSynced } from '#lib/practice/redrive';

/** Scheduled: re-sends practice records whose link stayed pending too long. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(() => reconcilePending(pendingLinks<PracticeSynced>(practiceStore), redrivePractice));
