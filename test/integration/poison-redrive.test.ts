import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { armFault, client, eventually, localMetrics, newFirm, person, settledRecord, sqs, stack } from './helpers.ts';

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
