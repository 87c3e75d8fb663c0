import { functions, type FunctionName } from '#lib/declaration';

/**
 * Each function signs its calls with an access key of its own, as each Lambda
 * function holds its role's session credentials: the IAM proxy knows from the
 * key alone whose policies to evaluate. (The emulators check no signature, and
 * nor does the proxy: it needs the caller, not proof of it.) Letters and digits
 * only: DynamoDB Local refuses any other access key id.
 */
const PREFIX = 'LOCAL';

export function functionCredentials(name: FunctionName) {
  return { accessKeyId: `${PREFIX}${name}`, secretAccessKey: 'local', sessionToken: `local-session-${name}` };
}

export function functionOfAccessKey(accessKeyId: string | undefined): FunctionName | undefined {
  const name = accessKeyId?.startsWith(PREFIX) ? accessKeyId.slice(PREFIX.length) : undefined;
  return name && name in functions ? (name as FunctionName) : undefined;
}
