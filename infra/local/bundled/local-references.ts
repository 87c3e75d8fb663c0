import { entriesOf } from '../../constructs/records.ts';
import { LOCAL_REGION } from '../emulators.ts';
import { localNames, type Provisioned } from '../provision.ts';
import type { LocalReferences, Unprovisioned } from './intrinsics.ts';
import { LOCAL_ACCOUNT_ID, localArn } from './local-arns.ts';
import type { SynthesizedStack } from './synthesized.ts';
import { STACK_NAME } from './synth.ts';

interface LocalResource {
  ref: string;
  attributes: Record<string, string>;
}

/**
 * Every resource of the template the local stack provisioned, by logical id:
 * what `Ref` and `Fn::GetAtt` give for it in AWS, given locally. Tables give
 * their name, ARN and stream ARN; queues (and their DLQs) their URL, ARN and
 * name; buckets their name and ARN.
 */
export function localReferences(synth: SynthesizedStack, provisioned: Provisioned): LocalReferences {
  const byLogicalId = new Map<string, LocalResource>();
  for (const [name, logicalId] of entriesOf(synth.tables)) {
    const table = localNames.table(name);
    const streamArn = provisioned.streamArns[name];
    byLogicalId.set(logicalId, { ref: table, attributes: { Arn: localArn.table(table), ...(streamArn ? { StreamArn: streamArn } : {}) } });
  }
  for (const [name, ids] of entriesOf(synth.queues)) {
    const queue = (queueName: string, url: string): LocalResource => ({ ref: url, attributes: { Arn: localArn.queue(queueName), QueueName: queueName, QueueUrl: url } });
    byLogicalId.set(ids.queue, queue(localNames.queue(name), provisioned.queueUrls[name]));
    byLogicalId.set(ids.dlq, queue(localNames.dlq(name), provisioned.dlqUrls[name]));
  }
  for (const [name, logicalId] of entriesOf(synth.buckets)) {
    const bucket = localNames.bucket(name);
    byLogicalId.set(logicalId, { ref: bucket, attributes: { Arn: localArn.bucket(bucket) } });
  }
  return {
    ref: (logicalId) => byLogicalId.get(logicalId)?.ref,
    getAtt: (logicalId, attribute) => byLogicalId.get(logicalId)?.attributes[attribute],
    pseudo: {
      'AWS::Region': LOCAL_REGION,
      'AWS::AccountId': LOCAL_ACCOUNT_ID,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': STACK_NAME,
      'AWS::StackId': localArn.stack(STACK_NAME),
    },
  };
}

/**
 * For policies only: a resource that exists in AWS alone (a log group, a
 * stream mapping's failure queue, a role) gets an ARN of its type named after
 * its logical id. Statements on it stay valid and never match a local request.
 */
export function unprovisionedArns(synth: SynthesizedStack): NonNullable<Unprovisioned> {
  return (logicalId, attribute) => {
    const type = synth.template.Resources[logicalId]?.Type ?? '';
    const service = /^AWS::(\w+)::/.exec(type)?.[1]?.toLowerCase() ?? 'cloudformation';
    if (attribute && attribute !== 'Arn' && !attribute.endsWith('Arn')) return `${logicalId}.${attribute}`;
    switch (type) {
      case 'AWS::Logs::LogGroup':
        return `${localArn.logGroup(logicalId)}:*`;
      case 'AWS::IAM::Role':
        return localArn.role(logicalId);
      case 'AWS::SQS::Queue':
        return attribute ? localArn.queue(logicalId) : `https://sqs.${LOCAL_REGION}.amazonaws.com/${LOCAL_ACCOUNT_ID}/${logicalId}`;
      default:
        return `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${logicalId}`;
    }
  };
}
