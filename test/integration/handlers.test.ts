import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, DeleteQueueCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { queues } from '#lib/declaration';
import type { BalanceAnnouncement, OutboxEntry } from '../../lib/sync/outbox.entity.ts';
import { client, ddb, eventually, newFirm, person, settledRecord, sqs, stack, type Client } from './helpers.ts';
import { diffSnapshots, snapshot, waitQuiet } from './support/firm-state.ts';
import { failedIds, queueFunction, redirectQueue, sample, sqsRecord, streamFunction, streamRecord, useStackEnvironment } from './support/handlers.ts';

/*
 * The queue and stream handlers of functions/, invoked in this process with
 * the events Lambda passes (built from the message samples in events/samples)
 * against the test stack's DynamoDB and SQS. The stack's own pollers keep
 * running: what a handler puts in the outbox is relayed and applied by them,
 * as it would be in AWS.
 */

// Before any handler is imported: the handlers read their configuration at import, as in Lambda.
const restoreEnvironment = useStackEnvironment(stack);
afterAll(restoreEnvironment);

const toAccounting = await queueFunction('toAccountingConsumer');
const toPractice = await queueFunction('toPracticeConsumer');
const timeBooking = await queueFunction('timeBookingConsumer');
const timeExport = await queueFunction('timeExportPlanner');
const billProduction = await queueFunction('billProductionWorker');
const practiceRelay = await streamFunction('practiceOutboxRelay');
const balancePublisher = await streamFunction('accountingBalancePublisher');

const ok = async (reply: Promise<{ status: number; body: any }>) => {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

/** A linked client and a matter linked to its accounting file, made through the API (the stack syncs them). */
async function linkedMatter(api: Client): Promise<{ matterId: string; fileId: string }> {
  const contact = await ok(api.post('/practice/contacts', person('Client of the handler tests')));
  expect((await settledRecord(api, `/practice/contacts/${contact.id}`)).link.status).toBe('synchronized');
  const matter = await ok(api.post('/practice/matters', { name: 'Handler tests', clientIds: [contact.id] }));
  const linked = await settledRecord(api, `/practice/matters/${matter.id}`);
  expect(linked.link.status).toBe('synchronized');
  return { matterId: matter.id, fileId: linked.link.otherId };
}

/** Everything the firm's books hold now and after `rerun`, once the stack has stopped moving either: the changes. */
async function changesBy(firm: string, rerun: () => Promise<void>): Promise<string[]> {
  await waitQuiet(firm, { stableMs: 1000 });
  const before = await snapshot(firm);
  await rerun();
  await waitQuiet(firm, { stableMs: 1000 });
  return diffSnapshots(before, await snapshot(firm));
}

/** The firm's outbox entries of one message type (the outbox table keeps them until their TTL). */
async function outboxOf(firm: string, messageType: string): Promise<OutboxEntry[]> {
  const items: OutboxEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(new ScanCommand({
      TableName: stack.tables.outbox,
      FilterExpression: 'firmId = :f AND messageType = :t',
      ExpressionAttributeValues: { ':f': firm, ':t': messageType },
      ConsistentRead: true,
      ExclusiveStartKey: start,
    }));
    items.push(...((out.Items ?? []) as OutboxEntry[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A queue of the stack's SQS that no poller reads: what a stream handler sends there stays to be looked at. */
async function privateQueue(): Promise<{ url: string; received(): Promise<Message[]>; remove(): Promise<void> }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `lbs-handler-test-${randomUUID()}` }));
  const url = QueueUrl!;
  return {
    url,
    async received() {
      const messages: Message[] = [];
      for (;;) {
        const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }));
        if (!out.Messages?.length) return messages;
        messages.push(...out.Messages);
      }
    },
    remove: async () => void (await sqs.send(new DeleteQueueCommand({ QueueUrl: url }))),
  };
}

const outboxItem = (firm: string, destination: string, body: string, messageType = 'practice.contact.upserted') =>
  ({
    pk: `OUTBOX#msg_${randomUUID()}`, sk: 'OUTBOX', entity: 'outbox', destination: destination as OutboxEntry['destination'],
    messageType, firmId: firm, body, expiresAt: Math.floor(Date.now() / 1000) + 3600,
  }) satisfies OutboxEntry;

const announcement = (firm: string, fileIds: string[]) =>
  ({
    pk: `BALANCE#msg_${randomUUID()}`, sk: 'ANNOUNCE', entity: 'balance_announcement', firmId: firm, fileIds,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  }) satisfies BalanceAnnouncement;

describe('to-accounting consumer', () => {
  it('a batch with bad bodies and a new contact: exactly the bad records fail; the contact is created once, also when the batch comes again', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const practiceContactId = `ct_${randomUUID()}`;
    const notJson = sqsRecord('toAccounting', '{"type": "practice.contact.upserted", ');
    const good = sqsRecord('toAccounting', sample('practice.contact.upserted', { firmId: firm, practiceContactId }));
    const notAMessage = sqsRecord('toAccounting', { type: 'practice.contact.upserted', firmId: firm, id: 'msg_1' });

    expect(await toAccounting([notJson, good, notAMessage])).toEqual({
      batchItemFailures: [{ itemIdentifier: notJson.messageId }, { itemIdentifier: notAMessage.messageId }],
    });
    const contacts = (await api.get('/accounting/contacts')).body.items;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', contactNumber: '1', link: { otherId: practiceContactId } });
    // The answer practice will hear, written in the same transaction.
    expect(await outboxOf(firm, 'accounting.contact.linked')).toHaveLength(1);

    // SQS delivers at least once: the same batch again fails the same records and creates nothing.
    const changes = await changesBy(firm, async () => {
      expect(failedIds(await toAccounting([notJson, good, notAMessage]))).toEqual([notJson.messageId, notAMessage.messageId].sort());
    });
    expect(changes).toEqual([]);
    expect((await api.get('/accounting/contacts')).body.items).toEqual(contacts);
  });

  it('a message that cannot be applied fails on every delivery; the last one also answers practice with the reason (and still goes to the DLQ)', async () => {
    const firm = newFirm();
    const body = sample('practice.contact.upserted', { firmId: firm, practiceContactId: `ct_${randomUUID()}`, accountingContactId: `ac_${randomUUID()}` });
    // Accounting maps the practice contact to another contact than the one the message names (and neither
    // exists): nothing can be done with it. (A named twin that is merely gone is made again instead.)
    await ddb.send(new PutCommand({
      TableName: stack.tables.accounting,
      Item: { pk: `FIRM#${firm}`, sk: `LINK#CONTACT#${body.practiceContactId}`, contactId: `ac_${randomUUID()}` },
    }));
    const first = sqsRecord('toAccounting', body);
    expect(failedIds(await toAccounting([first]))).toEqual([first.messageId]);
    expect(await outboxOf(firm, 'accounting.contact.link_failed')).toEqual([]);

    const last = sqsRecord('toAccounting', body, { messageId: first.messageId, receiveCount: queues.toAccounting.maxReceiveCount });
    expect(await toAccounting([last])).toEqual({ batchItemFailures: [{ itemIdentifier: last.messageId }] });
    const answers = await outboxOf(firm, 'accounting.contact.link_failed');
    expect(answers).toHaveLength(1);
    expect(JSON.parse(answers[0]!.body)).toMatchObject({
      practiceContactId: body.practiceContactId,
      error: { code: 'invalid', message: expect.stringContaining(`Accounting contact ${body.accountingContactId}`) },
    });
  });
});

describe('to-practice consumer', () => {
  it('a contact message for a missing practice contact fails; a new accounting contact beside it is created in practice once', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const accountingContactId = `ac_${randomUUID()}`;
    const missing = sqsRecord('toPractice', sample('accounting.contact.upserted', { firmId: firm, accountingContactId: `ac_${randomUUID()}`, practiceContactId: `ct_${randomUUID()}` }));
    const created = sqsRecord('toPractice', sample('accounting.contact.upserted', { firmId: firm, accountingContactId }));

    expect(await toPractice([missing, created])).toEqual({ batchItemFailures: [{ itemIdentifier: missing.messageId }] });
    const contacts = (await api.get('/practice/contacts')).body.items;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ kind: 'organization', name: 'Acme Ltd', reference: '2', link: { status: 'synchronized', otherId: accountingContactId } });

    const changes = await changesBy(firm, async () => {
      expect(failedIds(await toPractice([missing, created]))).toEqual([missing.messageId]);
    });
    expect(changes).toEqual([]);
    expect((await api.get('/practice/contacts')).body.items).toEqual(contacts);
  });

  it('there is no giving up on a contact message: its last delivery fails too (into the DLQ)', async () => {
    const firm = newFirm();
    const missing = sqsRecord('toPractice', sample('accounting.contact.linked', { firmId: firm, practiceContactId: `ct_${randomUUID()}` }), {
      receiveCount: queues.toPractice.maxReceiveCount,
    });
    expect(failedIds(await toPractice([missing]))).toEqual([missing.messageId]);
  });
});

describe('time booking consumer', () => {
  it('a bad batch fails, a good one books its entry once and moves the balance once', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const { matterId, fileId } = await linkedMatter(api);
    await ok(api.post('/accounting/users', { name: 'Grace Hopper', email: 'grace@firm.test' }));
    const batch = sample('practice.time.export_batch', { firmId: firm, jobId: `job_${randomUUID()}` });
    const timeEntryId = `te_${randomUUID()}`;
    const entry = { ...batch.entries[0], timeEntryId, accountingFileId: fileId, timekeeperEmail: 'Grace@Firm.test' };
    const good = sqsRecord('timeBooking', { ...batch, entries: [entry] });
    const bad = sqsRecord('timeBooking', { ...batch, id: `msg_${randomUUID()}`, batchNo: 1, entries: [] });

    expect(await timeBooking([bad, good])).toEqual({ batchItemFailures: [{ itemIdentifier: bad.messageId }] });
    const ledger = (await api.get(`/accounting/files/${fileId}/ledger`)).body.items;
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ timeEntryId, fileId, hours: '0.3', rate: '166.65', amount: '50.00', status: 'unbilled', timekeeperName: 'Grace Hopper' });
    // The booking moved the file's balance; the stack's balance publisher tells practice.
    await eventually(async () => ((await api.get(`/practice/matters/${matterId}/balance`)).body.unbilled === '50.00' ? true : undefined), 15_000, 'the balance in practice');

    const changes = await changesBy(firm, async () => {
      expect(failedIds(await timeBooking([bad, good]))).toEqual([bad.messageId]);
    });
    expect(changes).toEqual([]);
    expect((await api.get(`/accounting/files/${fileId}/ledger`)).body.items).toEqual(ledger);
    expect((await api.get(`/practice/matters/${matterId}/balance`)).body.unbilled).toBe('50.00');
  });
});

describe('time export planner', () => {
  it('a plan for a job that does not exist is done (nothing to plan), a bad body fails', async () => {
    const firm = newFirm();
    const plan = sqsRecord('timeExport', sample('practice.time_export.plan', { firmId: firm, jobId: `job_${randomUUID()}` }));
    const bad = sqsRecord('timeExport', sample('practice.time_export.plan', { firmId: firm, jobId: 42 }));
    expect(await timeExport([plan, bad])).toEqual({ batchItemFailures: [{ itemIdentifier: bad.messageId }] });
    expect(await outboxOf(firm, 'practice.time.export_batch')).toEqual([]);
  });
});

describe('bill production worker', () => {
  /** A production job as planning leaves it: running, `bills` bills handed out, planning done. */
  async function runningJob(firm: string, bills: number): Promise<string> {
    const { jobEntity } = await import('../../lib/jobs/job.entity.ts');
    const job = jobEntity.create(firm, 'bill_production', {}, `job_${randomUUID()}`, new Date().toISOString());
    await ddb.send(new PutCommand({
      TableName: stack.tables.jobs,
      Item: { pk: `JOB#${job.id}`, sk: 'JOB', ...job, status: 'running', progress: { done: 0, total: bills }, planning: { cursor: '', done: true, batches: bills } },
    }));
    return job.id;
  }

  it('a bill that does not exist is no failure: it is counted on its job as not found, once', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const jobId = await runningJob(firm, 1);
    const billId = `bl_${randomUUID()}`;
    const produce = sqsRecord('billProduction', sample('accounting.production.bill', { firmId: firm, jobId, billIds: [billId] }));
    const bad = sqsRecord('billProduction', '');

    expect(await billProduction([bad, produce])).toEqual({ batchItemFailures: [{ itemIdentifier: bad.messageId }] });
    const job = (await api.get(`/jobs/${jobId}`)).body;
    expect(job).toMatchObject({ status: 'failed', progress: { done: 1, total: 1 }, errors: [{ billId, code: 'not_found', message: `Bill ${billId} does not exist.` }] });

    expect(failedIds(await billProduction([bad, produce]))).toEqual([bad.messageId]);
    expect((await api.get(`/jobs/${jobId}`)).body).toEqual(job);
  });

  it('a group of bills is counted on its job in one message, each bill once, also when one of them was counted already', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const jobId = await runningJob(firm, 3);
    const [x, y, z] = [`bl_${randomUUID()}`, `bl_${randomUUID()}`, `bl_${randomUUID()}`];
    // A message from before groups (one billId) counts its bill...
    const single = sqsRecord('billProduction', { ...sample('accounting.production.bill', { firmId: firm, jobId }), billIds: undefined, billId: x });
    expect(failedIds(await billProduction([single]))).toEqual([]);
    expect((await api.get(`/jobs/${jobId}`)).body.progress).toMatchObject({ done: 1, total: 3 });
    // ...and a group naming it again counts only the other two: one of them was counted already.
    const group = sqsRecord('billProduction', sample('accounting.production.bill', { firmId: firm, jobId, billIds: [x, y, z] }));
    expect(failedIds(await billProduction([group]))).toEqual([]);
    const job = (await api.get(`/jobs/${jobId}`)).body;
    expect(job).toMatchObject({ status: 'failed', progress: { done: 3, total: 3 } });
    expect(job.errors.map((e: any) => e.billId).sort()).toEqual([x, y, z].sort());
    // Delivered once more: nothing changes.
    expect(failedIds(await billProduction([group]))).toEqual([]);
    expect((await api.get(`/jobs/${jobId}`)).body).toEqual(job);
    // Neither both shapes at once nor an empty group is a message.
    const both = sqsRecord('billProduction', { ...sample('accounting.production.bill', { firmId: firm, jobId }), billId: x });
    const empty = sqsRecord('billProduction', sample('accounting.production.bill', { firmId: firm, jobId, billIds: [] }));
    expect(failedIds(await billProduction([both, empty])).sort()).toEqual([both.messageId, empty.messageId].sort());
  });

  it('a plan for a job that does not exist is done; a bill of a job that does not exist fails (it cannot be counted)', async () => {
    const firm = newFirm();
    const jobId = `job_${randomUUID()}`;
    const plan = sqsRecord('billProduction', sample('accounting.production.plan', { firmId: firm, jobId }));
    const produce = sqsRecord('billProduction', sample('accounting.production.bill', { firmId: firm, jobId, billIds: [`bl_${randomUUID()}`] }));
    expect(await billProduction([plan, produce])).toEqual({ batchItemFailures: [{ itemIdentifier: produce.messageId }] });
    // Nor on its last delivery: it goes to the DLQ.
    const last = sqsRecord('billProduction', JSON.parse(produce.body), { receiveCount: queues.billProduction.maxReceiveCount });
    expect(failedIds(await billProduction([last]))).toEqual([last.messageId]);
    expect(await outboxOf(firm, 'accounting.production.bill')).toEqual([]);
  });
});

describe('practice outbox relay', () => {
  it('sends each outbox entry to the queue it names; reports exactly the entries that could not be sent, by sequence number', async () => {
    const firm = newFirm();
    const queue = await privateQueue();
    const restore = redirectQueue('toAccounting', queue.url);
    try {
      const message = sample('practice.contact.upserted', { firmId: firm, practiceContactId: `ct_${randomUUID()}` });
      const sent = streamRecord('outbox', outboxItem(firm, 'toAccounting', JSON.stringify(message)));
      // SQS refuses a body with a code point it does not allow (the outbox writes ASCII JSON, so only a hand-made entry has one).
      const refused = streamRecord('outbox', outboxItem(firm, 'toAccounting', `{"name":"\uFFFE"}`));
      // A destination no queue is configured for: the send cannot even be tried.
      const nowhere = streamRecord('outbox', outboxItem(firm, 'nowhere', JSON.stringify(message)));
      const notAnEntry = streamRecord('outbox', announcement(firm, ['fl_1']));
      const removed = streamRecord('outbox', outboxItem(firm, 'toAccounting', '{}'), 'REMOVE');

      const response = await practiceRelay([sent, refused, nowhere, notAnEntry, removed]);
      expect(failedIds(response)).toEqual([refused.dynamodb!.SequenceNumber, nowhere.dynamodb!.SequenceNumber].sort());

      const received = await queue.received();
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]!.Body!)).toEqual(message);
      expect(received[0]!.MessageAttributes).toMatchObject({
        type: { DataType: 'String', StringValue: 'practice.contact.upserted' },
        firmId: { DataType: 'String', StringValue: firm },
      });
    } finally {
      restore();
      await queue.remove();
    }
  });
});

describe('balance publisher', () => {
  it('tells practice the stored balance of each announced file once per batch; a send SQS refuses fails exactly the records that named it', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const { matterId, fileId } = await linkedMatter(api);
    await ok(api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-02', description: 'Court filing fee', amount: '350.00' }));
    const named = streamRecord('outbox', announcement(firm, [fileId]));
    const namedAgain = streamRecord('outbox', announcement(firm, [fileId, `fl_${randomUUID()}`]));
    const unknownFile = streamRecord('outbox', announcement(firm, [`fl_${randomUUID()}`]));
    const notAnAnnouncement = streamRecord('outbox', outboxItem(firm, 'toAccounting', '{}'));

    const queue = await privateQueue();
    let restore = redirectQueue('toPractice', queue.url);
    try {
      expect(await balancePublisher([named, namedAgain, unknownFile, notAnAnnouncement])).toEqual({ batchItemFailures: [] });
      const received = await queue.received();
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]!.Body!)).toMatchObject({
        type: 'accounting.file.balance_changed',
        firmId: firm,
        accountingFileId: fileId,
        practiceMatterId: matterId,
        seq: expect.any(Number),
        balance: { unbilled: '350.00', billed: '0.00', paid: '0.00', outstanding: '0.00' },
      });
    } finally {
      restore();
      await queue.remove();
    }

    // The queue is gone now: SQS refuses the send.
    restore = redirectQueue('toPractice', queue.url);
    try {
      const response = await balancePublisher([named, unknownFile, namedAgain]);
      expect(failedIds(response)).toEqual([named.dynamodb!.SequenceNumber, namedAgain.dynamodb!.SequenceNumber].sort());
    } finally {
      restore();
    }
  });
});
