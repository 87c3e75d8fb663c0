import { describe, expect, it } from 'vitest';
import { ALL_SCOPES, call, client, newFirm, person, stack } from './helpers.ts';
import { mintToken } from '../../infra/local/keys.ts';

/**
 * Input a client did not mean, refused through the local stack with a 4xx
 * that says why, and nothing written: lenient parsing (hex page sizes,
 * leading zeros, years 0000 and 9999, non-JSON content types, broken UTF-8,
 * lone surrogates, absurd nesting) and claims that were never strings.
 */

/** A raw request with the firm's token: bytes and headers exactly as given. */
async function raw(token: string, method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string>) {
  const res = await fetch(stack.url + path, { method, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body !== undefined ? { body } : {}) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
}

const contactsOf = async (api: Awaited<ReturnType<typeof client>>) => (await api.get('/practice/contacts')).body.items as unknown[];

describe('lenient input is refused, and nothing is written', () => {
  it('a body that is not declared JSON is a 415', async () => {
    const api = await client(newFirm());
    const body = JSON.stringify(person('Plain Text'));
    for (const headers of [{ 'content-type': 'text/plain' }, {}, { 'content-type': 'application/x-www-form-urlencoded' }] as Record<string, string>[]) {
      const res = await raw(api.token, 'POST', '/practice/contacts', body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(415);
      expect(res.body.code).toBe('unsupported_media_type');
    }
    expect(await contactsOf(api)).toEqual([]);
    // The same body declared JSON (with a charset) is taken.
    expect((await raw(api.token, 'POST', '/practice/contacts', body, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it('bytes that are not UTF-8 and lone surrogates are a 400, never stored as U+FFFD or half a character', async () => {
    const api = await client(newFirm());
    const latin1 = Buffer.concat([Buffer.from('{"kind":"person","name":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const broken = await raw(api.token, 'POST', '/practice/contacts', latin1, { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/not valid UTF-8/);
    const surrogate = await raw(api.token, 'POST', '/practice/contacts', '{"kind":"person","name":"\\ud800"}', { 'content-type': 'application/json' });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.detail).toMatch(/lone surrogate/);
    expect(await contactsOf(api)).toEqual([]);
    // Real non-ASCII text, escaped or not, is of course fine.
    const ok = await raw(api.token, 'POST', '/practice/contacts', '{"kind":"person","name":"Łódź \\ud83d\\ude00"}', { 'content-type': 'application/json' });
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('Łódź 😀');
  });

  it('10,000-deep nesting says what is wrong', async () => {
    const api = await client(newFirm());
    const deep = `{"kind":"person","name":"x","address":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await raw(api.token, 'POST', '/practice/contacts', deep, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/more than 32 levels deep/);
    expect(res.body.detail).not.toMatch(/call stack/i);
    expect(await contactsOf(api)).toEqual([]);
  });

  it('page sizes in decimal digits only', async () => {
    const api = await client(newFirm());
    for (const limit of ['0x10', '1e2', '%205', '0', '501', '-1', '5.0']) {
      const res = await api.get(`/practice/contacts?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(res.body.errors[0].path).toBe('limit');
    }
    expect((await api.get('/practice/contacts?limit=5')).status).toBe(200);
    // Every list route, the ones with their own query schemas too.
    for (const path of ['/practice/time-entries?limit=0x10', '/practice/matters?limit=1e2', '/practice/users?limit=%205']) {
      const res = await api.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.errors[0].path).toBe('limit');
    }
  });

  it('money with leading zeros is refused, so only canonical amounts are stored and echoed', async () => {
    const api = await client(newFirm());
    for (const baseValue of ['00.10', '000000000001.00', '01.00']) {
      const res = await api.post('/practice/rate-labels', { name: `Label ${baseValue}`, type: 'hourly', baseValue });
      expect(res.status, baseValue).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'baseValue', message: expect.stringMatching(/no leading zeros/) });
    }
    expect((await api.get('/practice/rate-labels')).body.items).toEqual([]);
    const ok = await api.post('/practice/rate-labels', { name: 'Tenth', type: 'hourly', baseValue: '0.10' });
    expect(ok.status).toBe(201);
    expect(ok.body.baseValue).toBe('0.10');
  });

  it('dates stay in 1900–2199', async () => {
    const api = await client(newFirm());
    for (const from of ['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01']) {
      const res = await api.get(`/practice/time-entries?from=${from}`);
      expect(res.status, from).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'from', message: 'must be a date from 1900 to 2199' });
    }
    expect((await api.get('/practice/time-entries?from=1900-01-01&to=2199-12-31')).status).toBe(200);
  });
});

describe('claims that were never strings', () => {
  const tokenWith = (claims: Record<string, unknown>) =>
    mintToken(stack.keyDir, { firm: 'placeholder', user: 'u1', scope: ALL_SCOPES, ...claims } as never);

  it('firm, sub and scope of another type are a 401, so two odd tokens can never share a firm', async () => {
    const firm = newFirm();
    const api = await client(firm);
    expect((await api.post('/practice/contacts', person('Only Mine'))).status).toBe(201);

    const odd: Record<string, unknown>[] = [
      { firm: { id: firm } }, { firm: { other: 1 } }, { firm: [firm] }, { firm: ['x', 'y'] }, { firm: 42 }, { firm: null },
      { firm: '[object Object]' }, { firm: 'null' }, { firm: `${firm}#x` },
      { scope: ['practice', 'admin'] }, { scope: { practice: true } },
    ];
    for (const claims of odd) {
      const res = await call('GET', '/practice/contacts', { token: await tokenWith(claims) });
      expect(res.status, JSON.stringify(claims)).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    }
  });
});
