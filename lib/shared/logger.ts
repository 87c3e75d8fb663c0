import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per container. Handlers append the firm, request
 * and message ids they are working on, so every line can be traced.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'law-billing-sync',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});
