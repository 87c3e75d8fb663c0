import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { queues, relayedDestinations, type FunctionDecl, type Trigger } from '#lib/declaration';
import { functionDefaults } from './declared-function.ts';
import type { DeclaredResources } from './resource-access.ts';

/** A stream batch is retried (halving on error) this often before Lambda skips it; the reconciler re-sends what was lost. */
export const STREAM_RETRY_ATTEMPTS = 10;

/**
 * Connects a function to its declared queue, stream or schedule. HTTP
 * triggers are the API's job (`http-api.ts`), from the route list.
 */
export function attachTrigger(
  scope: Construct,
  fn: lambda.Function,
  decl: FunctionDecl,
  resources: DeclaredResources,
): void {
  const trigger: Trigger = decl.trigger;
  switch (trigger.kind) {
    case 'http':
      return;
    case 'queue': {
      const { queue } = resources.queues[trigger.queue];
      const timeout = decl.timeoutSeconds ?? functionDefaults.timeoutSeconds;
      const visibility = queues[trigger.queue].visibilityTimeoutSeconds;
      if (visibility < timeout) {
        throw new Error(`${fn.node.id}: queue ${trigger.queue} hides messages ${visibility}s, less than the ${timeout}s timeout.`);
      }
      fn.addEventSource(
        new SqsEventSource(queue, {
          batchSize: trigger.batchSize,
          maxConcurrency: trigger.maxConcurrency,
          reportBatchItemFailures: true,
        }),
      );
      return;
    }
    case 'stream': {
      const missing = relayedDestinations(trigger.filter).filter((d) => !decl.sendsTo?.includes(d as never));
      if (missing.length) {
        throw new Error(`${fn.node.id}: relays outbox entries to ${missing.join(', ')} but does not declare sendsTo them.`);
      }
      fn.addEventSource(
        new DynamoEventSource(resources.tables[trigger.table], {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: trigger.batchSize,
          reportBatchItemFailures: true,
          bisectBatchOnError: true,
          retryAttempts: STREAM_RETRY_ATTEMPTS,
          filters: [lambda.FilterCriteria.filter(trigger.filter)],
        }),
      );
      return;
    }
    case 'schedule':
      new events.Rule(scope, `${fn.node.id}Schedule`, {
        description: `Every ${trigger.everyMinutes} min: ${decl.description}`,
        schedule: events.Schedule.rate(Duration.minutes(trigger.everyMinutes)),
        targets: [new targets.LambdaFunction(fn)],
      });
      return;
  }
}
