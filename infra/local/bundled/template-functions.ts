import type { FunctionName } from '#lib/declaration';
import { entriesOf, mapRecord } from '../../constructs/records.ts';
import { resolveIntrinsics, type LocalReferences } from './intrinsics.ts';
import type { SynthesizedStack } from './synthesized.ts';

/** A function as the synthesized template defines it, its resource names resolved to the local stack's. */
export interface TemplateFunction {
  /** `Handler`: `<file without .mjs>.<export>` in the bundle. */
  handler: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** `Environment.Variables`: exactly what Lambda would set, with local names, URLs and ARNs. */
  environment: Record<string, string>;
}

/**
 * Every function's definition from the template. A variable that names a
 * resource the local stack does not provision is an error, not a guess: the
 * function would read a name that means nothing here.
 */
export function templateFunctions(synth: SynthesizedStack, local: LocalReferences): Record<FunctionName, TemplateFunction> {
  return mapRecord(synth.functions, ({ function: logicalId }, name) => {
    const props = synth.template.Resources[logicalId]?.Properties;
    if (!props) throw new Error(`The template has no function ${logicalId} (${name})`);
    const variables = ((props.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
    const environment: Record<string, string> = {};
    for (const [key, value] of entriesOf(variables)) {
      let resolved: unknown;
      try {
        resolved = resolveIntrinsics(value, local);
      } catch (error) {
        throw new Error(`${name}: variable ${key}: ${(error as Error).message}`);
      }
      if (typeof resolved !== 'string') throw new Error(`${name}: variable ${key} is ${JSON.stringify(resolved)}, not a string`);
      environment[key] = resolved;
    }
    return {
      handler: String(props.Handler),
      memoryMb: Number(props.MemorySize ?? 128),
      timeoutSeconds: Number(props.Timeout ?? 3),
      environment,
    };
  });
}
