import { describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { call, client, newFirm, person, token, settledRecord } from './helpers.ts';

describe('authentication, scopes and firm isolation', () => {
  it('401 without a token, with a garbled one, an expired one, or one signed by someone else', async () => {
    const firm = newFirm();
    expect((await call('GET', '/practice/contacts')).status).toBe(401);
    expect((await call('GET', '/practice/contacts', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await call('GET', '/practice/contacts', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    const expired = await token(firm, 'practice', { expiresIn: -60 });
    const res = await call('GET', '/practice/contacts', { token: expired });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');

    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ firm, scope: 'practice admin' })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setSubject('intruder')
      .setIssuer('https://local.law-billing-sync.dev/')
      .setAudience('law-billing-sync')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await call('GET', '/practice/contacts', { token: forged })).status).toBe(401);
    expect((await call('POST', '/practice/contacts', { token: forged, body: person('x') })).status).toBe(401);
  });

  it('reads need any valid token of the firm; writes need the scope of the book written', async () => {
    const firm = newFirm();
    const reader = await client(firm, 'billing');
    expect((await reader.get('/practice/contacts')).status).toBe(200);
    expect((await reader.get('/accounting/contacts')).status).toBe(200);
    expect((await reader.get('/practice/settings')).status).toBe(200);
    const denied = await reader.post('/practice/contacts', person('No scope'));
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('practice');
    expect((await reader.post('/accounting/contacts', person('No scope'))).status).toBe(403);

    const practice = await client(firm, 'practice');
    expect((await practice.post('/practice/contacts', person('Scoped'))).status).toBe(201);
    expect((await practice.post('/accounting/contacts', person('Wrong book'))).status).toBe(403);
    expect((await practice.put('/practice/settings', { separateContactNumbering: true })).status).toBe(403);
    const admin = await client(firm, 'admin');
    expect((await admin.put('/practice/settings', { separateContactNumbering: true })).status).toBe(200);
    // Only the scoped create was written.
    expect((await reader.get('/practice/contacts')).body.items.map((c: any) => c.name)).toEqual(['Scoped']);
  });

  it("another firm's records are 404, never revealed, and its lists are empty", async () => {
    const mine = await client(newFirm());
    const theirs = await client(newFirm());
    const created = await mine.post('/practice/contacts', person('Private'));
    const linked = await settledRecord(mine, `/practice/contacts/${created.body.id}`);
    for (const path of [`/practice/contacts/${created.body.id}`, `/accounting/contacts/${linked.link.otherId}`]) {
      const res = await theirs.get(path);
      expect(res.status).toBe(404);
      expect(res.body.detail).not.toContain('Private');
    }
    expect((await theirs.patch(`/practice/contacts/${created.body.id}`, { name: 'Hijack' })).status).toBe(404);
    expect((await theirs.patch(`/accounting/contacts/${linked.link.otherId}`, { name: 'Hijack' })).status).toBe(404);
    expect((await theirs.get('/practice/contacts')).body.items).toEqual([]);
    expect((await theirs.get('/accounting/contacts?search=Private')).body.items).toEqual([]);
    const page = await mine.get('/practice/contacts?limit=1');
    expect((await theirs.get(`/practice/contacts?cursor=${encodeURIComponent(page.body.nextCursor ?? 'eyJwayI6IkZJUk0jeCJ9')}`)).status).toBe(400);
    expect((await mine.get(`/practice/contacts/${created.body.id}`)).body.name).toBe('Private');
  });

  it('unknown routes are a 404 problem', async () => {
    const api = await client(newFirm());
    const res = await api.get('/practice/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.status).toBe(404);
  });
});
