import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionDecl } from '#lib/declaration';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a function gets when its declaration says nothing. */
export const functionDefaults = { timeoutSeconds: 10, memoryMb: 512 } as const;

export const SERVICE_NAME = 'law-billing-sync';

/**
 * ESM bundles have no `require`; some CommonJS dependencies still call it
 * (for Node built-ins), so the bundle defines one.
 */
const requireBanner =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/**
 * One declared function: its entry bundled by esbuild (ESM, minified, with
 * source maps, the AWS SDK included so Lambda runs the versions the project
 * pins and tests), on arm64 Node 22, logging to a group kept a month. Access
 * to resources and triggers are added by the stack from the declaration.
 */
export function declaredFunction(scope: Construct, id: string, decl: FunctionDecl): NodejsFunction {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  return new NodejsFunction(scope, id, {
    entry: join(projectRoot, decl.entry),
    handler: 'handler',
    projectRoot,
    depsLockFilePath: join(projectRoot, 'package-lock.json'),
    description: decl.description,
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    timeout: Duration.seconds(decl.timeoutSeconds ?? functionDefaults.timeoutSeconds),
    memorySize: decl.memoryMb ?? functionDefaults.memoryMb,
    logGroup,
    environment: {
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: {
      format: OutputFormat.ESM,
      target: 'node22',
      mainFields: ['module', 'main'],
      banner: requireBanner,
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      externalModules: [],
    },
  });
}
