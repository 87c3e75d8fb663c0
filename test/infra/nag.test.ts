import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { functions, type FunctionName } from '#lib/declaration';
import { LawBillingSyncStack } from '../../infra/stack.ts';
import { WITHOUT_ACKNOWLEDGEMENTS } from '../../infra/constructs/acknowledge.ts';
import { entriesOf } from '../../infra/constructs/records.ts';

/*
 * cdk-nag 3's AwsSolutions and Serverless packs against the synthesized
 * stack. cdk-nag 3 is a CDK policy-validation plugin rather than an aspect,
 * and its findings are no annotations: each pack is run on the stack with
 * `validateScope`, and acknowledgements are CDK's own
 * (`Validations.of(…).acknowledge`, see infra/constructs/acknowledge.ts).
 */

interface Finding {
  readonly rule: string;
  readonly path: string;
  readonly severity: string | undefined;
  readonly description: string;
}

function synthesized(context: Record<string, unknown> = {}): LawBillingSyncStack {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new LawBillingSyncStack(app, 'Nag', { jwtIssuer: 'https://issuer.test/', jwtAudience: 'test-audience' });
  app.synth();
  return stack;
}

function findings(stack: LawBillingSyncStack): Finding[] {
  return [new AwsSolutionsChecks(stack, { verbose: true }), new ServerlessChecks(stack, { verbose: true })].flatMap((pack) =>
    pack.validateScope(stack).violations.flatMap((v) =>
      v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? r.resourceLogicalId ?? "?", severity: v.severity, description: v.description })),
    ),
  );
}

interface Acknowledgement {
  readonly rule: string;
  readonly path: string;
  readonly reason: string;
}

function acknowledgements(stack: LawBillingSyncStack): Acknowledgement[] {
  return stack.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((e) => e.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((e) => Object.entries(e.data as Record<string, string>))
      .map(([id, reason]) => ({ rule: id.replace(/^annotation::/i, ''), path: c.node.path, reason })),
  );
}

const stack = synthesized();
const unacknowledged = synthesized({ [WITHOUT_ACKNOWLEDGEMENTS]: true });
const acks = acknowledgements(stack);
const raw = findings(unacknowledged);
const covers = (a: Acknowledgement, f: Finding) => a.rule === f.rule && (f.path === a.path || f.path.startsWith(`${a.path}/`));

describe('cdk-nag (AwsSolutions, Serverless)', () => {
  it('leaves no finding unacknowledged', () => {
    const left = findings(stack).map((f) => `${f.rule} at ${f.path}: ${f.description}`);
    expect(left).toEqual([]);
  });

  it('makes the findings the acknowledgements answer when they are left out', () => {
    expect(acknowledgements(unacknowledged)).toEqual([]);
    expect(raw.length).toBeGreaterThan(0);
    for (const f of raw) expect(acks.some((a) => covers(a, f)), `${f.rule} at ${f.path}`).toBe(true);
  });

  it('acknowledges only findings the packs really make', () => {
    for (const a of acks) expect(raw.some((f) => covers(a, f)), `${a.rule} at ${a.path}`).toBe(true);
  });

  it('gives each acknowledgement a reason of its own', () => {
    for (const a of acks) expect(a.reason.length, `${a.rule} at ${a.path}: "${a.reason}"`).toBeGreaterThan(60);
  });

  it('grants "*" only for what IAM cannot scope: X-Ray writes, and ListStreams for the stream functions', () => {
    const resources: Record<string, { Type: string; Properties: any }> = Template.fromStack(stack).toJSON().Resources;
    const streamRoles = new Set(
      entriesOf(functions)
        .filter(([, decl]) => decl.trigger.kind === 'stream')
        .map(([name]) => stack.getLogicalId(stack.functions[name as FunctionName].role!.node.defaultChild as never)),
    );
    const onStar = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((p) =>
        (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
          .filter((s) => [s.Resource].flat().includes('*'))
          .map((s) => ({ actions: [s.Action].flat().sort(), stream: p.Properties.Roles.some((r: { Ref: string }) => streamRoles.has(r.Ref)) })),
      );
    expect(onStar.length).toBeGreaterThan(0);
    for (const { actions, stream } of onStar) {
      const allowed = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments', ...(stream ? ['dynamodb:ListStreams'] : [])];
      expect(actions.every((a) => allowed.includes(a)), actions.join(', ')).toBe(true);
    }
  });
});
