import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod';
import { allRoutes } from '../../lib/api/routes.ts';
import { routeKey, type RouteSpec } from '../../lib/api/route.ts';
import { CreateQueueCommand, DeleteQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { client, newFirm, settledRecord, sqs } from './helpers.ts';
import { outboxEntry } from '../../lib/sync/outbox.entity.ts';
import { buildFirm, type FirmFixture } from './support/fixture.ts';
import { bookCounts, firmCounts, firmItems, keysNamed, stableJson, waitQuiet } from './support/firm-state.ts';
import { describeReply, problemFlaws, send, type RawReply } from './support/http.ts';
import {
  acceptable,
  applyMutations,
  byteLength,
  describeMutations,
  hostileQueryValue,
  malformedBodies,
  MAX_BODY_BYTES,
  mutationsOf,
  queryKeys,
  Raw,
  rawQueries,
  schemaThrows,
  SQS_UNSAFE,
  sqsUnsafe,
  toJson,
} from './support/hostile.ts';
import { exampleBodies, exampleBody, hasId, isListRoute, pathFor } from './support/route-table.ts';

/**
 * Property-based fuzzing of every route with a body (and of the query of
 * every list route), against one firm that holds a record of every kind:
 * each request starts from the route's valid example body and mutates it with
 * hostile values, or is random JSON or a malformed body. For every request:
 * never a 5xx; every 4xx a problem document (400s with `errors[].path`); a 4xx
 * writes nothing; an invalid body is a 400 (413 above 256 KB); a 2xx only for
 * a body that really is valid. Fixed seed, bounded runs: deterministic.
 *
 * FUZZ_SEED and FUZZ_RUNS override the seed and the runs per route.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);

const routes = allRoutes();
const bodyRoutes = routes.filter((r) => r.body);
const listRoutes = routes.filter(isListRoute);
const key = (r: RouteSpec) => routeKey(r);

/** A per-route seed, so routes do not all get the same sequence. */
const seedOf = (r: RouteSpec) => [...key(r)].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);

let F: FirmFixture;
let tok: string;
let requests = 0;
let started = 0;
/** 4xx replies during which the counts moved, cleared by a quiet replay (sync work of an earlier 2xx landing). */
let suspicions = 0;
/** Mutated bodies that happened to be valid and were carried out. */
let accepted = 0;
/** Valid bodies with text the queues cannot carry, not sent (they would stall every firm's sync). */
let withheld = 0;

beforeAll(async () => {
  started = Date.now();
  F = await buildFirm({ label: 'H' });
  tok = F.api.token;
  console.info(`hostile-input: fixture built in ${Date.now() - started} ms (firm ${F.firm}), seed ${SEED}, ${RUNS} runs per route`);
}, 180_000);

afterAll(() => {
  console.info(`hostile-input: ${requests} requests in ${Date.now() - started} ms; ${accepted} bodies accepted (2xx); ${withheld} valid bodies with SQS-unsafe text withheld; ${suspicions} write suspicions cleared by a replay`);
});

type Counts = Record<string, number>;
const countsFor = async (route: RouteSpec): Promise<Counts> => ({ ...(route.status === 202 ? await firmCounts(F.firm) : await bookCounts(F.firm)) });

async function request(route: RouteSpec, path: string, body: string | Uint8Array | undefined, headers?: Record<string, string>) {
  requests++;
  return send(route.method, path, { token: tok, ...(body !== undefined ? { raw: body } : {}), ...(headers ? { headers } : {}) });
}

/**
 * Sends one body and checks the reply against the contract. Returns what is
 * wrong ([] when nothing is). A 4xx that changed the firm's item counts is
 * replayed once the books are quiet, so sync work left over from an earlier
 * 2xx is not blamed on it.
 */
async function probe(
  route: RouteSpec,
  path: string,
  body: string | Uint8Array,
  options: { expectValid?: boolean } = {},
): Promise<{ reply: RawReply | undefined; problems: string[] }> {
  if (byteLength(body) <= MAX_BODY_BYTES && acceptable(route.body!, body) && sqsUnsafe(body)) {
    // Would be carried out, and its text would then block the shared stack's sync relay for every firm
    // (see 'text the books exchange'): not sent. Counted, and covered by that test instead.
    withheld++;
    return { reply: undefined, problems: [] };
  }
  const before = await countsFor(route);
  const reply = await request(route, path, body);
  const after = await countsFor(route);
  const problems: string[] = [];
  const size = byteLength(body);
  const valid = size <= MAX_BODY_BYTES && acceptable(route.body!, body);
  if (reply.status >= 500) problems.push(`answered ${reply.status}`);
  if (size > MAX_BODY_BYTES && reply.status !== 413) problems.push(`a ${size}-byte body answered ${reply.status}, not 413`);
  if (size <= MAX_BODY_BYTES && !valid && reply.status !== 400) problems.push(`an invalid body answered ${reply.status}, not 400`);
  if (options.expectValid && !valid) problems.push('the test expected this body to be valid');
  const thrown = schemaThrows(route.body!, body);
  if (thrown) problems.push(`the route's zod schema throws on this body instead of reporting an issue: ${thrown}`);
  if (reply.status >= 400 && reply.status < 500) problems.push(...problemFlaws(reply));
  if (reply.status < 300) accepted++;
  if (reply.status >= 400 && reply.status < 500 && stableJson(before) !== stableJson(after)) {
    // Confirm: let the books settle, then replay the same request and look again.
    await waitQuiet(F.firm, { stableMs: 1_000, maxMs: 15_000, full: false });
    const again = await countsFor(route);
    const replay = await request(route, path, body);
    const final = await countsFor(route);
    if (stableJson(again) !== stableJson(final)) {
      problems.push(`a ${reply.status} wrote: counts ${stableJson(before)} → ${stableJson(after)}; replayed (${replay.status}): ${stableJson(again)} → ${stableJson(final)}`);
    } else suspicions++;
  }
  return { reply, problems };
}

const show = (body: string | Uint8Array) => {
  const text = typeof body === 'string' ? body : `bytes ${[...body].join(',')}`;
  return text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
};

describe('hostile input: the example bodies', () => {
  it('every body route has a valid example body', () => {
    for (const route of bodyRoutes) {
      const body = exampleBody(route, F.ids);
      expect(route.body!.safeParse(body).success, key(route)).toBe(true);
      expect(acceptable(route.body!, toJson(body)), key(route)).toBe(true);
    }
  });
});

describe('hostile input: prototype pollution', () => {
  const POLLUTION = '"__proto__":{"admin":true,"firmId":"firm-evil","isAdmin":true},"constructor":{"prototype":{"admin":true}}';

  for (const route of bodyRoutes) {
    it(`${key(route)}: __proto__ and constructor keys are ignored, answered like the clean body`, async () => {
      const path = pathFor(route, F.ids);
      const clean = toJson(exampleBody(route, F.ids));
      const cleanOther = toJson(exampleBody(route, F.ids));
      const polluted = cleanOther === '{}' ? `{${POLLUTION}}` : `{${POLLUTION},${cleanOther.slice(1)}`;
      const first = await probe(route, path, polluted, { expectValid: true });
      expect(first.problems, `${key(route)} ${show(polluted)}: ${describeReply(first.reply!)}`).toEqual([]);
      expect(first.reply!.text, 'reply').not.toMatch(/"admin"|"isAdmin"|firm-evil/);
      if (route.method !== 'DELETE') {
        const second = await probe(route, path, clean);
        expect(second.problems, `${key(route)} ${show(clean)}: ${describeReply(second.reply!)}`).toEqual([]);
        expect(first.reply!.status, `polluted: ${describeReply(first.reply!)}\nclean: ${describeReply(second.reply!)}`).toBe(second.reply!.status);
      } else {
        expect(first.reply!.status, describeReply(first.reply!)).toBeLessThan(300);
      }
    });
  }

  it('no stored item of the firm has an "admin" or "isAdmin" field, or the firm "firm-evil"', async () => {
    await waitQuiet(F.firm, { stableMs: 500, maxMs: 10_000, full: false });
    const items = [...(await firmItems(F.firm)).values()];
    expect(items.flatMap((item) => [...keysNamed(item, 'admin'), ...keysNamed(item, 'isAdmin')]).length).toBe(0);
    expect(items.filter((item) => JSON.stringify(item).includes('firm-evil'))).toEqual([]);
  });
});

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

describe('hostile input: size and depth limits', () => {
  for (const route of bodyRoutes) {
    it(`${key(route)}: a 300 KB body → 413, 5,000 levels of nesting in a field → 400`, async () => {
      const path = pathFor(route, F.ids);
      const base = exampleBody(route, F.ids)!;
      const firstField = Object.keys(base)[0] ?? 'field';
      const bodies = [toJson({ ...base, padding: 'x'.repeat(300 * 1024) }), toJson({ ...base, [firstField]: new Raw(deepArray(5_000)) })];
      const problems: string[] = [];
      for (const body of bodies) {
        const { reply, problems: p } = await probe(route, path, body);
        if (p.length) problems.push(`${show(body)} (${byteLength(body)} bytes): ${p.join('; ')} — ${describeReply(reply)}`);
      }
      expect(problems).toEqual([]);
    });
  }

  // The limit and the JSON parser are shared by every route of a function: once per function (by a route whose body
  // is required: a route that takes no body as "all", like POST /billing/production/preview, answers 200 without one).
  const byFn = new Map<string, RouteSpec>();
  for (const route of bodyRoutes) if (!byFn.has(route.fn) && !route.bodyOptional) byFn.set(route.fn, route);
  for (const route of byFn.values()) {
    it(`${route.fn} (${key(route)}): exactly 256 KB → not 413, one byte more → 413; 5,000/60,000-deep bodies → 400; 300 KB of emoji → 413`, async () => {
      const path = pathFor(route, F.ids);
      const base = exampleBody(route, F.ids)!;
      const firstField = Object.keys(base)[0] ?? 'field';
      const pad = MAX_BODY_BYTES - Buffer.byteLength(toJson({ ...base, padding: '' }));
      const bodies = [
        toJson({ ...base, padding: 'y'.repeat(pad) }),
        toJson({ ...base, padding: 'y'.repeat(pad + 1) }),
        deepArray(5_000),
        deepObject(5_000),
        deepArray(60_000),
        toJson({ ...base, [firstField]: '😀'.repeat(80 * 1024) }),
      ];
      const problems: string[] = [];
      for (const body of bodies) {
        const { reply, problems: p } = await probe(route, path, body);
        if (p.length) problems.push(`${show(body)} (${byteLength(body)} bytes): ${p.join('; ')} — ${describeReply(reply)}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('a body above the gateway limit (10 MB) is a 413 problem and writes nothing', async () => {
    const route = routes.find((r) => key(r) === 'POST /practice/contacts')!;
    const { reply, problems } = await probe(route, route.path, toJson({ kind: 'person', name: 'x'.repeat(10 * 1024 * 1024 + 10) }));
    expect(problems, describeReply(reply)).toEqual([]);
    expect(reply?.status).toBe(413);
  });

  it('malformed raw bodies, and no body at all, are 400 problems (the body parser is shared by every function)', async () => {
    const route = routes.find((r) => key(r) === 'POST /practice/contacts')!;
    const problems: string[] = [];
    for (const body of malformedBodies) {
      const { reply, problems: p } = await probe(route, route.path, body);
      if (p.length) problems.push(`${show(body)}: ${p.join('; ')} — ${describeReply(reply)}`);
    }
    for (const r of [...byFn.values()]) {
      requests++;
      const none = await send(r.method, pathFor(r, F.ids), { token: tok });
      if (none.status !== 400 || problemFlaws(none).length) problems.push(`${key(r)} without a body: ${describeReply(none)} ${problemFlaws(none).join('; ')}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('hostile input: fuzzed bodies (fast-check)', () => {
  for (const route of bodyRoutes) {
    it(`${key(route)}`, async () => {
      const path = pathFor(route, F.ids);
      const shape = exampleBody(route, F.ids, 'shape');
      const seed = seedOf(route);
      const found: string[] = [];
      let run = 0;
      await fc.assert(
        fc.asyncProperty(mutationsOf(shape), async (mutations) => {
          run++;
          const body = applyMutations(exampleBody(route, F.ids), mutations);
          const { reply, problems } = await probe(route, path, body);
          if (problems.length) {
            found.push(`run ${run}: ${describeMutations(mutations)}\n    body: ${show(body)}\n    → ${problems.join('\n    → ')}\n    reply: ${describeReply(reply)}`);
          }
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      expect(found, `${key(route)} — fast-check seed ${seed} (FUZZ_SEED=${SEED}), ${RUNS} runs`).toEqual([]);
    });
  }
});

/** The query the handler sees: API Gateway joins repeated keys with commas. */
function queryObject(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    if (k === '__proto__') continue;
    out[k] = Object.prototype.hasOwnProperty.call(out, k) ? `${out[k]},${v}` : v;
  }
  return out;
}

function queryFlaws(route: RouteSpec, search: string, reply: RawReply): string[] {
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`answered ${reply.status}`);
  if (reply.status >= 400 && reply.status < 500) problems.push(...problemFlaws(reply));
  if (reply.status === 200 && (!Array.isArray(reply.json?.items) || !('nextCursor' in reply.json))) problems.push('a 200 that is not a list page');
  if (route.query) {
    const parsed = route.query.safeParse(queryObject(search));
    if (!parsed.success && reply.status !== 400) problems.push(`an invalid query answered ${reply.status}, not 400`);
    if (parsed.success && reply.status !== 200 && reply.status !== 400) problems.push(`a valid query answered ${reply.status}`);
  } else if (reply.status !== 200) problems.push(`a route without a query schema answered ${reply.status}`);
  return problems;
}

/** Cursors built from a real one of the list, with each field made hostile. */
function cursorVariants(real: string | null): string[] {
  const enc = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const generic = [enc('null'), enc('[]'), enc('"x"'), enc('1'), enc('{'), enc({}), 'x'.repeat(2049), enc({ pk: 'FIRM#firm-other', sk: 'CONTACT#' })];
  if (!real) return generic;
  let key: Record<string, unknown>;
  try {
    key = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return generic;
  }
  const out = [...generic, `${real}=`, real.replace(/-/g, '+'), enc({ ...key, extra: 'x' })];
  // As long as the cursor may be (2,048 characters of base64url) allows.
  const room = Math.floor((2_048 * 3) / 4) - JSON.stringify(key).length - 8;
  for (const [k, v] of Object.entries(key)) {
    const text = String(v);
    // A key part may be any type in JSON, empty, longer than DynamoDB allows (1,024 bytes for a sort key), or another firm's.
    for (const bad of [1, null, {}, { S: text }, '', `${text}${'x'.repeat(Math.max(room, 1))}`, text.replace(/FIRM#[^#]+/, 'FIRM#firm-other')]) {
      out.push(enc({ ...key, [k]: bad }));
    }
    const { [k]: _dropped, ...rest } = key;
    out.push(enc(rest));
  }
  return out;
}

/** Runs the requests in parallel, a few at a time (reads only). */
async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

describe('hostile input: fuzzed list queries (fast-check)', () => {
  beforeAll(() => waitQuiet(F.firm, { stableMs: 1_000, maxMs: 20_000, full: false }), 30_000);
  for (const route of listRoutes) {
    it(`${key(route)}`, async () => {
      const path = pathFor(route, F.ids);
      const shape = route.query instanceof z.ZodObject ? Object.keys(route.query.shape) : ['limit', 'cursor'];
      // Real cursors: of the plain list, and of the list filtered by each record the query can name (other indexes).
      const filters: Record<string, string> = { matterId: F.ids.matter, timekeeperId: F.ids.user, clientId: F.ids.practiceContact };
      const bases = ['', ...shape.filter((k) => filters[k]).map((k) => `${k}=${encodeURIComponent(filters[k]!)}&`)];
      const cursorQueries: string[] = [];
      for (const base of bases) {
        requests++;
        const page = await send('GET', `${path}?${base}limit=1`, { token: tok });
        const real = typeof page.json?.nextCursor === 'string' ? (page.json.nextCursor as string) : null;
        if (base && !real) continue;
        cursorQueries.push(...cursorVariants(real).map((c) => `${base}cursor=${encodeURIComponent(c)}`));
      }
      const params = fc
        .array(fc.tuple(queryKeys(shape), hostileQueryValue), { minLength: 1, maxLength: 4 })
        .map((pairs) => new URLSearchParams(pairs).toString());
      const search = fc.oneof({ arbitrary: params, weight: 4 }, { arbitrary: fc.constantFrom(...rawQueries), weight: 1 });
      const seed = seedOf(route);
      // The queries, drawn deterministically from the seed, then sent a few at a time.
      const queries = fc.sample(search, { seed, numRuns: RUNS });
      queries.push(...cursorQueries);
      const before = await bookCounts(F.firm);
      const found = (
        await inBatches(queries, 8, async (q) => {
          requests++;
          const reply = await send('GET', `${path}?${q}`, { token: tok });
          const problems = queryFlaws(route, q, reply);
          const cursor = cursorQueries.includes(q) ? new URLSearchParams(q).get('cursor') : null;
          const shown = cursor
            ? `?${q.slice(0, q.indexOf('cursor='))}cursor=${Buffer.from(cursor, 'base64url').toString('utf8').slice(0, 200)}`
            : `?${q.slice(0, 200)}`;
          return problems.length ? [`${shown} → ${problems.join('; ')} — ${describeReply(reply)}`] : [];
        })
      ).flat();
      expect(await bookCounts(F.firm), 'reads wrote something').toEqual(before);
      expect(found, `${key(route)} — fast-check seed ${seed} (FUZZ_SEED=${SEED}): ${RUNS} sampled queries + ${cursorQueries.length} cursors`).toEqual([]);
    });
  }
});

describe('hostile input: hostile path ids', () => {
  beforeAll(() => waitQuiet(F.firm, { stableMs: 1_000, maxMs: 20_000, full: false }), 30_000);

  const ids = [
    'x'.repeat(2_000), '%00', '__proto__', '..%2F..%2Fsettings', encodeURIComponent('😀'), 'FIRM%23other', '%20', 'constructor',
    encodeURIComponent('ct_1\u0000'), '%25',
  ];

  const check = async (route: RouteSpec, tried: string[]) => {
    const before = await bookCounts(F.firm);
    const replies = await inBatches(tried, 6, async (id) => {
      requests++;
      const body = exampleBody(route, F.ids);
      return [id, await send(route.method, route.path.replace('{id}', id), { token: tok, ...(body ? { json: body } : {}) })] as const;
    });
    const problems = replies.flatMap(([id, reply]) => {
      const p = [...(reply.status >= 500 ? [`answered ${reply.status}`] : []), ...(reply.status >= 400 ? problemFlaws(reply) : [])];
      // A client-chosen id may be created (PUT /practice/system-roles/{id}); anything else names nothing.
      if (reply.status < 400 && !(route.method === 'PUT' && reply.status < 300)) p.push(`answered ${reply.status}`);
      return p.length ? [`${key(route)} ${id.slice(0, 40)}${id.length > 40 ? `…(${id.length} chars)` : ''}: ${p.join('; ')} — ${describeReply(reply)}`] : [];
    });
    const wrote = !replies.some(([, r]) => r.status < 300) && stableJson(await bookCounts(F.firm)) !== stableJson(before);
    return [...problems, ...(wrote ? [`${key(route)}: refused requests changed the item counts`] : [])];
  };

  for (const route of routes.filter(hasId)) {
    const tried = route.method === 'GET' ? ids : ids.slice(0, 4);
    it(`${key(route)} (${tried.length} ids: 2,000 characters, NUL, __proto__, ../, emoji…) → 4xx problem`, async () => {
      expect(await check(route, tried)).toEqual([]);
    });
  }

  it('malformed percent-encoding in a path id (%E0%A4%A, an encoded lone surrogate) → 4xx problem, not a gateway error', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(hasId)) problems.push(...(await check(route, ['%E0%A4%A', '%ED%A0%80'])));
    expect(problems).toEqual([]);
  });
});

describe('hostile input: type confusion in every string field', () => {
  for (const route of bodyRoutes.filter((r) => Object.values(exampleBodies[key(r)]?.({}, 'x') ?? {}).some((v) => typeof v === 'string'))) {
    it(`${key(route)}: each string field as "abc"`, async () => {
      const path = pathFor(route, F.ids);
      const base = exampleBody(route, F.ids)!;
      const problems: string[] = [];
      for (const [field, value] of Object.entries(base)) {
        for (const bad of typeof value === 'string' ? ['abc'] : []) {
          const body = toJson({ ...exampleBody(route, F.ids), [field]: bad });
          const { reply, problems: p } = await probe(route, path, body);
          if (p.length) problems.push(`${field} = ${JSON.stringify(bad)}: ${p.join('; ')} — ${describeReply(reply)}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('hostile input: text the books exchange over SQS', () => {
  /**
   * Not sent through the API on purpose: a contact accepted with such a name is
   * written with its outbox entry, the relay's SendMessageBatch then refuses
   * the entry (InvalidMessageContents), and the local stream poller retries the
   * batch forever, which stops practice → accounting sync for every firm of
   * the shared test stack (observed while writing this suite). So the test
   * checks the two halves separately: the route's schema accepts the text, and
   * the outbox body the service would write for it (lib/sync/outbox.ts) is
   * refused by the stack's SQS.
   */
  it('a contact name the API accepts can be put on the sync queue (U+FFFF; locally also emoji)', async () => {
    const route = routes.find((r) => key(r) === 'POST /practice/contacts')!;
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: `hostile-probe-${Date.now()}` }));
    const problems: string[] = [];
    try {
      for (const name of ['Ada \uFFFF', 'Ada \uFFFE', 'Ada 😀', 'Zoë 👩‍⚖️']) {
        const accepted = route.body!.safeParse({ kind: 'person', name }).success;
        const entry = outboxEntry('toAccounting', {
          type: 'practice.contact.upserted', firmId: 'firm-probe', practiceContactId: 'ct_probe', clock: { counter: 1, node: 'practice' },
          contact: { kind: 'person', name }, numberingSequence: 'client', practiceSeparateNumbering: false,
        } as never);
        let refused: string | undefined;
        try {
          await sqs.send(new SendMessageCommand({ QueueUrl: queue.QueueUrl!, MessageBody: entry.body }));
        } catch (error) {
          refused = `${(error as Error).name}: ${(error as Error).message}`;
        }
        if (accepted && refused) {
          problems.push(`POST /practice/contacts accepts name ${JSON.stringify(name)} (201), but its sync message is refused by SQS (${refused}) — the contact can never link, and the relay blocks the stream`);
        }
      }
    } finally {
      await sqs.send(new DeleteQueueCommand({ QueueUrl: queue.QueueUrl! }));
    }
    expect(SQS_UNSAFE.test('Ada 😀')).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('hostile input: the sync pipeline survives it', () => {
  it('after all of the above, a new contact of a new firm still links within 30 s', async () => {
    const api = await client(newFirm());
    const created = await api.post('/practice/contacts', { kind: 'person', name: 'After the storm' });
    expect(created.status).toBe(201);
    const t0 = Date.now();
    const linked = await settledRecord(api, `/practice/contacts/${created.body.id}`, 30_000);
    console.info(`hostile-input: a fresh contact linked in ${Date.now() - t0} ms`);
    expect(linked.link.status).toBe('synchronized');
  }, 45_000);
});
