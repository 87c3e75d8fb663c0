import type { BucketName, FunctionName, QueueName, TableName } from '#lib/declaration';

/** A CloudFormation template, as far as the local stack reads it. */
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/**
 * What the bundled local stack takes from `cdk synth`: the template, and the
 * logical ids of what the local stack provisions or runs, found through the
 * stack's constructs (not guessed from their names), so every intrinsic in the
 * template can be resolved to a local resource by logical id.
 */
export interface SynthesizedStack {
  template: CfnTemplate;
  functions: Record<FunctionName, { function: string; role: string }>;
  tables: Record<TableName, string>;
  queues: Record<QueueName, { queue: string; dlq: string }>;
  buckets: Record<BucketName, string>;
}

/** The file synth-cli.ts writes into its output directory. */
export const SYNTHESIZED_FILE = 'synthesized.json';
