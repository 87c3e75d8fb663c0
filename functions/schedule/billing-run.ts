import type { ScheduledEvent } from 'aws-lambda';
import { tracedLambdaHandler } from '#lib/shared/tracer';
import { logger } from '#lib/shared/logger';
import { runScheduledProduction } from '#lib/accounting/bills/settings';

/** Scheduled: produces every approved bill of every firm with scheduled production. */
export const handler = tracedLambdaHandler<ScheduledEvent, unknown>().handler(async () => {
  const result = await runScheduledProduction();
  logger.info('billing run started', { ...result });
  return result;
});
