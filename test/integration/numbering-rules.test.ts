import { describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { client, ddb, eventually, newFirm, person, settledRecord, stack, type Client } from './helpers.ts';
import { diffSnapshots, snapshot } from './support/firm-state.ts';
import { numberKey } from '../../events/contact-number.ts';

/**
 * Issue 16, items 1 and 5: a hand-given number sets its sequence from there
 * (backwards too) while automatic numbers step over taken ones, and contact
 * and file numbers are compared the way a user reads them.
 */

const accountingSettings = async (api: Client, change: Record<string, unknown>) => {
  const { version: _v, updatedAt: _u, ...input } = (await api.get('/accounting/settings')).body;
  const res = await api.put('/accounting/settings', { ...input, ...change });
  expect(res.status).toBe(200);
};

/** An accounting contact, numbered at once (a hand-given number or the next of its sequence). */
async function numbered(api: Client, contactNumber?: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/accounting/contacts', person('Accounting contact', { ...(contactNumber ? { contactNumber } : {}), ...extra }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contactNumber;
}

/** A practice contact, settled: its reference after accounting numbered it, or its link error. */
async function fromPractice(api: Client, reference?: string, extra: Record<string, unknown> = {}) {
  const res = await api.post('/practice/contacts', person('Practice contact', { ...(reference ? { reference } : {}), ...extra }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return settledRecord(api, `/practice/contacts/${res.body.id}`, 30_000);
}

/** A practice contact linked both ways (so nothing of it is still on its way). */
async function linkedClient(api: Client) {
  const linked = await fromPractice(api);
  await settledRecord(api, `/accounting/contacts/${linked.link.otherId}`, 30_000);
  return linked;
}

async function matter(api: Client, clientId: string, fileReference?: string) {
  const res = await api.post('/practice/matters', { name: `Matter ${fileReference ?? 'auto'}`, clientIds: [clientId], ...(fileReference ? { fileReference } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return settledRecord(api, `/practice/matters/${res.body.id}`, 30_000);
}

describe('a hand-given number sets its sequence from there, backwards too', () => {
  it('practice: reference 100 → next 101; reference 5 → next 6', async () => {
    const api = await client(newFirm());
    expect((await fromPractice(api, '100')).reference).toBe('100');
    expect((await fromPractice(api)).reference).toBe('101');
    expect((await fromPractice(api, '5')).reference).toBe('5');
    expect((await fromPractice(api)).reference).toBe('6');
    expect((await fromPractice(api)).reference).toBe('7');
  });

  it('accounting: the same, and automatic numbers step over numbers already taken', async () => {
    const api = await client(newFirm());
    for (const n of ['10', '11', '12']) await numbered(api, n);
    expect(await numbered(api, '9')).toBe('9');
    expect(await numbered(api)).toBe('13');
    // Backwards again, into a range where only some numbers are taken.
    expect(await numbered(api, '2')).toBe('2');
    expect(await numbered(api)).toBe('3');
    // A number spelled with leading zeros sets the sequence by its value and holds that value.
    expect(await numbered(api, '0020')).toBe('0020');
    expect(await numbered(api)).toBe('21');
    expect(await numbered(api, '019')).toBe('019');
    expect(await numbered(api)).toBe('22');
    const numbers = ((await api.get('/accounting/contacts?limit=500')).body.items as any[]).map((c) => c.contactNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('a renumbering by hand sets the sequence too', async () => {
    const api = await client(newFirm());
    await numbered(api, '50');
    const moved = await api.post('/accounting/contacts', person('Moved'));
    expect(moved.body.contactNumber).toBe('51');
    const patched = await api.patch(`/accounting/contacts/${moved.body.id}`, { contactNumber: '7' });
    expect(patched.status).toBe(200);
    expect(await numbered(api)).toBe('8');
    // 51 was freed by the move: the sequence comes to it again in time, and 50 is still taken.
    expect((await api.post('/accounting/contacts', person('Takes 51', { contactNumber: '51' }))).status).toBe(201);
  });

  it('after a reset into a dense range, the next automatic number is the first free one, and concurrent ones stay distinct', async () => {
    const api = await client(newFirm());
    // Accounting alone (no sync traffic): numbering is accounting's.
    await accountingSettings(api, { integrationEnabled: false });
    // 2..130 taken by hand (each sets the counter to itself), then a reset to 1: the next automatic number
    // steps over more than one window of claims read at once (10, then 100).
    for (let n = 2; n <= 130; n++) await numbered(api, String(n));
    expect(await numbered(api, '1')).toBe('1');
    expect(await numbered(api)).toBe('131');
    expect((await api.post('/accounting/contacts', person('Taken', { contactNumber: '100' }))).status).toBe(409);
    // Reset into the range once more, then a burst of automatic numbers: distinct and without gaps.
    const low = await api.post('/accounting/contacts', person('Low'));
    expect(low.body.contactNumber).toBe('132');
    expect((await api.patch(`/accounting/contacts/${low.body.id}`, { contactNumber: '0' })).status).toBe(200);
    const burst = await Promise.all(Array.from({ length: 20 }, () => numbered(api)));
    expect(burst.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 132 + i));
  });

  it('each sequence resets on its own when separate numbering is on', async () => {
    const api = await client(newFirm());
    await numbered(api, '777');
    expect((await api.put('/practice/settings', { separateContactNumbering: true })).status).toBe(200);
    await accountingSettings(api, { separateContactNumbering: true });
    // Practice's switch reaches accounting by message: 777 is free once vendors have their own sequence.
    await eventually(async () => {
      const res = await api.post('/accounting/contacts', person('Vendor', { contactNumber: '777', numberingSequence: 'vendor' }));
      return res.status === 201 ? true : undefined;
    });
    await numbered(api, '40', { numberingSequence: 'vendor' });
    await numbered(api, '30', { numberingSequence: 'client' });
    expect(await numbered(api, '3', { numberingSequence: 'vendor' })).toBe('3');
    expect(await numbered(api, undefined, { numberingSequence: 'vendor' })).toBe('4');
    expect(await numbered(api, undefined, { numberingSequence: 'client' })).toBe('31');
    expect(await numbered(api, undefined, { numberingSequence: 'other' })).toBe('1');
    // The same number in another sequence is free; in its own, every spelling of it is taken.
    expect(await numbered(api, '04', { numberingSequence: 'client' })).toBe('04');
    const dup = await api.post('/accounting/contacts', person('Dup', { contactNumber: '004', numberingSequence: 'vendor' }));
    expect(dup.status).toBe(409);
  });

  it('file numbers: a hand-given number of the firm\'s shape sets the file counter, backwards too', async () => {
    const api = await client(newFirm());
    const c = await linkedClient(api);
    expect((await matter(api, c.id, 'M00050')).fileReference).toBe('M00050');
    expect((await matter(api, c.id)).fileReference).toBe('M00051');
    expect((await matter(api, c.id, 'M00005')).fileReference).toBe('M00005');
    expect((await matter(api, c.id)).fileReference).toBe('M00006');
    // M00007 taken by another spelling of it: the automatic number steps over it.
    expect((await matter(api, c.id, 'm7')).fileReference).toBe('m7');
    expect((await matter(api, c.id, 'M00004')).fileReference).toBe('M00004');
    expect((await matter(api, c.id)).fileReference).toBe('M00008');
  });
});

describe('contact and file numbers are normalised', () => {
  const refused: [string, string, RegExp][] = [
    ['full-width digits', '１２３', /plain form.*"123"/],
    ['Arabic-Indic digits', '١٢٣', /digits 0-9/],
    ['a zero-width space', '12\u200B3', /invisible|control/],
    ['a word joiner', '12\u20603', /invisible|control/],
    ['a soft hyphen', '12\u00AD3', /invisible|control/],
    ['a NUL', '12\u00003', /invisible|control/],
    ['a right-to-left override', '12\u202E3', /invisible|control/],
    ['a full-width asterisk', '12＊', /"\*"/],
    ['an asterisk operator', '12∗', /"\*"/],
    ['a small asterisk', '12﹡', /"\*"/],
    ['NFD é', 'ref-e\u0301', /plain form/],
  ];

  it.each(refused)('refuses %s with a 400 saying why, in both books and for file numbers; nothing is written', async (_what, value, why) => {
    const firm = newFirm();
    const api = await client(firm);
    const c = await linkedClient(api);
    const before = await snapshot(firm);
    const attempts: [() => Promise<any>, string][] = [
      [() => api.post('/accounting/contacts', person('A', { contactNumber: value })), 'contactNumber'],
      [() => api.post('/practice/contacts', person('P', { reference: value })), 'reference'],
      [() => api.patch(`/practice/contacts/${c.id}`, { reference: value }), 'reference'],
      [() => api.patch(`/accounting/contacts/${c.link.otherId}`, { contactNumber: value }), 'contactNumber'],
      [() => api.post('/practice/matters', { name: 'M', clientIds: [c.id], fileReference: value }), 'fileReference'],
    ];
    for (const [attempt, path] of attempts) {
      const res = await attempt();
      expect(res.status, `${path} ${JSON.stringify(value)}: ${JSON.stringify(res.body)}`).toBe(400);
      const error = res.body.errors.find((e: any) => e.path === path);
      expect(error, JSON.stringify(res.body.errors)).toBeDefined();
      expect(error.message).toMatch(why);
    }
    expect(diffSnapshots(before, await snapshot(firm))).toEqual([]);
  });

  it('accepts the NFC form of ref-é, once', async () => {
    const api = await client(newFirm());
    expect(await numbered(api, 'ref-\u00E9')).toBe('ref-\u00E9');
    const dup = await api.post('/accounting/contacts', person('Dup', { contactNumber: 'REF-\u00C9' }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_number');
  });

  const sameNumbers: [string, string][] = [
    ['ABC', 'abc'],
    ['abc', 'ABC'],
    ['124', '0124'],
    ['124', '00124'],
    ['0124', '124'],
    ['C-007', 'c-7'],
  ];

  it.each(sameNumbers)('accounting: %s is taken, so %s is a 409 duplicate_number and nothing is written', async (first, second) => {
    const api = await client(newFirm());
    await numbered(api, first);
    const dup = await api.post('/accounting/contacts', person('Dup', { contactNumber: second }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_number');
    // The user is told which number holds it, as its holder typed it.
    expect(dup.body.detail).toBe(`The contact number "${second}" is already in use (as "${first}").`);
    expect((await api.get('/accounting/contacts')).body.items.map((c: any) => c.contactNumber)).toEqual([first]);
    // Renumbering another contact onto it is refused the same way.
    const other = await api.post('/accounting/contacts', person('Other'));
    const moved = await api.patch(`/accounting/contacts/${other.body.id}`, { contactNumber: second });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('duplicate_number');
    expect((await api.get(`/accounting/contacts/${other.body.id}`)).body.contactNumber).toBe(other.body.contactNumber);
  });

  it('practice: a reference taken in another spelling ends as duplicate_number, and no second accounting contact is made', async () => {
    const api = await client(newFirm());
    expect((await fromPractice(api, 'Acme-1')).reference).toBe('Acme-1');
    for (const spelling of ['ACME-1', 'acme-01']) {
      const dup = await fromPractice(api, spelling);
      expect(dup.link.status).toBe('error');
      expect(dup.link.error.code).toBe('duplicate_number');
    }
    const zero = await fromPractice(api, '0124');
    expect(zero.link.status).toBe('synchronized');
    const dup = await fromPractice(api, '124');
    expect(dup.link).toMatchObject({ status: 'error', error: { code: 'duplicate_number' } });
    expect((await api.get('/accounting/contacts')).body.items).toHaveLength(2);
  });

  it('file numbers compare the same way: M00050 is taken as m50 and M050', async () => {
    const api = await client(newFirm());
    const c = await linkedClient(api);
    expect((await matter(api, c.id, 'M00050')).fileReference).toBe('M00050');
    for (const spelling of ['m00050', 'M50', 'M050']) {
      const dup = await matter(api, c.id, spelling);
      expect(dup.link.status, spelling).toBe('error');
      expect(dup.link.error.code).toBe('duplicate_number');
    }
    expect((await api.get('/accounting/files')).body.items).toHaveLength(1);
  });

  it('a change of spelling of one\'s own number is no renumbering: it is kept, and the number stays held', async () => {
    const api = await client(newFirm());
    const created = await api.post('/accounting/contacts', person('Spelled', { contactNumber: 'abc-1' }));
    const respelled = await api.patch(`/accounting/contacts/${created.body.id}`, { contactNumber: 'ABC-1' });
    expect(respelled.status).toBe(200);
    expect(respelled.body.contactNumber).toBe('ABC-1');
    expect((await api.post('/accounting/contacts', person('Dup', { contactNumber: 'abc-1' }))).status).toBe(409);
    // A real renumbering frees the number in every spelling.
    expect((await api.patch(`/accounting/contacts/${created.body.id}`, { contactNumber: 'abc-2' })).status).toBe(200);
    expect((await api.post('/accounting/contacts', person('Reuses', { contactNumber: 'ABC-1' }))).status).toBe(201);
  });

  it('concurrent automatic and hand-given numbers never share a number in any spelling', async () => {
    const api = await client(newFirm());
    await accountingSettings(api, { integrationEnabled: false });
    for (const n of ['4', '5', '9']) await numbered(api, n);
    const post = (contactNumber?: string) => api.post('/accounting/contacts', person('Racer', contactNumber ? { contactNumber } : {}));
    const replies = await Promise.all([
      ...Array.from({ length: 12 }, () => post()),
      post('2'), post('002'), post('X-1'), post('x-01'), post('7'), post('07'),
    ]);
    expect(replies.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'duplicate_number')), JSON.stringify(replies.map((r) => r.body))).toBe(true);
    expect(replies.slice(0, 12).every((r) => r.status === 201)).toBe(true);
    const numbers = ((await api.get('/accounting/contacts?limit=500')).body.items as any[]).map((c) => c.contactNumber as string);
    expect(new Set(numbers.map(numberKey)).size, numbers.join(' ')).toBe(numbers.length);
    for (const pair of [['2', '002'], ['X-1', 'x-01']]) expect(numbers.filter((n) => pair.includes(n))).toHaveLength(1);
    // 7 may go to an automatic number (a reset to 2 sends the sequence through it); never to two contacts.
    expect(numbers.filter((n) => numberKey(n) === '7')).toHaveLength(1);
  });

  it('a claim written before comparison keys (exact spelling) is never freed by someone else\'s renumbering', async () => {
    const firm = newFirm();
    const api = await client(firm);
    await accountingSettings(api, { integrationEnabled: false });
    const mine = await api.post('/accounting/contacts', person('Mine', { contactNumber: 'old-1' }));
    // As if the claim under old-1's key belonged to another contact (a store from before comparison keys).
    await ddb.send(new PutCommand({
      TableName: stack.tables.accounting,
      Item: { pk: `FIRM#${firm}`, sk: 'NUMBER#CONTACT#client#old-1', ownerId: 'ac_someone_else', number: 'OLD-1' },
    }));
    const moved = await api.patch(`/accounting/contacts/${mine.body.id}`, { contactNumber: 'new-1' });
    expect(moved.status).toBe(200);
    expect(moved.body.contactNumber).toBe('new-1');
    // The other owner's claim stays: the number is still taken.
    expect((await api.post('/accounting/contacts', person('Takes it', { contactNumber: 'OLD-1' }))).status).toBe(409);
    expect((await api.post('/accounting/contacts', person('Takes new', { contactNumber: 'NEW-1' }))).status).toBe(409);
  });

  it('search finds the number as the user typed it, in both books, and by its other spellings', async () => {
    const api = await client(newFirm());
    const typed = await fromPractice(api, 'Acme-007');
    const numeric = await fromPractice(api, '0124');
    await fromPractice(api);
    const ids = async (book: 'practice' | 'accounting', search: string) => {
      const res = await api.get(`/${book}/contacts?search=${encodeURIComponent(search)}`);
      expect(res.status).toBe(200);
      return (res.body.items as any[]).map((c) => (book === 'practice' ? c.id : c.link.otherId)).sort();
    };
    await eventually(async () => ((await ids('accounting', 'Acme-007')).length === 1 ? true : undefined));
    for (const book of ['practice', 'accounting'] as const) {
      for (const search of ['Acme-007', 'acme-007', 'ACME', 'Acme-7']) expect(await ids(book, search), `${book} ${search}`).toEqual([typed.id]);
      for (const search of ['0124', '124']) expect(await ids(book, search), `${book} ${search}`).toEqual([numeric.id]);
    }
  });
});
