import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../shared/config.ts';
import { traceable } from '../shared/tracing.ts';

/**
 * One DynamoDB client per container, pointed at the configured endpoint;
 * traced where the function has a tracer (the document client below shares
 * its middleware, so its calls are traced too).
 */
export const dynamo = traceable(
  new DynamoDBClient({
    region: config.region,
    ...(config.endpoints.dynamodb ? { endpoint: config.endpoints.dynamodb } : {}),
  }),
);

/**
 * DynamoDB requests made by this container, by operation: the benchmarks read
 * them (through the local stack) to report requests per exported entry.
 */
export const dynamoRequests: Record<string, number> = {};
dynamo.middlewareStack.add(
  (next, context) => async (args) => {
    dynamoRequests[context.commandName ?? 'unknown'] = (dynamoRequests[context.commandName ?? 'unknown'] ?? 0) + 1;
    return next(args);
  },
  { step: 'initialize', name: 'countRequests' },
);

export const ddb = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/**
 * The per-item reasons of a cancelled transaction, in the order of its items
 * (`None` where that item was fine), or undefined for any other error.
 */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException) && (error as { name?: string })?.name !== 'TransactionCanceledException') {
    return undefined;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

/** A cancelled transaction that lost a race with another and may simply be retried. */
export function isTransientCancellation(error: unknown): boolean {
  const codes = cancellationCodes(error);
  return !!codes && codes.some((c) => c === 'TransactionConflict' || c === 'ThrottlingError');
}
