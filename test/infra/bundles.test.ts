import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envName, functions, tables, type TableName } from '#lib/declaration';
import { bundleBudget, bundleOptions } from '../../infra/bundling.ts';
import { projectRoot } from '../../infra/constructs/declared-function.ts';

const run = promisify(execFile);


/**
 * The functions whose bundle would pass 1 MB with the X-Ray SDK (pdf-lib or
 * nodemailer inside): they run without a tracer (docs/operations.md, "Observability").
 */
const UNTRACED = new Set(['functions/http/bill-documents.ts', 'functions/http/bill-email.ts']);

const entries = [...new Set(Object.values(functions).map((f) => f.entry))].sort();
const outName = (entry: string) => entry.replace(/^functions\//, '').replace(/\.ts$/, '');

/**
 * Every function's bundle, built as the CDK stack builds it (infra/bundling.ts):
 * under the budget, and traced unless it is one of the few that cannot afford
 * the X-Ray SDK. Then one bundled function is run in an environment shaped like
 * Lambda's with active tracing, to show the bundled tracer really sends its
 * segments (locally it is a no-op, so nothing else would notice it broken).
 */
describe('function bundles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbs-bundles-test-'));
  let metafile: Metafile;

  beforeAll(async () => {
    const built = await build({
      ...bundleOptions,
      absWorkingDir: projectRoot,
      entryPoints: entries.map((entry) => ({ in: join(projectRoot, entry), out: join(outName(entry), 'index') })),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      metafile: true,
      logLevel: 'silent',
    });
    metafile = built.metafile;
  }, 120_000); // 29 bundles
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(entries)('%s: within its size budget (1 MB, or its exception in infra/bundling.ts)', (entry) => {
    expect(statSync(join(dir, outName(entry), 'index.mjs')).size).toBeLessThan(bundleBudget(entry));
  });

  it.each(entries)('%s: traced unless it cannot afford the X-Ray SDK, and always with metrics', (entry) => {
    const inputs = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`${outName(entry)}/index.mjs`))![1].inputs;
    const has = (pattern: RegExp) => Object.keys(inputs).some((path) => pattern.test(path));
    expect(has(/node_modules\/@aws-lambda-powertools\/metrics\//)).toBe(true);
    expect(has(/node_modules\/aws-xray-sdk-core\//), 'the X-Ray SDK').toBe(!UNTRACED.has(entry));
    expect(has(/lib\/shared\/tracer\.ts$/), 'lib/shared/tracer.ts').toBe(!UNTRACED.has(entry));
  });

  it('a bundled function sends its handler and DynamoDB subsegments to the X-Ray daemon, as on Lambda', async () => {
    // The X-Ray daemon (UDP) and a DynamoDB endpoint that finds nothing.
    const daemon = createSocket('udp4');
    const datagrams: string[] = [];
    daemon.on('message', (m) => datagrams.push(m.toString('utf8')));
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    const dynamo = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ Items: [], Count: 0, ScannedCount: 0 }));
      });
    });
    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
    try {
      const bundle = pathToFileURL(join(dir, outName(functions.jobsApi.entry), 'index.mjs')).href;
      const script = join(dir, 'invoke-jobs.mjs');
      writeFileSync(
        script,
        `const { handler } = await import(${JSON.stringify(bundle)});
const event = {
  version: '2.0', routeKey: 'GET /jobs/{id}', rawPath: '/jobs/job_1', rawQueryString: '', headers: {}, isBase64Encoded: false,
  pathParameters: { id: 'job_1' },
  requestContext: { requestId: 'req-1', routeKey: 'GET /jobs/{id}', http: { method: 'GET', path: '/jobs/job_1' },
    authorizer: { jwt: { claims: { sub: 'user-1', firm: 'firm-1', scope: 'practice' }, scopes: [] } } },
};
const context = { functionName: 'jobsApi', functionVersion: '$LATEST', awsRequestId: 'aws-req-1', memoryLimitInMB: '512',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:jobsApi', logGroupName: 'g', logStreamName: 's',
  getRemainingTimeInMillis: () => 10000 };
const result = await handler(event, context);
process.stdout.write(JSON.stringify({ statusCode: result.statusCode }));
await new Promise((r) => setTimeout(r, 300)); // the SDK sends its last subsegment on its own
`,
      );
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIDTEST',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`,
        // What Lambda sets for a function with active tracing.
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
        AWS_LAMBDA_FUNCTION_NAME: 'jobsApi',
        AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
        _HANDLER: 'index.handler',
        LAMBDA_TASK_ROOT: dir,
        _X_AMZN_TRACE_ID: 'Root=1-5f84c7a1-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1',
        AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
        AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
        POWERTOOLS_SERVICE_NAME: 'law-billing-sync',
        LOG_LEVEL: 'ERROR',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      };
      for (const t of Object.keys(tables) as TableName[]) env[envName.table(t)] = `lbs-${t}`;
      const { stdout } = await run(process.execPath, [script], { cwd: dir, env });
      expect(JSON.parse(stdout)).toEqual({ statusCode: 404 }); // no such job: the DynamoDB stub found nothing
      await new Promise((r) => setTimeout(r, 200));

      const documents = datagrams.map((d) => JSON.parse(d.slice(d.indexOf('\n') + 1)) as Record<string, any>);
      const all = documents.flatMap(function flatten(s): Record<string, any>[] {
        return [s, ...((s.subsegments as Record<string, any>[] | undefined) ?? []).flatMap(flatten)];
      });
      const handlerSegment = all.find((s) => s.name === '## index.handler');
      expect(handlerSegment, JSON.stringify(documents)).toBeDefined();
      expect(handlerSegment!.annotations).toMatchObject({ ColdStart: true, Service: 'law-billing-sync' });
      expect(handlerSegment!.trace_id).toBe('1-5f84c7a1-0123456789abcdef01234567');
      const dynamoCall = all.find((s) => s.name === 'DynamoDB');
      expect(dynamoCall, JSON.stringify(documents)).toMatchObject({ namespace: 'aws', aws: { operation: 'Query' } });
    } finally {
      daemon.close();
      dynamo.close();
    }
  });
});
