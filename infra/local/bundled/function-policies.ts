import type { FunctionName } from '#lib/declaration';
import { entriesOf, mapRecord } from '../../constructs/records.ts';
import { resolveIntrinsics, type LocalReferences, type Unprovisioned } from './intrinsics.ts';
import { localArn } from './local-arns.ts';
import type { CfnResource, SynthesizedStack } from './synthesized.ts';

export interface PolicyDocument {
  Version?: string;
  Statement: unknown[];
}

export interface FunctionPolicies {
  /** Who the function's calls are made as: its role's session. */
  principal: string;
  /** Every identity policy of the function's role: inline ones and the AWS::IAM::Policy resources attached to it. */
  identity: { name: string; policy: PolicyDocument }[];
}

/** Resource-based policies (queue and bucket policies) by the ARN of the resource they guard. */
export type ResourcePolicies = Map<string, PolicyDocument>;

const refsTo = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (v && typeof v === 'object' && 'Ref' in v ? [String((v as { Ref: unknown }).Ref)] : []));

/**
 * What IAM evaluates for each function's calls in AWS, from the template,
 * every ARN resolved to the local resources. A managed policy ARN on a role
 * cannot be read offline (AWS holds its text), so it is refused rather than
 * silently left out.
 */
export function functionPolicies(synth: SynthesizedStack, local: LocalReferences, unprovisioned: Unprovisioned): Record<FunctionName, FunctionPolicies> {
  const resources = entriesOf(synth.template.Resources);
  const resolve = (v: unknown) => resolveIntrinsics(v, local, unprovisioned) as unknown as PolicyDocument;
  return mapRecord(synth.functions, ({ role }, name) => {
    const roleProps = synth.template.Resources[role]?.Properties ?? {};
    const managed = roleProps.ManagedPolicyArns as unknown[] | undefined;
    if (managed?.length) throw new Error(`${name}'s role has managed policies (${JSON.stringify(managed)}), which the local IAM check cannot read.`);
    const inline = ((roleProps.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[]).map((p) => ({ name: p.PolicyName, policy: resolve(p.PolicyDocument) }));
    const attached = resources
      .filter(([, r]) => (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') && refsTo(r.Properties?.Roles).includes(role))
      .map(([logicalId, r]) => ({ name: logicalId, policy: resolve(r.Properties!.PolicyDocument) }));
    return { principal: localArn.roleSession(role, name), identity: [...inline, ...attached] };
  });
}

/** The queue policies (by queue ARN) and bucket policies (by bucket ARN) of the template. */
export function resourcePolicies(synth: SynthesizedStack, local: LocalReferences, unprovisioned: Unprovisioned): ResourcePolicies {
  const policies: ResourcePolicies = new Map();
  const guarded = (r: CfnResource): string[] => {
    if (r.Type === 'AWS::SQS::QueuePolicy') return refsTo(r.Properties?.Queues).map((id) => local.getAtt(id, 'Arn') ?? '');
    if (r.Type === 'AWS::S3::BucketPolicy') return refsTo(r.Properties?.Bucket).map((id) => local.getAtt(id, 'Arn') ?? '');
    return [];
  };
  for (const [, r] of entriesOf(synth.template.Resources)) {
    for (const arn of guarded(r).filter(Boolean)) policies.set(arn, resolveIntrinsics(r.Properties!.PolicyDocument, local, unprovisioned) as unknown as PolicyDocument);
  }
  return policies;
}
