import { App } from 'aws-cdk-lib';
import { LawBillingSyncStack } from './stack.ts';

const app = new App();

/** A setting from the environment (JWT_ISSUER, JWT_AUDIENCE) or else cdk.json's context. */
function setting(contextKey: string, envVar: string): string {
  const value = process.env[envVar] || app.node.tryGetContext(contextKey);
  if (typeof value !== 'string' || value === '') {
    throw new Error(`Set context "${contextKey}" (cdk.json or -c ${contextKey}=...) or the ${envVar} environment variable.`);
  }
  return value;
}

new LawBillingSyncStack(app, 'LawBillingSync', {
  description: 'Keeps the Practice Management and Legal Accounting books in step.',
  jwtIssuer: setting('jwtIssuer', 'JWT_ISSUER'),
  jwtAudience: setting('jwtAudience', 'JWT_AUDIENCE'),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});

app.synth();
