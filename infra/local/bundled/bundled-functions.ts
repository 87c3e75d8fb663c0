import { statSync } from 'node:fs';
import { join } from 'node:path';
import { functions, type FunctionName } from '#lib/declaration';
import { entriesOf, mapRecord } from '../../constructs/records.ts';
import type { AnyHandler } from '../lambda-context.ts';
import type { LocalRoutesDeps } from '../local-routes.ts';
import type { Provisioned } from '../provision.ts';
import { DROP_GRANT_VARIABLE, withoutGrant } from './dropped-grant.ts';
import { missingMappingPermissions } from './event-source-permissions.ts';
import { functionPolicies, resourcePolicies } from './function-policies.ts';
import { IamEvaluator } from './iam-evaluator.ts';
import { startIamProxy } from './iam-proxy.ts';
import { lambdaEnvironment } from './lambda-environment.ts';
import { localReferences, unprovisionedArns } from './local-references.ts';
import { startMailGate } from './mail-gate.ts';
import type { PreparedFunctions } from './prepare.ts';
import { templateFunctions } from './template-functions.ts';
import { FunctionWorker } from './workers.ts';

/** What the stack reports of bundled mode (GET /__local/info, the ready file). */
export interface BundledInfo {
  /** The IAM proxy in front of DynamoDB Local and fauxqs (the functions' AWS endpoint). */
  iamProxy: string;
  /** Where the cloud assembly (cdk.out), the bundles and the runtime are. */
  dir: string;
  /** Each function's whole environment, as its thread got it. */
  environments: Record<FunctionName, Record<string, string>>;
  /** Each declared entry's bundle: its directory (index.mjs, map, fonts/) and the size of its index.mjs. */
  bundles: Record<string, { dir: string; bytes: number }>;
  timings: PreparedFunctions['timings'] & { startMs: number };
}

export interface BundledFunctions {
  /** Each function, forwarding to its thread. */
  handlers: Map<FunctionName, AnyHandler>;
  /** Fault injection is a local-only variable (FAULT_INJECTION), which a bundled function never gets. */
  faults: LocalRoutesDeps['faults'];
  /** DynamoDB requests by command, counted at the IAM proxy. */
  dynamoRequests: Record<string, number>;
  info: BundledInfo;
  stop(): Promise<void>;
}

export interface BundledStart {
  prepared: PreparedFunctions;
  provisioned: Provisioned;
  endpoints: { dynamodb: string; fauxqs: string; smtp: string };
  logLevel: string | undefined;
}

const log = (level: string, message: string, fields: Record<string, unknown> = {}) =>
  console.error(JSON.stringify({ level, message: `local stack (bundled): ${message}`, ...fields }));

/**
 * Starts every declared function from its bundle, in a thread of its own,
 * with exactly the environment the synthesized template gives it (its
 * resource names resolved to the local ones) and every AWS call it makes
 * checked against its role's policies from that template.
 */
export async function startBundledFunctions(o: BundledStart): Promise<BundledFunctions> {
  const synth = withoutGrant(o.prepared.synth, process.env[DROP_GRANT_VARIABLE]);
  if (process.env[DROP_GRANT_VARIABLE]) log('WARN', `${DROP_GRANT_VARIABLE}=${process.env[DROP_GRANT_VARIABLE]}: that grant is gone from the template`);
  const local = localReferences(synth, o.provisioned);
  const unprovisioned = unprovisionedArns(synth);
  const definitions = templateFunctions(synth, local);
  const iam = new IamEvaluator(functionPolicies(synth, local, unprovisioned), resourcePolicies(synth, local, unprovisioned));
  const unmappable = await missingMappingPermissions(synth, local, iam);
  if (unmappable.length) throw new Error(`The template's roles lack what their event source mappings need:\n${unmappable.join('\n')}`);
  const dynamoRequests: Record<string, number> = {};
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => undefined);
  };
  try {
    const onDenied = (fn: FunctionName | undefined, message: string, operation?: string) =>
      log('WARN', 'AccessDenied', { function: fn ?? null, ...(operation ? { operation } : {}), reason: message });
    const proxy = await startIamProxy({
      upstreams: { dynamodb: o.endpoints.dynamodb, sqs: o.endpoints.fauxqs, s3: o.endpoints.fauxqs },
      iam,
      dynamoRequests,
      onDenied: (fn, request, message) => onDenied(fn, message, request && `${request.service}:${request.operation}`),
      onError: (error) => log('ERROR', 'IAM proxy', { error: String((error as Error)?.stack ?? error) }),
    });
    stoppers.push(proxy.stop);
    const gate = await startMailGate({ sink: o.endpoints.smtp, iam, onDenied: (fn, message) => onDenied(fn, message, 'ses:SendEmail') });
    stoppers.push(gate.stop);

    const environments = mapRecord(functions, (decl, name) => {
      const taskRoot = o.prepared.bundleDirs[decl.entry]!;
      return lambdaEnvironment(name, definitions[name], { taskRoot, awsEndpoint: proxy.endpoint, smtpUrl: gate.urlFor(name), logLevel: o.logLevel });
    });
    const workers = mapRecord(functions, (decl, name) => {
      const [file, handlerExport] = definitions[name].handler.split(/\.(?=[^.]+$)/) as [string, string];
      return new FunctionWorker({
        name,
        runtimeFile: o.prepared.runtimeFile,
        init: { bundleFile: join(o.prepared.bundleDirs[decl.entry]!, `${file}.mjs`), handlerExport },
        env: environments[name],
        memoryMb: definitions[name].memoryMb,
        timeoutSeconds: definitions[name].timeoutSeconds,
      });
    });
    stoppers.push(async () => void (await Promise.all(Object.values(workers).map((w) => w.stop()))));
    // Every function's init now, not at its first invocation: a bundle that cannot load fails the start.
    const started = performance.now();
    await Promise.all(Object.values(workers).map((w) => w.start()));
    const startMs = Math.round(performance.now() - started);

    const bundles = Object.fromEntries(entriesOf(o.prepared.bundleDirs).map(([entry, dir]) => [entry, { dir, bytes: statSync(join(dir, 'index.mjs')).size }]));
    const info: BundledInfo = { iamProxy: proxy.endpoint, dir: o.prepared.dir, environments, bundles, timings: { ...o.prepared.timings, startMs } };
    log('INFO', 'functions started', { functions: Object.keys(workers).length, ...info.timings });
    return {
      handlers: new Map(entriesOf(workers).map(([name, w]) => [name, w.invoke])),
      faults: {
        armFault: () => {
          throw new Error('Fault injection is off in bundled mode: a bundled function gets exactly its AWS environment, and FAULT_INJECTION is not part of it.');
        },
        clearFaults: () => undefined,
      },
      dynamoRequests,
      info,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
