import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import type { Construct } from 'constructs';
import { buckets, functions, queues, tables, type FunctionName } from '#lib/declaration';
import { allRoutes } from '#lib/api/routes';
import { declaredTable } from './constructs/declared-table.ts';
import { failureQueue, QueueWithDlq, type FailureQueue } from './constructs/queue-with-dlq.ts';
import { accessLogBucket, privateBucket } from './constructs/private-bucket.ts';
import { declaredFunction } from './constructs/declared-function.ts';
import { grantDeclaredAccess, type DeclaredResources } from './constructs/resource-access.ts';
import { attachTrigger } from './constructs/triggers.ts';
import { DeclaredHttpApi, type ApiThrottle } from './constructs/http-api.ts';
import { OperationsDashboard } from './constructs/operations-dashboard.ts';
import { entriesOf, mapRecord, pascal } from './constructs/records.ts';

export interface LawBillingSyncStackProps extends StackProps {
  /** Issuer (`iss`) of the tokens the API accepts. */
  readonly jwtIssuer: string;
  /** Audience (`aud`) the API's tokens must carry. */
  readonly jwtAudience: string;
  /** The API's default stage throttling (default: `defaultApiThrottle`). */
  readonly apiThrottle?: ApiThrottle;
}

/**
 * The deployed system, built only from `lib/declaration.ts` and the route
 * list: every table, queue, bucket and function there, each function with
 * exactly its declared access and trigger, and the HTTP API in front. What
 * fails for good lands on an alarmed queue: each queue's DLQ, each stream
 * mapping's on-failure queue and one queue for the schedules; one dashboard
 * shows it all.
 */
export class LawBillingSyncStack extends Stack {
  readonly resources: DeclaredResources;
  readonly functions: Record<FunctionName, lambda.Function>;
  readonly httpApi: DeclaredHttpApi;
  /** Each stream-triggered function's on-failure queue. */
  readonly streamFailures: Partial<Record<FunctionName, FailureQueue>>;
  /** Scheduled invocations that could not be delivered or kept failing. */
  readonly scheduleFailures: FailureQueue | undefined;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: LawBillingSyncStackProps) {
    super(scope, id, props);
    // Server access logs are delivered under a bucket policy (not the legacy log-delivery ACL, which
    // BUCKET_OWNER_ENFORCED buckets refuse), whatever the app's feature flags.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    const accessLogs = accessLogBucket(this, 'AccessLogsBucket');
    this.resources = {
      tables: mapRecord(tables, (decl, name) => declaredTable(this, `${pascal(name)}Table`, decl)),
      queues: mapRecord(queues, (decl, name) => new QueueWithDlq(this, pascal(name), decl)),
      buckets: mapRecord(buckets, (_decl, name) => privateBucket(this, `${pascal(name)}Bucket`, accessLogs, name)),
    };

    const scheduled = entriesOf(functions).filter(([, decl]) => decl.trigger.kind === 'schedule');
    this.scheduleFailures = scheduled.length
      ? failureQueue(this, 'ScheduleFailures', {
          alarmDescription: `A scheduled run (${scheduled.map(([name]) => name).join(', ')}) could not be delivered or failed Lambda's retries: see docs/operations.md, "Failed schedules".`,
          collects: 'scheduled invocations EventBridge could not deliver or that failed all of Lambda\'s retries',
        })
      : undefined;

    const streamFailures: Partial<Record<FunctionName, FailureQueue>> = {};
    this.functions = mapRecord(functions, (decl, name) => {
      const fn = declaredFunction(this, pascal(name), decl, { asyncFailureQueue: this.scheduleFailures?.queue });
      grantDeclaredAccess(fn, decl, this.resources);
      const attached = attachTrigger(this, fn, decl, this.resources, this.scheduleFailures);
      if (attached.streamFailures) streamFailures[name] = attached.streamFailures;
      return fn;
    });
    this.streamFailures = streamFailures;

    const httpHandlers = entriesOf(functions).filter(([, decl]) => decl.trigger.kind === 'http');
    this.httpApi = new DeclaredHttpApi(this, 'Http', {
      routes: allRoutes(),
      handlers: Object.fromEntries(httpHandlers.map(([name]) => [name, this.functions[name]])),
      jwtIssuer: props.jwtIssuer,
      jwtAudience: props.jwtAudience,
      ...(props.apiThrottle ? { throttle: props.apiThrottle } : {}),
    });

    const failures = [
      ...entriesOf(streamFailures).map(([name, f]) => [`${name} stream failures`, f] as const),
      ...(this.scheduleFailures ? [['schedule failures', this.scheduleFailures] as const] : []),
    ];
    const queuesWithDlq = Object.values(this.resources.queues);
    this.dashboard = new OperationsDashboard(this, 'Operations', {
      queues: this.resources.queues,
      failureQueues: Object.fromEntries(failures.map(([name, f]) => [name, f.queue])),
      functions: this.functions,
      api: this.httpApi.api,
      alarms: [
        ...queuesWithDlq.flatMap((q) => [q.dlqAlarm, q.oldestMessageAlarm]),
        ...failures.map(([, f]) => f.alarm),
      ],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    for (const [name, decl] of entriesOf(tables)) {
      if (decl.stream) new CfnOutput(this, `${pascal(name)}TableName`, { value: this.resources.tables[name].tableName, description: `The streamed ${name} table (stream failures are redriven into it)` });
    }
    for (const [name, f] of entriesOf(streamFailures)) {
      new CfnOutput(this, `${pascal(name)}StreamFailuresUrl`, { value: f.queue.queueUrl, description: `Stream batches ${name} skipped (docs/operations.md, "Stream failures")` });
    }
    if (this.scheduleFailures) {
      new CfnOutput(this, 'ScheduleFailuresUrl', { value: this.scheduleFailures.queue.queueUrl, description: 'Scheduled runs that failed (docs/operations.md, "Failed schedules")' });
    }
  }
}
