import { defineConfig } from 'vitest/config';

/**
 * Three suites: pure rules (fast, no AWS), the CDK template, and integration
 * tests that drive a real local stack (DynamoDB Local, fauxqs, the HTTP API
 * and pollers) started once for the run on free ports, in memory; and two
 * runs of their own: part of the integration suite against the bundled
 * functions (`bundled`), and the chaos tests.
 */
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // `npm run test:bundled`: the functions run from their deployed bundles, with the template's environment
        // and IAM enforced (infra/local/bundled/). These integration files reach every declared function but
        // the schedules, which test/bundled/ runs; the run fails unless each function was invoked.
        extends: true,
        test: {
          name: 'bundled',
          include: [
            'test/bundled/**/*.test.ts',
            'test/integration/route-isolation.test.ts',
            'test/integration/bills.test.ts',
            'test/integration/invoice-documents.test.ts',
          ],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Slow: SIGKILL and restart of the stack, full-size races. `npm run test:chaos`.
        extends: true,
        test: {
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
