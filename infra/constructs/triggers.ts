import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { queues, relayedDestinations, streamRetryAttempts, type FunctionDecl, type Trigger } from '#lib/declaration';
import { functionDefaults } from './declared-function.ts';
import type { DeclaredResources } from './resource-access.ts';
import { failureQueue, type FailureQueue } from './queue-with-dlq.ts';
import { acknowledge } from './acknowledge.ts';

/** What a trigger added that fails elsewhere: a stream mapping's on-failure queue. */
export interface AttachedTrigger {
  readonly streamFailures?: FailureQueue;
}

/**
 * Connects a function to its declared queue, stream or schedule. HTTP
 * triggers are the API's job (`http-api.ts`), from the route list. A stream
 * mapping gets an on-failure queue of its own (alarmed); a schedule sends
 * what it could not deliver to `scheduleFailures`.
 */
export function attachTrigger(
  scope: Construct,
  fn: lambda.Function,
  decl: FunctionDecl,
  resources: DeclaredResources,
  scheduleFailures: FailureQueue | undefined,
): AttachedTrigger {
  const trigger: Trigger = decl.trigger;
  switch (trigger.kind) {
    case 'http':
      return {};
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
      acknowledge(
        fn,
        'Serverless-LambdaEventSourceMappingDestination',
        `SQS event source mappings take no on-failure destination: a message that keeps failing moves to the ${trigger.queue} queue's DLQ after maxReceiveCount deliveries (alarmed).`,
      );
      return {};
    }
    case 'stream': {
      const missing = relayedDestinations(trigger.filter).filter((d) => !decl.sendsTo?.includes(d as never));
      if (missing.length) {
        throw new Error(`${fn.node.id}: relays outbox entries to ${missing.join(', ')} but does not declare sendsTo them.`);
      }
      const streamFailures = failureQueue(scope, `${fn.node.id}StreamFailures`, {
        alarmDescription: `A ${trigger.table} stream batch failed ${streamRetryAttempts} retries and was skipped by ${fn.node.id}: redrive it (docs/operations.md, "Stream failures").`,
        collects: `the ${trigger.table} stream batches ${fn.node.id} skipped after ${streamRetryAttempts} retries`,
        onFailureDestination: true,
      });
      fn.addEventSource(
        new DynamoEventSource(resources.tables[trigger.table], {
          startingPosition: lambda.StartingPosition.TRIM_HORIZON,
          batchSize: trigger.batchSize,
          reportBatchItemFailures: true,
          bisectBatchOnError: true,
          retryAttempts: streamRetryAttempts,
          onFailure: new SqsDlq(streamFailures.queue),
          filters: [lambda.FilterCriteria.filter(trigger.filter)],
        }),
      );
      return { streamFailures };
    }
    case 'schedule': {
      if (!scheduleFailures) throw new Error(`${fn.node.id} runs on a schedule, and the stack made no queue for failed schedules.`);
      new events.Rule(scope, `${fn.node.id}Schedule`, {
        description: `Every ${trigger.everyMinutes} min: ${decl.description}`,
        schedule: events.Schedule.rate(Duration.minutes(trigger.everyMinutes)),
        targets: [new targets.LambdaFunction(fn, { deadLetterQueue: scheduleFailures.queue })],
      });
      return {};
    }
  }
}
