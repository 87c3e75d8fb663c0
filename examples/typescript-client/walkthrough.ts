/**
 * The README walkthrough as a typed client: every call goes through
 * openapi-fetch with the types generated from `/openapi.json` (api.d.ts), so
 * a route, field or status that drifts from the published API is a type
 * error or a failed run. CI runs it against the local stack
 * (test/integration/typed-client.test.ts); by hand, with `npm start` running:
 *
 *   npx tsx examples/typescript-client/walkthrough.ts [http://127.0.0.1:3000]
 *
 * A contact synced, time recorded and exported, a bill split 60/40 between
 * two clients posted, produced and paid by both, then the aging.
 */
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import type { paths } from './api.d.ts';

export interface WalkthroughOptions {
  baseUrl: string;
  /** A bearer token of the firm with every scope (locally: `npm run --silent token -- --firm F --user U --scope "…"`). */
  token: string;
  log?: (line: string) => void;
}

/** Fails the walkthrough on any answer but the one expected: the published API is what the client relies on. */
function expectOk<T>(what: string, reply: { data?: T; error?: unknown; response: Response }, status = 200): T {
  if (reply.response.status !== status || reply.data === undefined) {
    throw new Error(`${what}: expected ${status}, got ${reply.response.status} ${JSON.stringify(reply.error ?? reply.data)}`);
  }
  return reply.data;
}

/** Polls until `read` gives a value (sync and jobs are asynchronous). */
async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function runWalkthrough(o: WalkthroughOptions): Promise<{ billId: string; invoiceNumbers: string[] }> {
  const log = o.log ?? (() => {});
  const api = createClient<paths>({ baseUrl: o.baseUrl, headers: { authorization: `Bearer ${o.token}` } });

  // The firm's letterhead and terms (admin).
  const settings = expectOk('read accounting settings', await api.GET('/accounting/settings'));
  const { version: _v, updatedAt: _u, ...current } = settings;
  expectOk('accounting settings', await api.PUT('/accounting/settings', {
    body: { ...current, firm: { name: 'Hopper & Lovelace LLP', address: '1 Main St, Austin TX', lawFirmId: '12-3456789' }, billing: { paymentTermsDays: 30 } },
  }));

  // Two clients, created in practice; accounting numbers them and the link comes back.
  const clients = [];
  for (const name of ['Ada Lovelace', 'Charles Babbage']) {
    const created = expectOk('create contact', await api.POST('/practice/contacts', { body: { kind: 'person', name, email: `${name.split(' ')[0]!.toLowerCase()}@example.test` } }), 201);
    const linked = await until(`${name} linked`, async () => {
      const c = expectOk('read contact', await api.GET('/practice/contacts/{id}', { params: { path: { id: created.id } } }));
      return c.link.status === 'synchronized' ? c : undefined;
    });
    log(`contact ${name}: number ${linked.reference}, linked to ${linked.link.otherId}`);
    clients.push({ practiceId: created.id, accountingId: linked.link.otherId! });
  }

  // A timekeeper at a rate, known to accounting by email.
  const label = expectOk('rate label', await api.POST('/practice/rate-labels', { body: { name: `Standard ${Date.now()}`, type: 'hourly', baseValue: '250.00' } }), 201);
  const email = `grace.${Date.now()}@firm.test`;
  const timekeeper = expectOk('timekeeper', await api.POST('/practice/users', { body: { name: 'Grace Hopper', email, defaultRateLabelId: label.id } }), 201);
  expectOk('accounting user', await api.POST('/accounting/users', { body: { name: 'Grace Hopper', email } }), 201);

  // A matter of both clients; its accounting file splits billing 60/40.
  const matter = expectOk('matter', await api.POST('/practice/matters', { body: { name: 'Estate of Lovelace', clientIds: clients.map((c) => c.practiceId) } }), 201);
  const fileId = await until('matter linked', async () => {
    const m = expectOk('read matter', await api.GET('/practice/matters/{id}', { params: { path: { id: matter.id } } }));
    return m.link.status === 'synchronized' ? m.link.otherId : undefined;
  });
  expectOk('split', await api.PUT('/accounting/files/{id}/allocations', {
    params: { path: { id: fileId! } },
    body: { allocations: [{ contactId: clients[0]!.accountingId, percent: '60.00' }, { contactId: clients[1]!.accountingId, percent: '40.00' }] },
  }));

  // Time at the resolved rate, sent for billing.
  for (const hours of ['1.5', '2.5']) {
    const entry = expectOk('time entry', await api.POST('/practice/time-entries', {
      body: { matterId: matter.id, timekeeperId: timekeeper.id, date: '2026-11-03', description: 'Probate research', hours, behavior: 'bill' },
    }), 201);
    log(`time entry ${entry.id}: ${entry.hours} h at ${entry.rate.value} = ${entry.amount}`);
  }
  const exported = expectOk('export', await api.POST('/practice/billing/time-exports', { body: { matterId: matter.id } }), 202);
  await until('export done', async () => {
    const job = expectOk('read job', await api.GET('/jobs/{id}', { params: { path: { id: exported.id } } }));
    if (job.status === 'failed' || job.status === 'partially_failed') throw new Error(`export ${job.status}: ${JSON.stringify(job.errors)}`);
    return job.status === 'succeeded' ? job : undefined;
  });

  // The bill: drafted, approved (= posted: one invoice per client share), produced.
  const draft = expectOk('draft', await api.POST('/accounting/bills', { body: { fileId: fileId! } }), 201);
  const posted = expectOk('approve', await api.POST('/accounting/bills/{id}/approve', { params: { path: { id: draft.id } } }));
  log(`bill ${posted.id} posted: ${posted.total}, invoices ${posted.invoices.map((i) => `${i.invoiceNumber} ${i.amount} due ${i.dueDate}`).join(', ')}`);
  const production = expectOk('produce', await api.POST('/billing/production/produce', { body: { billIds: [draft.id] } }), 202);
  await until('production done', async () => {
    const job = expectOk('read job', await api.GET('/jobs/{id}', { params: { path: { id: production.id } } }));
    if (job.status === 'failed' || job.status === 'partially_failed') throw new Error(`production ${job.status}: ${JSON.stringify(job.errors)}`);
    return job.status === 'succeeded' ? job : undefined;
  });

  // Each client pays its own invoice; then the bill is paid.
  for (const invoice of posted.invoices) {
    const paid = expectOk('payment', await api.POST('/billing/bills/{id}/payments', {
      params: { path: { id: draft.id } },
      body: { contactId: invoice.contactId, amount: invoice.amount, date: '2026-12-05', method: 'wire' },
    }), 201);
    log(`payment ${paid.id}: ${paid.amount} on invoice ${paid.invoiceNumber}`);
  }
  const bill = expectOk('read bill', await api.GET('/billing/bills/{id}', { params: { path: { id: draft.id } } }));
  if (bill.status !== 'paid' || bill.outstanding !== '0.00') throw new Error(`the bill should be paid, it is ${bill.status} with ${bill.outstanding} outstanding`);

  const aging = expectOk('aging', await api.GET('/billing/aging', { params: { query: { asOf: '2027-01-15' } } }));
  log(`aging on ${aging.asOf}: ${aging.totals.total} outstanding`);
  return { billId: bill.id, invoiceNumbers: bill.invoices.map((i) => i.invoiceNumber) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // A token signed by the local stack's key, as `npm run token` makes one.
  const { mintToken } = await import('../../infra/local/keys.ts');
  const { defaultStateDir } = await import('../../infra/local/paths.ts');
  const { join } = await import('node:path');
  const baseUrl = process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const token = await mintToken(join(defaultStateDir(), 'keys'), { firm: `walkthrough-${Date.now()}`, user: 'walker', scope: 'practice accounting billing admin' });
  const result = await runWalkthrough({ baseUrl, token, log: (l) => console.log(l) });
  console.log(`done: bill ${result.billId}, invoices ${result.invoiceNumbers.join(' and ')}`);
}
