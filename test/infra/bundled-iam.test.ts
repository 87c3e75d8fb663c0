import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buckets, envName, functions, queues, tables, type BucketName, type FunctionDecl, type FunctionName, type QueueName, type TableName } from '#lib/declaration';
import { localNames, type Provisioned } from '../../infra/local/provision.ts';
import { synthesizeStack } from '../../infra/local/bundled/synth.ts';
import { localReferences, unprovisionedArns } from '../../infra/local/bundled/local-references.ts';
import { functionPolicies, resourcePolicies } from '../../infra/local/bundled/function-policies.ts';
import { IamEvaluator } from '../../infra/local/bundled/iam-evaluator.ts';
import { templateFunctions } from '../../infra/local/bundled/template-functions.ts';
import { missingMappingPermissions } from '../../infra/local/bundled/event-source-permissions.ts';
import { withoutGrant } from '../../infra/local/bundled/dropped-grant.ts';
import { localArn } from '../../infra/local/bundled/local-arns.ts';
import { entriesOf } from '../../infra/constructs/records.ts';

/*
 * The synthesized template's IAM policies, as bundled mode evaluates them
 * (@cloud-copilot/iam-simulate), against what lib/declaration.ts declares:
 * each function may do exactly what its grants say on exactly the resources
 * it names, and its event source mapping may read its queue or stream. A
 * grant CDK stopped generating, or one too broad, fails here, offline.
 */

const dir = mkdtempSync(join(tmpdir(), 'lbs-synth-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const synth = synthesizeStack(dir);

const queueUrl = (name: string) => `http://sqs.us-east-1.127.0.0.1:9999/000000000000/${name}`;
const provisioned: Provisioned = {
  env: {},
  streamArns: { outbox: 'arn:aws:dynamodb:ddblocal:000000000000:table/lbs-outbox/stream/2026-12-02T00:00:00.000' },
  queueUrls: Object.fromEntries(Object.keys(queues).map((q) => [q, queueUrl(localNames.queue(q as QueueName))])) as Record<QueueName, string>,
  dlqUrls: Object.fromEntries(Object.keys(queues).map((q) => [q, queueUrl(localNames.dlq(q as QueueName))])) as Record<QueueName, string>,
};

const evaluatorOf = (s: typeof synth) => {
  const local = localReferences(s, provisioned);
  const unprovisioned = unprovisionedArns(s);
  return { local, iam: new IamEvaluator(functionPolicies(s, local, unprovisioned), resourcePolicies(s, local, unprovisioned)) };
};
const { local, iam } = evaluatorOf(synth);
const allowed = async (fn: FunctionName, action: string, resource: string) => (await iam.decide(fn, action, resource)).allowed;

const tableArn = (t: TableName) => localArn.table(localNames.table(t));
const objectArn = (b: BucketName) => localArn.object(localNames.bucket(b), 'firms/abc/bills/b1/v1/invoice-1.pdf');
const names = Object.keys(functions) as FunctionName[];
const READS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem'];
const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('bundled mode: the template\'s policies mean what the declaration says', () => {
  it.each(names)('%s: its tables, and no others', async (name) => {
    const decl: FunctionDecl = functions[name];
    for (const table of Object.keys(tables) as TableName[]) {
      const access = decl.tables?.[table];
      for (const action of READS) expect(await allowed(name, action, tableArn(table)), `${action} ${table}`).toBe(access !== undefined);
      for (const action of WRITES) expect(await allowed(name, action, tableArn(table)), `${action} ${table}`).toBe(access === 'readwrite');
      for (const index of tables[table].indexes) {
        expect(await allowed(name, 'dynamodb:Query', localArn.index(localNames.table(table), index.name)), `Query ${table}/${index.name}`).toBe(access !== undefined);
      }
      expect(await allowed(name, 'dynamodb:DeleteTable', tableArn(table)), `DeleteTable ${table}`).toBe(false);
    }
  });

  it.each(names)('%s: sends to its queues, and no others', async (name) => {
    const decl: FunctionDecl = functions[name];
    for (const queue of Object.keys(queues) as QueueName[]) {
      expect(await allowed(name, 'sqs:SendMessage', localArn.queue(localNames.queue(queue))), queue).toBe(decl.sendsTo?.includes(queue) ?? false);
      expect(await allowed(name, 'sqs:SendMessage', localArn.queue(localNames.dlq(queue))), `${queue} DLQ`).toBe(false);
      expect(await allowed(name, 'sqs:PurgeQueue', localArn.queue(localNames.queue(queue))), `purge ${queue}`).toBe(false);
    }
  });

  it.each(names)('%s: its bucket access, and mail only when it mails, as the configured sender', async (name) => {
    const decl: FunctionDecl = functions[name];
    for (const bucket of Object.keys(buckets) as BucketName[]) {
      const access = decl.buckets?.[bucket];
      expect(await allowed(name, 's3:GetObject', objectArn(bucket)), `get ${bucket}`).toBe(access !== undefined);
      expect(await allowed(name, 's3:PutObject', objectArn(bucket)), `put ${bucket}`).toBe(access === 'readwrite');
      expect(await allowed(name, 's3:ListBucket', localArn.bucket(localNames.bucket(bucket))), `list ${bucket}`).toBe(access !== undefined);
      expect(await allowed(name, 's3:DeleteObject', objectArn(bucket)), `delete ${bucket}`).toBe(false);
    }
    expect(await allowed(name, 'ses:SendEmail', localArn.sesIdentity('billing@law-billing-sync.dev'))).toBe(decl.mail === true);
    expect(await allowed(name, 'ses:SendEmail', localArn.sesIdentity('someone@elsewhere.test'))).toBe(false);
  });

  it('every queue, DLQ and bucket has its resource policy (TLS only) in the evaluation', () => {
    const guarded = [...resourcePolicies(synth, local, unprovisionedArns(synth)).entries()];
    const expected = [
      ...(Object.keys(queues) as QueueName[]).flatMap((q) => [localArn.queue(localNames.queue(q)), localArn.queue(localNames.dlq(q))]),
      ...(Object.keys(buckets) as BucketName[]).map((b) => localArn.bucket(localNames.bucket(b))),
    ];
    expect(guarded.map(([arn]) => arn).sort()).toEqual(expected.sort());
    for (const [arn, policy] of guarded) expect(JSON.stringify(policy), arn).toContain('"aws:SecureTransport":"false"');
  });

  it('every queue and stream mapping may read what it is mapped to', async () => {
    expect(await missingMappingPermissions(synth, local, iam)).toEqual([]);
  });

  it('every function\'s variables resolve to the local names, URLs and ARNs', () => {
    const defined = templateFunctions(synth, local);
    for (const [name, decl] of entriesOf(functions) as [FunctionName, FunctionDecl][]) {
      const env = defined[name].environment;
      for (const table of Object.keys(decl.tables ?? {}) as TableName[]) expect(env[envName.table(table)]).toBe(localNames.table(table));
      for (const queue of decl.sendsTo ?? []) expect(env[envName.queueUrl(queue)]).toBe(provisioned.queueUrls[queue]);
      for (const bucket of Object.keys(decl.buckets ?? {}) as BucketName[]) expect(env[envName.bucket(bucket)]).toBe(localNames.bucket(bucket));
    }
  });

  it('dropping one function\'s grant on one table takes away exactly that access, and keeps its variable', async () => {
    const dropped = withoutGrant(synth, 'practiceContactsApi:outbox');
    const { iam: without, local: droppedLocal } = evaluatorOf(dropped);
    expect((await without.decide('practiceContactsApi', 'dynamodb:PutItem', tableArn('outbox'))).allowed).toBe(false);
    expect((await without.decide('practiceContactsApi', 'dynamodb:PutItem', tableArn('practice'))).allowed).toBe(true);
    expect((await without.decide('practiceSettingsApi', 'dynamodb:PutItem', tableArn('outbox'))).allowed).toBe(true);
    expect(templateFunctions(dropped, droppedLocal).practiceContactsApi.environment.TABLE_OUTBOX).toBe(localNames.table('outbox'));
    expect(() => withoutGrant(synth, 'jobsApi:practice')).toThrow(/no grant on practice/);
  });
});
