import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionDecl } from '#lib/declaration';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a function gets when its declaration says nothing. */
export const functionDefaults = { timeoutSeconds: 10, memoryMb: 512 } as const;

export const SERVICE_NAME = 'law-billing-sync';

/**
 * A function's code: its entry bundled by infra/bundling.ts, the same build
 * the bundle benchmark measures. Bundling runs locally (esbuild from
 * node_modules, no Docker); the asset is hashed by its output, so an
 * unchanged bundle is not uploaded again. The entry is part of the bundling
 * options, so functions that share an entry share one asset and no two
 * entries ever do.
 */
function bundledCode(entry: string): lambda.Code {
  return lambda.Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: lambda.Runtime.NODEJS_22_X.bundlingImage,
      command: ['infra/bundle-cli.ts', entry],
      local: {
        tryBundle(outputDir: string) {
          execFileSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'infra', 'bundle-cli.ts'), projectRoot, entry, outputDir], {
            cwd: projectRoot,
            stdio: 'inherit',
          });
          return true;
        },
      },
    },
  });
}

/**
 * One declared function, on arm64 Node 22, logging to a group kept a month.
 * Access to resources and triggers are added by the stack from the declaration.
 */
export function declaredFunction(scope: Construct, id: string, decl: FunctionDecl): lambda.Function {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  return new lambda.Function(scope, id, {
    code: bundledCode(decl.entry),
    handler: 'index.handler',
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
  });
}
