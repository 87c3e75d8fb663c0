import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startQueuesAndStorage } from '../../infra/local/emulators.ts';
import { freePort } from '../../infra/local/processes.ts';
import { startCheckpointKeeper, type CheckpointKeeperOptions } from '../../infra/local/checkpoint-keeper.ts';
import { restartStatePath } from '../../infra/local/restart-state.ts';

/**
 * The checkpoint keeper on real fauxqs: what a queue or DLQ held when the
 * stack stopped is saved with the stream positions of the same instant and put
 * back on the next start (fauxqs forgets its queues), a message a consumer had
 * received but not deleted included; a file saved for streams that no longer
 * exist (the data was replaced) is ignored.
 */
const dir = mkdtempSync(join(tmpdir(), 'lbs-keeper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const arn = 'arn:aws:dynamodb:ddblocal:000000000000:table/lbs-outbox/stream/2026-12-02T10:00:00.000';
const QUEUE = 'lbs-to-accounting';
const DLQ = 'lbs-to-accounting-dlq';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

/** A fresh fauxqs (as every start of the stack has) with the queue and its DLQ. */
async function freshQueues() {
  const fauxqs = await startQueuesAndStorage(await freePort());
  running.push(fauxqs);
  const sqs = new SQSClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: fauxqs.endpoint });
  const urls = new Map<string, string>();
  for (const name of [QUEUE, DLQ]) urls.set(name, (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!);
  return { fauxqs, sqs, urls };
}

async function keeper(q: Awaited<ReturnType<typeof freshQueues>>, path: string, logs: string[] = []) {
  const options: CheckpointKeeperOptions = {
    path,
    fauxqs: q.fauxqs.server,
    sqs: q.sqs,
    queueUrls: q.urls,
    streamArns: new Set([arn]),
    everyMs: 50,
    onError: (e) => logs.push(`error ${String(e)}`),
    log: (level, message) => logs.push(`${level} ${message}`),
  };
  return startCheckpointKeeper(options);
}

const send = (q: Awaited<ReturnType<typeof freshQueues>>, queue: string, body: string) =>
  q.sqs.send(new SendMessageCommand({ QueueUrl: q.urls.get(queue)!, MessageBody: body, MessageAttributes: { firmId: { DataType: 'String', StringValue: 'firm-1' } } }));

async function drain(q: Awaited<ReturnType<typeof freshQueues>>, queue: string): Promise<Message[]> {
  const out = await q.sqs.send(new ReceiveMessageCommand({ QueueUrl: q.urls.get(queue)!, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], VisibilityTimeout: 60 }));
  return out.Messages ?? [];
}

describe('the checkpoint keeper', () => {
  it('puts back after a restart what the queues held at the stop, with the positions of that instant', async () => {
    const path = restartStatePath(join(dir, 'restart'));
    rmSync(join(dir, 'restart'), { recursive: true, force: true });
    mkdirSync(join(dir, 'restart'), { recursive: true });
    const before = await freshQueues();
    const first = await keeper(before, path);
    for (const body of ['{"n":1}', '{"n":2}', '{"n":3}']) await send(before, QUEUE, body);
    await send(before, DLQ, '{"poison":true}');
    // One received by a consumer that did not get to delete it (it may never).
    expect(await before.sqs.send(new ReceiveMessageCommand({ QueueUrl: before.urls.get(QUEUE)!, MaxNumberOfMessages: 1 }))).toMatchObject({ Messages: [expect.anything()] });
    first.positions.settle(arn, 'shard-a', '000000000000000000042');
    await first.stop();
    await running.pop()!.stop(); // fauxqs gone, and its queues with it

    const after = await freshQueues();
    const second = await keeper(after, path);
    running.push(second);
    expect(second.positions.settledUpTo(arn, 'shard-a')).toBe('000000000000000000042');
    const restored = await drain(after, QUEUE);
    expect(restored.map((m) => m.Body).sort()).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(restored[0]!.MessageAttributes).toEqual({ firmId: { DataType: 'String', StringValue: 'firm-1' } });
    expect((await drain(after, DLQ)).map((m) => m.Body)).toEqual(['{"poison":true}']);
  });

  it('saves while running, whenever the queues or positions changed', async () => {
    const path = restartStatePath(join(dir, 'running'));
    mkdirSync(join(dir, 'running'), { recursive: true });
    const q = await freshQueues();
    const k = await keeper(q, path);
    running.push(k);
    await send(q, QUEUE, '{"late":1}');
    k.positions.settle(arn, 'shard-a', '7');
    const deadline = Date.now() + 5_000;
    let saved: any;
    while (Date.now() < deadline) {
      saved = JSON.parse(readFileSync(path, 'utf8'));
      if (saved.queued.length === 1 && saved.positions[arn]?.['shard-a'] === '7') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(saved).toMatchObject({ version: 1, positions: { [arn]: { 'shard-a': '7' } }, queued: [{ queue: QUEUE, body: '{"late":1}' }] });
  });

  it('ignores a file saved for streams that no longer exist (the data was replaced)', async () => {
    const path = restartStatePath(join(dir, 'replaced'));
    mkdirSync(join(dir, 'replaced'), { recursive: true });
    const before = await freshQueues();
    const old = await startCheckpointKeeper({
      path, fauxqs: before.fauxqs.server, sqs: before.sqs, queueUrls: before.urls, streamArns: new Set(['arn:old-stream']),
      everyMs: 50, onError: () => {}, log: () => {},
    });
    old.positions.settle('arn:old-stream', 'shard-a', '5');
    await send(before, QUEUE, '{"old":1}');
    await old.stop();
    await running.pop()!.stop();

    const after = await freshQueues();
    const logs: string[] = [];
    const k = await keeper(after, path, logs);
    running.push(k);
    expect(k.positions.toJSON()).toEqual({});
    expect(await drain(after, QUEUE)).toEqual([]);
    expect(logs).toEqual([expect.stringMatching(/^WARN stream checkpoints: saved for streams that no longer exist/)]);
    expect(existsSync(path)).toBe(true);
  });
});
