import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { LawBillingSyncStack } from '../../stack.ts';
import { mapRecord } from '../../constructs/records.ts';
import { projectRoot } from '../paths.ts';
import type { CfnTemplate, SynthesizedStack } from './synthesized.ts';

/** The stack's name in infra/app.ts. */
export const STACK_NAME = 'LawBillingSync';

/**
 * `cdk synth` of the deployed stack, offline, into `outdir` (a cloud assembly,
 * as cdk.out), with cdk.json's context, as infra/app.ts builds it. Two things
 * differ from the CLI's synth, neither of which changes the template's
 * environment or policies: CDK's own bundling is skipped (the local stack
 * bundles every entry itself with infra/bundling.ts, in one esbuild run:
 * bundles.ts), and so is the built-in CloudFormation validation (about 10 s of
 * WebAssembly on every start; `npx cdk synth` and the infra tests still run it).
 */
export function synthesizeStack(outdir: string): SynthesizedStack {
  const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new LawBillingSyncStack(app, STACK_NAME, {
    jwtIssuer: String(app.node.tryGetContext('jwtIssuer')),
    jwtAudience: String(app.node.tryGetContext('jwtAudience')),
  });
  const template = app.synth().getStackByName(stack.stackName).template as CfnTemplate;
  const id = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  return {
    template,
    functions: mapRecord(stack.functions, (fn) => ({ function: id(fn), role: id(fn.role!) })),
    tables: mapRecord(stack.resources.tables, id),
    queues: mapRecord(stack.resources.queues, (q) => ({ queue: id(q.queue), dlq: id(q.dlq) })),
    buckets: mapRecord(stack.resources.buckets, id),
  };
}
