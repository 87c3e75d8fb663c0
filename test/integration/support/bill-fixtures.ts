import { client, eventually, newFirm, person, settledRecord, stack, type Client, type Reply } from '../helpers.ts';
import { contractFlaws } from './contract.ts';

/**
 * Fixtures for the bill tests that reproduce defects (bill-defects.test.ts):
 * a firm with many files of exported time, and readers that hold for both the
 * bill shape of today (every line in `lines`) and the contract's (the first
 * 500 lines in `lines`, the rest paged by `linesNextCursor` and
 * `GET /billing/bills/{id}/lines?cursor=`).
 */

async function ok<T = any>(res: Promise<Reply<T>>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface BillingFile {
  matterId: string;
  fileId: string;
  /** Practice time entries of the matter, all exported (so each is one unbilled ledger entry). */
  timeEntryIds: string[];
}

/**
 * A firm with one linked client, `files` linked matters and `entriesPerFile`
 * time entries on each (0.1 h × 200.00 = 20.00 each, on a date spread over
 * November 2026), all exported into the ledger. Entries are posted in
 * parallel waves of `wave`; one export covers them all.
 */
export async function firmWithFiles(options: { files: number; entriesPerFile: number; wave?: number; exportTimeoutMs?: number }) {
  const firm = newFirm();
  const api = await client(firm);
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }), 'rate label');
  const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id }), 'timekeeper');
  await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }), 'accounting user');
  const contact = await ok(api.post('/practice/contacts', person('Client Co')), 'contact');
  await settledRecord(api, `/practice/contacts/${contact.id}`, 30_000);
  const matters = await Promise.all(
    Array.from({ length: options.files }, async (_, i) => {
      const m = await ok(api.post('/practice/matters', { name: `Matter ${i}`, clientIds: [contact.id] }), `matter ${i}`);
      return settledRecord(api, `/practice/matters/${m.id}`, 30_000);
    }),
  );
  const files: BillingFile[] = matters.map((m) => ({ matterId: m.id, fileId: m.link.otherId as string, timeEntryIds: [] }));
  const todo = files.flatMap((f) => Array.from({ length: options.entriesPerFile }, (_, i) => ({ f, i })));
  const wave = options.wave ?? 100;
  for (let w = 0; w < todo.length; w += wave) {
    await Promise.all(todo.slice(w, w + wave).map(async ({ f, i }) => {
      const e = await ok(api.post('/practice/time-entries', {
        matterId: f.matterId, timekeeperId: tk.id, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        description: `Work ${i}`, hours: '0.1', behavior: 'bill',
      }), 'time entry');
      f.timeEntryIds.push(e.id);
    }));
  }
  const started = await ok(api.post('/practice/billing/time-exports', {}), 'time export');
  const job = await settledJob(api, started.id, options.exportTimeoutMs ?? 120_000);
  if (job.status !== 'succeeded') throw new Error(`fixture: the time export ended ${job.status}: ${JSON.stringify(job.errors).slice(0, 500)}`);
  return { firm, api, tk, contact, files };
}

/** Waits for a job to end (succeeded, failed or partially failed) and returns it. */
export const settledJob = (api: Client, jobId: string, timeoutMs = 60_000) =>
  eventually(async () => {
    const job = (await api.get(`/jobs/${jobId}`)).body;
    return ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
  }, timeoutMs, `job ${jobId} to finish`);

/** Starts production of the named bills (202) and returns the job id. */
export async function startProduce(api: Client, billIds: string[]): Promise<string> {
  const res = await api.post('/billing/production/produce', { billIds });
  if (res.status !== 202) throw new Error(`produce answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * A request that does not throw when the reply breaks the published API
 * description (as `call` does): the status and body come back for the test to
 * judge (a 500 shows its detail), with the contract's complaints in `flaws`.
 */
export async function request(api: Client, method: string, path: string, body?: unknown): Promise<Reply & { flaws: string[] }> {
  const res = await fetch(stack.url + path, {
    method,
    headers: { authorization: `Bearer ${api.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const flaws = await contractFlaws(stack.url, method, path, { status: res.status, contentType: res.headers.get('content-type') ?? '', json, headers: res.headers });
  return { status: res.status, headers: res.headers, body: json ?? text, flaws };
}

/** Which ledger entry a bill line bills: its own reference when the line names one, else the line id (today they are the same). */
export const entryOfLine = (line: any): string => (line.ledgerEntryId ?? line.entryId ?? line.id) as string;

/**
 * Every line of a bill: `lines` of the bill, then, when the bill says there
 * are more (`linesNextCursor`), the pages of `GET /billing/bills/{id}/lines`.
 */
export async function allLines(api: Client, bill: any): Promise<any[]> {
  const lines: any[] = [...(bill.lines ?? [])];
  let cursor: string | null | undefined = bill.linesNextCursor;
  let pages = 0;
  while (cursor) {
    if (++pages > 1000) throw new Error(`bill ${bill.id}: more than 1,000 pages of lines`);
    const page = await api.get(`/billing/bills/${bill.id}/lines?cursor=${encodeURIComponent(cursor)}`);
    if (page.status !== 200) throw new Error(`GET /billing/bills/${bill.id}/lines answered ${page.status} ${JSON.stringify(page.body).slice(0, 300)}`);
    lines.push(...page.body.items);
    cursor = page.body.nextCursor;
  }
  return lines;
}

/** A bill as GET /billing/bills/{id} shows it, with every one of its lines. */
export async function billWithLines(api: Client, billId: string): Promise<{ bill: any; lines: any[] }> {
  const res = await api.get(`/billing/bills/${billId}`);
  if (res.status !== 200) throw new Error(`GET /billing/bills/${billId} answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return { bill: res.body, lines: await allLines(api, res.body) };
}

/** Statuses of a bill that has billed the client (posted). */
export const POSTED = new Set(['approved', 'finalized', 'paid']);

/**
 * The ledger entries that are on more than one posted (approved, finalized,
 * paid) bill among `billIds`, each with the bills it is on.
 */
export async function entriesOnTwoPostedBills(api: Client, billIds: Iterable<string>): Promise<{ entry: string; bills: string[] }[]> {
  const on = new Map<string, string[]>();
  for (const id of new Set(billIds)) {
    const { bill, lines } = await billWithLines(api, id);
    if (!POSTED.has(bill.status)) continue;
    for (const l of lines) {
      if (l.kind === 'disbursement') continue;
      const key = entryOfLine(l);
      on.set(key, [...(on.get(key) ?? []), `${id} (${bill.status})`]);
    }
  }
  return [...on].filter(([, bills]) => bills.length > 1).map(([entry, bills]) => ({ entry, bills }));
}

/** Every ledger entry of a file (all pages), optionally of one status. */
export async function ledgerOf(api: Client, fileId: string, status?: 'unbilled' | 'billed'): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: Reply = await api.get(`/accounting/files/${fileId}/ledger?limit=500${status ? `&status=${status}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`ledger of ${fileId} answered ${page.status}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** A money string as whole cents (exact). */
export function cents(amount: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not a money string: ${JSON.stringify(amount)}`);
  const value = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -value : value;
}

/** Whole cents as a money string. */
export function money(c: bigint): string {
  const neg = c < 0n;
  const abs = neg ? -c : c;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * The matter's balance as practice hears it, once it has stopped changing
 * for `stableMs` (or the time is up: the last one read). Read with `request`,
 * so a negative balance (which the published schema does not allow) comes
 * back as a value for the test to judge instead of a contract error.
 */
export async function settledBalance(api: Client, matterId: string, stableMs = 2_000, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  let since = Date.now();
  let body: any;
  for (;;) {
    body = (await request(api, 'GET', `/practice/matters/${matterId}/balance`)).body;
    const now = JSON.stringify(body);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= stableMs) {
      return body;
    }
    if (Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
}
