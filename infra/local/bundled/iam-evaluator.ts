import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { FunctionName } from '#lib/declaration';
import type { FunctionPolicies, ResourcePolicies } from './function-policies.ts';
import { LOCAL_ACCOUNT_ID } from './local-arns.ts';

export interface Decision {
  allowed: boolean;
  /** For a refusal: the sentence AWS puts in its AccessDenied message. */
  message?: string;
}

/** The resource policy that guards `resource` (a queue's, or a bucket's for the bucket and its objects). */
function guardOf(resource: string, policies: ResourcePolicies) {
  if (resource.startsWith('arn:aws:s3:::')) return policies.get(resource.replace(/^(arn:aws:s3:::[^/]+).*$/, '$1'));
  return policies.get(resource);
}

/** Decisions are kept: the policies never change while the stack runs, nor does the request context given. */
const CACHE_LIMIT = 20_000;

/**
 * IAM's decision on one call of one function, by a real policy evaluator
 * (@cloud-copilot/iam-simulate): the function role's identity policies and
 * the resource's own policy, same account, as AWS evaluates them. The request
 * context is what a Lambda function's SDK call carries in AWS: over TLS
 * (aws:SecureTransport), so the stack's TLS-only queue and bucket policies
 * hold here too although the local hop is plain HTTP.
 */
export class IamEvaluator {
  private readonly cache = new Map<string, Promise<Decision>>();

  constructor(
    private readonly functions: Record<FunctionName, FunctionPolicies>,
    private readonly resourcePolicies: ResourcePolicies,
  ) {}

  decide(fn: FunctionName, action: string, resource: string): Promise<Decision> {
    const key = `${fn} ${action} ${resource}`;
    let decision = this.cache.get(key);
    if (!decision) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      decision = this.evaluate(fn, action, resource);
      this.cache.set(key, decision);
    }
    return decision;
  }

  private async evaluate(fn: FunctionName, action: string, resource: string): Promise<Decision> {
    const { principal, identity } = this.functions[fn];
    const resourcePolicy = guardOf(resource, this.resourcePolicies);
    const result = await runSimulation(
      {
        request: {
          principal,
          action,
          resource: { resource, accountId: LOCAL_ACCOUNT_ID },
          contextVariables: { 'aws:SecureTransport': 'true', 'aws:PrincipalArn': principal, 'aws:PrincipalAccount': LOCAL_ACCOUNT_ID },
        },
        identityPolicies: identity,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(resourcePolicy ? { resourcePolicy } : {}),
      },
      { simulationMode: 'Strict' },
    );
    if (result.resultType === 'error') {
      // An action or ARN the evaluator does not know, or a policy it finds invalid: refused, and said why.
      return { allowed: false, message: `The local IAM check could not evaluate ${action} on ${resource}: ${result.errors.message}` };
    }
    if (result.overallResult === 'Allowed') return { allowed: true };
    const analysis = result.resultType === 'single' ? result.result.analysis : result.results[0]?.analysis;
    const deniedByResource = analysis?.resourceAnalysis?.result === 'ExplicitlyDenied';
    const because =
      result.overallResult === 'ExplicitlyDenied'
        ? `with an explicit deny in a ${deniedByResource ? 'resource-based' : 'identity-based'} policy`
        : `because no identity-based policy allows the ${action} action`;
    return { allowed: false, message: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${because}` };
  }
}
