import { functions, type FunctionName } from '#lib/declaration';
import type { StackInfo } from '../../../infra/local/stack.ts';

/** The functions the stack counted no invocation of (GET /__local/metrics). */
export async function uninvokedFunctions(stack: StackInfo): Promise<FunctionName[]> {
  const res = await fetch(`${stack.url}/__local/metrics`);
  if (res.status !== 200) throw new Error(`GET /__local/metrics: ${res.status}`);
  const { invocations } = (await res.json()) as { invocations: Record<string, { count: number }> };
  return (Object.keys(functions) as FunctionName[]).filter((name) => (invocations[name]?.count ?? 0) === 0);
}

/**
 * The bundled run proves every function's bundle, environment and policy only
 * for the functions it invoked, so at its end (the global setup's teardown)
 * every declared function must have been. A teardown's error does not fail a
 * vitest run, so a miss sets the exit code and says which, instead. A run of
 * only some of the files (picked on the command line) is told, not failed.
 */
export async function reportUninvokedFunctions(stack: StackInfo, wholeRun: boolean): Promise<void> {
  const missed = await uninvokedFunctions(stack);
  if (missed.length === 0) {
    console.error(`bundled run: all ${Object.keys(functions).length} declared functions were invoked from their bundles.`);
    return;
  }
  if (!wholeRun) {
    console.error(`bundled run (some files only): not invoked: ${missed.join(', ')}.`);
    return;
  }
  console.error(`\nbundled run FAILED: never invoked, so never checked in bundled mode: ${missed.join(', ')}.\nAdd a test of test/bundled/ or a file to the bundled project (vitest.config.ts) that reaches them.\n`);
  process.exitCode = 1;
}
