import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '#lib/shared/logger';
import { runScheduledProduction } from '#lib/accounting/bills/settings';

/** Scheduled: produces every approved bill of every firm with scheduled production. */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await runScheduledProduction();
    logger.info('billing run started', { ...result });
    return result;
  });
