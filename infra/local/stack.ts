import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
import { functions, queues, type FunctionDecl, type FunctionName, type QueueName, type TableName } from '#lib/declaration';
import { routesOf } from '#lib/api/routes';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamo, startMailSink, startQueuesAndStorage, type Emulator } from './emulators.ts';
import { freePort, PidRegistry } from './processes.ts';
import { localNames, provision, type Provisioned } from './provision.ts';
import { localVerifier } from './keys.ts';
import { startHttpServer, type LocalEndpoint, type LocalRoute } from './http-server.ts';
import { startQueuePoller } from './queue-poller.ts';
import { startStreamPoller, type StreamConsumer } from './stream-poller.ts';
import { startScheduler } from './scheduler.ts';
import { StreamPositions } from './stream-checkpoints.ts';
import { startCheckpointKeeper } from './checkpoint-keeper.ts';
import { restartStatePath } from './restart-state.ts';
import { projectRoot } from './paths.ts';
import { inOwnInvocation, installInvokeStore, type AnyHandler } from './lambda-context.ts';
import { captureMetrics } from './metrics-sink.ts';
import { METRICS_NAMESPACE } from '#lib/shared/metric-names';
import { chaosSwitches, localRoutes, type Chaos, type InvocationStats, type LocalRoutesDeps } from './local-routes.ts';
import { prepareBundledFunctions } from './bundled/prepare.ts';
import { startBundledFunctions, type BundledFunctions, type BundledInfo } from './bundled/bundled-functions.ts';

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
  /** Overrides how long a reserved invoice number may stay off every invoice before it is voided. */
  numberGraceSeconds?: number;
  /** Overrides every schedule's period. */
  scheduleEveryMs?: number;
  /** Poll loops per queue; by default as many as this machine has cores (see localQueueConcurrency). */
  queueConcurrency?: number;
  logLevel?: string;
  /**
   * Run every function from the bundle CDK deploys, each in a thread of its own, with exactly the
   * environment the synthesized template gives it and every AWS call checked against its IAM policy
   * (infra/local/bundled/). Otherwise the handler modules run in this process.
   */
  bundled?: boolean;
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
  /** Bundled mode only: the IAM proxy, each function's environment, bundle sizes, timings. */
  bundled?: BundledInfo;
}

export interface RunningStack extends StackInfo {
  stop(): Promise<void>;
}

/** Something started that must be stopped, last started first. */
type Stopper = () => Promise<void>;
type OnError = (where: string) => (error: unknown) => void;

const onError: OnError = (where) => (error) =>
  console.error(JSON.stringify({ level: 'ERROR', message: `local stack: ${where}`, error: String((error as Error)?.stack ?? error) }));

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'];
/** The stack's own notices (not the handlers'), printed as the handlers' log lines are, at or above the log level. */
const stackLog =
  (o: LocalStackOptions) =>
  (level: 'INFO' | 'WARN', message: string, details: Record<string, unknown> = {}) => {
    const threshold = LOG_LEVELS.indexOf((o.logLevel ?? process.env.LOG_LEVEL ?? 'INFO').toUpperCase());
    if (LOG_LEVELS.indexOf(level) >= threshold) console.error(JSON.stringify({ level, message: `local stack: ${message}`, ...details }));
  };

/** How often a persistent stack saves its stream checkpoints and queued messages (when they changed). */
const CHECKPOINT_EVERY_MS = 500;

const declared = Object.entries(functions) as [FunctionName, FunctionDecl][];

/**
 * Starts the whole system on loopback: DynamoDB Local, fauxqs (SQS + S3), an
 * SMTP sink, then the declared tables, queues and buckets, then the HTTP API,
 * a poller per queue and per stream, and the schedules, all invoking the same
 * handler modules Lambda runs.
 */
export async function startLocalStack(o: LocalStackOptions): Promise<RunningStack> {
  const pids = new PidRegistry(join(o.stateDir, 'pids'));
  pids.reapOrphans();
  const stoppers: Stopper[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(onError('stop'));
  };

  // Bundled mode: synthesis and bundling run while the emulators start.
  const preparing = o.bundled ? prepareBundledFunctions(o) : undefined;
  preparing?.catch(() => undefined);
  try {
    const invokeStore = await installInvokeStore();
    const emulators = await startEmulators(o, pids, stoppers);
    const clients = clientsOf(emulators);
    const resources = await provision(clients, { visibilityTimeoutSeconds: o.visibilityTimeoutSeconds });
    if (!preparing) configureHandlers(o, emulators, resources);
    const metrics = captureMetrics(METRICS_NAMESPACE, { echo: (o.logLevel ?? process.env.LOG_LEVEL) === 'DEBUG' });
    stoppers.push(async () => metrics.stop());
    const bundled = preparing && (await startBundled(await preparing, emulators, resources, o, stoppers));
    const invocations: Record<string, InvocationStats> = {};
    const { handlers, faults, dynamoRequests } = await loadHandlers(invokeStore, invocations, bundled);
    const scheduler = startSchedules(o, handlers);
    stoppers.push(scheduler.stop);

    const chaos = chaosSwitches();
    const keyDir = join(o.stateDir, 'keys');
    const verifier = await localVerifier(keyDir);
    let info: StackInfo | undefined;
    const local = localRoutes({ jwks: verifier.jwks, info: () => info, scheduler, faults, dynamoRequests, metrics, chaos, invocations });
    const server = await startApi(o.port, handlers, verifier, local, stoppers);

    const positions = await resumeStreams(o, emulators, clients.sqs, resources, stoppers);
    await startQueuePollers(o, clients.sqs, resources, handlers, chaos, stoppers);
    startStreamPollers(o, clients.streams, resources, handlers, positions, stoppers);

    info = { ...stackInfo(o, (server.address() as { port: number }).port, keyDir, emulators, resources), ...(bundled ? { bundled: bundled.info } : {}) };
    return { ...info, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

interface Emulators {
  dynamo: Emulator;
  fauxqs: Awaited<ReturnType<typeof startQueuesAndStorage>>;
  smtp: Emulator;
  mailDir: string;
}

/** DynamoDB Local (on disk under stateDir unless throw-away), fauxqs for SQS and S3, the SMTP sink; each on a free port. */
async function startEmulators(o: LocalStackOptions, pids: PidRegistry, stoppers: Stopper[]): Promise<Emulators> {
  const [dynamoPort, fauxqsPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = o.persist ? join(o.stateDir, 'data') : null;
  const mailDir = join(o.stateDir, 'mail');
  const dynamo = await startDynamo({ port: dynamoPort, dataDir: dataDir && join(dataDir, 'dynamodb'), pids });
  stoppers.push(dynamo.stop);
  const fauxqs = await startQueuesAndStorage(fauxqsPort);
  stoppers.push(fauxqs.stop);
  const smtp = await startMailSink(smtpPort, mailDir);
  stoppers.push(smtp.stop);
  return { dynamo, fauxqs, smtp, mailDir };
}

/** The stack's own AWS clients on the emulators (provisioning and the pollers; the handlers make their own). */
function clientsOf(e: Emulators) {
  const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    dynamo: new DynamoDBClient({ ...clientConfig, endpoint: e.dynamo.endpoint }),
    sqs: new SQSClient({ ...clientConfig, endpoint: e.fauxqs.endpoint }),
    s3: new S3Client({ ...clientConfig, endpoint: e.fauxqs.endpoint, forcePathStyle: true }),
    streams: new DynamoDBStreamsClient({ ...clientConfig, endpoint: e.dynamo.endpoint }),
  };
}

/** The handlers read their configuration at import, as in Lambda: this sets it first (the names CDK sets in AWS, plus the emulators' endpoints). */
function configureHandlers(o: LocalStackOptions, e: Emulators, resources: Provisioned): void {
  Object.assign(process.env, resources.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: e.dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: e.fauxqs.endpoint,
    AWS_ENDPOINT_URL_S3: e.fauxqs.endpoint,
    SMTP_URL: e.smtp.endpoint,
    FAULT_INJECTION: 'on',
    LOG_LEVEL: o.logLevel ?? process.env.LOG_LEVEL ?? 'INFO',
    POWERTOOLS_LOG_LEVEL: o.logLevel ?? process.env.LOG_LEVEL ?? 'INFO',
    // Every function shares this process and runs concurrently: Powertools keeps per-invocation state apart
    // (in the InvokeStore, lambda-context.ts) when this is set; it checks only that it is.
    AWS_LAMBDA_MAX_CONCURRENCY: '1000',
    // No X-Ray daemon here: the tracer is a no-op (Powertools also turns itself off outside Lambda).
    POWERTOOLS_TRACE_ENABLED: 'false',
    ...(o.redriveAfterSeconds ? { SYNC_REDRIVE_AFTER_SECONDS: String(o.redriveAfterSeconds) } : {}),
    ...(o.numberGraceSeconds ? { INVOICE_NUMBER_GRACE_SECONDS: String(o.numberGraceSeconds) } : {}),
  });
}

/** Bundled mode's functions (their threads, the IAM proxy, the mail gate), stopped with the stack. */
async function startBundled(
  prepared: Awaited<ReturnType<typeof prepareBundledFunctions>>,
  e: Emulators,
  provisioned: Provisioned,
  o: LocalStackOptions,
  stoppers: Stopper[],
): Promise<BundledFunctions> {
  const endpoints = { dynamodb: e.dynamo.endpoint, fauxqs: e.fauxqs.endpoint, smtp: e.smtp.endpoint };
  const bundled = await startBundledFunctions({ prepared, provisioned, endpoints, logLevel: o.logLevel ?? process.env.LOG_LEVEL });
  stoppers.push(bundled.stop);
  return bundled;
}

/**
 * Every declared function's handler module, each call in its own invocation scope, and the local-only hooks
 * into lib (loaded after configureHandlers); in bundled mode, the functions' threads instead.
 */
async function loadHandlers(
  invokeStore: Awaited<ReturnType<typeof installInvokeStore>>,
  invocations: Record<string, InvocationStats>,
  bundled: BundledFunctions | undefined,
): Promise<{ handlers: Map<FunctionName, AnyHandler> } & Pick<LocalRoutesDeps, 'faults' | 'dynamoRequests'>> {
  const handlers = new Map<FunctionName, AnyHandler>();
  if (bundled) {
    for (const [name, handler] of bundled.handlers) handlers.set(name, timed(name, invocations, handler));
    return { handlers, faults: bundled.faults, dynamoRequests: bundled.dynamoRequests };
  }
  for (const [name, decl] of declared) {
    const module = (await import(pathToFileURL(join(projectRoot, decl.entry)).href)) as { handler: AnyHandler };
    handlers.set(name, timed(name, invocations, inOwnInvocation(invokeStore, module.handler)));
  }
  const faults = await import('#lib/shared/faults');
  const { dynamoRequests } = await import('#lib/aws/dynamodb');
  return { handlers, faults, dynamoRequests };
}

/**
 * The handler, its invocations timed (wall clock, as Lambda's Duration): the bench compares each function's
 * longest against its declared timeout. Functions share this process, so a local duration includes waiting
 * for the CPU behind the others, an upper bound of what one would take on its own in Lambda.
 */
function timed(name: string, invocations: Record<string, InvocationStats>, handler: AnyHandler): AnyHandler {
  return async (event, context) => {
    const started = performance.now();
    try {
      return await handler(event, context);
    } finally {
      const ms = performance.now() - started;
      const s = (invocations[name] ??= { count: 0, totalMs: 0, maxMs: 0 });
      s.count++;
      s.totalMs += ms;
      s.maxMs = Math.max(s.maxMs, ms);
    }
  };
}

/** The scheduled functions on their declared periods (or one period for all). */
function startSchedules(o: LocalStackOptions, handlers: Map<FunctionName, AnyHandler>) {
  const scheduled = declared.flatMap(([name, decl]) =>
    decl.trigger.kind === 'schedule'
      ? [{ name, handler: handlers.get(name)!, everyMs: o.scheduleEveryMs ?? decl.trigger.everyMinutes * 60_000 }]
      : [],
  );
  return startScheduler(scheduled, onError('schedule'));
}

/** The HTTP API: every declared route, behind the local JWT authorizer, and the local endpoints. */
async function startApi(
  port: number,
  handlers: Map<FunctionName, AnyHandler>,
  verifier: Awaited<ReturnType<typeof localVerifier>>,
  local: LocalEndpoint,
  stoppers: Stopper[],
) {
  const routes: LocalRoute[] = [];
  for (const [name, handler] of handlers) {
    for (const spec of routesOf(name)) routes.push({ spec, functionName: name, handler });
  }
  const server = await startHttpServer({
    port,
    routes,
    verify: async (token) => (await verifier.verify(token)) as Record<string, unknown>,
    local,
    onError: onError('http'),
  });
  stoppers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return server;
}

/** A poller per queue-triggered function, as its event source mapping would invoke it. */
async function startQueuePollers(
  o: LocalStackOptions,
  sqs: SQSClient,
  resources: Provisioned,
  handlers: Map<FunctionName, AnyHandler>,
  chaos: Chaos,
  stoppers: Stopper[],
): Promise<void> {
  for (const [name, decl] of declared) {
    const trigger = decl.trigger;
    if (trigger.kind !== 'queue') continue;
    const queueUrl = resources.queueUrls[trigger.queue];
    const arn = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    const poller = startQueuePoller({
      sqs,
      functionName: name,
      queueUrl,
      queueArn: arn.Attributes!.QueueArn!,
      handler: handlers.get(name)!,
      batchSize: trigger.batchSize,
      concurrency: o.queueConcurrency ?? localQueueConcurrency(trigger.maxConcurrency),
      onError: onError(`queue ${trigger.queue}`),
      deliverTwice: chaos.deliverTwice,
    });
    stoppers.push(poller.stop);
  }
}

/**
 * Where the stream readers start. In memory, from each stream's oldest record (the stream is as new as the
 * data). On disk, from the saved checkpoints, after the messages saved with them are back on their queues;
 * from then on the keeper saves both while the stack runs, and once more after the pollers have stopped (its
 * stopper is pushed before theirs, so it runs after them).
 */
async function resumeStreams(
  o: LocalStackOptions,
  e: Emulators,
  sqs: SQSClient,
  resources: Provisioned,
  stoppers: Stopper[],
): Promise<StreamPositions> {
  if (!o.persist) return new StreamPositions();
  const queueUrls = new Map<string, string>();
  for (const name of Object.keys(queues) as QueueName[]) {
    queueUrls.set(localNames.queue(name), resources.queueUrls[name]);
    queueUrls.set(localNames.dlq(name), resources.dlqUrls[name]);
  }
  const keeper = await startCheckpointKeeper({
    path: restartStatePath(join(o.stateDir, 'data')),
    fauxqs: e.fauxqs.server,
    sqs,
    queueUrls,
    streamArns: new Set(Object.values(resources.streamArns)),
    everyMs: CHECKPOINT_EVERY_MS,
    onError: onError('stream checkpoints'),
    log: stackLog(o),
  });
  stoppers.push(keeper.stop);
  return keeper.positions;
}

/** One reader per streamed table, invoking every function the stream triggers, each through its own filter. */
function startStreamPollers(
  o: LocalStackOptions,
  streams: DynamoDBStreamsClient,
  resources: Provisioned,
  handlers: Map<FunctionName, AnyHandler>,
  positions: StreamPositions,
  stoppers: Stopper[],
): void {
  const consumersOf = new Map<TableName, StreamConsumer[]>();
  for (const [name, decl] of declared) {
    const trigger = decl.trigger;
    if (trigger.kind !== 'stream') continue;
    const consumer = { functionName: name, handler: handlers.get(name)!, batchSize: trigger.batchSize, filter: trigger.filter };
    consumersOf.set(trigger.table, [...(consumersOf.get(trigger.table) ?? []), consumer]);
  }
  for (const [table, consumers] of consumersOf) {
    const streamArn = resources.streamArns[table];
    if (!streamArn) throw new Error(`Table ${table} has no stream`);
    const poller = startStreamPoller({
      streams,
      streamArn,
      consumers,
      positions,
      onError: onError(`stream ${table}`),
      onWarning: (message) => stackLog(o)('WARN', `stream ${table}: ${message}`),
    });
    stoppers.push(poller.stop);
  }
}

/** What the stack tells its callers (and `GET /__local/info`): where everything is. */
function stackInfo(o: LocalStackOptions, port: number, keyDir: string, e: Emulators, resources: Provisioned): StackInfo {
  return {
    url: `http://127.0.0.1:${port}`,
    stateDir: o.stateDir,
    keyDir,
    mailDir: e.mailDir,
    endpoints: { dynamodb: e.dynamo.endpoint, sqs: e.fauxqs.endpoint, s3: e.fauxqs.endpoint, smtp: e.smtp.endpoint },
    tables: Object.fromEntries(
      Object.keys(resources.env)
        .filter((k) => k.startsWith('TABLE_'))
        .map((k) => [k.slice(6).toLowerCase(), resources.env[k]]),
    ) as Record<TableName, string>,
    queueUrls: resources.queueUrls,
    dlqUrls: resources.dlqUrls,
    region: LOCAL_REGION,
  };
}
