import { describe, expect, it } from 'vitest';
import { client, eventually, newFirm, person, settledRecord, type Client } from './helpers.ts';

/**
 * Issue 16, items 2 and 4: the split follows the primary client until it is
 * set by hand (and everything that means "the primary" reads it), and LEDES
 * matters refuse uncoded time.
 */

const ok = async (res: Promise<any>) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

async function linkedContact(api: Client, name: string, extra: Record<string, unknown> = {}) {
  const created = await ok(api.post('/practice/contacts', person(name, extra)));
  return settledRecord(api, `/practice/contacts/${created.id}`);
}

const address = { line1: '1 Elm St', city: 'Austin', region: 'TX', postcode: '78701', country: 'US' };

/** A firm with a rate, a timekeeper known to both books, and the firm's LEDES id. */
async function billingFirm() {
  const firm = newFirm();
  const api = await client(firm);
  const { version: _v, updatedAt: _u, ...settings } = (await api.get('/accounting/settings')).body;
  await ok(api.put('/accounting/settings', { ...settings, firm: { name: 'Hopper & Lovelace LLP', address: '1 Main St', lawFirmId: '12-3456789' } }));
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }));
  const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id, classification: 'PARTNR', ledesId: 'GH' }));
  await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }));
  return { firm, api, label, tk };
}

const fileOf = (api: Client, fileId: string) => api.get(`/accounting/files/${fileId}`).then((r) => r.body);

/** Moves the matter's clients in practice and waits until accounting's file shows them in that order. */
async function moveClients(api: Client, matterId: string, fileId: string, practiceIds: string[], accountingIds: string[]) {
  const moved = await ok(api.put(`/practice/matters/${matterId}/clients`, { clientIds: practiceIds }));
  expect(moved.primaryClientId).toBe(practiceIds[0]);
  return eventually(async () => {
    const f = await fileOf(api, fileId);
    return JSON.stringify(f.clientIds) === JSON.stringify(accountingIds) ? f : undefined;
  }, 20_000, 'the file to follow the matter\'s clients');
}

const produced = async (api: Client, billId: string) => {
  const started = await ok(api.post('/billing/production/produce', { billIds: [billId] }));
  await eventually(async () => {
    const job = (await api.get(`/jobs/${started.id}`)).body;
    return ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
  }, 40_000, 'production to finish');
  return (await api.get(`/billing/bills/${billId}`)).body;
};

const paths = (res: { body: any }) => (res.body.errors ?? []).map((e: any) => e.path).sort();

describe('the split follows the primary client until it is set by hand', () => {
  it('a reordered primary gets 100%, and the bill, its PDF, email and LEDES CLIENT_ID go to it', async () => {
    const { api, tk } = await billingFirm();
    // A is the first primary and has no email address; B, the primary to be, has one.
    const a = await linkedContact(api, 'Ada', { reference: 'A-100', address });
    const b = await linkedContact(api, 'Bea', { reference: 'B-200', address, email: `bea-${Date.now()}@client.test` });
    const created = await ok(api.post('/practice/matters', {
      name: 'Estate of Babbage', clientIds: [a.id, b.id], billing: { emailInvoices: true, ledesEnabled: true, clientMatterId: 'CM-7' },
    }));
    const matter = await settledRecord(api, `/practice/matters/${created.id}`);
    const fileId = matter.link.otherId as string;
    const [ac, bc] = [a.link.otherId as string, b.link.otherId as string];
    expect(await fileOf(api, fileId)).toMatchObject({
      splitSetByHand: false,
      allocations: [{ contactId: ac, percent: '100.00' }, { contactId: bc, percent: '0.00' }],
    });

    // Another client first: the split was never set by hand, so the new primary pays everything.
    const reordered = await moveClients(api, created.id, fileId, [b.id, a.id], [bc, ac]);
    expect(reordered.primaryClientId).toBe(bc);
    expect(reordered.allocations).toEqual([{ contactId: bc, percent: '100.00' }, { contactId: ac, percent: '0.00' }]);
    // The old primary removed and added back: still the primary's 100%.
    await moveClients(api, created.id, fileId, [b.id], [bc]);
    const readded = await moveClients(api, created.id, fileId, [b.id, a.id], [bc, ac]);
    expect(readded.allocations).toEqual([{ contactId: bc, percent: '100.00' }, { contactId: ac, percent: '0.00' }]);

    await ok(api.post('/practice/time-entries', {
      matterId: created.id, timekeeperId: tk.id, date: '2026-11-02', description: 'Drafting', hours: '1', behavior: 'bill', taskCode: 'L110', activityCode: 'A103',
    }));
    const exported = await ok(api.post('/practice/billing/time-exports', { matterId: created.id }));
    await eventually(async () => ((await api.get(`/jobs/${exported.id}`)).body.status === 'succeeded' ? true : undefined), 30_000);
    const draft = await ok(api.post('/accounting/bills', { fileId }));
    expect(draft.allocations).toEqual([{ contactId: bc, percent: '100.00', amount: '200.00' }]);
    await ok(api.post(`/accounting/bills/${draft.id}/approve`));
    const bill = await produced(api, draft.id);
    expect(bill.status).toBe('finalized');
    expect(bill.documents.filter((d: any) => d.kind === 'invoice_pdf').map((d: any) => d.contactId)).toEqual([bc]);
    expect(bill.deliveries.map((d: any) => d.to)).toEqual([b.email]);

    const ebilled = await ok(api.post('/billing/ebilling', { billIds: [draft.id] }));
    const rows = (await (await fetch(ebilled.items[0].url)).text()).split(/\r?\n/).filter(Boolean).slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split('|')[2]).toBe('B-200');
  });

  it('once set by hand, shares stay with their clients: a new client starts at 0% and a removed one\'s share goes to the primary', async () => {
    const { api } = await billingFirm();
    const [a, b, c] = [await linkedContact(api, 'A'), await linkedContact(api, 'B'), await linkedContact(api, 'C')];
    const [ac, bc, cc] = [a.link.otherId, b.link.otherId, c.link.otherId];
    const created = await ok(api.post('/practice/matters', { name: 'Shared', clientIds: [a.id, b.id] }));
    const fileId = (await settledRecord(api, `/practice/matters/${created.id}`)).link.otherId;
    expect((await fileOf(api, fileId)).splitSetByHand).toBe(false);
    const split = await ok(api.put(`/accounting/files/${fileId}/allocations`, { allocations: [{ contactId: ac, percent: '40' }, { contactId: bc, percent: '60' }] }));
    expect(split.splitSetByHand).toBe(true);

    // B becomes the primary: the hand-set shares stay where they were.
    const reordered = await moveClients(api, created.id, fileId, [b.id, a.id], [bc, ac]);
    expect(reordered.allocations).toEqual([{ contactId: bc, percent: '60.00' }, { contactId: ac, percent: '40.00' }]);
    const added = await moveClients(api, created.id, fileId, [b.id, a.id, c.id], [bc, ac, cc]);
    expect(added.allocations).toEqual([{ contactId: bc, percent: '60.00' }, { contactId: ac, percent: '40.00' }, { contactId: cc, percent: '0.00' }]);
    // A leaves: its 40% goes to the primary, B.
    const removed = await moveClients(api, created.id, fileId, [b.id, c.id], [bc, cc]);
    expect(removed.allocations).toEqual([{ contactId: bc, percent: '100.00' }, { contactId: cc, percent: '0.00' }]);
    // Still set by hand: a new primary does not take everything.
    const swapped = await moveClients(api, created.id, fileId, [c.id, b.id], [cc, bc]);
    expect(swapped).toMatchObject({ splitSetByHand: true, primaryClientId: cc, allocations: [{ contactId: cc, percent: '0.00' }, { contactId: bc, percent: '100.00' }] });

    // A bill goes to the shares, never to the 0% primary.
    await ok(api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-05', description: 'Filing fee', amount: '10.00' }));
    const draft = await ok(api.post('/accounting/bills', { fileId }));
    expect(draft.allocations).toEqual([{ contactId: bc, percent: '100.00', amount: '10.00' }]);
  });
});

describe('LEDES matters refuse uncoded time', () => {
  async function ledesMatter(api: Client, ledesEnabled = true) {
    const c = await linkedContact(api, `Client ${Math.random()}`);
    return ok(api.post('/practice/matters', { name: 'E-billed', clientIds: [c.id], billing: { ledesEnabled } }));
  }
  const entry = (matterId: string, timekeeperId: string, extra: Record<string, unknown> = {}) => ({
    matterId, timekeeperId, date: '2026-11-03', description: 'Review', hours: '0.5', behavior: 'bill', ...extra,
  });
  const entriesOf = async (api: Client, matterId: string) => (await api.get(`/practice/time-entries?matterId=${matterId}`)).body.items;

  it('creating an entry without codes is a 400 naming the missing codes, and nothing is written; a quick code may supply them', async () => {
    const { api, tk } = await billingFirm();
    const matter = await ledesMatter(api);
    const bare = await api.post('/practice/time-entries', entry(matter.id, tk.id));
    expect(bare.status).toBe(400);
    expect(paths(bare)).toEqual(['activityCode', 'taskCode']);
    const half = await api.post('/practice/time-entries', entry(matter.id, tk.id, { taskCode: 'L110' }));
    expect(half.status).toBe(400);
    expect(paths(half)).toEqual(['activityCode']);
    expect(await entriesOf(api, matter.id)).toEqual([]);

    await ok(api.post('/practice/quick-codes', { code: 'RV', description: 'Review', rateLabelByRole: {}, taskCode: 'L120', activityCode: 'A104' }));
    const quick = await ok(api.post('/practice/time-entries', entry(matter.id, tk.id, { quickCode: 'RV' })));
    expect(quick).toMatchObject({ taskCode: 'L120', activityCode: 'A104' });
    await ok(api.post('/practice/quick-codes', { code: 'HALF', description: 'Half coded', rateLabelByRole: {}, taskCode: 'L130' }));
    const partly = await api.post('/practice/time-entries', entry(matter.id, tk.id, { quickCode: 'HALF' }));
    expect(paths(partly)).toEqual(['activityCode']);
    expect((await entriesOf(api, matter.id)).map((e: any) => e.id)).toEqual([quick.id]);
  });

  it('a PATCH that leaves an entry without codes is a 400 and changes nothing, also when it moves the entry onto a LEDES matter', async () => {
    const { api, tk } = await billingFirm();
    const ledes = await ledesMatter(api);
    const plain = await ledesMatter(api, false);
    const coded = await ok(api.post('/practice/time-entries', entry(ledes.id, tk.id, { taskCode: 'L110', activityCode: 'A101' })));
    const cleared = await api.patch(`/practice/time-entries/${coded.id}`, { taskCode: null, description: 'Changed' });
    expect(cleared.status).toBe(400);
    expect(paths(cleared)).toEqual(['taskCode']);
    expect((await api.get(`/practice/time-entries/${coded.id}`)).body).toMatchObject({ version: coded.version, taskCode: 'L110', description: 'Review' });
    // Editing other fields of a coded entry is fine.
    expect((await ok(api.patch(`/practice/time-entries/${coded.id}`, { hours: '0.7' }))).hours).toBe('0.7');

    const uncoded = await ok(api.post('/practice/time-entries', entry(plain.id, tk.id)));
    const moved = await api.patch(`/practice/time-entries/${uncoded.id}`, { matterId: ledes.id });
    expect(moved.status).toBe(400);
    expect(paths(moved)).toEqual(['activityCode', 'taskCode']);
    expect((await api.get(`/practice/time-entries/${uncoded.id}`)).body).toMatchObject({ matterId: plain.id, version: uncoded.version });
    const movedCoded = await ok(api.patch(`/practice/time-entries/${uncoded.id}`, { matterId: ledes.id, taskCode: 'L110', activityCode: 'A101' }));
    expect(movedCoded.matterId).toBe(ledes.id);
  });

  it('switching LEDES on is a 409 listing the open entries without codes, and changes nothing until they are coded', async () => {
    const { api, tk } = await billingFirm();
    const created = await ledesMatter(api, false);
    const matter = await settledRecord(api, `/practice/matters/${created.id}`);
    const noCodes = await ok(api.post('/practice/time-entries', entry(matter.id, tk.id)));
    const noActivity = await ok(api.post('/practice/time-entries', entry(matter.id, tk.id, { taskCode: 'L110' })));
    await ok(api.post('/practice/time-entries', entry(matter.id, tk.id, { taskCode: 'L110', activityCode: 'A101' })));

    const refused = await api.patch(`/practice/matters/${matter.id}`, { name: 'Renamed', billing: { ledesEnabled: true } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('uncoded_entries');
    expect(paths(refused)).toEqual([
      `timeEntries.${noActivity.id}.activityCode`,
      `timeEntries.${noCodes.id}.activityCode`,
      `timeEntries.${noCodes.id}.taskCode`,
    ].sort());
    const unchanged = (await api.get(`/practice/matters/${matter.id}`)).body;
    expect(unchanged).toMatchObject({ name: matter.name, version: matter.version, billing: { ledesEnabled: false } });
    expect((await fileOf(api, matter.link.otherId)).options.ledesEnabled).toBe(false);

    await ok(api.patch(`/practice/time-entries/${noCodes.id}`, { taskCode: 'L120', activityCode: 'A102' }));
    await ok(api.patch(`/practice/time-entries/${noActivity.id}`, { activityCode: 'A102' }));
    const switched = await ok(api.patch(`/practice/matters/${matter.id}`, { billing: { ledesEnabled: true } }));
    expect(switched.billing.ledesEnabled).toBe(true);
    expect((await api.post('/practice/time-entries', entry(matter.id, tk.id))).status).toBe(400);
    // Switching it on again when it is on needs nothing more.
    expect((await api.patch(`/practice/matters/${matter.id}`, { billing: { ledesEnabled: true } })).status).toBe(200);
  });

  it('an uncoded entry racing the switch never ends up on a LEDES matter (created, or cleared by a PATCH)', async () => {
    const { api, tk } = await billingFirm();
    for (let trial = 0; trial < 8; trial++) {
      const matter = await ledesMatter(api, false);
      const coded = trial % 2 ? await ok(api.post('/practice/time-entries', entry(matter.id, tk.id, { taskCode: 'L110', activityCode: 'A101' }))) : undefined;
      const [sw, made] = await Promise.all([
        api.patch(`/practice/matters/${matter.id}`, { billing: { ledesEnabled: true } }),
        coded
          ? api.patch(`/practice/time-entries/${coded.id}`, { taskCode: null })
          : api.post('/practice/time-entries', entry(matter.id, tk.id)),
      ]);
      // Exactly one of them wins: either LEDES is on and the entry was refused, or the entry is uncoded and the switch was refused.
      if (sw.status === 200) expect(made.status, `trial ${trial}`).toBe(400);
      else {
        expect(sw.status, `trial ${trial}`).toBe(409);
        expect(made.status).toBeLessThan(300);
      }
      const ledesOn = (await api.get(`/practice/matters/${matter.id}`)).body.billing.ledesEnabled;
      const uncoded = (await entriesOf(api, matter.id)).filter((e: any) => !e.taskCode || !e.activityCode);
      expect(ledesOn && uncoded.length > 0, `trial ${trial}`).toBe(false);
    }
  });
});
