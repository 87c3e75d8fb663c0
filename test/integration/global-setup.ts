import type { TestProject } from 'vitest/node';
import type { StackInfo } from '../../infra/local/stack.ts';
import { StackProcess } from '../../infra/local/stack-process.ts';
import { reportUninvokedFunctions } from '../bundled/support/invoked-functions.ts';

/** Whether this run ran all of the project's test files (not a few picked on the command line). */
async function ranEveryFile(project: TestProject): Promise<boolean> {
  const ran = new Set(project.vitest.state.getFiles().map((f) => f.filepath));
  const { testFiles } = await project.globTestFiles();
  return testFiles.every((f) => ran.has(f));
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/**
 * Starts one local stack for the integration run, exactly as `npm start`
 * does but in memory, on free ports and with short timeouts, in a child
 * process (so it can also be killed and restarted like a real deployment).
 *
 * The `bundled` project (`npm run test:bundled`) starts it with `--bundled`:
 * every function from its deployed bundle, with the template's environment
 * and its IAM policy enforced. Those functions get no local-only settings, so
 * no short redrive delay either; and the run fails unless every declared
 * function was invoked (see test/bundled/support/invoked-functions.ts).
 */
export default async function setup(project: TestProject) {
  const bundled = project.name === 'bundled';
  const stack = new StackProcess({
    label: bundled ? 'bundled' : 'test',
    memory: true,
    visibilityTimeoutSeconds: 2,
    ...(bundled ? { bundled: true } : { redriveAfterSeconds: 3, numberGraceSeconds: 5 }),
    scheduleEveryMs: 3_600_000,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'WARN',
    // Bundled: synthesis and 29 bundles before the functions start (under a minute on 2 busy cores).
    startTimeoutMs: bundled ? 240_000 : 90_000,
    stopTimeoutMs: 10_000,
    keepStateVariable: 'KEEP_TEST_STATE',
  });
  project.provide('stack', await stack.start());
  return async () => {
    try {
      if (bundled) await reportUninvokedFunctions(stack.info, await ranEveryFile(project));
    } finally {
      await stack.stop();
    }
  };
}
