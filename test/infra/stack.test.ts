import * as events from 'aws-cdk-lib/aws-events';
import { Duration } from 'aws-cdk-lib';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import {
  buckets,
  envName,
  functions,
  logRetentionDays,
  outboxDestinations,
  queueRetentionDays,
  queues,
  relayedDestinations,
  streamRetryAttempts as STREAM_RETRY_ATTEMPTS,
  tables,
  type BucketName,
  type FunctionDecl,
  type FunctionName,
  type QueueName,
  type TableName,
  type Trigger,
} from '#lib/declaration';
import { allRoutes } from '#lib/api/routes';
import { routeKey } from '#lib/api/route';
import { LawBillingSyncStack } from '../../infra/stack.ts';
import { FUNCTION_RUNTIME, functionDefaults, SERVICE_NAME } from '../../infra/constructs/declared-function.ts';
import { accessLogFields, defaultApiThrottle } from '../../infra/constructs/http-api.ts';
import { bucketActions, DEFAULT_MAIL_FROM } from '../../infra/constructs/resource-access.ts';
import { bundleOptions } from '../../infra/bundling.ts';
import { METRICS_NAMESPACE, metricNames } from '#lib/shared/metric-names';
import { entriesOf } from '../../infra/constructs/records.ts';

/*
 * Every expectation is derived from lib/declaration.ts and the route list, so
 * these tests fail when the stack drifts from the declaration (or the
 * declaration grows something the stack does not build).
 */

const jwtIssuer = 'https://issuer.test/';
const jwtAudience = 'test-audience';

// Skips esbuild: the template is all these tests read, and they stay fast and offline.
const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new LawBillingSyncStack(app, 'Test', { jwtIssuer, jwtAudience });
const template = Template.fromStack(stack);

type Json = any;
interface Resource {
  Type: string;
  Properties: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: Json;
}

const resources: Record<string, Resource> = template.toJSON().Resources;
const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resourceOf = (construct: IConstruct): Resource => {
  const resource = resources[idOf(construct)];
  if (!resource) throw new Error(`No resource for ${construct.node.path}`);
  return resource;
};
const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);

const declaredFunctions = entriesOf(functions) as [FunctionName, FunctionDecl][];
function triggered<K extends Trigger['kind']>(kind: K): [FunctionName, FunctionDecl, Extract<Trigger, { kind: K }>][] {
  return declaredFunctions
    .filter(([, decl]) => decl.trigger.kind === kind)
    .map(([name, decl]) => [name, decl, decl.trigger as Extract<Trigger, { kind: K }>]);
}

const tableId = (t: TableName) => idOf(stack.resources.tables[t]);
const queueId = (q: QueueName) => idOf(stack.resources.queues[q].queue);
const bucketId = (b: BucketName) => idOf(stack.resources.buckets[b]);
const functionId = (f: FunctionName) => idOf(stack.functions[f]);

/** Every IAM statement a function's role holds. */
const statementsOf = (name: FunctionName): Statement[] => {
  const roleId = idOf(stack.functions[name].role!);
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
};
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const naming = (statements: Statement[], logicalId: string) =>
  statements.filter((s) => JSON.stringify(s.Resource).includes(`"${logicalId}"`));

const tlsOnly = Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });

describe('tables', () => {
  it('are exactly the declared tables', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', Object.keys(tables).length);
  });

  it.each(entriesOf(tables))('%s: on demand, PITR, keys, GSIs, TTL, stream, retained', (name, decl) => {
    const table = resourceOf(stack.resources.tables[name]);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      KeySchema: [
        { AttributeName: decl.keys.pk, KeyType: 'HASH' },
        { AttributeName: decl.keys.sk, KeyType: 'RANGE' },
      ],
    });
    expect(table.Properties.GlobalSecondaryIndexes ?? []).toEqual(
      decl.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: index.projection === 'all' ? 'ALL' : 'KEYS_ONLY' },
      })),
    );
    const ttl: string | undefined = 'ttlAttribute' in decl ? decl.ttlAttribute : undefined;
    expect(table.Properties.TimeToLiveSpecification).toEqual(ttl ? { AttributeName: ttl, Enabled: true } : undefined);
    expect(table.Properties.StreamSpecification).toEqual(decl.stream ? { StreamViewType: 'NEW_IMAGE' } : undefined);
  });
});

const days = (n: number) => n * 24 * 3600;
const failureQueues = () => [...Object.values(stack.streamFailures), ...(stack.scheduleFailures ? [stack.scheduleFailures] : [])];
const firstMessageAlarm = (queue: IConstruct) => ({
  Namespace: 'AWS/SQS',
  MetricName: 'ApproximateNumberOfMessagesVisible',
  Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(queue), 'QueueName'] } }],
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  Threshold: 1,
});

describe('queues', () => {
  it('are the declared queues, each with a DLQ, and the failure queues of streams and schedules', () => {
    expect(Object.keys(stack.streamFailures).sort()).toEqual(triggered('stream').map(([name]) => name).sort());
    expect(stack.scheduleFailures !== undefined).toBe(triggered('schedule').length > 0);
    template.resourceCountIs('AWS::SQS::Queue', 2 * Object.keys(queues).length + failureQueues().length);
  });

  it.each(entriesOf(queues))('%s: redrive, visibility, retention, encryption, TLS only', (name, decl) => {
    const { queue, dlq } = stack.resources.queues[name];
    expect(resourceOf(queue).Properties).toMatchObject({
      VisibilityTimeout: decl.visibilityTimeoutSeconds,
      MessageRetentionPeriod: days(queueRetentionDays.queue),
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [idOf(dlq), 'Arn'] }, maxReceiveCount: decl.maxReceiveCount },
    });
    expect(resourceOf(dlq).Properties).toMatchObject({ MessageRetentionPeriod: days(queueRetentionDays.deadLetter), SqsManagedSseEnabled: true });
    for (const q of [queue, dlq]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: idOf(q) }],
        PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
      });
    }
  });

  it('a DLQ keeps a message longer than its queue (SQS counts a moved message\'s age from its first send)', () => {
    expect(queueRetentionDays.deadLetter).toBeGreaterThan(queueRetentionDays.queue);
    expect(queueRetentionDays.deadLetter).toBeLessThanOrEqual(14);
  });

  it.each(entriesOf(queues))('%s: its DLQ alarms on the first message', (name) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', firstMessageAlarm(stack.resources.queues[name].dlq));
  });

  it.each(entriesOf(queues))('%s: alarms when its oldest message has waited its declared time', (name, decl) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(name), 'QueueName'] } }],
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: decl.oldestMessageAlarmSeconds,
    });
    // SQS stops ageing a message after its third receive: a poison message alone never trips this alarm.
    expect(decl.oldestMessageAlarmSeconds).toBeGreaterThan(3 * decl.visibilityTimeoutSeconds);
  });

  it('every stream and schedule failure queue keeps two weeks, is TLS only and alarms on its first message', () => {
    for (const { queue } of failureQueues()) {
      expect(resourceOf(queue).Properties).toMatchObject({ MessageRetentionPeriod: days(queueRetentionDays.deadLetter), SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', firstMessageAlarm(queue));
      template.hasResourceProperties('AWS::SQS::QueuePolicy', { Queues: [{ Ref: idOf(queue) }], PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) } });
    }
  });

  it('have exactly these alarms: per queue its DLQ and its oldest message, per failure queue its first message', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2 * Object.keys(queues).length + failureQueues().length);
  });
});

describe('buckets', () => {
  const accessLogs = () => stack.node.findChild('AccessLogsBucket') as IConstruct;

  it('are exactly the declared buckets and the one their access logs go to', () => {
    template.resourceCountIs('AWS::S3::Bucket', Object.keys(buckets).length + 1);
  });

  it('keep S3 server access logs (who fetched which document) for their declared days, privately', () => {
    expect(resourceOf(accessLogs()).Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: logRetentionDays.bucketAccess, Status: 'Enabled' }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: idOf(accessLogs()) },
      PolicyDocument: {
        Statement: Match.arrayWith([tlsOnly, Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' })]),
      },
    });
    for (const name of Object.keys(buckets) as BucketName[]) {
      expect(resourceOf(stack.resources.buckets[name]).Properties.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: idOf(accessLogs()) },
        LogFilePrefix: `${name}/`,
      });
    }
  });

  it.each(Object.keys(buckets) as BucketName[])('%s: private, encrypted, versioned, TLS only, retained', (name) => {
    const bucket = resourceOf(stack.resources.buckets[name]);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId(name) },
      PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
    });
  });
});

describe('functions', () => {
  it('are one Lambda per declared function', () => {
    template.resourceCountIs('AWS::Lambda::Function', declaredFunctions.length);
  });

  it('run the newest Node runtime aws-cdk-lib offers, which the bundles target', () => {
    expect(FUNCTION_RUNTIME.name).toBe('nodejs24.x');
    expect(bundleOptions.target).toBe(FUNCTION_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'));
  });

  it.each(declaredFunctions)('%s: arm64, newest Node, active tracing, declared size, its own log group kept the declared days', (name, decl) => {
    const fn = resourceOf(stack.functions[name]);
    expect(fn.Properties).toMatchObject({
      Runtime: FUNCTION_RUNTIME.name,
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: decl.timeoutSeconds ?? functionDefaults.timeoutSeconds,
      MemorySize: decl.memoryMb ?? functionDefaults.memoryMb,
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, NODE_OPTIONS: '--enable-source-maps' } },
    });
    const logGroupId: string = fn.Properties.LoggingConfig.LogGroup.Ref;
    expect(resources[logGroupId]?.Properties.RetentionInDays).toBe(logRetentionDays.logGroups);
  });

  it.each(declaredFunctions)('%s: its own role, no managed policy, writing only its own log group', (name) => {
    const fn = resourceOf(stack.functions[name]);
    const role = resourceOf(stack.functions[name].role!);
    expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [idOf(stack.functions[name].role!), 'Arn'] });
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const logGroupId: string = fn.Properties.LoggingConfig.LogGroup.Ref;
    const logStatements = statementsOf(name).filter((st) => actionsOf([st]).some((a) => a.startsWith('logs:')));
    expect(logStatements).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
    ]);
    expect(actionsOf(statementsOf(name))).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
  });

  it('every log group keeps its logs the declared days', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups).toHaveLength(declaredFunctions.length + 1); // + the API's access log
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBe(logRetentionDays.logGroups);
  });

  it('that share an entry file share one bundle', () => {
    const byEntry = new Map<string, Set<string>>();
    for (const [name, decl] of declaredFunctions) {
      const code = JSON.stringify(resourceOf(stack.functions[name]).Properties.Code);
      byEntry.set(decl.entry, (byEntry.get(decl.entry) ?? new Set()).add(code));
    }
    for (const codes of byEntry.values()) expect(codes.size).toBe(1);
  });
});

describe('triggers', () => {
  const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);

  it('are one event source mapping per queue or stream trigger', () => {
    expect(mappings).toHaveLength(triggered('queue').length + triggered('stream').length);
  });

  it('every mapping reports partial batch failures', () => {
    for (const mapping of mappings) expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it.each(triggered('queue'))('%s consumes its queue', (name, _decl, trigger) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(name) },
      EventSourceArn: { 'Fn::GetAtt': [queueId(trigger.queue), 'Arn'] },
      BatchSize: trigger.batchSize,
      ScalingConfig: { MaximumConcurrency: trigger.maxConcurrency },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it.each(triggered('queue'))('%s: its queue hides a message longer than the function may run', (_name, decl, trigger) => {
    expect(queues[trigger.queue].visibilityTimeoutSeconds).toBeGreaterThanOrEqual(
      decl.timeoutSeconds ?? functionDefaults.timeoutSeconds,
    );
  });

  it.each(triggered('stream'))('%s reads its table stream through the declared filter', (name, _decl, trigger) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(name) },
      EventSourceArn: { 'Fn::GetAtt': [tableId(trigger.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: trigger.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(trigger.filter) }] },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [idOf(stack.streamFailures[name]!.queue), 'Arn'] } } },
    });
    const sends = statementsOf(name).filter((st) => JSON.stringify(st.Resource).includes(idOf(stack.streamFailures[name]!.queue)));
    expect(actionsOf(sends)).toContain('sqs:SendMessage');
  });

  it.each(triggered('stream').filter(([, , t]) => relayedDestinations(t.filter).length > 0))(
    '%s may send to every queue its filter lets through',
    (_name, decl, trigger) => {
      for (const destination of relayedDestinations(trigger.filter)) expect(decl.sendsTo).toContain(destination);
    },
  );

  it.each(Object.entries(outboxDestinations))('the %s outbox reaches each of its destinations through exactly one relay', (_book, destinations) => {
    for (const destination of destinations) {
      const relays = triggered('stream').filter(([, , t]) => relayedDestinations(t.filter).includes(destination));
      expect(relays, destination).toHaveLength(1);
    }
  });

  it('only the outbox table streams (the books pay for no stream records)', () => {
    expect(Object.entries(tables).filter(([, t]) => t.stream).map(([name]) => name)).toEqual(['outbox']);
    expect(new Set(triggered('stream').map(([, , t]) => t.table))).toEqual(new Set(['outbox']));
  });

  it('are one rule per schedule', () => {
    template.resourceCountIs('AWS::Events::Rule', triggered('schedule').length);
  });

  it.each(triggered('schedule'))('%s runs on its schedule', (name, _decl, trigger) => {
    const n = trigger.everyMinutes;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: events.Schedule.rate(Duration.minutes(n)).expressionString,
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionId(name), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(stack.scheduleFailures!.queue), 'Arn'] } },
        }),
      ],
    });
    // EventBridge delivers asynchronously: what fails Lambda's own retries lands in the same queue.
    expect(resourceOf(stack.functions[name]).Properties.DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [idOf(stack.scheduleFailures!.queue), 'Arn'] },
    });
  });

  it('only scheduled functions have an asynchronous-invocation DLQ', () => {
    for (const [name, decl] of declaredFunctions) {
      expect(resourceOf(stack.functions[name]).Properties.DeadLetterConfig !== undefined, name).toBe(decl.trigger.kind === 'schedule');
    }
  });
});

describe('HTTP API', () => {
  const routes = ofType('AWS::ApiGatewayV2::Route');
  const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
  const integrationOf = (route: Resource): Resource => {
    const ref: string = route.Properties.Target['Fn::Join'][1][1].Ref;
    return resources[ref]!;
  };

  it('has one JWT authorizer with the configured issuer and audience', () => {
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]![1].Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: jwtIssuer, Audience: [jwtAudience] },
    });
  });

  it('has one route per declared route', () => {
    expect(routes.map(([, r]) => r.Properties.RouteKey).sort()).toEqual(allRoutes().map(routeKey).sort());
  });

  it.each(allRoutes().map((r) => [routeKey(r), r] as const))('%s: its function and authorization', (key, spec) => {
    const route = routes.find(([, r]) => r.Properties.RouteKey === key)![1];
    if (spec.access === 'public') {
      expect(route.Properties.AuthorizationType).toBe('NONE');
      expect(route.Properties.AuthorizerId).toBeUndefined();
    } else {
      expect(route.Properties.AuthorizationType).toBe('JWT');
      expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizers[0]![0] });
    }
    expect(integrationOf(route).Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionId(spec.fn), 'Arn'] },
    });
  });

  it('reuses one integration per function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', new Set(allRoutes().map((r) => r.fn)).size);
  });

  it('serves every http function, and only those', () => {
    expect(new Set(allRoutes().map((r) => r.fn))).toEqual(new Set(triggered('http').map(([name]) => name)));
  });

  it('outputs its URL', () => {
    template.hasOutput('ApiUrl', {});
  });

  const stageOf = (t: Template) => Object.values<Resource>(t.toJSON().Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;

  it('its default stage writes a JSON access log to a group kept the declared days', () => {
    const stage = stageOf(template);
    expect(stage.Properties.StageName).toBe('$default');
    const groupId: string = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(groupId).toBe(idOf(stack.httpApi.accessLogs));
    expect(resources[groupId]!.Properties.RetentionInDays).toBe(logRetentionDays.logGroups);
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toEqual(accessLogFields);
    expect(format.requestId).toBe('$context.requestId');
    expect(Object.values(format).join(' ')).not.toMatch(/header|token/i); // never the bearer token
  });

  it('its default stage throttles every route, by default and as the context says', () => {
    expect(stageOf(template).Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: defaultApiThrottle.rateLimit,
      ThrottlingBurstLimit: defaultApiThrottle.burstLimit,
    });
    const other = new LawBillingSyncStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Throttled', {
      jwtIssuer,
      jwtAudience,
      apiThrottle: { rateLimit: 50, burstLimit: 20 },
    });
    expect(stageOf(Template.fromStack(other)).Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 20 });
  });
});

describe('least privilege', () => {
  const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
  const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

  it('openapi has no data access at all', () => {
    const actions = actionsOf(statementsOf('openapi'));
    expect(actions.filter((a) => /^(dynamodb|sqs|s3):/.test(a))).toEqual([]);
  });

  it('toAccountingConsumer writes the accounting table and never names the practice table', () => {
    const statements = statementsOf('toAccountingConsumer');
    expect(actionsOf(naming(statements, tableId('accounting')))).toEqual(expect.arrayContaining(writeActions));
    expect(JSON.stringify(statements)).not.toContain(tableId('practice'));
    expect(JSON.stringify(statements)).not.toContain(tableId('jobs'));
  });

  it.each(declaredFunctions)('%s reaches exactly its declared tables, queues and buckets', (name, decl) => {
    const statements = statementsOf(name);
    const trigger = decl.trigger;
    for (const t of Object.keys(tables) as TableName[]) {
      const access = decl.tables?.[t];
      const onTable = naming(statements, tableId(t));
      const isStream = trigger.kind === 'stream' && trigger.table === t;
      if (!access && !isStream) expect(onTable, `${name} must not touch table ${t}`).toEqual([]);
      if (!access && isStream) expect(actionsOf(onTable).every((a) => streamActions.includes(a))).toBe(true);
      if (access) expect(actionsOf(onTable)).toContain('dynamodb:GetItem');
      if (access === 'read') expect(actionsOf(onTable).filter((a) => writeActions.includes(a))).toEqual([]);
      if (access === 'readwrite') expect(actionsOf(onTable)).toEqual(expect.arrayContaining(writeActions));
    }
    for (const q of Object.keys(queues) as QueueName[]) {
      const onQueue = actionsOf(naming(statements, queueId(q)));
      const consumes = trigger.kind === 'queue' && trigger.queue === q;
      expect(onQueue.includes('sqs:SendMessage'), `${name} sends to ${q}`).toBe(decl.sendsTo?.includes(q) ?? false);
      expect(onQueue.includes('sqs:ReceiveMessage'), `${name} consumes ${q}`).toBe(consumes);
    }
    for (const b of Object.keys(buckets) as BucketName[]) {
      const onBucket = naming(statements, bucketId(b));
      if (!decl.buckets?.[b]) expect(onBucket, `${name} must not touch bucket ${b}`).toEqual([]);
      else expect(onBucket).not.toEqual([]);
    }
  });

  it.each(declaredFunctions.filter(([, d]) => d.buckets))('%s: on its buckets exactly the S3 actions the code uses', (name, decl) => {
    for (const [b, access] of Object.entries(decl.buckets!) as [BucketName, 'read' | 'readwrite'][]) {
      const onBucket = naming(statementsOf(name), bucketId(b));
      expect(onBucket.map((st) => [[st.Action].flat().sort(), st.Resource])).toEqual(
        expect.arrayContaining([
          [[...bucketActions.objects[access]].sort(), { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(b), 'Arn'] }, '/*']] }],
          [[...bucketActions.bucket], { 'Fn::GetAtt': [bucketId(b), 'Arn'] }],
        ]),
      );
      const actions = actionsOf(onBucket);
      expect(actions.filter((a) => /Delete|Abort|\*/.test(a)), name).toEqual([]);
      expect(actions.includes('s3:PutObject')).toBe(access === 'readwrite');
    }
  });

  it.each(declaredFunctions)('%s may send email only from the sender identity, and only if it mails', (name, decl) => {
    const ses = statementsOf(name).filter((st) => actionsOf([st]).some((a) => a.startsWith('ses:')));
    if (!('mail' in decl && decl.mail)) return expect(ses).toEqual([]);
    const address = /<([^>]+)>/.exec(DEFAULT_MAIL_FROM)![1]!;
    const identity = (id: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:identity/${id}`]],
    });
    expect(ses).toEqual([
      { Effect: 'Allow', Action: ['ses:SendEmail', 'ses:SendRawEmail'], Resource: [identity(address), identity(address.split('@')[1]!)] },
    ]);
    expect(resourceOf(stack.functions[name]).Properties.Environment.Variables.MAIL_FROM).toBe(DEFAULT_MAIL_FROM);
  });

  it.each(declaredFunctions)('%s is told the names of its own resources only', (name, decl) => {
    const expected: Record<string, Json> = {
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      NODE_OPTIONS: '--enable-source-maps',
    };
    for (const t of Object.keys(decl.tables ?? {}) as TableName[]) expected[envName.table(t)] = { Ref: tableId(t) };
    for (const q of decl.sendsTo ?? []) expected[envName.queueUrl(q)] = { Ref: queueId(q) };
    for (const b of Object.keys(decl.buckets ?? {}) as BucketName[]) expected[envName.bucket(b)] = { Ref: bucketId(b) };
    if ('mail' in decl && decl.mail) expected.MAIL_FROM = expect.any(String) as unknown as Json;
    expect(resourceOf(stack.functions[name]).Properties.Environment.Variables).toEqual(expected);
  });
});

describe('operations', () => {
  const dashboards = ofType('AWS::CloudWatch::Dashboard');
  /** The dashboard body as JSON, each reference written `<LogicalId>` or `<LogicalId.Attribute>`. */
  const body = (): { widgets: { type: string; properties: Json }[] } => {
    const parts: (string | Json)[] = dashboards[0]![1].Properties.DashboardBody['Fn::Join'][1];
    const text = parts.map((p) => (typeof p === 'string' ? p : p.Ref ? `<${p.Ref}>` : `<${(p['Fn::GetAtt'] as string[]).join('.')}>`)).join('');
    return JSON.parse(text);
  };
  const graphed = () => body().widgets.flatMap((w) => (w.properties.metrics ?? []) as Json[][]);
  /** The plain metrics graphed, each as `namespace name dimension value`. */
  const plain = () => graphed().filter((m) => typeof m[0] === 'string').map((m) => m.filter((x) => typeof x === 'string').join(' '));
  const expressions = () => graphed().flatMap((m) => m.filter((x) => typeof x === 'object' && x.expression).map((x) => x.expression as string));

  it('one dashboard', () => {
    expect(dashboards).toHaveLength(1);
  });

  it.each(Object.values(metricNames).map((m) => [m.name] as const))('shows the emitted figure %s, found in its namespace', (metric) => {
    expect(expressions().filter((e) => e.startsWith(`SEARCH('Namespace="${METRICS_NAMESPACE}" MetricName="${metric}"'`))).not.toEqual([]);
  });

  it.each(entriesOf(queues))('shows %s: its depth, its oldest message and its DLQ', (name) => {
    const { queue, dlq } = stack.resources.queues[name];
    expect(plain()).toEqual(
      expect.arrayContaining([
        `AWS/SQS ApproximateNumberOfMessagesVisible QueueName <${idOf(queue)}.QueueName>`,
        `AWS/SQS ApproximateAgeOfOldestMessage QueueName <${idOf(queue)}.QueueName>`,
        `AWS/SQS ApproximateNumberOfMessagesVisible QueueName <${idOf(dlq)}.QueueName>`,
      ]),
    );
  });

  it('shows every stream and schedule failure queue', () => {
    for (const { queue } of failureQueues()) {
      expect(plain()).toContain(`AWS/SQS ApproximateNumberOfMessagesVisible QueueName <${idOf(queue)}.QueueName>`);
    }
  });

  it.each(declaredFunctions)('shows %s: errors, throttles and duration', (name) => {
    for (const metric of ['Errors', 'Throttles', 'Duration']) expect(plain()).toContain(`AWS/Lambda ${metric} FunctionName <${functionId(name)}>`);
  });

  it("shows the API's requests, 4xx, 5xx, latency and integration latency", () => {
    const api = idOf(stack.httpApi.api);
    for (const metric of ['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency']) expect(plain()).toContain(`AWS/ApiGateway ${metric} ApiId <${api}>`);
  });

  it('shows every alarm', () => {
    const shown = body().widgets.filter((w) => w.type === 'alarm').flatMap((w) => w.properties.alarms as string[]);
    expect(shown.map((a) => a.replace(/^<|\.Arn>$/g, '')).sort()).toEqual(ofType('AWS::CloudWatch::Alarm').map(([id]) => id).sort());
  });

  it('outputs the failure queues and the streamed tables a redrive needs', () => {
    const pascal = (n: string) => `${n.charAt(0).toUpperCase()}${n.slice(1)}`;
    for (const name of Object.keys(stack.streamFailures)) template.hasOutput(`${pascal(name)}StreamFailuresUrl`, {});
    if (stack.scheduleFailures) template.hasOutput('ScheduleFailuresUrl', {});
    for (const [name, decl] of entriesOf(tables)) if (decl.stream) template.hasOutput(`${pascal(name)}TableName`, {});
  });
});
