import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { armFault, client, ddb, eventually, localMetrics, newFirm, person, settledRecord, sqs, stack, type Client } from './helpers.ts';

const run = promisify(execFile);

/** The firm's messages now in a queue's DLQ (looked at without taking them: they become visible again at once). */
async function inDlq(queue: keyof typeof stack.dlqUrls, firm: string): Promise<number> {
  const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.dlqUrls[queue], MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 0 }));
  return (out.Messages ?? []).filter((m) => m.Body?.includes(firm)).length;
}

/** The documented redrive, as a user runs it (`npm run redrive -- --queue … --firm …`), against the test stack. */
async function redrive(queue: string, firm: string): Promise<string> {
  const port = new URL(stack.url).port;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'infra/local/redrive-cli.ts', '--queue', queue, '--firm', firm, '--port', port]);
  return stdout.trim();
}

describe('a message that keeps failing', () => {
  it('shows the error on its record, lands in the DLQ, and a redrive after the cause is gone synchronizes it', async () => {
    const firm = newFirm();
    const api = await client(firm);
    // Every delivery of this firm's contact message fails (5 = the queue's maxReceiveCount).
    await armFault('accounting.contact.beforeCreate', firm, 5);
    const created = await api.post('/practice/contacts', person('Poisoned Then Fixed'));
    expect(created.status).toBe(201);

    // The last delivery tells practice why…
    const failed = await settledRecord(api, `/practice/contacts/${created.body.id}`, 45_000);
    expect(failed.link).toMatchObject({ status: 'error', error: { code: 'invalid', message: expect.stringContaining('Injected fault') } });
    // …and the message still ends in the DLQ, where the README's redrive finds it.
    await eventually(async () => (await inDlq('toAccounting', firm)) === 1 || undefined, 30_000, 'the message in the DLQ');
    // Counted once as given up on, with its queue (the DLQ alarm's companion metric).
    expect((await localMetrics(firm)).metrics).toMatchObject({ GiveUps: 1, 'GiveUps{queue=toAccounting}': 1 });

    // The cause is gone (the fault is spent): the redrive applies it, and the link settles.
    expect(await redrive('toAccounting', firm)).toMatch(/^Moved 1 message from the toAccounting DLQ/);
    const fixed = await eventually(async () => {
      const r = await api.get(`/practice/contacts/${created.body.id}`);
      return r.body.link.status === 'synchronized' ? r.body : undefined;
    }, 20_000, 'the redriven contact to synchronize');
    expect(fixed.reference).toBe('1');
    // error → synchronized counts as synchronized; no latency sample (it was not waiting for an answer).
    const metrics = await localMetrics(firm);
    expect(metrics.metrics.ContactsSynchronized).toBe(1);
    expect(metrics.metricSamples.SyncLatency).toBeUndefined();
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(1);
    expect(await inDlq('toAccounting', firm)).toBe(0);
  });
});

describe('a contact whose accounting twin is gone', () => {
  /** Removes items of the firm's accounting book by hand, as a lost write or a careless admin would. */
  const removeFromAccounting = (firm: string, ...sks: string[]) =>
    Promise.all(sks.map((sk) => ddb.send(new DeleteCommand({ TableName: stack.tables.accounting, Key: { pk: `FIRM#${firm}`, sk } }))));

  const synchronizedAgain = (api: Client, id: string, version: number) =>
    eventually(async () => {
      const r = await api.get(`/practice/contacts/${id}`);
      return r.body.version > version && r.body.link.status === 'synchronized' ? r.body : undefined;
    }, 20_000, 'the contact to synchronize again');

  it('recovers on a forced resync: the twin is made again under its id and number', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const made = await api.post('/practice/contacts', person('Lost Twin', { email: 'lost@example.com' }));
    const linked = await settledRecord(api, `/practice/contacts/${made.body.id}`);
    const twinId = linked.link.otherId;
    await removeFromAccounting(firm, `CONTACT#${twinId}`);
    expect((await api.get(`/accounting/contacts/${twinId}`)).status).toBe(404);

    // The user forces a resync (any PATCH, even {}).
    expect((await api.patch(`/practice/contacts/${made.body.id}`, {})).status).toBe(200);
    const again = await synchronizedAgain(api, made.body.id, linked.version);
    expect(again).toMatchObject({ reference: linked.reference, link: { status: 'synchronized', otherId: twinId } });
    const twin = await api.get(`/accounting/contacts/${twinId}`);
    expect(twin.status).toBe(200);
    expect(twin.body).toMatchObject({ name: 'Lost Twin', email: 'lost@example.com', contactNumber: linked.reference });
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(1);
    // Its number is still held: another contact cannot take it.
    const copy = await api.post('/practice/contacts', person('Copycat', { reference: linked.reference }));
    expect((await settledRecord(api, `/practice/contacts/${copy.body.id}`)).link.error.code).toBe('duplicate_number');
  });

  it('recovers when accounting forgot the pair altogether: a new twin, linked afresh', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const made = await api.post('/practice/contacts', person('Forgotten'));
    const linked = await settledRecord(api, `/practice/contacts/${made.body.id}`);
    await removeFromAccounting(firm, `CONTACT#${linked.link.otherId}`, `LINK#CONTACT#${made.body.id}`, `NUMBER#CONTACT#client#${linked.reference}`);

    expect((await api.patch(`/practice/contacts/${made.body.id}`, {})).status).toBe(200);
    const again = await synchronizedAgain(api, made.body.id, linked.version);
    expect(again.reference).toBe(linked.reference);
    expect(again.link.otherId).not.toBe(linked.link.otherId);
    const accounting = (await api.get('/accounting/contacts')).body.items;
    expect(accounting).toHaveLength(1);
    expect(accounting[0]).toMatchObject({ id: again.link.otherId, name: 'Forgotten', contactNumber: linked.reference });
  });
});
