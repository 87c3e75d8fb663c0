import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/shared/logger';
import { reconcileContacts } from '#lib/accounting/contacts/service';

/** Scheduled: re-sends accounting records whose link stayed pending too long. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(() => reconcileContacts());
