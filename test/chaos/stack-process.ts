import { StackProcess } from '../../infra/local/stack-process.ts';

/**
 * A local stack with data on disk that a test can kill with SIGKILL and start
 * again on the same port and data, like a crashed deployment coming back.
 */
export class KillableStack extends StackProcess {
  constructor() {
    super({
      label: 'chaos',
      memory: false,
      samePortOnRestart: true,
      visibilityTimeoutSeconds: 10,
      redriveAfterSeconds: 5,
      numberGraceSeconds: 5,
      scheduleEveryMs: 3_600_000,
      logLevel: 'ERROR',
      startTimeoutMs: 120_000,
      stopTimeoutMs: 15_000,
      keepStateVariable: 'KEEP_TEST_STATE',
    });
  }
}
