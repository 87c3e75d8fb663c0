import { describe, expect, it } from 'vitest';
import { client, eventually, localMetrics, newFirm, person, settledRecord, type Client } from './helpers.ts';

/*
 * The CloudWatch metrics the handlers emit (Powertools Metrics, EMF lines),
 * as the local stack sums them (`GET /__local/metrics`). Each line names its
 * firm (metadata, not a dimension), so a fresh firm's figures are exact even
 * while other tests run beside this one.
 */

const ok = async <T = any>(reply: Promise<{ status: number; body: T }>): Promise<T> => {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

const finished = (api: Client, jobId: string) =>
  eventually(async () => {
    const job = (await api.get(`/jobs/${jobId}`)).body;
    return ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
  }, 40_000, `job ${jobId} to finish`);

describe('metrics', () => {
  it('a contact that synchronizes counts once in ContactsSynchronized, with one SyncLatency sample', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const before = await localMetrics();
    const started = Date.now();
    const created = await ok(api.post('/practice/contacts', person('Counted Contact')));
    expect((await settledRecord(api, `/practice/contacts/${created.id}`)).link.status).toBe('synchronized');
    const elapsed = Date.now() - started;

    // What is emitted is flushed when the record's handling ends; the GET above may come first.
    const mine = await eventually(async () => {
      const m = await localMetrics(firm);
      return m.metrics.ContactsSynchronized ? m : undefined;
    }, 5_000, 'the firm\'s metrics');
    expect(mine.metrics.ContactsSynchronized).toBe(1);
    expect(mine.metricSamples.ContactsSynchronized).toBe(1);
    expect(mine.metricSamples.SyncLatency).toBe(1);
    // From the practice write to the settling commit: both inside what this client waited for.
    expect(mine.metrics.SyncLatency).toBeGreaterThan(0);
    expect(mine.metrics.SyncLatency).toBeLessThanOrEqual(elapsed);

    // The totals include it (other tests add their own meanwhile).
    const after = await localMetrics();
    expect(after.metrics.ContactsSynchronized! - (before.metrics.ContactsSynchronized ?? 0)).toBeGreaterThanOrEqual(1);
    expect(after.metricSamples.SyncLatency! - (before.metricSamples.SyncLatency ?? 0)).toBeGreaterThanOrEqual(1);
  });

  it('time export, approval, production and email each count where they happen', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }));
    const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id }));
    await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }));
    const contact = await ok(api.post('/practice/contacts', person('Billed Client', { email: `client-${firm}@example.test` })));
    await settledRecord(api, `/practice/contacts/${contact.id}`);
    const matter = await ok(api.post('/practice/matters', { name: 'Counted Matter', clientIds: [contact.id], billing: { emailInvoices: true } }));
    const linked = await settledRecord(api, `/practice/matters/${matter.id}`);
    expect(linked.link.status).toBe('synchronized');
    for (const date of ['2026-11-02', '2026-11-03']) {
      await ok(api.post('/practice/time-entries', { matterId: matter.id, timekeeperId: tk.id, date, description: 'Drafting', hours: '0.5', behavior: 'bill' }));
    }
    const exported = await finished(api, (await ok(api.post('/practice/billing/time-exports', { matterId: matter.id }))).id);
    expect(exported.status).toBe('succeeded');

    const draft = await ok(api.post('/accounting/bills', { fileId: linked.link.otherId }));
    await ok(api.post(`/accounting/bills/${draft.id}/approve`));
    const produced = await finished(api, (await ok(api.post('/billing/production/produce', { billIds: [draft.id] }))).id);
    expect(produced.status).toBe('succeeded');
    // Producing again changes nothing, and counts nothing.
    expect((await finished(api, (await ok(api.post('/billing/production/produce', { billIds: [draft.id] }))).id)).status).toBe('succeeded');

    const { metrics } = await eventually(async () => {
      const m = await localMetrics(firm);
      return m.metrics.EmailsSent ? m : undefined;
    }, 5_000, 'the firm\'s metrics');
    expect(metrics).toMatchObject({
      ContactsSynchronized: 2, // the contact and the matter
      EntriesExported: 2,
      BillsPosted: 1,
      BillsProduced: 1,
      EmailsSent: 1,
    });
    expect(metrics.GiveUps).toBeUndefined();
  });
});
