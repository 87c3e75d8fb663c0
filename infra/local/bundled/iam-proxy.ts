import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FunctionName } from '#lib/declaration';
import { accessDenied, unknownCredentials, type ServiceAnswer } from './access-denied.ts';
import { readAwsRequest, UnreadableRequest, type AwsRequest, type IamCheck } from './aws-request.ts';
import { functionOfAccessKey } from './function-credentials.ts';
import type { IamEvaluator } from './iam-evaluator.ts';
import { localArn } from './local-arns.ts';

export interface IamProxyOptions {
  /** Where allowed requests go, by signing service. */
  upstreams: { dynamodb: string; sqs: string; s3: string };
  iam: IamEvaluator;
  /** DynamoDB requests by command (`PutItemCommand`…), as lib/aws/dynamodb counts them in-process. */
  dynamoRequests: Record<string, number>;
  /** Told of every refusal (the stack logs it: the function's own error may say less). */
  onDenied: (fn: FunctionName | undefined, request: AwsRequest | undefined, message: string) => void;
  /** A fault of the proxy itself (the caller gets a 502). */
  onError: (error: unknown) => void;
}

export interface IamProxy {
  endpoint: string;
  stop(): Promise<void>;
}

/** Keep-alive to the emulators: the functions' SDK clients keep theirs to the proxy. */
const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 256 });

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, a: ServiceAnswer): void {
  res.writeHead(a.status, { ...a.headers, 'content-length': String(Buffer.byteLength(a.body)) });
  res.end(a.body);
}

/** The first check IAM refuses, with AWS's sentence for it; undefined when every one is allowed. */
async function firstRefusal(iam: IamEvaluator, fn: FunctionName, checks: IamCheck[]): Promise<string | undefined> {
  for (const check of checks) {
    const decision = await iam.decide(fn, check.action, check.resource);
    if (!decision.allowed) return decision.message;
  }
  return undefined;
}

/**
 * The one door from the bundled functions to the emulators (their
 * AWS_ENDPOINT_URL_DYNAMODB, _SQS and _S3 point here). Each request is read
 * as IAM reads it (aws-request.ts), its caller known by its access key, every
 * action it needs on every resource it touches evaluated against that
 * function's policies from the template; allowed requests go on to the
 * emulator unchanged, refused ones are answered as AWS refuses them.
 *
 * S3's one twist is kept: a GetObject or HeadObject of a missing key is
 * answered NoSuchKey (404) only to a caller that may list the bucket, and
 * AccessDenied to any other (so a function without s3:ListBucket learns
 * nothing of which keys exist).
 */
export async function startIamProxy(o: IamProxyOptions): Promise<IamProxy> {
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      o.onError(error);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`local IAM proxy: ${String((error as Error)?.stack ?? error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const raw = { method, url: req.url ?? '/', headers: req.headers, body: await readBody(req) };
    let request: AwsRequest;
    try {
      request = readAwsRequest(raw);
    } catch (error) {
      if (!(error instanceof UnreadableRequest)) throw error;
      const target = String(req.headers['x-amz-target'] ?? '');
      const guess = { service: target.startsWith('DynamoDB') ? 'dynamodb' : target.startsWith('AmazonSQS') ? 'sqs' : 's3', protocol: 'json' as const };
      o.onDenied(undefined, undefined, error.message);
      return answer(res, accessDenied(guess, error.message, method));
    }
    const fn = functionOfAccessKey(request.accessKeyId);
    if (!fn) {
      o.onDenied(undefined, request, `signed with ${request.accessKeyId ?? 'no key'}, which no function holds`);
      return answer(res, request.accessKeyId ? unknownCredentials(request, method) : accessDenied(request, 'Anonymous access is denied.', method));
    }
    if (request.service === 'dynamodb') o.dynamoRequests[`${request.operation}Command`] = (o.dynamoRequests[`${request.operation}Command`] ?? 0) + 1;
    const refusal = await firstRefusal(o.iam, fn, request.checks);
    if (refusal) {
      o.onDenied(fn, request, refusal);
      return answer(res, accessDenied(request, refusal, method));
    }
    await forward(raw, request, fn, res);
  }

  async function forward(raw: { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }, request: AwsRequest, fn: FunctionName, res: ServerResponse) {
    const upstream = new URL(o.upstreams[request.service as keyof IamProxyOptions['upstreams']]);
    const upstreamRes = await new Promise<IncomingMessage>((resolve, reject) => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: raw.method, path: raw.url, headers: { ...raw.headers, host: upstream.host }, agent: upstreamAgent },
        resolve,
      );
      out.on('error', reject);
      out.end(raw.body);
    });
    const missingKey = upstreamRes.statusCode === 404 && (request.operation === 'GetObject' || request.operation === 'HeadObject');
    if (missingKey) {
      const bucket = new URL(raw.url, 'http://x').pathname.split('/')[1]!;
      const refusal = await firstRefusal(o.iam, fn, [{ action: 's3:ListBucket', resource: localArn.bucket(bucket) }]);
      if (refusal) {
        upstreamRes.resume();
        o.onDenied(fn, request, `${refusal} (the key does not exist: S3 answers AccessDenied, not NoSuchKey, without s3:ListBucket)`);
        return answer(res, accessDenied(request, refusal, raw.method));
      }
    }
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
    upstreamRes.pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
