import { client, eventually, newFirm, person, settledRecord, type Client, type Reply } from '../helpers.ts';
import { billWithLines, cents, ledgerOf, money, POSTED, request, settledJob } from './bill-fixtures.ts';

/**
 * Fixtures and invariants of the bill race tests (bill-races.test.ts): a firm
 * of files billed to one or two clients (a 60/40 split), and one check of
 * everything that must hold whatever order the racing requests took effect in.
 */

async function ok<T = any>(res: Promise<Reply<T>>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Runs `work` over `items`, `width` at a time. */
export async function inWaves<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i]!, i);
  }));
  return out;
}

export interface RaceFile {
  matterId: string;
  fileId: string;
  /** The file's clients as accounting knows them: the first is primary (60% in a split). */
  clientIds: string[];
  timeEntryIds: string[];
}

/**
 * A firm with `files` linked matters of one client, or of two clients split
 * 60/40 (`split`), each with `entriesPerFile` exported time entries of
 * 0.1 h × 200.00 = 20.00 on dates spread over November 2026.
 */
export async function raceFirm(options: { files: number; entriesPerFile: number; split?: boolean; exportTimeoutMs?: number }) {
  const firm = newFirm();
  const api = await client(firm);
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }), 'rate label');
  const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id }), 'timekeeper');
  await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }), 'accounting user');
  const contacts = await Promise.all((options.split ? ['Client A', 'Client B'] : ['Client A']).map(async (name) =>
    settledRecord(api, `/practice/contacts/${(await ok(api.post('/practice/contacts', person(name)), 'contact')).id}`, 30_000)));
  const files = await inWaves(Array.from({ length: options.files }, (_, i) => i), 20, async (i): Promise<RaceFile> => {
    const m = await ok(api.post('/practice/matters', { name: `Matter ${i}`, clientIds: contacts.map((c) => c.id) }), `matter ${i}`);
    const linked = await settledRecord(api, `/practice/matters/${m.id}`, 60_000);
    const fileId = linked.link.otherId as string;
    const file = await ok(api.get(`/accounting/files/${fileId}`), 'file');
    const clientIds = [file.primaryClientId as string, ...(file.clientIds as string[]).filter((c) => c !== file.primaryClientId)];
    if (options.split) {
      await ok(api.put(`/accounting/files/${fileId}/allocations`, { allocations: [{ contactId: clientIds[0], percent: '60.00' }, { contactId: clientIds[1], percent: '40.00' }] }), 'split');
    }
    return { matterId: m.id, fileId, clientIds, timeEntryIds: [] };
  });
  const todo = files.flatMap((f) => Array.from({ length: options.entriesPerFile }, (_, i) => ({ f, i })));
  await inWaves(todo, 50, async ({ f, i }) => {
    const e = await ok(api.post('/practice/time-entries', {
      matterId: f.matterId, timekeeperId: tk.id, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      description: `Work ${i}`, hours: '0.1', behavior: 'bill',
    }), 'time entry');
    f.timeEntryIds.push(e.id);
  });
  const started = await ok(api.post('/practice/billing/time-exports', {}), 'time export');
  const job = await settledJob(api, started.id, options.exportTimeoutMs ?? 120_000);
  if (job.status !== 'succeeded') throw new Error(`fixture: the time export ended ${job.status}: ${JSON.stringify(job.errors).slice(0, 500)}`);
  return { firm, api, files };
}

/** A draft of all of a file's unbilled work. */
export const draftOf = async (api: Client, fileId: string) => ok(api.post('/accounting/bills', { fileId }), `draft of ${fileId}`);

/** Every invoice of the firm as GET /billing/invoices lists it (all pages). */
export async function allInvoices(api: Client): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: Reply = await api.get(`/billing/invoices?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`GET /billing/invoices answered ${page.status}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** Which numbers of 1..max(numbers) are doubled or missing. */
export function gaps(numbers: readonly string[]): { doubled: number[]; missing: number[]; count: number } {
  const n = numbers.map(Number).sort((a, b) => a - b);
  const doubled = n.filter((x, i) => i > 0 && n[i - 1] === x);
  const seen = new Set(n);
  const max = n.length ? n[n.length - 1]! : 0;
  const missing = Array.from({ length: max }, (_, i) => i + 1).filter((x) => !seen.has(x));
  return { doubled, missing, count: n.length };
}

/**
 * Everything that must hold after any race of bill requests, as lists of
 * what breaks it (all empty when it holds):
 * - no bill left mid-steps (`pendingStep`);
 * - every posted bill's lines billed on it, each entry at the line's
 *   `billedAmount`; no draft's entry billed on that draft;
 * - every ledger entry on at most one posted bill, and every billed entry on
 *   the posted bill it names;
 * - the posted bills' invoices listed by GET /billing/invoices as the bill
 *   shows them, adding up to the bill total; invoice numbers of the firm
 *   (listed, and held by reverted drafts) exactly 1..N;
 * - each file's balance (as practice hears it) exactly: unbilled = the
 *   unbilled entries, billed = Σ posted totals, paid = Σ posted bills' paid.
 */
export async function billInvariants(api: Client, files: readonly RaceFile[], billIds: Iterable<string>) {
  const bills = await inWaves([...new Set(billIds)], 10, (id) => billWithLines(api, id));
  const ledgers = await inWaves(files, 10, async (f) => ({ f, entries: await ledgerOf(api, f.fileId) }));
  const ledger = new Map(ledgers.flatMap(({ entries }) => entries.map((e) => [e.id as string, e])));
  const invoices = await allInvoices(api);

  const stuck = bills.filter(({ bill }) => bill.pendingStep).map(({ bill }) => `${bill.id}: ${bill.status}, pendingStep ${bill.pendingStep}`);
  const linesNotAsBilled: string[] = [];
  const draftEntriesBilled: string[] = [];
  const on = new Map<string, string[]>();
  const posted = new Map<string, { bill: any; lineIds: Set<string> }>();
  for (const { bill, lines } of bills) {
    const isPosted = POSTED.has(bill.status);
    if (isPosted) posted.set(bill.id, { bill, lineIds: new Set(lines.map((l) => l.id)) });
    for (const l of lines) {
      if (l.kind !== 'time') continue;
      const e = ledger.get(l.id);
      if (isPosted) {
        on.set(l.id, [...(on.get(l.id) ?? []), bill.id]);
        if (!e || e.status !== 'billed' || e.billId !== bill.id || e.billedAmount !== l.billedAmount || e.amount !== l.amount) {
          linesNotAsBilled.push(`bill ${bill.id} line ${l.id} billed ${l.billedAmount} (amount ${l.amount}); entry ${e ? `${e.status} on ${e.billId} at ${e.billedAmount} (amount ${e.amount})` : 'missing'}`);
        }
      } else if (e?.billId === bill.id) {
        draftEntriesBilled.push(`draft ${bill.id} line ${l.id}: entry ${e.status} on ${e.billId}`);
      }
    }
  }
  const entriesOnTwoPostedBills = [...on].filter(([, b]) => b.length > 1).map(([entry, b]) => `${entry}: ${b.join(', ')}`);
  const billedOffBill = [...ledger.values()]
    .filter((e) => e.status === 'billed' && !posted.get(e.billId)?.lineIds.has(e.id))
    .map((e) => `entry ${e.id} billed on ${e.billId}, which is not a posted bill with that line`);

  const listed = new Map(invoices.map((i) => [i.invoiceNumber as string, i]));
  const invoicesNotAsListed: string[] = [];
  for (const { bill } of posted.values()) {
    if (money(bill.invoices.reduce((t: bigint, i: any) => t + cents(i.amount), 0n)) !== bill.total) invoicesNotAsListed.push(`bill ${bill.id}: invoices do not add up to ${bill.total}`);
    for (const i of bill.invoices) {
      const l = listed.get(i.invoiceNumber);
      if (!l || l.billId !== bill.id || l.amount !== i.amount || l.outstanding !== i.outstanding || l.status !== i.status || l.contactId !== i.contactId) {
        invoicesNotAsListed.push(`bill ${bill.id} invoice ${i.invoiceNumber} ${i.contactId} ${i.amount}/${i.outstanding} ${i.status}; listed ${l ? `${l.billId} ${l.contactId} ${l.amount}/${l.outstanding} ${l.status}` : 'nothing'}`);
      }
    }
  }
  for (const l of invoices) {
    if (l.status !== 'void' && !posted.get(l.billId)?.bill.invoices.some((i: any) => i.invoiceNumber === l.invoiceNumber)) {
      invoicesNotAsListed.push(`listed ${l.status} invoice ${l.invoiceNumber} of ${l.billId} is not on that bill`);
    }
  }
  const held = bills.flatMap(({ bill }) => (bill.heldInvoiceNumbers ?? []).map((h: any) => h.invoiceNumber as string));
  const { doubled, missing } = gaps([...invoices.map((i) => i.invoiceNumber as string), ...held]);

  const balances = await inWaves(files, 10, async (f) => {
    const entries = ledgers.find((l) => l.f === f)!.entries;
    const mine = [...posted.values()].map((p) => p.bill).filter((b) => b.fileId === f.fileId);
    const want = {
      unbilled: money(entries.filter((e) => e.status === 'unbilled').reduce((t, e) => t + cents(e.amount), 0n)),
      billed: money(mine.reduce((t, b) => t + cents(b.total), 0n)),
      paid: money(mine.reduce((t, b) => t + cents(b.paid), 0n)),
    };
    const got = await eventually(async () => {
      const b = (await request(api, 'GET', `/practice/matters/${f.matterId}/balance`)).body;
      return b.unbilled === want.unbilled && b.billed === want.billed && b.paid === want.paid ? b : undefined;
    }, 20_000, 'balance').catch(async () => (await request(api, 'GET', `/practice/matters/${f.matterId}/balance`)).body);
    return got.unbilled === want.unbilled && got.billed === want.billed && got.paid === want.paid
      ? undefined : `${f.fileId}: ${JSON.stringify({ unbilled: got.unbilled, billed: got.billed, paid: got.paid })}, want ${JSON.stringify(want)}`;
  });

  return {
    stuck,
    linesNotAsBilled,
    draftEntriesBilled,
    entriesOnTwoPostedBills,
    billedOffBill,
    invoicesNotAsListed,
    invoiceNumbersDoubled: doubled,
    invoiceNumbersMissing: missing,
    wrongBalances: balances.filter((b): b is string => b !== undefined),
  };
}

/** What billInvariants returns when everything holds. */
export const HOLDS = {
  stuck: [], linesNotAsBilled: [], draftEntriesBilled: [], entriesOnTwoPostedBills: [], billedOffBill: [],
  invoicesNotAsListed: [], invoiceNumbersDoubled: [], invoiceNumbersMissing: [], wrongBalances: [],
};
