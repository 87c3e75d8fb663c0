import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { client, eventually, newFirm, person, settledRecord, sqs, stack } from './helpers.ts';

/** Every queued message of a firm delivered twice, the way SQS may: the end state must equal one delivery. */
async function duplicateEverything(firmId: string) {
  const res = await fetch(`${stack.url}/__local/chaos`, { method: 'POST', body: JSON.stringify({ firmId, duplicateDeliveries: true }) });
  expect(res.status).toBe(204);
}

describe('every consumer run twice on every message', () => {
  it('contacts, matters, export, production and payment end as if delivered once', async () => {
    const firm = newFirm();
    await duplicateEverything(firm);
    const api = await client(firm);
    const ok = async (r: Promise<any>) => {
      const res = await r;
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    const a = await ok(api.post('/practice/contacts', person('Ada', { email: `ada-${firm}@example.test` })));
    const la = await settledRecord(api, `/practice/contacts/${a.id}`);
    const b = await ok(api.post('/practice/contacts', person('Bob', { email: `bob-${firm}@example.test`, reference: '50' })));
    const c = await ok(api.post('/accounting/contacts', person('Cy')));
    const lb = await settledRecord(api, `/practice/contacts/${b.id}`);
    await settledRecord(api, `/accounting/contacts/${c.id}`);
    expect([la.reference, lb.reference]).toEqual(['1', '50']);
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(3);
    expect((await api.get('/practice/contacts')).body.items).toHaveLength(3);

    const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }));
    const tk = await ok(api.post('/practice/users', { name: 'Grace', email: 'grace@firm.test', defaultRateLabelId: label.id }));
    await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }));
    const matter = await ok(api.post('/practice/matters', { name: 'Twice', clientIds: [a.id, b.id], billing: { emailInvoices: true } }));
    const linked = await settledRecord(api, `/practice/matters/${matter.id}`);
    expect(linked.fileReference).toBe('M00001');
    expect((await api.get('/accounting/files')).body.items).toHaveLength(1);
    const fileId = linked.link.otherId;
    const file = (await api.get(`/accounting/files/${fileId}`)).body;
    await ok(api.put(`/accounting/files/${fileId}/allocations`, { allocations: file.clientIds.map((contactId: string) => ({ contactId, percent: '50' })) }));

    for (let i = 0; i < 20; i++) {
      await ok(api.post('/practice/time-entries', { matterId: matter.id, timekeeperId: tk.id, date: '2026-11-10', description: `Work ${i}`, hours: '0.5', behavior: 'bill' }));
    }
    const exportJob = await ok(api.post('/practice/billing/time-exports', {}));
    const exported = await eventually(async () => {
      const j = (await api.get(`/jobs/${exportJob.id}`)).body;
      return j.status === 'succeeded' ? j : undefined;
    }, 30_000);
    expect(exported.progress).toEqual({ done: 20, total: 20 });
    const ledger = (await api.get(`/accounting/files/${fileId}/ledger?limit=500`)).body.items;
    expect(ledger).toHaveLength(20);

    await ok(api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-11', description: 'Filing fee', amount: '0.01' }));
    const draft = await ok(api.post('/accounting/bills', { fileId }));
    await ok(api.post(`/accounting/bills/${draft.id}/approve`));
    const job = await ok(api.post('/billing/production/produce', {}));
    await eventually(async () => ((await api.get(`/jobs/${job.id}`)).body.status === 'succeeded' ? true : undefined), 30_000);
    const bill = (await api.get(`/billing/bills/${draft.id}`)).body;
    expect(bill).toMatchObject({ status: 'finalized', total: '2000.01' });
    // One invoice per client share, numbered together at posting: 1 and 2, none twice however often messages came.
    expect(bill.invoices.map((x: any) => [x.invoiceNumber, x.amount])).toEqual([['1', '1000.01'], ['2', '1000.00']]);
    expect(bill.documents).toHaveLength(2);
    for (const who of ['ada', 'bob']) {
      const mails = readdirSync(stack.mailDir).filter((f) => readFileSync(`${stack.mailDir}/${f}`, 'utf8').includes(`${who}-${firm}@example.test`));
      expect(mails, who).toHaveLength(1);
    }
    await ok(api.post(`/billing/bills/${draft.id}/payments`, { amount: '500.00', date: '2026-11-20', method: 'check' }));
    const balance = await eventually(async () => {
      const x = (await api.get(`/practice/matters/${matter.id}/balance`)).body;
      return x.paid === '500.00' ? x : undefined;
    });
    expect(balance).toMatchObject({ unbilled: '0.00', billed: '2000.01', paid: '500.00', outstanding: '1500.01' });
    for (const e of (await api.get(`/practice/time-entries?matterId=${matter.id}&limit=100`)).body.items) expect(e.status).toBe('billed');
    const metrics = (await (await fetch(`${stack.url}/__local/metrics`)).json()) as { duplicatedBatches: number };
    expect(metrics.duplicatedBatches).toBeGreaterThan(10);
  });

  it('a batch where one record fails: the others are applied, the bad one alone is retried into the DLQ', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const created = await api.post('/practice/contacts', person('Batch mate'));
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    const marker = `poison-${randomUUID()}`;
    const resend = {
      id: `msg_${randomUUID()}`, type: 'practice.contact.upserted', firmId: firm, occurredAt: new Date().toISOString(),
      practiceContactId: created.body.id, accountingContactId: linked.link.otherId, clock: { counter: 2, origin: 'practice' },
      contact: { kind: 'person', name: 'Batch mate renamed' }, numberingSequence: 'client', practiceSeparateNumbering: false,
    };
    await sqs.send(new SendMessageBatchCommand({
      QueueUrl: stack.queueUrls.toAccounting,
      Entries: [{ Id: 'bad', MessageBody: `{"firmId":"${firm}","marker":"${marker}"}` }, { Id: 'good', MessageBody: JSON.stringify(resend) }],
    }));
    await eventually(async () => ((await api.get(`/accounting/contacts/${linked.link.otherId}`)).body.name === 'Batch mate renamed' ? true : undefined));
    const dead = await eventually(async () => {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.dlqUrls.toAccounting, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 1 }));
      return (out.Messages ?? []).find((m) => m.Body?.includes(marker));
    }, 40_000, 'the bad record in the DLQ');
    expect(dead.Body).toContain(marker);
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(1);
  });
});
