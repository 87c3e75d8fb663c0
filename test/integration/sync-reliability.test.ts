import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { putLostContact } from './support/lost-contact.ts';
import { armFault, client, eventually, newFirm, person, runSchedule, settledRecord, sleep, sqs, stack } from './helpers.ts';

const upserted = (firmId: string, practiceContactId: string, name: string, counter = 1, extra: Record<string, unknown> = {}) => ({
  id: `msg_${randomUUID()}`,
  type: 'practice.contact.upserted',
  firmId,
  occurredAt: new Date().toISOString(),
  practiceContactId,
  clock: { counter, origin: 'practice' },
  contact: { kind: 'person', name },
  numberingSequence: 'client',
  practiceSeparateNumbering: false,
  ...extra,
});

const sendToAccounting = (body: unknown) =>
  sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrls.toAccounting, MessageBody: typeof body === 'string' ? body : JSON.stringify(body) }));

describe('sync under duplicates, crashes and lost messages', () => {
  it('a message delivered three times makes one accounting contact', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const created = await api.post('/practice/contacts', person('Thrice'));
    const message = upserted(firm, created.body.id, 'Thrice');
    await Promise.all([sendToAccounting(message), sendToAccounting(message)]);
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    expect(linked.link.status).toBe('synchronized');
    await sleep(1000);
    const contacts = (await api.get('/accounting/contacts')).body.items;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ contactNumber: '1', link: { otherId: created.body.id } });
    expect((await api.get(`/practice/contacts/${created.body.id}`)).body.reference).toBe('1');
  });

  it('an older message arriving late never overwrites a newer state', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const created = await api.post('/practice/contacts', person('Old name'));
    await api.patch(`/practice/contacts/${created.body.id}`, { name: 'New name' });
    const linked = await eventually(async () => {
      const r = (await api.get(`/practice/contacts/${created.body.id}`)).body;
      return r.link.status === 'synchronized' && r.version >= 3 ? r : undefined;
    });
    const before = (await api.get(`/accounting/contacts/${linked.link.otherId}`)).body;
    expect(before.name).toBe('New name');
    await sendToAccounting(upserted(firm, created.body.id, 'Old name', 1, { accountingContactId: linked.link.otherId }));
    await sleep(1500);
    const after = (await api.get(`/accounting/contacts/${linked.link.otherId}`)).body;
    expect(after.name).toBe('New name');
    expect(after.version).toBe(before.version);
  });

  for (const point of ['accounting.contact.beforeCreate', 'accounting.contact.afterCreate']) {
    it(`a consumer crashing at ${point} is retried and makes exactly one contact`, async () => {
      const firm = newFirm();
      const api = await client(firm);
      await armFault(point, firm);
      const created = await api.post('/practice/contacts', person('Crash test'));
      const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`, 20_000);
      expect(linked.link.status).toBe('synchronized');
      expect(linked.reference).toBe('1');
      await sleep(500);
      expect((await api.get('/accounting/contacts')).body.items).toHaveLength(1);
    });
  }

  it('practice crashing after making a contact from accounting does not make two', async () => {
    const firm = newFirm();
    const api = await client(firm);
    await armFault('practice.contact.afterCreate', firm);
    const created = await api.post('/accounting/contacts', person('From accounting'));
    const settled = await settledRecord(api, `/accounting/contacts/${created.body.id}`, 20_000);
    expect(settled.link.status).toBe('synchronized');
    await sleep(500);
    expect((await api.get('/practice/contacts')).body.items).toHaveLength(1);
  });

  it('the reconciler re-sends a contact whose message was lost, and gives up visibly after too many tries', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    // ct_lost is indexed as the store indexes it now (a shard of the pending index); ct_hopeless in the one
    // partition used before sharding, which the reconciler still reads.
    // Written straight to the table with no outbox entry: the message was never sent.
    await putLostContact({ firm, id: 'ct_lost', name: 'Lost ct_lost', sentAt: longAgo, attempts: 1 });
    await putLostContact({
      firm, id: 'ct_hopeless', name: 'Lost ct_hopeless', sentAt: longAgo, attempts: 6,
      indexKeys: { pendingPk: 'PENDING', pendingSk: `${longAgo}#${firm}#CONTACT#ct_hopeless` },
    });
    await sleep(300);
    expect((await api.get('/practice/contacts/ct_lost')).body.link.status).toBe('pending');

    await runSchedule('practiceReconciler');
    const recovered = await settledRecord(api, '/practice/contacts/ct_lost');
    expect(recovered.link.status).toBe('synchronized');
    expect(recovered.reference).toBe('1');
    const hopeless = (await api.get('/practice/contacts/ct_hopeless')).body;
    expect(hopeless.link.status).toBe('unknown');
    expect(hopeless.link.error.code).toBe('no_response');
  });

  it('a poison message ends in the DLQ after the configured retries, and others still flow', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const marker = `poison-${randomUUID()}`;
    await sendToAccounting(`{"not":"a message","marker":"${marker}"}`);
    const created = await api.post('/practice/contacts', person('Healthy'));
    expect((await settledRecord(api, `/practice/contacts/${created.body.id}`)).link.status).toBe('synchronized');
    const found = await eventually(
      async () => {
        const out = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: stack.dlqUrls.toAccounting, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 1 }),
        );
        return (out.Messages ?? []).find((m) => m.Body?.includes(marker));
      },
      40_000,
      'the poison message in the DLQ',
    );
    expect(found.Body).toContain(marker);
  });

  it('many concurrent auto-numbered contacts get distinct numbers with no gap', async () => {
    const api = await client(newFirm());
    const created = await Promise.all(Array.from({ length: 25 }, (_, i) => api.post('/practice/contacts', person(`Bulk ${i}`))));
    expect(created.every((c) => c.status === 201)).toBe(true);
    const settled = await Promise.all(created.map((c) => settledRecord(api, `/practice/contacts/${c.body.id}`, 30_000)));
    const numbers = settled.map((c) => Number(c.reference)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('concurrent creates with one hand-given number: one synchronized, the rest duplicate_number', async () => {
    const api = await client(newFirm());
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => api.post('/practice/contacts', person(`Same ${i}`, { reference: 'SAME-1' }))));
    const settled = await Promise.all(created.map((c) => settledRecord(api, `/practice/contacts/${c.body.id}`, 30_000)));
    const statuses = settled.map((c) => c.link.status).sort();
    expect(statuses.filter((s) => s === 'synchronized')).toHaveLength(1);
    expect(settled.filter((c) => c.link.status === 'error').every((c) => c.link.error.code === 'duplicate_number')).toBe(true);
    expect(statuses.filter((s) => s === 'error')).toHaveLength(9);
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(1);
  });
});
