import { functions, tables, type FunctionName, type TableName } from '#lib/declaration';
import type { CfnResource, SynthesizedStack } from './synthesized.ts';

/** Test-only: `<function>:<table>` drops that function's grant on that table from the synthesized template. */
export const DROP_GRANT_VARIABLE = 'LOCAL_STACK_IAM_DROP_GRANT';

/**
 * The template with one function's grant on one table taken out of its role's
 * policies: every statement on that table (and its indexes) goes, while the
 * variable naming the table stays. That is the mistake the IAM check is for,
 * a function that knows a table but may not touch it, so a test can show that
 * a real request then fails with AccessDeniedException.
 */
export function withoutGrant(synth: SynthesizedStack, spec: string | undefined): SynthesizedStack {
  if (!spec) return synth;
  const [fn, table] = spec.split(':') as [FunctionName, TableName];
  if (!(fn in functions) || !(table in tables)) throw new Error(`${DROP_GRANT_VARIABLE}=${spec}: expected <function>:<table> of the declaration`);
  const template = structuredClone(synth.template);
  const role = synth.functions[fn].role;
  const tableId = synth.tables[table];
  let dropped = 0;
  for (const resource of Object.values(template.Resources) as CfnResource[]) {
    if (resource.Type !== 'AWS::IAM::Policy' || !JSON.stringify(resource.Properties?.Roles).includes(`"${role}"`)) continue;
    const document = resource.Properties!.PolicyDocument as { Statement: { Resource?: unknown }[] };
    const kept = document.Statement.filter((s) => !JSON.stringify(s.Resource ?? null).includes(`"${tableId}"`));
    dropped += document.Statement.length - kept.length;
    document.Statement = kept;
  }
  if (dropped === 0) throw new Error(`${DROP_GRANT_VARIABLE}=${spec}: ${fn} has no grant on ${table} to drop`);
  return { ...synth, template };
}
