import { functions, type FunctionDecl, type FunctionName } from '#lib/declaration';
import { entriesOf } from '../../constructs/records.ts';
import type { IamEvaluator } from './iam-evaluator.ts';
import type { LocalReferences } from './intrinsics.ts';
import type { SynthesizedStack } from './synthesized.ts';

/**
 * What Lambda's event source mappings do with the function's own role: poll
 * and delete from its queue, read its table's stream. (CreateEventSourceMapping
 * checks these when it is deployed.) Locally the stack's pollers do it with the
 * stack's key, so these are checked once, at start, against each role.
 */
const MAPPING_ACTIONS = {
  queue: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
  stream: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
  streams: ['dynamodb:ListStreams'],
} as const;

/** Every mapping permission a function's role lacks, as AWS's refusal sentences. */
export async function missingMappingPermissions(synth: SynthesizedStack, local: LocalReferences, iam: IamEvaluator): Promise<string[]> {
  const missing: string[] = [];
  const need = async (fn: FunctionName, actions: readonly string[], resource: string) => {
    for (const action of actions) {
      const decision = await iam.decide(fn, action, resource);
      if (!decision.allowed) missing.push(`${fn} (its ${resource === '*' ? 'stream' : 'event source'} mapping): ${decision.message}`);
    }
  };
  for (const [name, decl] of entriesOf(functions) as [FunctionName, FunctionDecl][]) {
    const trigger = decl.trigger;
    if (trigger.kind === 'queue') await need(name, MAPPING_ACTIONS.queue, local.getAtt(synth.queues[trigger.queue].queue, 'Arn')!);
    if (trigger.kind === 'stream') {
      const streamArn = local.getAtt(synth.tables[trigger.table], 'StreamArn');
      if (!streamArn) {
        missing.push(`${name}: the ${trigger.table} table has no stream locally`);
        continue;
      }
      await need(name, MAPPING_ACTIONS.stream, streamArn);
      await need(name, MAPPING_ACTIONS.streams, '*');
    }
  }
  return missing;
}
