import { describe, expect, it } from 'vitest';
import { armFault, client, eventually, newFirm, person, settledRecord, sleep, type Client } from './helpers.ts';

async function linkedContact(api: Client, name: string, extra: Record<string, unknown> = {}) {
  const created = await api.post('/practice/contacts', person(name, extra));
  expect(created.status).toBe(201);
  return settledRecord(api, `/practice/contacts/${created.body.id}`);
}

const settledMatter = (api: Client, id: string, timeoutMs?: number) => settledRecord(api, `/practice/matters/${id}`, timeoutMs);

describe('matters in practice and files in accounting', () => {
  it('a matter becomes a numbered file, and the number comes back as fileReference', async () => {
    const api = await client(newFirm());
    const ada = await linkedContact(api, 'Ada');
    const created = await api.post('/practice/matters', {
      name: 'Ada v. Babbage',
      clientIds: [ada.id],
      billing: { emailInvoices: true, ledesEnabled: true, clientMatterId: 'ADA-001' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ link: { status: 'pending' }, fileReference: null, primaryClientId: ada.id });
    expect(created.body.billing).toEqual({
      customRatesEnabled: false,
      rateOverrides: [],
      emailInvoices: true,
      ledesEnabled: true,
      clientMatterId: 'ADA-001',
      printInvoices: false,
    });
    const matter = await settledMatter(api, created.body.id);
    expect(matter.link.status).toBe('synchronized');
    expect(matter.fileReference).toBe('M00001');

    const file = await api.get(`/accounting/files/${matter.link.otherId}`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      matterNumber: 'M00001',
      name: 'Ada v. Babbage',
      clientIds: [ada.link.otherId],
      primaryClientId: ada.link.otherId,
      allocations: [{ contactId: ada.link.otherId, percent: '100.00' }],
      options: { emailInvoices: true, ledesEnabled: true, clientMatterId: 'ADA-001' },
    });
    const second = await api.post('/practice/matters', { name: 'Second', clientIds: [ada.id] });
    expect((await settledMatter(api, second.body.id)).fileReference).toBe('M00002');
  });

  it('numbers files with the firm\'s prefix and width; a hand-given number is kept, moves the counter, and a taken one is an error', async () => {
    const api = await client(newFirm());
    const { version: _v, updatedAt: _u, ...settings } = (await api.get('/accounting/settings')).body;
    await api.put('/accounting/settings', { ...settings, fileNumbering: { prefix: 'LIT-', width: 3 } });
    const c = await linkedContact(api, 'Client');
    const manual = await api.post('/practice/matters', { name: 'Manual', clientIds: [c.id], fileReference: 'LIT-050' });
    expect((await settledMatter(api, manual.body.id)).fileReference).toBe('LIT-050');
    const auto = await api.post('/practice/matters', { name: 'Auto', clientIds: [c.id] });
    expect((await settledMatter(api, auto.body.id)).fileReference).toBe('LIT-051');
    const dup = await api.post('/practice/matters', { name: 'Dup', clientIds: [c.id], fileReference: 'LIT-050' });
    const failed = await settledMatter(api, dup.body.id);
    expect(failed.link.status).toBe('error');
    expect(failed.link.error.code).toBe('duplicate_number');
    expect((await api.get('/accounting/files')).body.items).toHaveLength(2);
    // Fixing the number sends it again.
    await api.patch(`/practice/matters/${dup.body.id}`, { fileReference: 'LIT-900' });
    const fixed = await settledMatter(api, dup.body.id);
    expect(fixed).toMatchObject({ fileReference: 'LIT-900', link: { status: 'synchronized' } });
  });

  it('a matter whose client is not linked yet waits, then links by itself', async () => {
    const firm = newFirm();
    const api = await client(firm);
    // The client's first delivery to accounting crashes, so it stays pending a while.
    await armFault('accounting.contact.beforeCreate', firm, 1);
    const slow = await api.post('/practice/contacts', person('Slow client'));
    const matter = await api.post('/practice/matters', { name: 'Waiting', clientIds: [slow.body.id] });
    expect(matter.status).toBe(201);
    expect(matter.body.link.status).toBe('pending');
    const linked = await settledMatter(api, matter.body.id, 20_000);
    expect(linked.link.status).toBe('synchronized');
    expect(linked.fileReference).toBe('M00001');
    const slowClient = await api.get(`/practice/contacts/${slow.body.id}`);
    expect((await api.get(`/accounting/files/${linked.link.otherId}`)).body.clientIds).toEqual([slowClient.body.link.otherId]);
  });

  it('a matter whose client failed to link shows client_not_linked, and links once the client is fixed', async () => {
    const api = await client(newFirm());
    const holder = await linkedContact(api, 'Holder', { reference: 'N-1' });
    const clash = await api.post('/practice/contacts', person('Clash', { reference: 'N-1' }));
    expect((await settledRecord(api, `/practice/contacts/${clash.body.id}`)).link.status).toBe('error');
    const matter = await api.post('/practice/matters', { name: 'Blocked', clientIds: [holder.id, clash.body.id] });
    const blocked = await settledMatter(api, matter.body.id);
    expect(blocked.link.status).toBe('error');
    expect(blocked.link.error.code).toBe('client_not_linked');
    expect(blocked.link.error.message).toContain('Clash');

    await api.patch(`/practice/contacts/${clash.body.id}`, { reference: 'N-2' });
    const linked = await eventually(async () => {
      const m = (await api.get(`/practice/matters/${matter.body.id}`)).body;
      return m.link.status === 'synchronized' ? m : undefined;
    }, 20_000);
    const file = (await api.get(`/accounting/files/${linked.link.otherId}`)).body;
    expect(file.clientIds).toHaveLength(2);
    expect(file.primaryClientId).toBe(holder.link.otherId);
  });

  it('changing clients in practice reaches the file; a removed client\'s share goes to the primary', async () => {
    const api = await client(newFirm());
    const [a, b, c] = [await linkedContact(api, 'A'), await linkedContact(api, 'B'), await linkedContact(api, 'C')];
    const created = await api.post('/practice/matters', { name: 'Shared', clientIds: [a.id, b.id, c.id] });
    const matter = await settledMatter(api, created.body.id);
    const fileId = matter.link.otherId;
    const file = (await api.get(`/accounting/files/${fileId}`)).body;
    expect(file.allocations.map((x: any) => x.percent)).toEqual(['100.00', '0.00', '0.00']);

    const split = await api.put(`/accounting/files/${fileId}/allocations`, {
      allocations: [
        { contactId: a.link.otherId, percent: '33.34' },
        { contactId: b.link.otherId, percent: '33.33' },
        { contactId: c.link.otherId, percent: 33.33 },
      ],
    }, { 'if-match': `"${file.version}"` });
    expect(split.status).toBe(200);
    expect(split.body.allocations.map((x: any) => x.percent)).toEqual(['33.34', '33.33', '33.33']);

    const moved = await api.put(`/practice/matters/${created.body.id}/clients`, { clientIds: [b.id, c.id] });
    expect(moved.status).toBe(200);
    expect(moved.body.primaryClientId).toBe(b.id);
    const after = await eventually(async () => {
      const f = (await api.get(`/accounting/files/${fileId}`)).body;
      return f.clientIds.length === 2 ? f : undefined;
    });
    expect(after.primaryClientId).toBe(b.link.otherId);
    expect(after.allocations).toEqual([
      { contactId: b.link.otherId, percent: '66.67' },
      { contactId: c.link.otherId, percent: '33.33' },
    ]);
    expect((await settledMatter(api, created.body.id)).link.status).toBe('synchronized');
  });

  it('refuses bad allocations with 400 and field paths, and client changes in accounting with 409 restricted', async () => {
    const api = await client(newFirm());
    const [a, b] = [await linkedContact(api, 'A'), await linkedContact(api, 'B')];
    const created = await api.post('/practice/matters', { name: 'Split', clientIds: [a.id, b.id] });
    const fileId = (await settledMatter(api, created.body.id)).link.otherId;
    const put = (allocations: unknown) => api.put(`/accounting/files/${fileId}/allocations`, { allocations });
    const sum = await put([{ contactId: a.link.otherId, percent: '50.00' }, { contactId: b.link.otherId, percent: '49.99' }]);
    expect(sum.status).toBe(400);
    expect(sum.body.errors[0]).toMatchObject({ path: 'allocations' });
    expect(sum.body.errors[0].message).toContain('99.99');
    const stranger = await put([{ contactId: 'ac_stranger', percent: '100' }]);
    expect(stranger.body.errors[0].path).toBe('allocations.0.contactId');
    const precise = await put([{ contactId: a.link.otherId, percent: '99.999' }, { contactId: b.link.otherId, percent: '0.001' }]);
    expect(precise.body.errors.map((e: any) => e.path)).toEqual(['allocations.0.percent', 'allocations.1.percent']);
    expect((await put([{ contactId: a.link.otherId, percent: 100.5 }])).status).toBe(400);
    expect((await api.get(`/accounting/files/${fileId}`)).body.allocations[0].percent).toBe('100.00');

    for (const path of ['clients', 'primary-client']) {
      const res = await api.put(`/accounting/files/${fileId}/${path}`, { clientIds: [b.link.otherId] });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('restricted');
    }
    expect((await api.put('/accounting/files/fl_missing/clients', {})).status).toBe(404);
  });

  it('validates matters: clients must exist in the firm, be unique and non-empty', async () => {
    const api = await client(newFirm());
    const other = await client(newFirm());
    const foreign = await linkedContact(other, 'Foreign');
    const mine = await linkedContact(api, 'Mine');
    const cases: [unknown, string][] = [
      [{ name: 'x', clientIds: [] }, 'clientIds'],
      [{ name: 'x', clientIds: [mine.id, mine.id] }, 'clientIds'],
      [{ name: 'x', clientIds: [mine.id, foreign.id] }, 'clientIds.1'],
      [{ name: '', clientIds: [mine.id] }, 'name'],
      [{ name: 'x', clientIds: [mine.id], fileReference: 'A B' }, 'fileReference'],
      [{ name: 'x', clientIds: [mine.id], billing: { emailInvoices: 'yes' } }, 'billing.emailInvoices'],
      [{ name: 'x', clientIds: [mine.id], billing: { rateOverrides: [{ rateLabelId: 'r', value: '1.5' }] } }, 'billing.rateOverrides.0.value'],
    ];
    for (const [body, path] of cases) {
      const res = await api.post('/practice/matters', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    }
    expect((await api.get('/practice/matters')).body.items).toEqual([]);
  });

  it('billing options are editable with PATCH and If-Match, and edits settle without ping-pong', async () => {
    const api = await client(newFirm());
    const c = await linkedContact(api, 'Client');
    const created = await api.post('/practice/matters', { name: 'Options', clientIds: [c.id] });
    const matter = await settledMatter(api, created.body.id);
    const label = await api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' });
    const stale = await api.patch(`/practice/matters/${created.body.id}`, { name: 'Nope' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const patched = await api.patch(
      `/practice/matters/${created.body.id}`,
      { name: 'Options renamed', billing: { customRatesEnabled: true, rateOverrides: [{ rateLabelId: label.body.id, value: '250.00' }], ledesEnabled: true, clientMatterId: 'CM-9' } },
      { 'if-match': `"${matter.version}"` },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.billing).toMatchObject({ customRatesEnabled: true, ledesEnabled: true, clientMatterId: 'CM-9', emailInvoices: false });
    const settled = await settledMatter(api, created.body.id);
    const file = (await api.get(`/accounting/files/${matter.link.otherId}`)).body;
    expect(file).toMatchObject({ name: 'Options renamed', options: { ledesEnabled: true, clientMatterId: 'CM-9' } });
    await sleep(1200);
    expect((await api.get(`/practice/matters/${created.body.id}`)).body.version).toBe(settled.version);
    expect((await api.get(`/accounting/files/${matter.link.otherId}`)).body.version).toBe(file.version);
    const cleared = await api.patch(`/practice/matters/${created.body.id}`, { billing: { clientMatterId: null } });
    expect(cleared.body.billing.clientMatterId).toBeUndefined();
  });

  it('disbursements are recorded with exact money and reach the matter balance in practice', async () => {
    const api = await client(newFirm());
    const c = await linkedContact(api, 'Client');
    const created = await api.post('/practice/matters', { name: 'Costs', clientIds: [c.id] });
    const fileId = (await settledMatter(api, created.body.id)).link.otherId;
    expect((await api.get(`/practice/matters/${created.body.id}/balance`)).body).toEqual({
      unbilled: '0.00', billed: '0.00', paid: '0.00', outstanding: '0.00', updatedAt: null,
    });
    const first = await api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-02', description: 'Court filing fee', amount: '0.10', expenseCode: 'E112' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ fileId, amount: '0.10', expenseCode: 'E112', status: 'unbilled' });
    await Promise.all([
      api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-03', description: 'Copies', amount: '0.20' }),
      api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-04', description: 'Courier', amount: '1234.56' }),
    ]);
    const balance = await eventually(async () => {
      const b = (await api.get(`/practice/matters/${created.body.id}/balance`)).body;
      return b.unbilled === '1234.86' ? b : undefined;
    });
    expect(balance).toMatchObject({ billed: '0.00', paid: '0.00', outstanding: '0.00' });
    expect(typeof balance.updatedAt).toBe('string');
    expect((await api.get(`/accounting/files/${fileId}/disbursements`)).body.items).toHaveLength(3);

    for (const [body, path] of [
      [{ date: '2026-02-30', description: 'x', amount: '1.00' }, 'date'],
      [{ date: '2026-11-01', description: 'x', amount: '1.5' }, 'amount'],
      [{ date: '2026-11-01', description: 'x', amount: 1.5 }, 'amount'],
      [{ date: '2026-11-01', description: 'x', amount: '0.00' }, 'amount'],
      [{ date: '2026-11-01', description: 'x', amount: '1.00', expenseCode: 'E125' }, 'expenseCode'],
      [{ date: '2026-11-01', description: '', amount: '1.00' }, 'description'],
    ] as const) {
      const res = await api.post(`/accounting/files/${fileId}/disbursements`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    }
    expect((await api.get(`/accounting/files/${fileId}/disbursements`)).body.items).toHaveLength(3);
    expect((await api.post('/accounting/files/fl_nope/disbursements', { date: '2026-11-01', description: 'x', amount: '1.00' })).status).toBe(404);
  });

  it('a duplicate matter message or a crash after creating the file makes one file', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const c = await linkedContact(api, 'Client');
    await armFault('accounting.file.afterCreate', firm, 1);
    const created = await api.post('/practice/matters', { name: 'Once', clientIds: [c.id] });
    await settledMatter(api, created.body.id, 20_000);
    await api.patch(`/practice/matters/${created.body.id}`, {});
    await settledMatter(api, created.body.id);
    await sleep(2500);
    expect((await api.get('/accounting/files')).body.items).toHaveLength(1);
  });

  it('lists matters by client and search, and hides other firms\' matters and files', async () => {
    const api = await client(newFirm());
    const other = await client(newFirm());
    const [a, b] = [await linkedContact(api, 'A'), await linkedContact(api, 'B')];
    const m1 = await api.post('/practice/matters', { name: 'Alpha estate', clientIds: [a.id] });
    await api.post('/practice/matters', { name: 'Beta dispute', clientIds: [b.id, a.id] });
    await api.post('/practice/matters', { name: 'Gamma lease', clientIds: [b.id] });
    expect((await api.get(`/practice/matters?clientId=${a.id}`)).body.items.map((m: any) => m.name).sort()).toEqual(['Alpha estate', 'Beta dispute']);
    expect((await api.get('/practice/matters?search=lease')).body.items.map((m: any) => m.name)).toEqual(['Gamma lease']);
    const fileId = (await settledMatter(api, m1.body.id)).link.otherId;
    expect((await other.get(`/practice/matters/${m1.body.id}`)).status).toBe(404);
    expect((await other.get(`/practice/matters/${m1.body.id}/balance`)).status).toBe(404);
    expect((await other.get(`/accounting/files/${fileId}`)).status).toBe(404);
    expect((await other.put(`/accounting/files/${fileId}/allocations`, { allocations: [] })).status).toBe(400);
    expect((await other.put(`/accounting/files/${fileId}/allocations`, { allocations: [{ contactId: 'x', percent: '100' }] })).status).toBe(404);
    expect((await other.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-01', description: 'x', amount: '1.00' })).status).toBe(404);
  });
});
