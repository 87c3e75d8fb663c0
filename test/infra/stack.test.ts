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
  outboxDestinations,
  queues,
  relayedDestinations,
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
import { functionDefaults, SERVICE_NAME } from '../../infra/constructs/declared-function.ts';
import { STREAM_RETRY_ATTEMPTS } from '../../infra/constructs/triggers.ts';
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

describe('queues', () => {
  it('are the declared queues, each with a DLQ', () => {
    template.resourceCountIs('AWS::SQS::Queue', 2 * Object.keys(queues).length);
  });

  it.each(entriesOf(queues))('%s: redrive, visibility, encryption, TLS only', (name, decl) => {
    const { queue, dlq } = stack.resources.queues[name];
    expect(resourceOf(queue).Properties).toMatchObject({
      VisibilityTimeout: decl.visibilityTimeoutSeconds,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [idOf(dlq), 'Arn'] }, maxReceiveCount: decl.maxReceiveCount },
    });
    expect(resourceOf(dlq).Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    for (const q of [queue, dlq]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: idOf(q) }],
        PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
      });
    }
  });

  it.each(entriesOf(queues))('%s: its DLQ alarms on the first message', (name) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(stack.resources.queues[name].dlq), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
    });
  });

  it('have one alarm per DLQ', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', Object.keys(queues).length);
  });
});

describe('buckets', () => {
  it('are exactly the declared buckets', () => {
    template.resourceCountIs('AWS::S3::Bucket', Object.keys(buckets).length);
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

  it.each(declaredFunctions)('%s: arm64 Node 22, declared size, one month of logs', (name, decl) => {
    const fn = resourceOf(stack.functions[name]);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: decl.timeoutSeconds ?? functionDefaults.timeoutSeconds,
      MemorySize: decl.memoryMb ?? functionDefaults.memoryMb,
      Environment: { Variables: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, NODE_OPTIONS: '--enable-source-maps' } },
    });
    const logGroupId: string = fn.Properties.LoggingConfig.LogGroup.Ref;
    expect(resources[logGroupId]?.Properties.RetentionInDays).toBe(30);
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
    });
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
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId(name), 'Arn'] } })],
    });
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
});

describe('least privilege', () => {
  const statementsOf = (name: FunctionName): Statement[] => {
    const roleId = idOf(stack.functions[name].role!);
    return ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
  const naming = (statements: Statement[], logicalId: string) =>
    statements.filter((s) => JSON.stringify(s.Resource).includes(`"${logicalId}"`));
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
