import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
import type { IncomingMessage } from 'node:http';
import { functions, type FunctionName, type QueueName, type TableName } from '#lib/declaration';
import { routesOf } from '#lib/api/routes';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamo, startMailSink, startQueuesAndStorage, type Emulator } from './emulators.ts';
import { freePort, PidRegistry } from './processes.ts';
import { provision } from './provision.ts';
import { localVerifier } from './keys.ts';
import { startHttpServer, type LocalRoute } from './http-server.ts';
import { firmOf, startQueuePoller } from './queue-poller.ts';
import { startStreamPoller, type StreamConsumer } from './stream-poller.ts';
import { startScheduler } from './scheduler.ts';
import { checkpointStore } from './checkpoints.ts';
import { projectRoot } from './paths.ts';
import type { AnyHandler } from './lambda-context.ts';

export interface LocalStackOptions {
  /** HTTP API port (0 = any free port). */
  port: number;
  /** Keys, data, mail and pid files live here. */
  stateDir: string;
  /** Keep DynamoDB data on disk under stateDir (default), or throw it away. */
  persist: boolean;
  /** Overrides the declared queue visibility timeouts (tests use a short one). */
  visibilityTimeoutSeconds?: number;
  /** How long a link may stay pending before the reconciler re-sends it. */
  redriveAfterSeconds?: number;
  /** Overrides every schedule's period. */
  scheduleEveryMs?: number;
  /** Poll loops per queue; by default as many as this machine has cores (see localQueueConcurrency). */
  queueConcurrency?: number;
  logLevel?: string;
}

/**
 * How many invocations of a queue's consumer run at once locally. On AWS each
 * concurrent invocation has its own CPU, so the declared maxConcurrency is real
 * parallelism. Here every function shares one Node process and this machine's
 * cores: past one invocation per core, more only add contention (racers for one
 * number counter retrying each other's transactions), which measurably slowed
 * sync (bench/sync-latency.ts: p99 1.8 s at 4 per queue, 1.0 s at 2, on 2 cores).
 */
export function localQueueConcurrency(maxConcurrency: number): number {
  return Math.max(1, Math.min(maxConcurrency, availableParallelism()));
}

export interface StackInfo {
  url: string;
  stateDir: string;
  keyDir: string;
  mailDir: string;
  endpoints: { dynamodb: string; sqs: string; s3: string; smtp: string };
  tables: Record<TableName, string>;
  queueUrls: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
  region: string;
}

export interface RunningStack extends StackInfo {
  stop(): Promise<void>;
}

/**
 * Starts the whole system on loopback: DynamoDB Local, fauxqs (SQS + S3), an
 * SMTP sink, then the declared tables, queues and buckets, then the HTTP API,
 * a poller per queue and per stream, and the schedules, all invoking the same
 * handler modules Lambda runs.
 */
export async function startLocalStack(o: LocalStackOptions): Promise<RunningStack> {
  const errors = (where: string) => (error: unknown) =>
    console.error(JSON.stringify({ level: 'ERROR', message: `local stack: ${where}`, error: String((error as Error)?.stack ?? error) }));
  const pids = new PidRegistry(join(o.stateDir, 'pids'));
  pids.reapOrphans();
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(errors('stop'));
  };

  try {
    const [dynamoPort, fauxqsPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
    const dataDir = o.persist ? join(o.stateDir, 'data') : null;
    const mailDir = join(o.stateDir, 'mail');
    const dynamo: Emulator = await startDynamo({ port: dynamoPort, dataDir: dataDir && join(dataDir, 'dynamodb'), pids });
    stoppers.push(dynamo.stop);
    const fauxqs = await startQueuesAndStorage(fauxqsPort);
    stoppers.push(fauxqs.stop);
    const smtp = await startMailSink(smtpPort, mailDir);
    stoppers.push(smtp.stop);

    const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const clients = {
      dynamo: new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint }),
      sqs: new SQSClient({ ...clientConfig, endpoint: fauxqs.endpoint }),
      s3: new S3Client({ ...clientConfig, endpoint: fauxqs.endpoint, forcePathStyle: true }),
      streams: new DynamoDBStreamsClient({ ...clientConfig, endpoint: dynamo.endpoint }),
    };
    const resources = await provision(clients, { visibilityTimeoutSeconds: o.visibilityTimeoutSeconds });

    // The handlers read their configuration at import, as in Lambda: set it first.
    Object.assign(process.env, resources.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SQS: fauxqs.endpoint,
      AWS_ENDPOINT_URL_S3: fauxqs.endpoint,
      SMTP_URL: smtp.endpoint,
      FAULT_INJECTION: 'on',
      LOG_LEVEL: o.logLevel ?? process.env.LOG_LEVEL ?? 'INFO',
      POWERTOOLS_LOG_LEVEL: o.logLevel ?? process.env.LOG_LEVEL ?? 'INFO',
      ...(o.redriveAfterSeconds ? { SYNC_REDRIVE_AFTER_SECONDS: String(o.redriveAfterSeconds) } : {}),
    });

    const handlers = new Map<FunctionName, AnyHandler>();
    for (const [name, decl] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
      const module = (await import(pathToFileURL(join(projectRoot, decl.entry)).href)) as { handler: AnyHandler };
      handlers.set(name, module.handler);
    }
    const faults = await import('#lib/shared/faults');
    const { dynamoRequests } = await import('#lib/aws/dynamodb');

    const routes: LocalRoute[] = [];
    for (const name of handlers.keys()) {
      for (const spec of routesOf(name)) routes.push({ spec, functionName: name, handler: handlers.get(name)! });
    }

    const scheduled = (Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]).flatMap(([name, decl]) =>
      decl.trigger.kind === 'schedule'
        ? [{ name, handler: handlers.get(name)!, everyMs: o.scheduleEveryMs ?? decl.trigger.everyMinutes * 60_000 }]
        : [],
    );
    const scheduler = startScheduler(scheduled, errors('schedule'));
    stoppers.push(scheduler.stop);

    /** Firms whose queued messages are all delivered twice (chaos tests). */
    const duplicateFirms = new Set<string>();
    const chaosCounts = { duplicatedBatches: 0 };
    const keyDir = join(o.stateDir, 'keys');
    const verifier = await localVerifier(keyDir);
    let info: StackInfo | undefined;

    const local = async (req: IncomingMessage, body: string) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'GET' && path === '/.well-known/jwks.json') return { status: 200, body: verifier.jwks };
      if (!path.startsWith('/__local/')) return undefined;
      if (req.method === 'GET' && path === '/__local/info') return { status: 200, body: info };
      const schedule = /^\/__local\/schedules\/(\w+)$/.exec(path);
      if (req.method === 'POST' && schedule) {
        if (!scheduler.names.includes(schedule[1]! as FunctionName)) return { status: 404, body: { error: 'no such schedule', schedules: scheduler.names } };
        return { status: 200, body: (await scheduler.runNow(schedule[1]!)) ?? null };
      }
      if (path === '/__local/faults' && req.method === 'POST') {
        const { point, times, firmId } = JSON.parse(body || '{}') as { point: string; times?: number; firmId?: string };
        faults.armFault(point, times ?? 1, firmId);
        return { status: 204, body: null };
      }
      if (path === '/__local/metrics' && req.method === 'GET') return { status: 200, body: { dynamodbRequests: dynamoRequests, ...chaosCounts } };
      if (path === '/__local/metrics' && req.method === 'DELETE') {
        for (const key of Object.keys(dynamoRequests)) delete dynamoRequests[key];
        return { status: 204, body: null };
      }
      if (path === '/__local/chaos' && req.method === 'POST') {
        const { firmId, duplicateDeliveries } = JSON.parse(body || '{}') as { firmId: string; duplicateDeliveries: boolean };
        if (duplicateDeliveries) duplicateFirms.add(firmId);
        else duplicateFirms.delete(firmId);
        return { status: 204, body: null };
      }
      if (path === '/__local/faults' && req.method === 'DELETE') {
        faults.clearFaults();
        return { status: 204, body: null };
      }
      return { status: 404, body: { error: 'unknown local endpoint' } };
    };

    const server = await startHttpServer({
      port: o.port,
      routes,
      verify: async (token) => (await verifier.verify(token)) as Record<string, unknown>,
      local,
      onError: errors('http'),
    });
    stoppers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );

    const streamConsumers = new Map<TableName, StreamConsumer[]>();
    for (const [name, decl] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
      const trigger = decl.trigger;
      if (trigger.kind === 'queue') {
        const queueUrl = resources.queueUrls[trigger.queue];
        const arn = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
        const poller = startQueuePoller({
          sqs: clients.sqs,
          functionName: name,
          queueUrl,
          queueArn: arn.Attributes!.QueueArn!,
          handler: handlers.get(name)!,
          batchSize: trigger.batchSize,
          concurrency: o.queueConcurrency ?? localQueueConcurrency(trigger.maxConcurrency),
          onError: errors(`queue ${trigger.queue}`),
          deliverTwice: (records) => {
            const twice = duplicateFirms.size > 0 && records.some((r) => duplicateFirms.has(firmOf(r) ?? ''));
            if (twice) chaosCounts.duplicatedBatches++;
            return twice;
          },
        });
        stoppers.push(poller.stop);
      } else if (trigger.kind === 'stream') {
        const consumer = { functionName: name, handler: handlers.get(name)!, batchSize: trigger.batchSize, filter: trigger.filter };
        streamConsumers.set(trigger.table, [...(streamConsumers.get(trigger.table) ?? []), consumer]);
      }
    }
    for (const [table, consumers] of streamConsumers) {
      const streamArn = resources.streamArns[table];
      if (!streamArn) throw new Error(`Table ${table} has no stream`);
      const poller = startStreamPoller({
        streams: clients.streams,
        streamArn,
        consumers,
        checkpoints: checkpointStore(),
        onError: errors(`stream ${table}`),
      });
      stoppers.push(poller.stop);
    }

    const port = (server.address() as { port: number }).port;
    info = {
      url: `http://127.0.0.1:${port}`,
      stateDir: o.stateDir,
      keyDir,
      mailDir,
      endpoints: { dynamodb: dynamo.endpoint, sqs: fauxqs.endpoint, s3: fauxqs.endpoint, smtp: smtp.endpoint },
      tables: Object.fromEntries(
        Object.keys(resources.env)
          .filter((k) => k.startsWith('TABLE_'))
          .map((k) => [k.slice(6).toLowerCase(), resources.env[k]]),
      ) as Record<TableName, string>,
      queueUrls: resources.queueUrls,
      dlqUrls: resources.dlqUrls,
      region: LOCAL_REGION,
    };
    return { ...info, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
