import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/local/keys.ts';
import { StackProcess } from '../../infra/local/stack-process.ts';
import { DROP_GRANT_VARIABLE } from '../../infra/local/bundled/dropped-grant.ts';
import { newFirm, person } from '../integration/helpers.ts';

/*
 * A grant missing from the template fails a real request in bundled mode, as
 * it would after deploy: a stack of its own starts with practiceContactsApi's
 * grant on the outbox table dropped from the synthesized template (its
 * TABLE_OUTBOX variable kept, the mistake of a name passed without its
 * grant). Creating a contact writes the contact and its outbox entry in one
 * transaction, so DynamoDB refuses it with AccessDeniedException; reading
 * contacts needs only the practice table, and still works.
 */

const stackWithoutGrant = new StackProcess({
  label: 'bundled-no-grant',
  memory: true,
  bundled: true,
  env: { [DROP_GRANT_VARIABLE]: 'practiceContactsApi:outbox' },
  visibilityTimeoutSeconds: 2,
  scheduleEveryMs: 3_600_000,
  logLevel: 'WARN',
  startTimeoutMs: 240_000,
  stopTimeoutMs: 10_000,
  keepStateVariable: 'KEEP_TEST_STATE',
});

const log = () => readFileSync(stackWithoutGrant.logFile, 'utf8');

describe('bundled mode: a grant dropped from the template', () => {
  let url: string;
  let bearer: string;
  beforeAll(async () => {
    const info = await stackWithoutGrant.start();
    url = info.url;
    bearer = `Bearer ${await mintToken(info.keyDir, { firm: newFirm(), user: 'user-1', scope: 'practice accounting billing admin' })}`;
  }, 300_000);
  afterAll(() => stackWithoutGrant.stop(), 30_000);

  const call = (method: string, path: string, body?: unknown) =>
    fetch(url + path, { method, headers: { authorization: bearer, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

  it('a request whose transaction writes that table fails with AccessDeniedException; one that does not still works', async () => {
    const created = await call('POST', '/practice/contacts', person('Never written'));
    expect(created.status).toBe(500);
    const refusal =
      /"reason":"User: arn:aws:sts::000000000000:assumed-role\/PracticeContactsApiRole\w+\/practiceContactsApi is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table\/lbs-outbox because no identity-based policy allows the dynamodb:PutItem action"/;
    expect(log()).toMatch(refusal);
    // The function's own log: the SDK threw what it throws in AWS.
    expect(log()).toMatch(/"function_name":"practiceContactsApi".*"name":"AccessDeniedException"/);

    const listed = await call('GET', '/practice/contacts');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
