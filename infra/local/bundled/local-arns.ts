import { LOCAL_REGION } from '../emulators.ts';

/**
 * The account every local resource lives in (the one the emulators, the local
 * Lambda contexts and events name), and the ARNs of local resources as AWS
 * would spell them. The IAM check builds a request's resource ARN with these
 * and the template's policies resolve to them, so the two always agree.
 */
export const LOCAL_ACCOUNT_ID = '000000000000';

const arn = (service: string, resource: string, region = LOCAL_REGION) => `arn:aws:${service}:${region}:${LOCAL_ACCOUNT_ID}:${resource}`;

export const localArn = {
  table: (name: string) => arn('dynamodb', `table/${name}`),
  index: (table: string, index: string) => arn('dynamodb', `table/${table}/index/${index}`),
  queue: (name: string) => arn('sqs', name),
  bucket: (name: string) => `arn:aws:s3:::${name}`,
  object: (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`,
  sesIdentity: (identity: string) => arn('ses', `identity/${identity}`),
  role: (name: string) => `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/${name}`,
  /** The principal a Lambda function's calls are made as: its role's session, named after the function. */
  roleSession: (role: string, session: string) => `arn:aws:sts::${LOCAL_ACCOUNT_ID}:assumed-role/${role}/${session}`,
  logGroup: (name: string) => arn('logs', `log-group:${name}`),
  stack: (name: string) => arn('cloudformation', `stack/${name}/local`),
};

/**
 * The queue a queue URL names (`<scheme>://<host>/<account>/<name>`), as an ARN. Read by hand: fauxqs's
 * hosts (`sqs.us-east-1.127.0.0.1:port`) end in an IPv4 address, which WHATWG's URL refuses.
 */
export function queueArnOfUrl(queueUrl: string): string | undefined {
  const match = /^[a-z]+:\/\/[^/]+\/(\d{12})\/([^/?#]+)$/i.exec(queueUrl);
  return match ? `arn:aws:sqs:${LOCAL_REGION}:${match[1]}:${match[2]}` : undefined;
}
