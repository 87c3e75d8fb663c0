import { App } from 'aws-cdk-lib';
import { LawBillingSyncStack } from './stack.ts';
import { defaultApiThrottle } from './constructs/http-api.ts';

const app = new App();

/** A setting from the environment (JWT_ISSUER, JWT_AUDIENCE) or else cdk.json's context. */
function setting(contextKey: string, envVar: string): string {
  const value = process.env[envVar] || app.node.tryGetContext(contextKey);
  if (typeof value !== 'string' || value === '') {
    throw new Error(`Set context "${contextKey}" (cdk.json or -c ${contextKey}=...) or the ${envVar} environment variable.`);
  }
  return value;
}

/** A positive whole number from the context (`-c key=…`), or undefined when not set. */
function count(contextKey: string): number | undefined {
  const value: unknown = app.node.tryGetContext(contextKey);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Context "${contextKey}" must be a positive whole number, not ${JSON.stringify(value)}.`);
  return n;
}

const rateLimit = count('apiThrottleRateLimit');
const burstLimit = count('apiThrottleBurstLimit');

new LawBillingSyncStack(app, 'LawBillingSync', {
  description: 'Keeps the Practice Management and Legal Accounting books in step.',
  jwtIssuer: setting('jwtIssuer', 'JWT_ISSUER'),
  jwtAudience: setting('jwtAudience', 'JWT_AUDIENCE'),
  ...(rateLimit || burstLimit
    ? { apiThrottle: { rateLimit: rateLimit ?? defaultApiThrottle.rateLimit, burstLimit: burstLimit ?? defaultApiThrottle.burstLimit } }
    : {}),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});

app.synth();
