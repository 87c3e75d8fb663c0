/**
 * 4. Sync latency: a contact created in practice until its link reads
 * `synchronized` (accounting made and numbered its side, the answer came back
 * and was applied): 500 contacts, 20 clients at once, each creating a contact
 * (POST /practice/contacts), waiting until it is synchronized, then the next.
 *
 * How "synchronized" is seen matters: a GET costs the stack ~8 ms of CPU
 * (authorizer, handler, DynamoDB Local), so 20 clients polling every 20 ms
 * would offer ~1,000 GETs/s, saturate a 2-core stack and measure mostly their
 * own load. Instead one watcher reads the waiting contacts' link status
 * straight from DynamoDB Local every 50 ms (one BatchGetItem, no handler,
 * no authorizer); their final state is checked afterwards. Latency is measured
 * twice: as the client sees it (POST sent → watcher saw it settle, ≤ 50 ms
 * late) and from the record's own timestamps (createdAt → updatedAt of the
 * synchronized version, the stack's clock).
 *
 * Baseline, same run, same 20-way concurrency: a plain GET of a contact.
 * Target: p99 under 1 s on the local stack.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { cpuSpent, percentile, pool, round, sleep, withTarget, type BenchContext, type Result, type Stack } from './context.ts';

const CONTACTS = 500;
const WARM_UP = 200;
const CLIENTS = 20;
const WATCH_MS = 50;

const cpuTotal = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);

/**
 * One loop for all clients: every 50 ms, one BatchGetItem (straight to DynamoDB Local, not through the
 * stack's handlers) of the contacts still waiting, projecting only their link status.
 */
function linkWatcher(stack: Stack, firm: string) {
  const waiting = new Map<string, () => void>();
  let running = true;
  let requests = 0;
  const table = stack.info.tables.practice;
  const loop = (async () => {
    while (running) {
      const ids = [...waiting.keys()];
      for (let i = 0; i < ids.length; i += 100) {
        const out = await stack.ddb.send(new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: ids.slice(i, i + 100).map((id) => ({ pk: `FIRM#${firm}`, sk: `CONTACT#${id}` })),
              ProjectionExpression: 'id, #link.#status',
              ExpressionAttributeNames: { '#link': 'link', '#status': 'status' },
            },
          },
        }));
        requests++;
        for (const item of out.Responses?.[table] ?? []) {
          if ((item.link as { status?: string } | undefined)?.status === 'pending') continue;
          const settle = waiting.get(item.id as string);
          waiting.delete(item.id as string);
          settle?.();
        }
      }
      await sleep(WATCH_MS);
    }
  })();
  return {
    /** Resolves once the contact (already written) has left `pending`; fails after 2 minutes. */
    settled: (id: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`contact ${id} still pending after 120 s`));
        }, 120_000);
        waiting.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      }),
    stop: async () => {
      running = false;
      await loop;
      return requests;
    },
  };
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const api = await stack.api();
  const watcher = linkWatcher(stack, api.firm);
  try {
    // Warm the path (handler modules, connections, and DynamoDB Local's JIT: its transaction path runs
    // interpreted at first, at twice the CPU) with WARM_UP contacts the same way, untimed, so the run measures
    // a stack in its steady state, as the baseline's GETs do.
    await pool(Array.from({ length: WARM_UP }, (_, i) => i), CLIENTS, async (i) => {
      const c = await api.ok(api.post('/practice/contacts', { kind: 'person', name: `Warm-up ${i}` }), 'contact');
      await watcher.settled(c.id);
    });
    await stack.settle();

    // Baseline: plain GETs of one contact, 20 at a time, as many as the run makes creations.
    const sample = await api.ok(api.post('/practice/contacts', { kind: 'organization', name: 'Baseline Co' }), 'contact');
    await watcher.settled(sample.id);
    await stack.settle();
    const getCpuBefore = stack.cpu();
    const getsStarted = performance.now();
    const gets = await pool(Array.from({ length: CONTACTS }, (_, i) => i), CLIENTS, async () => {
      const t = performance.now();
      const r = await api.get(`/practice/contacts/${sample.id}`);
      if (r.status !== 200) throw new Error(`GET contact: ${r.status}`);
      return performance.now() - t;
    });
    const getsElapsed = performance.now() - getsStarted;
    const getCpu = cpuSpent(getCpuBefore, stack.cpu());
    ctx.log(`baseline: ${CONTACTS} GETs in ${(getsElapsed / 1000).toFixed(1)} s (${((CONTACTS * 1000) / getsElapsed).toFixed(0)}/s); ` +
      `stack CPU ${JSON.stringify(getCpu)} s = ${((cpuTotal(getCpu) * 1000) / CONTACTS).toFixed(1)} ms per GET`);
    gets.sort((a, b) => a - b);
    await stack.settle();

    const idleBefore = stack.cpu();
    await sleep(3000);
    const idle = cpuSpent(idleBefore, stack.cpu());

    await stack.resetMetrics();
    const cpuBefore = stack.cpu();
    const started = performance.now();
    const made: { id: string; createdAt: string }[] = [];
    const observed = await pool(Array.from({ length: CONTACTS }, (_, i) => i), CLIENTS, async (i) => {
      const t0 = performance.now();
      const created = await api.ok(
        api.post('/practice/contacts', { kind: 'person', name: `Sync Person ${i}`, email: `person${i}@sync.test` }),
        'contact',
      );
      made.push({ id: created.id, createdAt: created.createdAt });
      await watcher.settled(created.id);
      return performance.now() - t0;
    });
    const elapsed = performance.now() - started;
    const cpu = cpuSpent(cpuBefore, stack.cpu());
    const requests = await stack.metrics();

    // Every contact synchronized; server-side latency from its own timestamps.
    const records = new Map<string, Record<string, any>>();
    for (let i = 0; i < made.length; i += 100) {
      const out = await stack.ddb.send(new BatchGetCommand({
        RequestItems: { [stack.info.tables.practice]: { Keys: made.slice(i, i + 100).map((m) => ({ pk: `FIRM#${api.firm}`, sk: `CONTACT#${m.id}` })) } },
      }));
      for (const item of out.Responses?.[stack.info.tables.practice] ?? []) records.set(item.id as string, item);
    }
    const bad = made.filter((m) => records.get(m.id)?.link?.status !== 'synchronized');
    if (bad.length) throw new Error(`${bad.length} contacts are not synchronized: ${bad.slice(0, 3).map((m) => `${m.id} ${records.get(m.id)?.link?.status}`).join(', ')}`);
    const server = made.map((m) => Date.parse(records.get(m.id)!.updatedAt as string) - Date.parse(m.createdAt));
    const hops = await breakdown(stack, api.firm, made, records);

    observed.sort((a, b) => a - b);
    server.sort((a, b) => a - b);
    const p50 = percentile(observed, 0.5);
    const p99 = percentile(observed, 0.99);
    const g50 = percentile(gets, 0.5);
    const g99 = percentile(gets, 0.99);
    ctx.log(`${CONTACTS} contacts synchronized in ${(elapsed / 1000).toFixed(1)} s (${((CONTACTS * 1000) / elapsed).toFixed(1)}/s); ` +
      `seen by the clients p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${observed.at(-1)!.toFixed(0)} ms; ` +
      `record timestamps p50 ${percentile(server, 0.5)} ms, p99 ${percentile(server, 0.99)} ms; GET p50 ${g50.toFixed(1)} ms, p99 ${g99.toFixed(1)} ms`);
    ctx.log(`stages (p50 / p99): practice write → accounting contact made ${hops.toAccounting.p50} / ${hops.toAccounting.p99} ms; ` +
      `accounting contact made → practice synchronized ${hops.toPractice.p50} / ${hops.toPractice.p99} ms`);
    ctx.log(`CPU: idle stack ${JSON.stringify(idle)} s per 3 s; during the run ${JSON.stringify(cpu)} s = ${((cpuTotal(cpu) * 1000) / CONTACTS).toFixed(0)} ms per contact; ` +
      `handler DynamoDB requests ${JSON.stringify(requests)}`);

    const baselineOf = `a plain GET /practice/contacts/{id}, ${CLIENTS} in flight, same run`;
    return [
      { name: 'sync_latency_ms_p50', value: round(p50, 1), unit: 'ms', baseline: round(g50, 1), ratio: round(p50 / g50, 2), baselineOf },
      withTarget(
        { name: 'sync_latency_ms_p99', value: round(p99, 1), unit: 'ms', baseline: round(g99, 1), ratio: round(p99 / g99, 2), baselineOf },
        '<', 1000, '< 1000 ms',
      ),
      { name: 'sync_latency_ms_max', value: round(observed.at(-1)!, 1), unit: 'ms' },
      { name: 'sync_latency_server_ms_p50', value: percentile(server, 0.5), unit: 'ms', note: 'practice createdAt → updatedAt of the synchronized version' },
      { name: 'sync_latency_server_ms_p99', value: percentile(server, 0.99), unit: 'ms' },
      { name: 'sync_stage_to_accounting_ms_p50', value: hops.toAccounting.p50, unit: 'ms', note: 'practice createdAt → accounting contact createdAt (stream, relay, to-accounting queue, consumer)' },
      { name: 'sync_stage_to_practice_ms_p50', value: hops.toPractice.p50, unit: 'ms', note: 'accounting contact createdAt → practice synchronized (stream, relay, to-practice queue, consumer)' },
      { name: 'sync_contacts_per_s', value: round((CONTACTS * 1000) / elapsed, 1), unit: 'contacts/s', note: `${CLIENTS} clients, each waiting for its contact before the next` },
      { name: 'sync_dynamodb_requests_per_contact', value: round(Object.values(requests).reduce((a, b) => a + b, 0) / CONTACTS, 2), unit: 'requests/contact' },
      { name: 'sync_cpu_ms_per_contact', value: round((cpuTotal(cpu) * 1000) / CONTACTS, 1), unit: 'ms CPU/contact', note: `stack processes: ${JSON.stringify(cpu)} CPU s` },
    ];
  } finally {
    await watcher.stop();
  }
}

/** Where the time goes: practice createdAt → the accounting contact's createdAt → the practice updatedAt when synchronized. */
async function breakdown(stack: Stack, firm: string, made: { id: string; createdAt: string }[], records: Map<string, Record<string, any>>) {
  const accountingMade = new Map<string, number>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await stack.ddb.send(new QueryCommand({
      TableName: stack.info.tables.accounting,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `FIRM#${firm}`, ':prefix': 'CONTACT#' },
      ExclusiveStartKey: start,
    }));
    for (const item of out.Items ?? []) {
      const otherId = (item.link as { otherId?: string } | undefined)?.otherId;
      if (otherId) accountingMade.set(otherId, Date.parse(item.createdAt as string));
    }
    start = out.LastEvaluatedKey;
  } while (start);
  const toAccounting: number[] = [];
  const toPractice: number[] = [];
  for (const m of made) {
    const at = accountingMade.get(m.id);
    const synced = records.get(m.id)?.updatedAt as string | undefined;
    if (at === undefined || !synced) continue;
    toAccounting.push(at - Date.parse(m.createdAt));
    toPractice.push(Date.parse(synced) - at);
  }
  const stats = (v: number[]) => {
    v.sort((a, b) => a - b);
    return { p50: percentile(v, 0.5), p99: percentile(v, 0.99) };
  };
  return { toAccounting: stats(toAccounting), toPractice: stats(toPractice) };
}
