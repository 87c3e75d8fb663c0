import { describe, expect, it } from 'vitest';
import { client, newFirm, person, settledRecord, eventually } from './helpers.ts';

describe('contacts created in practice', () => {
  it('start pending, reach accounting, and come back synchronized with their number', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', person('Ada Lovelace', { email: 'ada@example.com', phone: '+44 20 1234' }));
    expect(created.status).toBe(201);
    expect(created.body.link).toEqual({ status: 'pending' });
    expect(created.body.reference).toBeNull();
    expect(created.body.version).toBe(1);
    expect(created.headers.get('etag')).toBe('"1"');

    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    expect(linked.link.status).toBe('synchronized');
    expect(linked.reference).toBe('1');

    const other = await api.get(`/accounting/contacts/${linked.link.otherId}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 1234',
      contactNumber: '1',
      link: { status: 'synchronized', otherId: created.body.id },
    });
  });

  it('sync any text the API accepts: emoji, accents, U+FFFE', async () => {
    const api = await client(newFirm());
    const name = 'Zoë 😀 Łódź \uFFFE 東京';
    const created = await api.post('/practice/contacts', person(name));
    expect(created.status).toBe(201);
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    expect(linked.link.status).toBe('synchronized');
    expect((await api.get(`/accounting/contacts/${linked.link.otherId}`)).body.name).toBe(name);
  });

  it('are numbered one after another, and a hand-given number moves the sequence on', async () => {
    const api = await client(newFirm());
    const first = await api.post('/practice/contacts', person('First'));
    expect((await settledRecord(api, `/practice/contacts/${first.body.id}`)).reference).toBe('1');
    const manual = await api.post('/practice/contacts', person('Manual', { reference: '100' }));
    expect((await settledRecord(api, `/practice/contacts/${manual.body.id}`)).reference).toBe('100');
    const next = await api.post('/practice/contacts', person('Next'));
    expect((await settledRecord(api, `/practice/contacts/${next.body.id}`)).reference).toBe('101');
    const coded = await api.post('/practice/contacts', person('Coded', { reference: 'ACME-7' }));
    expect((await settledRecord(api, `/practice/contacts/${coded.body.id}`)).reference).toBe('ACME-7');
    const after = await api.post('/practice/contacts', person('After'));
    expect((await settledRecord(api, `/practice/contacts/${after.body.id}`)).reference).toBe('102');
  });

  it('end in error with duplicate_number when the number is taken, with nothing half-made, and a new number fixes it', async () => {
    const api = await client(newFirm());
    const a = await api.post('/practice/contacts', person('Holder', { reference: 'C-55' }));
    expect((await settledRecord(api, `/practice/contacts/${a.body.id}`)).link.status).toBe('synchronized');
    const b = await api.post('/practice/contacts', person('Latecomer', { reference: 'C-55' }));
    const failed = await settledRecord(api, `/practice/contacts/${b.body.id}`);
    expect(failed.link.status).toBe('error');
    expect(failed.link.error.code).toBe('duplicate_number');
    expect(failed.link.otherId).toBeUndefined();
    const inAccounting = await api.get('/accounting/contacts');
    expect(inAccounting.body.items.map((c: any) => c.name)).toEqual(['Holder']);

    const fixed = await api.patch(`/practice/contacts/${b.body.id}`, { reference: 'C-56' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.link.status).toBe('pending');
    const relinked = await settledRecord(api, `/practice/contacts/${b.body.id}`);
    expect(relinked.link.status).toBe('synchronized');
    expect(relinked.reference).toBe('C-56');
    expect((await api.get('/accounting/contacts?search=C-56')).body.items).toHaveLength(1);
  });

  it('use separate client/vendor/other sequences only when both books switch it on', async () => {
    const api = await client(newFirm());
    const vendorBefore = await api.post('/practice/contacts', person('Vendor A', { numberingSequence: 'vendor' }));
    expect((await settledRecord(api, `/practice/contacts/${vendorBefore.body.id}`)).reference).toBe('1');

    // Only practice on: still one sequence.
    expect((await api.put('/practice/settings', { separateContactNumbering: true })).status).toBe(200);
    const vendorHalf = await api.post('/practice/contacts', person('Vendor B', { numberingSequence: 'vendor' }));
    expect((await settledRecord(api, `/practice/contacts/${vendorHalf.body.id}`)).reference).toBe('2');

    const settings = (await api.get('/accounting/settings')).body;
    const { version: _v, updatedAt: _u, ...input } = settings;
    expect((await api.put('/accounting/settings', { ...input, separateContactNumbering: true })).status).toBe(200);
    const vendor = await api.post('/practice/contacts', person('Vendor C', { numberingSequence: 'vendor' }));
    const other = await api.post('/practice/contacts', person('Other A', { numberingSequence: 'other' }));
    const clientC = await api.post('/practice/contacts', person('Client C'));
    expect((await settledRecord(api, `/practice/contacts/${vendor.body.id}`)).reference).toBe('1');
    expect((await settledRecord(api, `/practice/contacts/${other.body.id}`)).reference).toBe('1');
    expect((await settledRecord(api, `/practice/contacts/${clientC.body.id}`)).reference).toBe('3');
  });

  it('refuse bad numbers and bad fields with 400 and field paths, and write nothing', async () => {
    const api = await client(newFirm());
    for (const reference of ['A*1', 'A 1', '', ' x']) {
      const res = await api.post('/practice/contacts', person('Bad', { reference }));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: any) => e.path)).toContain('reference');
    }
    const res = await api.post('/practice/contacts', {
      kind: 'robot',
      name: 'x',
      email: 'not-an-email',
      address: { line1: 'a', city: 'b', postcode: 'c' },
      surprise: true,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
    expect(res.body.errors.map((e: any) => e.path).sort()).toEqual(['address.country', 'email', 'kind', 'surprise']);
    expect((await api.get('/practice/contacts')).body.items).toEqual([]);
  });

  it('answer malformed JSON with a 400 problem, never a 500', async () => {
    const api = await client(newFirm());
    for (const raw of ['{"kind":', 'null', '[]', '"text"', '42']) {
      const res = await fetch(`${(await import('./helpers.ts')).stack.url}/practice/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body: raw,
      });
      expect(res.status, raw).toBe(400);
      expect(((await res.json()) as any).status).toBe(400);
    }
  });

  it('ignore read-only fields, edit with If-Match, and refuse a stale one with 412', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', person('Grace', { id: 'mine', version: 9, link: { status: 'error' } }));
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe('mine');
    const id = created.body.id;
    const settled = await settledRecord(api, `/practice/contacts/${id}`);

    const stale = await api.patch(`/practice/contacts/${id}`, { name: 'Grace Hopper' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await api.get(`/practice/contacts/${id}`)).body.name).toBe('Grace');

    const ok = await api.patch(`/practice/contacts/${id}`, { name: 'Grace Hopper', email: 'grace@navy.mil' }, { 'if-match': `"${settled.version}"` });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(settled.version + 1);
    expect(ok.headers.get('etag')).toBe(`"${settled.version + 1}"`);
    const after = await settledRecord(api, `/practice/contacts/${id}`);
    expect(after.link.status).toBe('synchronized');
    const mirrored = await api.get(`/accounting/contacts/${after.link.otherId}`);
    expect(mirrored.body).toMatchObject({ name: 'Grace Hopper', email: 'grace@navy.mil' });
  });

  it('re-send on an empty PATCH (forced resync), which overwrites accounting with practice', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', person('Resync Me'));
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    const resent = await api.patch(`/practice/contacts/${created.body.id}`, {});
    expect(resent.status).toBe(200);
    expect(resent.body.link.status).toBe('pending');
    expect(resent.body.version).toBe(linked.version + 1);
    const again = await settledRecord(api, `/practice/contacts/${created.body.id}`);
    expect(again.link).toEqual(linked.link);
    expect(again.reference).toBe(linked.reference);
  });

  it('list with limit and cursor, and search by name, email or number', async () => {
    const api = await client(newFirm());
    const names = ['Alice Archer', 'Bob Baker', 'Carol Cooper', 'Dan Archer', 'Eve Evans'];
    for (const name of names) await api.post('/practice/contacts', person(name, { email: `${name.split(' ')[0]!.toLowerCase()}@firm.test` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.get(`/practice/contacts?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c: any) => c.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...names].sort());

    const archers = await api.get('/practice/contacts?search=archer&limit=1');
    expect(archers.body.items).toHaveLength(1);
    const rest = await api.get(`/practice/contacts?search=archer&limit=1&cursor=${encodeURIComponent(archers.body.nextCursor)}`);
    expect([archers.body.items[0].name, rest.body.items[0].name].sort()).toEqual(['Alice Archer', 'Dan Archer']);
    expect(rest.body.nextCursor).toBeNull();
    expect((await api.get('/practice/contacts?search=EVE@FIRM')).body.items.map((c: any) => c.name)).toEqual(['Eve Evans']);

    const carol = await eventually(async () => {
      const r = await api.get('/practice/contacts?search=Carol');
      return r.body.items[0]?.reference ? r.body.items[0] : undefined;
    });
    const byNumber = await api.get(`/practice/contacts?search=${carol.reference}`);
    expect(byNumber.body.items.map((c: any) => c.id)).toContain(carol.id);

    expect((await api.get('/practice/contacts?limit=0')).status).toBe(400);
    expect((await api.get('/practice/contacts?limit=501')).status).toBe(400);
    expect((await api.get('/practice/contacts?cursor=garbage')).status).toBe(400);
  });
});
