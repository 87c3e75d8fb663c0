import { SQSClient } from '@aws-sdk/client-sqs';
import { config } from '../shared/config.ts';

/**
 * One SQS client per container. Locally the endpoint is explicit: emulator
 * queue URLs name hosts that do not resolve, so the URL alone is not enough.
 */
export const sqs = new SQSClient({
  region: config.region,
  ...(config.endpoints.sqs ? { endpoint: config.endpoints.sqs } : {}),
});
