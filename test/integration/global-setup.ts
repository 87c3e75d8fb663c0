import type { TestProject } from 'vitest/node';
import type { StackInfo } from '../../infra/local/stack.ts';
import { StackProcess } from '../../infra/local/stack-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/**
 * Starts one local stack for the integration run, exactly as `npm start`
 * does but in memory, on free ports and with short timeouts, in a child
 * process (so it can also be killed and restarted like a real deployment).
 */
export default async function setup(project: TestProject) {
  const stack = new StackProcess({
    label: 'test',
    memory: true,
    visibilityTimeoutSeconds: 2,
    redriveAfterSeconds: 3,
    scheduleEveryMs: 3_600_000,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'WARN',
    startTimeoutMs: 90_000,
    stopTimeoutMs: 10_000,
    keepStateVariable: 'KEEP_TEST_STATE',
  });
  project.provide('stack', await stack.start());
  return () => stack.stop();
}
