import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envName, functions, type FunctionDecl, type FunctionName, type QueueName, type TableName } from '#lib/declaration';
import { bundleFunction } from '../../infra/bundling.ts';
import { projectRoot } from '../../infra/local/paths.ts';
import { localNames } from '../../infra/local/provision.ts';
import { STACK_NAME } from '../../infra/local/bundled/synth.ts';
import { stack } from '../integration/helpers.ts';

/*
 * What bundled mode gives each function (npm run test:bundled): exactly the
 * variables the synthesized template gives it (read here from the cdk.out the
 * stack built), their resource names resolved to the local resources, plus
 * only what Lambda itself supplies and the local endpoints; and the bundle it
 * runs is byte for byte what CDK's bundling writes for that entry.
 */

const bundled = stack.bundled!;
const template = JSON.parse(readFileSync(join(bundled.dir, 'cdk.out', `${STACK_NAME}.template.json`), 'utf8')) as {
  Resources: Record<string, { Type: string; Properties: { Description?: string; Environment?: { Variables?: Record<string, unknown> } } }>;
};

/** What Lambda sets in every function, and what stands in for AWS locally (infra/local/bundled/lambda-environment.ts). */
const LAMBDA_SUPPLIED = [
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'LAMBDA_TASK_ROOT', '_HANDLER', 'AWS_LAMBDA_MAX_CONCURRENCY',
  'AWS_LAMBDA_LOG_LEVEL', 'AWS_LAMBDA_LOG_FORMAT', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
];
const LOCAL_ENDPOINTS = ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_SQS', 'AWS_ENDPOINT_URL_S3', 'SMTP_URL'];

/** The template's variables of a function, found by its description (each function's is its declaration's). */
function templateVariables(name: FunctionName): Record<string, unknown> {
  const found = Object.values(template.Resources).filter(
    (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description === functions[name].description,
  );
  expect(found, `one function described "${functions[name].description}"`).toHaveLength(1);
  return found[0]!.Properties.Environment?.Variables ?? {};
}

const names = Object.keys(functions) as FunctionName[];

describe('bundled functions: environment', () => {
  it.each(names)('%s: the template\'s variables, resolved to the local resources, and Lambda\'s own; nothing else', (name) => {
    const env = bundled.environments[name];
    const variables = templateVariables(name);
    const own = Object.keys(env).filter((k) => !LAMBDA_SUPPLIED.includes(k) && !LOCAL_ENDPOINTS.includes(k));
    expect(own.sort()).toEqual(Object.keys(variables).sort());
    const decl: FunctionDecl = functions[name];
    for (const [table] of Object.entries(decl.tables ?? {}) as [TableName, unknown][]) expect(env[envName.table(table)]).toBe(stack.tables[table]);
    for (const queue of (decl.sendsTo ?? []) as readonly QueueName[]) expect(env[envName.queueUrl(queue)]).toBe(stack.queueUrls[queue]);
    for (const b of Object.keys(decl.buckets ?? {})) expect(env[envName.bucket(b as 'documents')]).toBe(localNames.bucket(b));
    for (const [key, value] of Object.entries(variables)) if (typeof value === 'string') expect(env[key]).toBe(value);
    // Every AWS endpoint is the IAM proxy; no variable only the unbundled local mode sets.
    for (const endpoint of LOCAL_ENDPOINTS.slice(0, 3)) expect(env[endpoint]).toBe(bundled.iamProxy);
    for (const localOnly of ['FAULT_INJECTION', 'LOG_LEVEL', 'POWERTOOLS_LOG_LEVEL', 'SYNC_REDRIVE_AFTER_SECONDS', 'POWERTOOLS_TRACE_ENABLED', 'PATH', 'HOME']) {
      expect(env, localOnly).not.toHaveProperty(localOnly);
    }
    expect(env.AWS_LAMBDA_FUNCTION_NAME).toBe(name);
    expect(env.AWS_ACCESS_KEY_ID, 'a key of its own').not.toBe(bundled.environments[names.find((n) => n !== name)!].AWS_ACCESS_KEY_ID);
  });
});

describe('bundled functions: bundles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbs-bundle-compare-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every declared entry has a bundle', () => {
    expect(Object.keys(bundled.bundles).sort()).toEqual([...new Set(Object.values(functions).map((f) => f.entry))].sort());
  });

  it('a bundle the stack runs is byte for byte what CDK\'s bundling (bundleFunction) writes for its entry', async () => {
    const entry = functions.practiceOutboxRelay.entry;
    await bundleFunction(projectRoot, entry, dir);
    expect(readFileSync(join(bundled.bundles[entry]!.dir, 'index.mjs')).equals(readFileSync(join(dir, 'index.mjs')))).toBe(true);
  }, 60_000);
});
