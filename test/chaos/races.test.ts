import { describe, expect, it } from 'vitest';
import { client, eventually, newFirm, person, settledRecord, type Client } from '../integration/helpers.ts';

/** Waits (one list request a second, not one poller per contact) until no contact of the firm is pending. */
async function allSettled(api: Client, count: number, timeoutMs: number): Promise<any[]> {
  return eventually(async () => {
    const items = (await api.get('/practice/contacts?limit=500')).body.items as any[];
    return items.length === count && items.every((c) => c.link.status !== 'pending') ? items : undefined;
  }, timeoutMs, `${count} contacts to settle`);
}

/** Full-size races on the shared test stack (the fast versions run in npm test). */
describe('races', () => {
  it('50 concurrent creates with one contact number: one synchronized, 49 duplicate_number', async () => {
    const api = await client(newFirm());
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => api.post('/practice/contacts', person(`Same ${i}`, { reference: 'RACE-1' }))));
    expect(created.every((c) => c.status === 201)).toBe(true);
    const settled = await allSettled(api, 50, 120_000);
    expect(settled.filter((c) => c.link.status === 'synchronized')).toHaveLength(1);
    expect(settled.filter((c) => c.link.status === 'error' && c.link.error.code === 'duplicate_number')).toHaveLength(49);
    expect((await api.get('/accounting/contacts?limit=500')).body.items).toHaveLength(1);
  });

  it('500 concurrent auto-numbered contacts get 500 distinct numbers with no gap', async () => {
    const api = await client(newFirm());
    const ids: string[] = [];
    const queue = Array.from({ length: 500 }, (_, i) => i);
    await Promise.all(Array.from({ length: 50 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const res = await api.post('/practice/contacts', person(`Auto ${i}`));
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
    }));
    const settled = await allSettled(api, 500, 240_000);
    expect(settled.every((c) => c.link.status === 'synchronized')).toBe(true);
    expect(settled.map((c) => Number(c.reference)).sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(new Set(ids).size).toBe(500);
  });

  it('concurrent PATCHes with the same If-Match: one wins, the rest get 412', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', person('Contended'));
    const current = await settledRecord(api, `/practice/contacts/${created.body.id}`, 120_000);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      api.patch(`/practice/contacts/${created.body.id}`, { name: `Writer ${i}` }, { 'if-match': `"${current.version}"` })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.body.name;
    expect((await api.get(`/practice/contacts/${created.body.id}`)).body.name).toBe(winner);
  });

  it('two produce jobs over the same 30 bills finalize each bill once', async () => {
    const api = await client(newFirm());
    const contact = await settledRecord(api, `/practice/contacts/${(await api.post('/practice/contacts', person('C'))).body.id}`);
    const billIds: string[] = [];
    for (let i = 0; i < 30; i++) {
      const m = await settledRecord(api, `/practice/matters/${(await api.post('/practice/matters', { name: `M${i}`, clientIds: [contact.id] })).body.id}`);
      await api.post(`/accounting/files/${m.link.otherId}/disbursements`, { date: '2026-11-01', description: 'Fee', amount: '1.00' });
      const draft = (await api.post('/accounting/bills', { fileId: m.link.otherId })).body;
      await api.post(`/accounting/bills/${draft.id}/approve`);
      billIds.push(draft.id);
    }
    const jobs = await Promise.all([api.post('/billing/production/produce', { billIds }), api.post('/billing/production/produce', {})]);
    for (const job of jobs) {
      await eventually(async () => ((await api.get(`/jobs/${job.body.id}`)).body.status === 'succeeded' ? true : undefined), 120_000);
    }
    // Approve posted each bill (its one invoice numbered then); the two jobs only made documents, once per bill.
    const bills = await Promise.all(billIds.map(async (id) => (await api.get(`/billing/bills/${id}`)).body));
    expect(bills.map((b) => b.status)).toEqual(billIds.map(() => 'finalized'));
    expect(bills.map((b) => b.documents.filter((d: any) => d.kind === 'invoice_pdf').length)).toEqual(billIds.map(() => 1));
    const numbers = bills.flatMap((b) => b.invoices.map((i: any) => Number(i.invoiceNumber)));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
