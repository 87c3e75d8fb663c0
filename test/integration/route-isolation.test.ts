import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { allRoutes } from '../../lib/api/routes.ts';
import { routeKey, type RouteSpec } from '../../lib/api/route.ts';
import { ALL_SCOPES, eventually, newFirm, stack, token } from './helpers.ts';
import { signWithLocalKey } from '../../infra/local/keys.ts';
import { buildFirm, buildSmallFirm, type FirmFixture, type SmallFirm } from './support/fixture.ts';
import { diffSnapshots, snapshot, type FirmSnapshot } from './support/firm-state.ts';
import { describeReply, problemFlaws, send, type RawReply } from './support/http.ts';
import {
  allScopesBut,
  exampleBody,
  exampleBodies,
  fakeLike,
  hasId,
  isListRoute,
  needsScope,
  pathFor,
  recordKindOf,
  uniq,
  type Refs,
} from './support/route-table.ts';

/**
 * Every route of `allRoutes()`, against one firm (A) holding a record of every
 * kind: no token and bad tokens are 401, a missing scope is 403 and writes
 * nothing, another firm (B) gets 404 for A's ids and empty lists, and nothing
 * of A changes. Routes are iterated, so a new route is covered (or fails the
 * coverage test until it is mapped in support/route-table.ts).
 */

const routes = allRoutes();
const key = (r: RouteSpec) => routeKey(r);

/** Routes whose `{id}` the caller chooses (create-or-replace): another firm gets its own record, not a 404. */
const CLIENT_CHOSEN_ID = new Set(['PUT /practice/system-roles/{id}']);

let A: FirmFixture;
let B: SmallFirm;
let tokenA: string;
let tokenB: string;
let requests = 0;

async function req(method: string, path: string, options: Parameters<typeof send>[2] = {}): Promise<RawReply> {
  requests++;
  return send(method, path, options);
}

/** A request to a route with firm A's ids in the path and a valid body of `refs`. */
function routeRequest(route: RouteSpec, options: { token?: string; refs?: Refs; pathIds?: Refs; headers?: Record<string, string> } = {}) {
  const body = exampleBody(route, options.refs ?? A.ids);
  const path = pathFor(route, options.pathIds ?? A.ids);
  return {
    path,
    body,
    send: () =>
      req(route.method, path, {
        token: options.token,
        ...(body !== undefined ? { json: body } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      }),
  };
}

function expectProblem(reply: RawReply, status: number, what: string) {
  expect(reply.status, `${what}: ${describeReply(reply)}`).toBe(status);
  expect(problemFlaws(reply), `${what}: ${describeReply(reply)}`).toEqual([]);
}

/** A's things (ids, firm id, marker) that a reply shows but the request did not send. */
function leaksOfA(reply: RawReply, requestText: string): string[] {
  const secrets = [A.firm, A.marker, ...Object.values(A.ids)].filter((s) => s.length >= 6);
  return secrets.filter((s) => reply.text.includes(s) && !requestText.includes(s));
}

async function expectAUnchanged(before: FirmSnapshot, what: string) {
  const changes = diffSnapshots(before, await snapshot(A.firm));
  expect(changes, `${what} changed firm ${A.firm}`).toEqual([]);
}

/** When a reply is a job (202), waits for it to end, so whatever it does is visible. */
async function settleJob(reply: RawReply, jobToken: string) {
  if (reply.status !== 202 || typeof reply.json?.id !== 'string') return;
  await eventually(async () => {
    const job = (await req('GET', `/jobs/${reply.json.id}`, { token: jobToken })).json;
    return ['succeeded', 'failed', 'partially_failed'].includes(job?.status) ? job : undefined;
  }, 30_000, `job ${reply.json.id}`);
}

let started = 0;
beforeAll(async () => {
  started = Date.now();
  [A, B] = await Promise.all([buildFirm({ label: 'A' }), buildSmallFirm()]);
  tokenA = A.api.token;
  tokenB = B.api.token;
  console.info(`route-isolation: fixtures built in ${Date.now() - started} ms (firm A ${A.firm}, firm B ${B.firm})`);
}, 180_000);

afterAll(() => {
  console.info(`route-isolation: ${requests} requests in ${Date.now() - started} ms`);
});

describe('route isolation: the route table', () => {
  it('maps every {id} route to a record kind and has a schema-valid example body for every body route', () => {
    const problems: string[] = [];
    for (const route of routes) {
      try {
        if (hasId(route)) recordKindOf(route);
        if (route.body) {
          const body = exampleBody(route, A.ids);
          const parsed = route.body.safeParse(body);
          if (!parsed.success) problems.push(`${key(route)}: example body is invalid: ${parsed.error.message}`);
        } else if (exampleBodies[key(route)]) {
          problems.push(`${key(route)}: has an example body but the route takes none`);
        }
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });

  it('firm A holds every record the routes name (each one reads back 200)', async () => {
    const { ids } = A;
    const probes: [string, string, (body: any) => boolean][] = [
      ['job', `/jobs/${ids.job}`, (b) => b.id === ids.job],
      ['practiceContact', `/practice/contacts/${ids.practiceContact}`, (b) => b.link.status === 'synchronized'],
      ['accountingContact', `/accounting/contacts/${ids.accountingContact}`, (b) => b.link.otherId === ids.practiceContact],
      ['matter', `/practice/matters/${ids.matter}`, (b) => b.link.otherId === ids.file],
      ['file', `/accounting/files/${ids.file}`, (b) => b.id === ids.file],
      ['timeEntry', `/practice/time-entries/${ids.timeEntry}`, (b) => b.status === 'open'],
      ['exportedTimeEntry', `/practice/time-entries/${ids.exportedTimeEntry}`, (b) => b.status === 'billed'],
      ['rateLabel', '/practice/rate-labels', (b) => b.items.some((l: any) => l.id === ids.rateLabel)],
      ['obsoleteRateLabel', '/practice/rate-labels', (b) => b.items.some((l: any) => l.id === ids.obsoleteRateLabel)],
      ['user', '/practice/users', (b) => b.items.some((u: any) => u.id === ids.user)],
      ['accountingUser', '/accounting/users', (b) => b.items.some((u: any) => u.id === ids.accountingUser)],
      ['systemRole', '/practice/system-roles', (b) => b.items.some((r: any) => r.id === ids.systemRole)],
      ['quickCode', '/practice/quick-codes', (b) => b.items.some((q: any) => q.code === ids.quickCode)],
      ['ledgerEntry', `/accounting/files/${ids.file}/ledger?status=unbilled`, (b) => b.items.some((l: any) => l.id === ids.ledgerEntry)],
      ['disbursement', `/accounting/files/${ids.file}/disbursements`, (b) => b.items.some((d: any) => d.id === ids.disbursement)],
      ['draftBill', `/accounting/bills/${ids.draftBill}`, (b) => b.status === 'draft'],
      ['finalizedBill', `/billing/bills/${ids.finalizedBill}`, (b) => b.status === 'finalized' && b.paid === '10.00'],
    ];
    for (const [kind, path, check] of probes) {
      const reply = await req('GET', path, { token: tokenA });
      expect(reply.status, `${kind} ${path}: ${describeReply(reply)}`).toBe(200);
      expect(check(reply.json), `${kind} ${path}: ${describeReply(reply)}`).toBe(true);
    }
  });

  it('firm A is quiet: its items do not change while nobody writes', async () => {
    const before = await snapshot(A.firm);
    await new Promise((r) => setTimeout(r, 1000));
    await expectAUnchanged(before, 'waiting a second');
  });

  it('presigned document links expire within 15 minutes and their keys do not carry the firm id', async () => {
    const bill = (await req('GET', `/billing/bills/${A.ids.finalizedBill}`, { token: tokenA })).json;
    expect(bill.documents.map((d: any) => d.kind).sort()).toEqual(['invoice_pdf', 'ledes']);
    for (const doc of bill.documents) {
      const url = new URL(doc.url);
      const expires = Number(url.searchParams.get('X-Amz-Expires'));
      expect(expires, doc.url).toBeGreaterThan(0);
      expect(expires, doc.url).toBeLessThanOrEqual(900);
      expect(url.searchParams.get('X-Amz-Signature'), doc.url).toBeTruthy();
      const key = decodeURIComponent(url.pathname);
      expect(key, 'object key').not.toContain(A.firm);
      expect(key, 'object key').not.toContain(A.firm.slice('firm-'.length));
      const object = await fetch(doc.url);
      expect(object.status, doc.url).toBe(200);
      await object.arrayBuffer();
    }
  });

  it('every read route answers firm A 200 with its own ids, with a token of any (even no) scope', async () => {
    const noScope = await token(A.firm, '');
    for (const route of routes.filter((r) => r.access === 'read')) {
      const reply = await routeRequest(route, { token: noScope }).send();
      expect(reply.status, `${key(route)}: ${describeReply(reply)}`).toBe(200);
    }
  });
});

const now = () => Math.floor(Date.now() / 1000);
/** The claims of a good token of firm A (each bad token below breaks one rule). */
const good = () => ({
  sub: 'user-1', firm: A.firm, scope: ALL_SCOPES, iss: 'https://local.law-billing-sync.dev/', aud: 'law-billing-sync', iat: now(), exp: now() + 3600,
});

describe('route isolation: 401 without a valid token', () => {
  const badTokens: [string, string | undefined][] = [];
  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('RS256');
    badTokens.push(
      ['no token', undefined],
      ['a garbled token', 'not.a.jwt'],
      ['an expired token', await token(A.firm, ALL_SCOPES, { expiresIn: -60 })],
      [
        'a token signed by another RSA key',
        await new SignJWT({ firm: A.firm, scope: ALL_SCOPES })
          .setProtectedHeader({ alg: 'RS256', kid: 'local-1', typ: 'JWT' })
          .setSubject('intruder')
          .setIssuer('https://local.law-billing-sync.dev/')
          .setAudience('law-billing-sync')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(privateKey),
      ],
      [
        'an unsigned (alg none) token',
        new UnsecuredJWT({ firm: A.firm, scope: ALL_SCOPES })
          .setSubject('intruder')
          .setIssuer('https://local.law-billing-sync.dev/')
          .setAudience('law-billing-sync')
          .setExpirationTime('1h')
          .encode(),
      ],
      ['a token without a firm', await token('', ALL_SCOPES)],
      // API Gateway's JWT authorizer rules (infra/local/keys.ts localVerifier): what it refuses, the local stack refuses.
      ['a token whose kid is not in the JWKS', await signWithLocalKey(stack.keyDir, good(), { kid: 'local-2', alg: 'RS256' })],
      ['a token without a kid', await signWithLocalKey(stack.keyDir, good(), { alg: 'RS256' })],
      ['a token without exp', await signWithLocalKey(stack.keyDir, { ...good(), exp: undefined })],
      ['a token issued ten years ahead', await signWithLocalKey(stack.keyDir, { ...good(), iat: now() + 10 * 365 * 86_400 })],
      ['a token not valid before an hour from now', await signWithLocalKey(stack.keyDir, { ...good(), nbf: now() + 3600 })],
      ['a token for another audience', await signWithLocalKey(stack.keyDir, { ...good(), aud: 'someone-else' })],
      ['a token from another issuer', await signWithLocalKey(stack.keyDir, { ...good(), iss: 'https://evil.example/' })],
    );
  });

  for (const route of routes.filter((r) => r.access !== 'public')) {
    it(`${key(route)}`, async () => {
      const before = route.method === 'GET' ? undefined : await snapshot(A.firm);
      const replies = await Promise.all(badTokens.map(([, t]) => routeRequest(route, t ? { token: t } : {}).send()));
      replies.forEach((reply, i) => expectProblem(reply, 401, `${key(route)} with ${badTokens[i]![0]}`));
      if (before) await expectAUnchanged(before, `${key(route)} without a valid token`);
    });
  }

  it('a token with client_id and no aud passes, as API Gateway takes client_id when aud is absent', async () => {
    const { aud: _a, ...claims } = good();
    const reply = await req('GET', '/accounting/settings', { token: await signWithLocalKey(stack.keyDir, { ...claims, client_id: 'law-billing-sync' }) });
    expect(reply.status).toBe(200);
  });

  it('public routes need no token', async () => {
    for (const route of routes.filter((r) => r.access === 'public')) {
      const reply = await req(route.method, route.path);
      expect(reply.status, key(route)).toBe(200);
    }
  });
});

describe('route isolation: 403 without the route\'s scope, and nothing written', () => {
  for (const route of routes.filter(needsScope)) {
    it(`${key(route)} needs "${route.access}"`, async () => {
      const before = await snapshot(A.firm);
      const scopes = [allScopesBut(route.access), ''];
      const replies = await Promise.all(scopes.map(async (scope) => routeRequest(route, { token: await token(A.firm, scope) }).send()));
      replies.forEach((reply, i) => {
        expectProblem(reply, 403, `${key(route)} with scope "${scopes[i]}"`);
        expect(reply.json.detail, key(route)).toContain(route.access);
      });
      await expectAUnchanged(before, `${key(route)} refused with 403`);
    });
  }
});

describe('route isolation: If-Match proves each PUT/PATCH {id} names an existing record of A (412, nothing written)', () => {
  for (const route of routes.filter((r) => hasId(r) && r.conditional && (r.method === 'PUT' || r.method === 'PATCH'))) {
    it(`${key(route)}`, async () => {
      const before = await snapshot(A.firm);
      const reply = await routeRequest(route, { token: tokenA, headers: { 'if-match': '"999999"' } }).send();
      expectProblem(reply, 412, `${key(route)} with a stale If-Match`);
      await expectAUnchanged(before, `${key(route)} with a stale If-Match`);
    });
  }
});

/**
 * Bodies of firm B that name A's records must be answered exactly as if they
 * named records that do not exist (same status, problem code and error
 * paths), and change nothing of A.
 */
interface CrossReference {
  route: string;
  /** The path, for routes with {id}: B's own record. */
  path?: (b: SmallFirm['ids']) => string;
  body: (x: Refs, b: SmallFirm['ids'], u: string) => Record<string, unknown>;
}

const crossReferences: CrossReference[] = [
  { route: 'POST /practice/matters', body: (x, _b, u) => ({ name: `M ${u}`, clientIds: [x.practiceContact] }) },
  {
    route: 'POST /practice/time-entries',
    body: (x, b, u) => ({ matterId: x.matter, timekeeperId: b.user, date: '2026-11-07', description: `W ${u}`, hours: '0.5', behavior: 'bill' }),
  },
  {
    route: 'POST /practice/time-entries',
    body: (x, _b, u) => ({ matterId: x.matter, timekeeperId: x.user, date: '2026-11-07', description: `W ${u}`, hours: '0.5', behavior: 'bill' }),
  },
  { route: 'POST /practice/billing/time-exports', body: (x) => ({ matterId: x.matter }) },
  { route: 'POST /practice/billing/time-exports', body: (x) => ({ timekeeperId: x.user }) },
  { route: 'POST /accounting/bills', body: (x) => ({ fileId: x.file }) },
  { route: 'POST /billing/production/produce', body: (x) => ({ billIds: [x.draftBill] }) },
  { route: 'POST /billing/production/revert', body: (x) => ({ billIds: [x.draftBill] }) },
  { route: 'POST /billing/ebilling', body: (x) => ({ billIds: [x.finalizedBill] }) },
  { route: 'POST /practice/users', body: (x, _b, u) => ({ name: `U ${u}`, email: `u.${u}@b.test`, defaultRateLabelId: x.rateLabel }) },
  { route: 'POST /practice/users', body: (x, _b, u) => ({ name: `U ${u}`, email: `v.${u}@b.test`, systemRoleId: x.systemRole }) },
  {
    route: 'POST /practice/users',
    body: (x, _b, u) => ({ name: `U ${u}`, email: `w.${u}@b.test`, customRates: [{ rateLabelId: x.rateLabel, value: '1.00' }] }),
  },
  { route: 'POST /practice/quick-codes', body: (x, b, u) => ({ code: `X${u}`, description: 'x', rateLabelByRole: { [b.systemRole]: x.rateLabel } }) },
  {
    route: 'POST /practice/rate-labels',
    body: (x, _b, u) => ({ name: `L ${u}`, type: 'hourly', baseValue: '1.00', timekeeperValues: [{ userId: x.user, value: '1.00' }] }),
  },
  { route: 'POST /practice/contacts', body: (x, _b, u) => ({ kind: 'person', name: `P ${u}`, rateOverrides: [{ rateLabelId: x.rateLabel, value: '1.00' }] }) },
  {
    route: 'POST /practice/matters',
    body: (x, b, u) => ({ name: `M ${u}`, clientIds: [b.practiceContact], billing: { rateLabelId: x.rateLabel } }),
  },
  {
    route: 'POST /practice/matters',
    body: (x, b, u) => ({ name: `M ${u}`, clientIds: [b.practiceContact], billing: { rateOverrides: [{ rateLabelId: x.rateLabel, value: '1.00' }] } }),
  },
  { route: 'PATCH /practice/users/{id}', path: (b) => `/practice/users/${b.user}`, body: (x) => ({ defaultRateLabelId: x.rateLabel }) },
  { route: 'PATCH /practice/users/{id}', path: (b) => `/practice/users/${b.user}`, body: (x) => ({ systemRoleId: x.systemRole }) },
  {
    route: 'PUT /practice/system-roles/{id}',
    path: (b) => `/practice/system-roles/${b.systemRole}`,
    body: (x) => ({ name: 'B role', defaultRateLabelId: x.rateLabel }),
  },
  {
    route: 'PATCH /practice/contacts/{id}',
    path: (b) => `/practice/contacts/${b.practiceContact}`,
    body: (x) => ({ rateOverrides: [{ rateLabelId: x.rateLabel, value: '1.00' }] }),
  },
  {
    route: 'PATCH /practice/rate-labels/{id}',
    path: (b) => `/practice/rate-labels/${b.rateLabel}`,
    body: (x) => ({ timekeeperValues: [{ userId: x.user, value: '1.00' }] }),
  },
  {
    route: 'DELETE /practice/rate-labels/{id}',
    path: (b) => `/practice/rate-labels/${b.spareRateLabel}`,
    body: (x) => ({ mergeIntoId: x.rateLabel, reason: 'merge into a stranger' }),
  },
];

const outcome = (reply: RawReply) => ({
  status: reply.status,
  code: reply.json?.code,
  paths: Array.isArray(reply.json?.errors) ? reply.json.errors.map((e: any) => e.path).sort() : undefined,
});

describe("route isolation: B's bodies naming A's records are answered as if they named nothing", () => {
  it('covers only existing routes', () => {
    const known = new Set(routes.map(key));
    expect(crossReferences.map((c) => c.route).filter((r) => !known.has(r))).toEqual([]);
  });

  for (const [i, c] of crossReferences.entries()) {
    it(`${c.route} #${i}`, async () => {
      const route = routes.find((r) => key(r) === c.route)!;
      const path = c.path ? c.path(B.ids) : route.path;
      const real = A.ids as Refs;
      const fake = Object.fromEntries(Object.entries(A.ids).map(([k, v]) => [k, fakeLike(v)])) as Refs;
      const before = await snapshot(A.firm);
      const withA = c.body(real, B.ids, uniq());
      const replyA = await req(route.method, path, { token: tokenB, json: withA });
      await settleJob(replyA, tokenB);
      const withFake = c.body(fake, B.ids, uniq());
      const replyFake = await req(route.method, path, { token: tokenB, json: withFake });
      await settleJob(replyFake, tokenB);
      expect(replyA.status, `A's ids: ${describeReply(replyA)}`).toBeLessThan(500);
      expect(outcome(replyA), `A's ids: ${describeReply(replyA)}\nmissing ids: ${describeReply(replyFake)}`).toEqual(outcome(replyFake));
      expect(leaksOfA(replyA, path + JSON.stringify(withA)), 'leaked to firm B').toEqual([]);
      await expectAUnchanged(before, `${c.route} by firm B naming A's records`);
    });
  }
});

describe("route isolation: another firm never reaches A's records", () => {
  for (const route of routes.filter((r) => r.access !== 'public')) {
    if (hasId(route) && !CLIENT_CHOSEN_ID.has(key(route))) {
      it(`${key(route)} with A's ${recordKindOf(route)} → 404`, async () => {
        const before = await snapshot(A.firm);
        const request = routeRequest(route, { token: tokenB, refs: B.ids });
        const reply = await request.send();
        expectProblem(reply, 404, `${key(route)} by firm B on A's record`);
        expect(leaksOfA(reply, request.path + JSON.stringify(request.body ?? '')), 'leaked to firm B').toEqual([]);
        await expectAUnchanged(before, `${key(route)} by firm B`);
      });
    } else if (hasId(route)) {
      it(`${key(route)} with A's ${recordKindOf(route)} id → B's own record, A's untouched`, async () => {
        const before = await snapshot(A.firm);
        const request = routeRequest(route, { token: tokenB, refs: B.ids });
        const reply = await request.send();
        expect(reply.status, describeReply(reply)).toBeLessThan(300);
        expect(leaksOfA(reply, request.path + JSON.stringify(request.body ?? '')), 'leaked to firm B').toEqual([]);
        await expectAUnchanged(before, `${key(route)} by firm B`);
      });
    } else if (isListRoute(route)) {
      it(`${key(route)} lists nothing of A`, async () => {
        const empty = await token(newFirm(), ALL_SCOPES);
        const reply = await req('GET', route.path, { token: empty });
        expect(reply.status, describeReply(reply)).toBe(200);
        expect(reply.json).toEqual({ items: [], nextCursor: null });
        const own = await req('GET', route.path, { token: tokenB });
        expect(own.status, describeReply(own)).toBe(200);
        // B made a system role under A's role id itself (role ids are the client's choice): not a leak.
        expect(leaksOfA(own, A.ids.systemRole), `${key(route)} for firm B`).toEqual([]);
      });
    } else {
      it(`${key(route)} acts on B only`, async () => {
        const before = await snapshot(A.firm);
        const request = routeRequest(route, { token: tokenB, refs: B.ids });
        const reply = await request.send();
        expect(reply.status, describeReply(reply)).toBeLessThan(500);
        if (reply.status >= 400) expect(problemFlaws(reply), describeReply(reply)).toEqual([]);
        expect(leaksOfA(reply, request.path + JSON.stringify(request.body ?? '')), 'leaked to firm B').toEqual([]);
        await settleJob(reply, tokenB);
        await expectAUnchanged(before, `${key(route)} by firm B`);
      });
    }
  }
});

