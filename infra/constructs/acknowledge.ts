import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The stack is checked by cdk-nag's AwsSolutions and Serverless packs
 * (`test/infra/nag.test.ts`, in `npm test`). What is real is fixed; a finding
 * that is not is acknowledged here, on the construct it concerns (and so on
 * its children), with the reason it does not apply. cdk-nag 3 reads CDK's own
 * acknowledgements (`Validations.of(…).acknowledge`), which replaced v2's
 * `NagSuppressions`.
 */
export function acknowledge(construct: IConstruct, id: string, reason: string): void {
  if (construct.node.tryGetContext(WITHOUT_ACKNOWLEDGEMENTS) === true) return;
  Validations.of(construct).acknowledge({ id, reason });
}

/**
 * Context key that builds the stack with no acknowledgement at all, so the
 * nag test can show that each one answers a finding the packs really make.
 */
export const WITHOUT_ACKNOWLEDGEMENTS = 'lawBillingSync:withoutNagAcknowledgements';

/**
 * How cdk-nag spells a resource's ARN inside a finding id
 * (`AwsSolutions-IAM5[Resource::<Table1A2B3C.Arn>/index/*]`): its logical id.
 */
export function nagArn(construct: IConstruct): string {
  const element = construct.node.defaultChild as CfnElement;
  return `<${Stack.of(construct).getLogicalId(element)}.Arn>`;
}
