import { describe, expect, it } from 'vitest';
import { client, newFirm, person, settledRecord, sleep, eventually } from './helpers.ts';

const accountingSettings = async (api: Awaited<ReturnType<typeof client>>, change: Record<string, unknown>) => {
  const { version: _v, updatedAt: _u, ...input } = (await api.get('/accounting/settings')).body;
  const res = await api.put('/accounting/settings', { ...input, ...change });
  expect(res.status).toBe(200);
  return res.body;
};

describe('contacts created in accounting', () => {
  it('are numbered at once and reach practice with their number, linked both ways', async () => {
    const api = await client(newFirm());
    const created = await api.post('/accounting/contacts', { kind: 'organization', name: 'Acme Ltd', email: 'ap@acme.test' });
    expect(created.status).toBe(201);
    expect(created.body.contactNumber).toBe('1');
    expect(created.body.link.status).toBe('pending');
    const settled = await settledRecord(api, `/accounting/contacts/${created.body.id}`);
    expect(settled.link.status).toBe('synchronized');
    const mirror = await api.get(`/practice/contacts/${settled.link.otherId}`);
    expect(mirror.body).toMatchObject({
      kind: 'organization',
      name: 'Acme Ltd',
      reference: '1',
      link: { status: 'synchronized', otherId: created.body.id },
    });
    expect((await api.get('/practice/contacts')).body.items).toHaveLength(1);
  });

  it('refuse a taken contact number with 409 duplicate_number and write nothing', async () => {
    const api = await client(newFirm());
    expect((await api.post('/accounting/contacts', person('One', { contactNumber: 'X1' }))).status).toBe(201);
    const dup = await api.post('/accounting/contacts', person('Two', { contactNumber: 'X1' }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_number');
    expect(dup.body.type).toMatch(/duplicate_number$/);
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(1);
    expect((await api.post('/accounting/contacts', person('Bad', { contactNumber: 'X 2' }))).status).toBe(400);
  });

  it('refuse group contacts with 409 while the integration is on, and keep them unsynchronized when it is off', async () => {
    const api = await client(newFirm());
    const refused = await api.post('/accounting/contacts', { kind: 'group', name: 'The Smiths' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('restricted');
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(0);

    await accountingSettings(api, { integrationEnabled: false });
    const group = await api.post('/accounting/contacts', { kind: 'group', name: 'The Smiths' });
    expect(group.status).toBe(201);
    expect(group.body.link.status).toBe('unsynchronized');
    await sleep(1000);
    expect((await api.get('/practice/contacts')).body.items).toHaveLength(0);
  });

  it('edits in either book reach the other and settle without ping-pong', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', person('Edith', { email: 'edith@old.test' }));
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    const accountingId = linked.link.otherId;

    const acc = await api.patch(`/accounting/contacts/${accountingId}`, {
      name: 'Edith Clarke',
      address: { line1: '1 Main St', city: 'Austin', region: 'TX', postcode: '78701', country: 'US' },
    });
    expect(acc.status).toBe(200);
    const inPractice = await eventually(async () => {
      const r = await api.get(`/practice/contacts/${created.body.id}`);
      return r.body.name === 'Edith Clarke' ? r.body : undefined;
    });
    expect(inPractice.address).toEqual({ line1: '1 Main St', city: 'Austin', region: 'TX', postcode: '78701', country: 'US' });
    expect(inPractice.link.status).toBe('synchronized');
    const accSettled = await settledRecord(api, `/accounting/contacts/${accountingId}`);
    expect(accSettled.link.status).toBe('synchronized');

    const prac = await api.patch(`/practice/contacts/${created.body.id}`, { email: null, phone: '555-0100' });
    expect(prac.status).toBe(200);
    await eventually(async () => {
      const r = await api.get(`/accounting/contacts/${accountingId}`);
      return r.body.phone === '555-0100' && r.body.email === undefined ? true : undefined;
    });

    // Once settled, nothing keeps bouncing: versions stay put.
    const a1 = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    const b1 = await settledRecord(api, `/accounting/contacts/${accountingId}`);
    await sleep(1500);
    const a2 = (await api.get(`/practice/contacts/${created.body.id}`)).body;
    const b2 = (await api.get(`/accounting/contacts/${accountingId}`)).body;
    expect(a2.version).toBe(a1.version);
    expect(b2.version).toBe(b1.version);
    expect(a2.link.status).toBe('synchronized');
    expect(b2.link.status).toBe('synchronized');
  });

  it('concurrent edits in both books converge on one state', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', person('Start'));
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    await settledRecord(api, `/accounting/contacts/${linked.link.otherId}`);
    await Promise.all([
      api.patch(`/practice/contacts/${created.body.id}`, { name: 'From practice' }),
      api.patch(`/accounting/contacts/${linked.link.otherId}`, { name: 'From accounting' }),
    ]);
    const [p, a] = await eventually(async () => {
      const p = (await api.get(`/practice/contacts/${created.body.id}`)).body;
      const a = (await api.get(`/accounting/contacts/${linked.link.otherId}`)).body;
      return p.link.status === 'synchronized' && a.link.status === 'synchronized' && p.name === a.name ? [p, a] : undefined;
    });
    expect(p.name).toBe(a.name);
  });

  it('a renumbering in accounting reaches practice and frees the old number', async () => {
    const api = await client(newFirm());
    const created = await api.post('/accounting/contacts', person('Renumbered', { contactNumber: 'OLD-1' }));
    await settledRecord(api, `/accounting/contacts/${created.body.id}`);
    const renumbered = await api.patch(`/accounting/contacts/${created.body.id}`, { contactNumber: 'NEW-1' });
    expect(renumbered.status).toBe(200);
    const practice = await eventually(async () => {
      const r = await api.get('/practice/contacts?search=NEW-1');
      return r.body.items[0];
    });
    expect(practice.reference).toBe('NEW-1');
    expect((await api.post('/accounting/contacts', person('Reuses old', { contactNumber: 'OLD-1' }))).status).toBe(201);
  });
});
