import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { call, client, eventually, newFirm, person, settledRecord, stack, type Client, type Reply } from './helpers.ts';
import { assertContract } from './support/contract.ts';
import { pdfPagesText } from '../support/pdf-text.ts';
import { allLines, cents, ledgerOf, money, settledJob, startProduce } from './support/bill-fixtures.ts';

/**
 * Bills as receivables (shared/contract/API.md, Bills): approving a bill
 * posts it (one invoice per client share, gap-free numbers taken together,
 * due dates from the terms, the receivable written), producing makes the
 * documents, reverting un-posts. Every test builds its own firm; every reply
 * is checked against /openapi.json by the helpers.
 */

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function ok<T = any>(res: Promise<Reply<T>>, what = 'request'): Promise<T> {
  const r = await res;
  expect(r.status, `${what}: ${JSON.stringify(r.body).slice(0, 600)}`).toBeLessThan(300);
  return r.body;
}

const sumCents = (amounts: string[]) => money(amounts.reduce((t, a) => t + cents(a), 0n));
const paths = (res: Reply) => ((res.body?.errors ?? []) as any[]).map((e) => e.path).sort();

interface WorkSpec {
  /** Time entries at 200.00 an hour. */
  entries?: { date: string; hours: string; behavior?: 'bill' | 'no_charge' }[];
  disbursements?: { date: string; amount: string; description?: string }[];
}

interface MatterSpec extends WorkSpec {
  /** Indexes into the firm's clients; first = primary. Default: the first client. */
  clients?: number[];
  /** Percents in the same order (a split set by hand). */
  percents?: string[];
  ledesEnabled?: boolean;
  emailInvoices?: boolean;
  printInvoices?: boolean;
}

/**
 * A firm with letterhead and LEDES id, one hourly rate (200.00), a
 * timekeeper known to both books and `clients` linked clients (each with an
 * email address and a postal address); `matter()` adds a linked matter with
 * exported time and disbursements, ready to draft.
 */
async function billingFirm(options: { clients?: number } = {}) {
  const firm = newFirm();
  const api = await client(firm);
  const { version: _v, updatedAt: _u, ...settings } = (await api.get('/accounting/settings')).body;
  await ok(api.put('/accounting/settings', { ...settings, firm: { name: 'Hopper & Lovelace LLP', address: '1 Main St\nAustin, TX 78701', lawFirmId: '12-3456789' } }), 'settings');
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }), 'label');
  const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id, classification: 'PARTNR', ledesId: 'GH' }), 'timekeeper');
  await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }), 'accounting user');
  const clients = await Promise.all(Array.from({ length: options.clients ?? 1 }, async (_, i) => {
    const email = `client${i}-${firm}@example.test`;
    const c = await ok(api.post('/practice/contacts', person(`Client ${String.fromCharCode(65 + i)}`, {
      email, address: { line1: `${i + 1} Elm St`, city: 'Austin', region: 'TX', postcode: '78701', country: 'US' },
    })), 'contact');
    const linked = await settledRecord(api, `/practice/contacts/${c.id}`, 30_000);
    return { practiceId: c.id as string, id: linked.link.otherId as string, email, name: linked.name as string };
  }));

  async function addWork(matterId: string, fileId: string, work: WorkSpec) {
    const timeEntryIds: string[] = [];
    for (const e of work.entries ?? []) {
      const created = await ok(api.post('/practice/time-entries', {
        matterId, timekeeperId: tk.id, date: e.date, description: `Research ${e.date} ${e.hours}`, hours: e.hours,
        behavior: e.behavior ?? 'bill', taskCode: 'L110', activityCode: 'A102',
      }), 'time entry');
      timeEntryIds.push(created.id);
    }
    if (timeEntryIds.length) {
      const started = await ok(api.post('/practice/billing/time-exports', { matterId }), 'export');
      const job = await settledJob(api, started.id, 30_000);
      expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    }
    for (const d of work.disbursements ?? []) {
      await ok(api.post(`/accounting/files/${fileId}/disbursements`, { date: d.date, description: d.description ?? 'Court filing fee', amount: d.amount, expenseCode: 'E112' }), 'disbursement');
    }
    return timeEntryIds;
  }

  let matters = 0;
  async function matter(spec: MatterSpec = {}) {
    const idx = spec.clients ?? [0];
    const created = await ok(api.post('/practice/matters', {
      name: `Matter ${++matters}`, clientIds: idx.map((i) => clients[i]!.practiceId),
      billing: { emailInvoices: spec.emailInvoices ?? false, ledesEnabled: spec.ledesEnabled ?? false, printInvoices: spec.printInvoices ?? false, clientMatterId: `CM-${matters}` },
    }), 'matter');
    const linked = await settledRecord(api, `/practice/matters/${created.id}`, 30_000);
    const fileId = linked.link.otherId as string;
    if (spec.percents) {
      await ok(api.put(`/accounting/files/${fileId}/allocations`, {
        allocations: idx.map((i, n) => ({ contactId: clients[i]!.id, percent: spec.percents![n] })),
      }), 'allocations');
    }
    const timeEntryIds = await addWork(created.id as string, fileId, spec);
    return { matterId: created.id as string, fileId, timeEntryIds };
  }

  return { firm, api, tk, clients, matter, addWork };
}

const draftOf = (api: Client, fileId: string) => ok(api.post('/accounting/bills', { fileId }), 'draft');
const approve = (api: Client, billId: string) => ok(api.post(`/accounting/bills/${billId}/approve`), 'approve');
const getBill = (api: Client, billId: string) => ok(api.get(`/billing/bills/${billId}`), 'bill');

async function produce(api: Client, billIds: string[]) {
  const job = await settledJob(api, await startProduce(api, billIds), 60_000);
  expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
  return job;
}

/** Every page of a list route, following `nextCursor`. */
async function walk(api: Client, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: any = await ok(api.get(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`), path);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (++pages > 200) throw new Error(`${path}: more than 200 pages`);
  } while (cursor);
  return items;
}

/** A PDF route's bytes (checked against the published contract like every other reply). */
async function pdfReply(api: Client, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(stack.url + path, {
    method,
    headers: { authorization: `Bearer ${api.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  let json: unknown;
  if (!type.includes('pdf')) json = JSON.parse(bytes.toString('utf8') || 'null');
  await assertContract(stack.url, method, path, { status: res.status, contentType: type, json, headers: res.headers });
  return { status: res.status, type, bytes, json: json as any };
}

/** The matter balance as practice hears it, once it shows `want`. */
const balanceBecomes = (api: Client, matterId: string, want: Record<string, string>) =>
  eventually(async () => {
    const b = (await api.get(`/practice/matters/${matterId}/balance`)).body;
    return Object.entries(want).every(([k, v]) => b[k] === v) ? b : undefined;
  }, 20_000, `balance of ${matterId} to be ${JSON.stringify(want)}`);

const mailsTo = (address: string) =>
  readdirSync(stack.mailDir).map((f) => readFileSync(`${stack.mailDir}/${f}`, 'utf8')).filter((m) => m.includes(address));

/** A quoted-printable or plain mail body, decoded enough to search its text. */
const mailText = (eml: string) => eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

describe('bills as receivables', () => {
  describe('split bills', () => {
    it('60/40: one invoice per share at approval, consecutive numbers, exact amounts, due in 30 days; each client pays its own invoice', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      const m = await matter({
        clients: [0, 1], percents: ['60.00', '40.00'],
        entries: [{ date: '2026-11-02', hours: '0.3' }, { date: '2026-11-03', hours: '0.7' }],
        disbursements: [{ date: '2026-11-04', amount: '100.01' }],
      });
      await balanceBecomes(api, m.matterId, { unbilled: '300.01', billed: '0.00' });
      const draft = await draftOf(api, m.fileId);
      expect(draft).toMatchObject({ status: 'draft', total: '300.01', invoices: [] });

      const posted = await approve(api, draft.id);
      const day = today();
      // 180.006 and 120.004 round down to 300.00; the cent left goes to the larger remainder (the primary's).
      expect(posted).toMatchObject({ status: 'approved', invoiceDate: day, dueDate: addDays(day, 30), paymentTermsDays: 30, outstanding: '300.01', paid: '0.00' });
      expect(posted.invoices).toEqual([
        expect.objectContaining({ contactId: a.id, invoiceNumber: '1', percent: '60.00', amount: '180.01', paid: '0.00', outstanding: '180.01', status: 'open', invoiceDate: day, dueDate: addDays(day, 30), overdue: false }),
        expect.objectContaining({ contactId: b.id, invoiceNumber: '2', percent: '40.00', amount: '120.00', paid: '0.00', outstanding: '120.00', status: 'open', invoiceDate: day, dueDate: addDays(day, 30), overdue: false }),
      ]);
      expect(sumCents(posted.invoices.map((i: any) => i.amount))).toBe(posted.total);
      const listed = await walk(api, `/billing/invoices?fileId=${m.fileId}`);
      expect(listed.map((i) => [i.invoiceNumber, i.billId, i.contactId, i.amount, i.status, i.fileId])).toEqual([
        ['1', draft.id, a.id, '180.01', 'open', m.fileId],
        ['2', draft.id, b.id, '120.00', 'open', m.fileId],
      ]);
      await balanceBecomes(api, m.matterId, { unbilled: '0.00', billed: '300.01', paid: '0.00', outstanding: '300.01' });

      // B owes 120.00: 120.01 is an overpayment of its invoice, although the bill still has 300.01 outstanding.
      const over = await api.post(`/billing/bills/${draft.id}/payments`, { amount: '120.01', date: day, method: 'check', contactId: b.id });
      expect([over.status, over.body.code]).toEqual([409, 'overpayment']);
      expect((await getBill(api, draft.id)).paid).toBe('0.00');
      const byB = await ok(api.post(`/billing/bills/${draft.id}/payments`, { amount: '120.00', date: day, method: 'check', contactId: b.id }), 'B pays');
      expect(byB).toMatchObject({ contactId: b.id, invoiceNumber: '2', amount: '120.00' });
      // No payer named: the primary's invoice.
      const byDefault = await ok(api.post(`/billing/bills/${draft.id}/payments`, { amount: '100.00', date: day, method: 'wire' }), 'default payer');
      expect(byDefault).toMatchObject({ contactId: a.id, invoiceNumber: '1' });
      const over2 = await api.post(`/billing/bills/${draft.id}/payments`, { amount: '80.02', date: day, method: 'wire' });
      expect([over2.status, over2.body.code]).toEqual([409, 'overpayment']);
      await ok(api.post(`/billing/bills/${draft.id}/payments`, { amount: '80.01', date: day, method: 'wire', contactId: a.id }), 'A pays the rest');
      // Paid in full but not produced: still approved (on the production list).
      const paidUp = await getBill(api, draft.id);
      expect(paidUp).toMatchObject({ status: 'approved', paid: '300.01', outstanding: '0.00' });
      expect(paidUp.invoices.map((i: any) => [i.invoiceNumber, i.paid, i.outstanding, i.status])).toEqual([['1', '180.01', '0.00', 'paid'], ['2', '120.00', '0.00', 'paid']]);
      await produce(api, [draft.id]);
      expect((await getBill(api, draft.id)).status).toBe('paid');
      expect((await walk(api, `/billing/invoices?status=paid`)).map((i) => i.invoiceNumber)).toEqual(['1', '2']);
      await balanceBecomes(api, m.matterId, { unbilled: '0.00', billed: '300.01', paid: '300.01', outstanding: '0.00' });
    });

    it('33.33/33.33/33.34 of an odd-cent total: exact shares; two bills approved at once take their numbers together', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 3 });
      const spec: MatterSpec = {
        clients: [0, 1, 2], percents: ['33.33', '33.33', '33.34'],
        entries: [{ date: '2026-11-02', hours: '0.3' }], disbursements: [{ date: '2026-11-03', amount: '100.01' }],
      };
      const [m1, m2] = [await matter(spec), await matter(spec)];
      const [d1, d2] = [await draftOf(api, m1.fileId), await draftOf(api, m2.fileId)];
      expect([d1.total, d2.total]).toEqual(['160.01', '160.01']);
      const [p1, p2] = await Promise.all([approve(api, d1.id), approve(api, d2.id)]);
      for (const p of [p1, p2]) {
        // 53.3313 / 53.3313 / 53.3473: 160.00 rounded down, the last cent to the largest remainder (the third).
        expect(p.invoices.map((i: any) => [i.contactId, i.amount])).toEqual([[clients[0]!.id, '53.33'], [clients[1]!.id, '53.33'], [clients[2]!.id, '53.35']]);
        expect(sumCents(p.invoices.map((i: any) => i.amount))).toBe('160.01');
        const numbers = p.invoices.map((i: any) => Number(i.invoiceNumber));
        expect(numbers, 'one bill\'s numbers are consecutive').toEqual([numbers[0], numbers[0] + 1, numbers[0] + 2]);
      }
      const all = [...p1.invoices, ...p2.invoices].map((i: any) => Number(i.invoiceNumber)).sort((x, y) => x - y);
      expect(all).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await walk(api, '/billing/invoices')).map((i) => i.invoiceNumber)).toEqual(['1', '2', '3', '4', '5', '6']);
    });

    it("each client's account summary lists that client's open invoices on this matter only, at what is outstanding", async () => {
      const { api, clients, matter, addWork } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      const day = today();
      const m = await matter({ clients: [0, 1], percents: ['50.00', '50.00'], disbursements: [{ date: '2026-11-04', amount: '200.00' }] });
      const first = await approve(api, (await draftOf(api, m.fileId)).id);
      // A pays 30.00 of its 100.00; B pays all of its own.
      await ok(api.post(`/billing/bills/${first.id}/payments`, { amount: '30.00', date: day, method: 'check', contactId: a.id }), 'A pays part');
      await ok(api.post(`/billing/bills/${first.id}/payments`, { amount: '100.00', date: day, method: 'check', contactId: b.id }), 'B pays');
      // A's open invoice on another matter is not this matter's account.
      const other = await matter({ clients: [0], disbursements: [{ date: '2026-11-05', amount: '55.55' }] });
      await approve(api, (await draftOf(api, other.fileId)).id);

      await addWork(m.matterId, m.fileId, { disbursements: [{ date: '2026-11-20', amount: '80.00' }] });
      const second = await approve(api, (await draftOf(api, m.fileId)).id);
      const textOf = async (contactId: string) => {
        const pdf = await pdfReply(api, 'GET', `/billing/bills/${second.id}/preview?contactId=${contactId}`);
        expect(pdf.status).toBe(200);
        return (await pdfPagesText(pdf.bytes)).join('\n');
      };
      const [aText, bText] = [await textOf(a.id), await textOf(b.id)];
      const aFirst = first.invoices.find((i: any) => i.contactId === a.id).invoiceNumber;
      // Rows read invoice, date, due, amount, outstanding: A's first invoice at 70.00 of 100.00, then this one.
      const summary = aText.slice(aText.indexOf('Account summary')).split(/\s*\n\s*/).filter(Boolean);
      const row = summary.indexOf(aFirst);
      expect(row, aText).toBeGreaterThan(0);
      expect([summary[row + 3], summary[row + 4]]).toEqual(['100.00', '70.00']);
      expect(summary[summary.indexOf('Total outstanding on this matter') + 1]).toBe('110.00');
      expect(aText).not.toContain('55.55');
      // A preview of the posted bill shows the number it has taken, not DRAFT.
      const aSecond = second.invoices.find((i: any) => i.contactId === a.id).invoiceNumber;
      expect(aText).toContain(`This invoice (${aSecond})`);
      expect(aText).not.toContain('DRAFT');
      // B has paid its earlier invoice, so owes nothing earlier on this matter: no account summary at all.
      expect(bText).not.toContain('Account summary');
    });

    it("60/40: a payment by A shows on A's copy only, in the preview and in the stored PDF alike", async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      const m = await matter({ clients: [0, 1], percents: ['60.00', '40.00'], disbursements: [{ date: '2026-11-04', amount: '500.00' }] });
      const bill = await approve(api, (await draftOf(api, m.fileId)).id);
      const [ia, ib] = bill.invoices as any[];
      expect([ia.amount, ib.amount]).toEqual(['300.00', '200.00']);
      await ok(api.post(`/billing/bills/${bill.id}/payments`, { amount: '123.45', date: today(), method: 'wire', reference: 'A-REF-7781', contactId: a.id }), 'A pays');
      const copies = async (textOf: (contactId: string) => Promise<string>) => {
        const [aText, bText] = [await textOf(a.id), await textOf(b.id)];
        expect(aText).toContain('ref. A-REF-7781');
        expect(aText).toContain('123.45');
        expect(aText).toContain('176.55'); // A's balance: 300.00 − 123.45
        expect(bText).not.toContain('A-REF-7781');
        expect(bText).not.toContain('123.45');
        expect(bText).not.toContain('176.55');
        expect(bText).not.toContain('Payments received');
      };
      await copies(async (contactId) => {
        const pdf = await pdfReply(api, 'GET', `/billing/bills/${bill.id}/preview?contactId=${contactId}`);
        expect(pdf.status).toBe(200);
        return (await pdfPagesText(pdf.bytes)).join('\n');
      });
      await produce(api, [bill.id]);
      const documents = (await getBill(api, bill.id)).documents.filter((d: any) => d.kind === 'invoice_pdf');
      expect(documents.map((d: any) => d.contactId).sort()).toEqual([a.id, b.id].sort());
      await copies(async (contactId) => {
        const url = documents.find((d: any) => d.contactId === contactId).url;
        return (await pdfPagesText(Buffer.from(await (await fetch(url)).arrayBuffer()))).join('\n');
      });
    });
  });

  describe('zero shares and zero invoices', () => {
    it('a client at 0% gets no invoice (no preview, no payment, no LEDES file for it)', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const m = await matter({ clients: [0, 1], percents: ['100.00', '0.00'], ledesEnabled: true, entries: [{ date: '2026-11-02', hours: '0.5' }] });
      const draft = await draftOf(api, m.fileId);
      expect(draft.allocations.map((x: any) => x.contactId)).toEqual([clients[0]!.id]);
      const posted = await approve(api, draft.id);
      expect(posted.invoices.map((i: any) => [i.contactId, i.invoiceNumber, i.amount])).toEqual([[clients[0]!.id, '1', '100.00']]);
      expect((await pdfReply(api, 'GET', `/billing/bills/${draft.id}/preview?contactId=${clients[1]!.id}`)).status).toBe(400);
      const pay = await api.post(`/billing/bills/${draft.id}/payments`, { amount: '1.00', date: today(), method: 'check', contactId: clients[1]!.id });
      expect([pay.status, pay.body.code]).toEqual([409, 'no_invoice']);
      const ledes = await ok(api.post('/billing/ebilling', { billIds: [draft.id] }), 'ebilling');
      expect(ledes.items.map((x: any) => x.contactId)).toEqual([clients[0]!.id]);
      expect((await walk(api, '/billing/invoices')).map((i) => i.contactId)).toEqual([clients[0]!.id]);
    });

    it('a 0.00 invoice (no-charge work only; all lines written down, 100%/0%) is paid at posting, the bill paid once produced', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const free = await matter({ entries: [{ date: '2026-11-02', hours: '1.0', behavior: 'no_charge' }] });
      const written = await matter({ clients: [0, 1], percents: ['100.00', '0.00'], entries: [{ date: '2026-11-02', hours: '0.3' }] });
      const d1 = await draftOf(api, free.fileId);
      expect(d1.total).toBe('0.00');
      const d2 = await draftOf(api, written.fileId);
      const d2b = await ok(api.patch(`/accounting/bills/${d2.id}`, { adjustments: [{ lineId: d2.lines[0].id, percent: '-100', reason: 'Goodwill' }] }), 'write all down');
      expect(d2b).toMatchObject({ total: '0.00', adjustmentsTotal: '-60.00' });
      for (const d of [d1, d2]) {
        const posted = await approve(api, d.id);
        expect(posted.status).toBe('approved');
        expect(posted.invoices).toEqual([expect.objectContaining({ contactId: clients[0]!.id, amount: '0.00', outstanding: '0.00', status: 'paid' })]);
        expect(posted.outstanding).toBe('0.00');
      }
      await produce(api, [d1.id, d2.id]);
      expect((await getBill(api, d1.id)).status).toBe('paid');
      expect((await getBill(api, d2.id)).status).toBe('paid');
      expect((await walk(api, '/billing/invoices?status=open'))).toEqual([]);
      // Nothing is owed: the aging is empty.
      expect((await ok(api.get('/billing/aging'))).totals.total).toBe('0.00');
    });

    it('a 0.00 invoice is not emailed by production (emailInvoices on), nor by hand unless its client is named', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      // 60/40 of 0.01: A's invoice is 0.01, B's 0.00. And a bill of no-charge work only: B's 0.00 invoice.
      const split = await matter({ clients: [0, 1], percents: ['60.00', '40.00'], emailInvoices: true, disbursements: [{ date: '2026-11-02', amount: '0.01' }] });
      const free = await matter({ clients: [1], emailInvoices: true, entries: [{ date: '2026-11-02', hours: '1.0', behavior: 'no_charge' }] });
      const s = await approve(api, (await draftOf(api, split.fileId)).id);
      const f = await approve(api, (await draftOf(api, free.fileId)).id);
      expect(s.invoices.map((i: any) => [i.contactId, i.amount])).toEqual([[a.id, '0.01'], [b.id, '0.00']]);
      expect(f.invoices.map((i: any) => [i.contactId, i.amount])).toEqual([[b.id, '0.00']]);
      const [sa, sb] = s.invoices as any[];
      const fb = f.invoices[0];

      // Production emails A its 0.01 invoice, and B nothing (both of B's invoices are 0.00). The job ends after its emails.
      await produce(api, [s.id, f.id]);
      const toA = await eventually(async () => (mailsTo(a.email).length ? mailsTo(a.email) : undefined), 10_000, 'the email to A');
      expect(toA).toHaveLength(1);
      expect(mailText(toA[0]!)).toContain(`Please find attached invoice ${sa.invoiceNumber}`);
      expect(mailsTo(b.email)).toEqual([]);
      expect((await getBill(api, s.id)).deliveries.map((d: any) => d.contactId)).toEqual([a.id]);
      expect((await getBill(api, f.id)).deliveries).toEqual([]);

      // By hand with nobody named: a 0.00 invoice is skipped (the split bill: A only), or refused when it is all there is.
      const everyone = await ok(api.post(`/billing/bills/${s.id}/email`, {}), 'email everyone');
      expect(everyone.deliveries.map((d: any) => d.contactId)).toEqual([a.id, a.id]);
      const refused = await api.post(`/billing/bills/${f.id}/email`, {});
      expect([refused.status, refused.body.code], JSON.stringify(refused.body)).toEqual([409, 'no_recipient']);
      expect(refused.body.detail).toContain('0.00');
      expect(mailsTo(b.email)).toEqual([]);

      // Asked for by name (`contactId`, or the client's address in `to`): sent.
      const named = await ok(api.post(`/billing/bills/${f.id}/email`, { contactId: b.id }), 'email B by id');
      expect(named.deliveries).toEqual([expect.objectContaining({ contactId: b.id, to: b.email })]);
      const byAddress = await ok(api.post(`/billing/bills/${s.id}/email`, { to: b.email }), 'email B by address');
      expect(byAddress.deliveries.filter((d: any) => d.contactId === b.id)).toEqual([expect.objectContaining({ to: b.email })]);
      const toB = await eventually(async () => (mailsTo(b.email).length === 2 ? mailsTo(b.email).map(mailText) : undefined), 10_000, 'both emails to B');
      expect(toB.some((t) => t.includes(`Please find attached invoice ${fb.invoiceNumber}`))).toBe(true);
      expect(toB.some((t) => t.includes(`Please find attached invoice ${sb.invoiceNumber}`))).toBe(true);
      expect(toB.every((t) => t.includes('This invoice is paid in full.'))).toBe(true);
    });
  });

  describe('terms and aging', () => {
    it('firm terms of 14 days: due dates at invoice date + 14', async () => {
      const { api, matter } = await billingFirm();
      const { version: _v, updatedAt: _u, ...settings } = (await api.get('/accounting/settings')).body;
      expect(settings.billing.paymentTermsDays).toBe(30);
      const put = await ok(api.put('/accounting/settings', { ...settings, billing: { paymentTermsDays: 14, remittance: 'Wire to Bank of Austin, acct 123' } }), 'terms');
      expect(put.billing).toEqual({ paymentTermsDays: 14, remittance: 'Wire to Bank of Austin, acct 123' });
      // A PUT without `billing` keeps the terms.
      const { version: _v2, updatedAt: _u2, billing: _b, ...rest } = put;
      expect((await ok(api.put('/accounting/settings', rest), 'keep terms')).billing.paymentTermsDays).toBe(14);
      const m = await matter({ entries: [{ date: '2026-11-02', hours: '0.3' }] });
      const posted = await approve(api, (await draftOf(api, m.fileId)).id);
      expect(posted).toMatchObject({ paymentTermsDays: 14, dueDate: addDays(today(), 14) });
      expect(posted.invoices[0].dueDate).toBe(addDays(today(), 14));
      const bad = await api.put('/accounting/settings', { ...rest, billing: { paymentTermsDays: -1 } });
      expect([bad.status, paths(bad)]).toEqual([400, ['billing.paymentTermsDays']]);
    });

    it('a matter\'s billing.paymentTermsDays 45 overrides the firm\'s terms: due dates at invoice date + 45', async () => {
      const { api, matter } = await billingFirm();
      const m = await matter({ entries: [{ date: '2026-11-02', hours: '0.3' }] });
      await ok(api.patch(`/practice/matters/${m.matterId}`, { billing: { paymentTermsDays: 45 } }), 'matter terms');
      // The option reaches the accounting file by sync.
      await eventually(async () => ((await api.get(`/accounting/files/${m.fileId}`)).body.options?.paymentTermsDays === 45 ? true : undefined), 20_000);
      const posted = await approve(api, (await draftOf(api, m.fileId)).id);
      expect(posted).toMatchObject({ paymentTermsDays: 45, dueDate: addDays(today(), 45) });
      expect(posted.invoices[0].dueDate).toBe(addDays(today(), 45));
    });

    it('aging: buckets by days past due as of a day, exact per client, payments counted when dated on or before it; nothing is overdue today', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      const m = await matter({ clients: [0, 1], percents: ['50.00', '50.00'], entries: [{ date: '2026-11-02', hours: '1.0' }], disbursements: [{ date: '2026-11-03', amount: '0.01' }] });
      const bill = await approve(api, (await draftOf(api, m.fileId)).id);
      expect(bill.invoices.map((i: any) => i.amount)).toEqual(['100.01', '100.00']);
      const day = today();
      // A's part payment is dated 50 days from now: aging before that day does not count it.
      await ok(api.post(`/billing/bills/${bill.id}/payments`, { amount: '40.00', date: addDays(day, 50), method: 'check', contactId: a.id }), 'future-dated payment');
      const zero = { current: '0.00', '1-30': '0.00', '31-60': '0.00', '61-90': '0.00', '90+': '0.00' };
      const agingOn = async (offset: number) => ok(api.get(`/billing/aging?asOf=${addDays(day, offset)}`), 'aging');
      const rows = (aging: any) => Object.fromEntries(aging.clients.map((c: any) => [c.contactId, c]));

      const before = await agingOn(-1);
      expect(before.clients).toEqual([]);
      expect(before.totals).toEqual({ ...zero, total: '0.00' });
      for (const [offset, bucket, owedA] of [[0, 'current', '100.01'], [30, 'current', '100.01'], [31, '1-30', '100.01'], [45, '1-30', '100.01'],
        [75, '31-60', '60.01'], [100, '61-90', '60.01'], [130, '90+', '60.01']] as const) {
        const aging = await agingOn(offset);
        expect(aging.asOf).toBe(addDays(day, offset));
        const r = rows(aging);
        expect(r[a.id], `A on day +${offset}`).toMatchObject({ ...zero, [bucket]: owedA, total: owedA, invoices: 1, name: a.name });
        expect(r[b.id], `B on day +${offset}`).toMatchObject({ ...zero, [bucket]: '100.00', total: '100.00', invoices: 1 });
        expect(aging.totals, `totals on day +${offset}`).toEqual({ ...zero, [bucket]: sumCents([owedA, '100.00']), total: sumCents([owedA, '100.00']) });
      }
      // Today nothing is past due (the earliest due date is 30 days away).
      expect(await walk(api, '/billing/invoices?overdue=true')).toEqual([]);
      expect((await walk(api, '/billing/invoices?overdue=false')).map((i) => i.invoiceNumber)).toEqual(['1', '2']);
      expect(await walk(api, '/billing/bills?overdue=true')).toEqual([]);
      expect((await walk(api, '/billing/bills?overdue=false')).map((x) => x.id)).toEqual([bill.id]);
      expect((await getBill(api, bill.id)).overdue).toBe(false);
    });
  });

  describe('write-downs and discount on drafts', () => {
    it('lines by amount and percent, discount by percent and amount: every figure exact; the ledger keeps what was billed', async () => {
      const { api, matter } = await billingFirm();
      const m = await matter({
        entries: [{ date: '2026-11-01', hours: '0.3' }, { date: '2026-11-02', hours: '0.7' }, { date: '2026-11-03', hours: '1.0' }],
        disbursements: [{ date: '2026-11-04', amount: '100.10' }],
      });
      const draft = await draftOf(api, m.fileId);
      expect(draft).toMatchObject({ feesTotal: '400.00', disbursementsTotal: '100.10', adjustmentsTotal: '0.00', total: '500.10', discount: null });
      const [t1, t2, t3, d1] = draft.lines as any[];
      expect([t1.amount, t2.amount, t3.amount, d1.amount, d1.kind]).toEqual(['60.00', '140.00', '200.00', '100.10', 'disbursement']);

      const lineFigures = (bill: any) => bill.lines.map((l: any) => [l.adjustment, l.discountShare, l.billedAmount]);
      const adjusted = await ok(api.patch(`/accounting/bills/${draft.id}`, { adjustments: [
        { lineId: t1.id, amount: '-10.00', reason: 'Courtesy' },
        // 140.00 × 3.33% = 4.662 → 4.66; 100.10 × 5% = 5.005 → 5.01 (half-up, once).
        { lineId: t2.id, percent: '-3.33', reason: 'Junior rate' },
        { lineId: d1.id, percent: '5', reason: 'Handling' },
      ] }), 'adjust');
      expect(adjusted).toMatchObject({ feesTotal: '400.00', disbursementsTotal: '100.10', adjustmentsTotal: '-9.65', total: '490.45' });
      expect(lineFigures(adjusted)).toEqual([['-10.00', '0.00', '50.00'], ['-4.66', '0.00', '135.34'], ['0.00', '0.00', '200.00'], ['5.01', '0.00', '105.11']]);
      expect(adjusted.lines[0].writeDown).toEqual({ amount: '-10.00', reason: 'Courtesy' });
      expect(adjusted.lines[1].writeDown).toEqual({ amount: '-4.66', percent: '-3.33', reason: 'Junior rate' });

      // 10% of the fees as they stand (385.34) = 38.534 → 38.53, spread over the fee lines by what they bill.
      const tenPercent = await ok(api.patch(`/accounting/bills/${draft.id}`, { discount: { percent: '10', reason: 'Loyal client' } }), 'discount %');
      expect(tenPercent).toMatchObject({ total: '451.92', adjustmentsTotal: '-9.65', discount: { percent: '10', reason: 'Loyal client', value: '38.53' } });
      expect(lineFigures(tenPercent)).toEqual([['-15.00', '5.00', '45.00'], ['-18.19', '13.53', '121.81'], ['-20.00', '20.00', '180.00'], ['5.01', '0.00', '105.11']]);
      const fixed = await ok(api.patch(`/accounting/bills/${draft.id}`, { discount: { amount: '50.00', reason: 'Agreed cap' } }), 'discount amount');
      expect(fixed).toMatchObject({ total: '440.45', discount: { amount: '50.00', reason: 'Agreed cap', value: '50.00' } });
      expect(lineFigures(fixed)).toEqual([['-16.49', '6.49', '43.51'], ['-22.22', '17.56', '117.78'], ['-25.95', '25.95', '174.05'], ['5.01', '0.00', '105.11']]);
      expect(sumCents(fixed.lines.map((l: any) => l.billedAmount))).toBe(fixed.total);
      // The lines route shows the same figures.
      expect((await walk(api, `/billing/bills/${draft.id}/lines?limit=2`)).map((l) => [l.adjustment, l.discountShare, l.billedAmount])).toEqual(lineFigures(fixed));

      const posted = await approve(api, draft.id);
      expect(posted).toMatchObject({ total: '440.45', outstanding: '440.45' });
      // The receivable is what the client is billed; the recorded work leaves unbilled at its recorded value.
      await balanceBecomes(api, m.matterId, { unbilled: '0.00', billed: '440.45', paid: '0.00', outstanding: '440.45' });
      expect(posted.invoices.map((i: any) => i.amount)).toEqual(['440.45']);
      const ledger = new Map((await ledgerOf(api, m.fileId, 'billed')).map((e) => [e.id, e]));
      expect([t1, t2, t3].map((l) => [ledger.get(l.id)?.amount, ledger.get(l.id)?.billedAmount, ledger.get(l.id)?.billId])).toEqual([
        ['60.00', '43.51', draft.id], ['140.00', '117.78', draft.id], ['200.00', '174.05', draft.id],
      ]);
      // A posted bill is not a draft any more: no write-downs.
      expect((await api.patch(`/accounting/bills/${draft.id}`, { discount: null })).status).toBe(409);
    });

    it('invalid write-downs and discounts are refused (400 with paths, 409 negative_line / discount_too_large) and change nothing', async () => {
      const { api, matter } = await billingFirm();
      const m = await matter({ entries: [{ date: '2026-11-01', hours: '0.3' }], disbursements: [{ date: '2026-11-02', amount: '10.00' }] });
      const draft = await draftOf(api, m.fileId);
      const [t1, d1] = draft.lines as any[];
      const before = await ok(api.get(`/accounting/bills/${draft.id}`));
      const refused = async (body: unknown, status: number) => {
        const res = await api.patch(`/accounting/bills/${draft.id}`, body);
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        return res;
      };
      expect(paths(await refused({ adjustments: [{ lineId: t1.id, amount: '-1.00', percent: '-1', reason: 'x' }] }, 400))).toEqual(['adjustments.0']);
      expect(paths(await refused({ adjustments: [{ lineId: t1.id, amount: '-1.00' }] }, 400))).toEqual(['adjustments.0.reason']);
      expect(paths(await refused({ adjustments: [{ lineId: t1.id, amount: '-1.00', reason: '   ' }] }, 400))).toEqual(['adjustments.0.reason']);
      expect(paths(await refused({ adjustments: [{ lineId: t1.id, amount: '-1.00', reason: 'ok' }, { lineId: 'le_nope', amount: '-1.00', reason: 'x' }] }, 400))).toEqual(['adjustments.1.lineId']);
      expect(paths(await refused({ adjustments: [{ lineId: t1.id, amount: '-1.5', reason: 'x' }] }, 400))).toEqual(['adjustments.0.amount']);
      expect(paths(await refused({ discount: { amount: '5.00', percent: '5', reason: 'x' } }, 400))).toEqual(['discount']);
      expect(paths(await refused({ discount: { percent: '0', reason: 'x' } }, 400))).toEqual(['discount.percent']);
      expect(paths(await refused({ discount: { percent: '101', reason: 'x' } }, 400))).toEqual(['discount.percent']);
      expect(paths(await refused({ discount: { amount: '5.00' } }, 400))).toEqual(['discount.reason']);
      // 60.00 written down by 60.01 goes below zero; a discount above the fees (60.00; costs are not discounted) too.
      const negative = await refused({ adjustments: [{ lineId: t1.id, amount: '-60.01', reason: 'Too much' }] }, 409);
      expect(negative.body.code).toBe('negative_line');
      expect(negative.body.errors.map((e: any) => e.path)).toEqual([`lines.${t1.id}`]);
      expect((await refused({ adjustments: [{ lineId: d1.id, amount: '-10.01', reason: 'x' }] }, 409)).body.code).toBe('negative_line');
      expect((await refused({ discount: { amount: '60.01', reason: 'Too much' } }, 409)).body.code).toBe('discount_too_large');
      const after = await ok(api.get(`/accounting/bills/${draft.id}`));
      expect({ version: after.version, total: after.total, adjustmentsTotal: after.adjustmentsTotal, discount: after.discount, lines: after.lines })
        .toEqual({ version: before.version, total: before.total, adjustmentsTotal: before.adjustmentsTotal, discount: before.discount, lines: before.lines });
      expect(after).toMatchObject({ total: '70.00', adjustmentsTotal: '0.00', discount: null });
      // The most a discount can take: exactly the fees.
      const all = await ok(api.patch(`/accounting/bills/${draft.id}`, { discount: { amount: '60.00', reason: 'Fees waived' } }), 'whole fees');
      expect(all).toMatchObject({ total: '10.00', version: before.version + 1 });
    });
  });

  describe('revert', () => {
    it('un-posts and re-posts with the same numbers; documents stay as versions; payments block it; deleting makes numbers void; no number lost', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const spec: MatterSpec = { clients: [0, 1], percents: ['50.00', '50.00'], entries: [{ date: '2026-11-02', hours: '0.5' }] };
      const [mA, mB, mC, mD] = [await matter(spec), await matter(spec), await matter(spec), await matter(spec)];

      // A: approve → revert → draft: invoices gone, numbers held, entries unbilled, balance back; approve again → same numbers.
      const a = await draftOf(api, mA.fileId);
      const aPosted = await approve(api, a.id);
      const aNumbers = aPosted.invoices.map((i: any) => ({ contactId: i.contactId, invoiceNumber: i.invoiceNumber }));
      expect(aNumbers).toEqual([{ contactId: clients[0]!.id, invoiceNumber: '1' }, { contactId: clients[1]!.id, invoiceNumber: '2' }]);
      await balanceBecomes(api, mA.matterId, { unbilled: '0.00', billed: '100.00' });
      expect(await ok(api.post('/billing/production/revert', { billIds: [a.id] }))).toEqual({ reverted: [a.id], failed: [] });
      const aDraft = await getBill(api, a.id);
      expect(aDraft).toMatchObject({ status: 'draft', invoices: [], invoiceDate: null, dueDate: null, heldInvoiceNumbers: aNumbers, outstanding: '0.00' });
      expect((await ledgerOf(api, mA.fileId)).map((e) => e.status)).toEqual(['unbilled']);
      await balanceBecomes(api, mA.matterId, { unbilled: '100.00', billed: '0.00', outstanding: '0.00' });
      // Held numbers are not listed as invoices (nor as void) while their draft keeps them.
      expect(await walk(api, '/billing/invoices')).toEqual([]);
      // Another bill meanwhile takes the next numbers, not the held ones.
      const c = await draftOf(api, mC.fileId);
      expect((await approve(api, c.id)).invoices.map((i: any) => i.invoiceNumber)).toEqual(['3', '4']);
      const aAgain = await approve(api, a.id);
      expect(aAgain.invoices.map((i: any) => ({ contactId: i.contactId, invoiceNumber: i.invoiceNumber }))).toEqual(aNumbers);
      expect(aAgain.heldInvoiceNumbers).toEqual([]);
      await balanceBecomes(api, mA.matterId, { unbilled: '0.00', billed: '100.00' });

      // B: approve, produce (documents v1), revert while finalized with nothing paid, approve + produce: v2 as well.
      const b = await draftOf(api, mB.fileId);
      const bNumbers = (await approve(api, b.id)).invoices.map((i: any) => i.invoiceNumber);
      expect(bNumbers).toEqual(['5', '6']);
      await produce(api, [b.id]);
      const bProduced = await getBill(api, b.id);
      expect(bProduced.status).toBe('finalized');
      expect(bProduced.documents.map((d: any) => [d.kind, d.invoiceNumber, d.version])).toEqual([['invoice_pdf', '5', 1], ['invoice_pdf', '6', 1]]);
      expect(await ok(api.post('/billing/production/revert', { billIds: [b.id] }))).toEqual({ reverted: [b.id], failed: [] });
      const bDraft = await getBill(api, b.id);
      expect(bDraft.status).toBe('draft');
      expect(bDraft.documents.map((d: any) => [d.kind, d.invoiceNumber, d.version])).toEqual([['invoice_pdf', '5', 1], ['invoice_pdf', '6', 1]]);
      await approve(api, b.id);
      await produce(api, [b.id]);
      const bTwice = await getBill(api, b.id);
      expect(bTwice.invoices.map((i: any) => i.invoiceNumber)).toEqual(bNumbers);
      expect(bTwice.documents.map((d: any) => `${d.invoiceNumber}v${d.version}`).sort()).toEqual(['5v1', '5v2', '6v1', '6v2']);
      for (const d of bTwice.documents) expect((await fetch(d.url)).status).toBe(200);

      // C has a payment: reverting it is a 409 has_payments, and a revert of several bills naming it does nothing.
      await ok(api.post(`/billing/bills/${c.id}/payments`, { amount: '1.00', date: today(), method: 'check' }), 'payment on C');
      const blocked = await api.post('/billing/production/revert', { billIds: [a.id, c.id] });
      expect([blocked.status, blocked.body.code, blocked.body.errors?.map((e: any) => e.path)], JSON.stringify(blocked.body)).toEqual([409, 'has_payments', ['billIds.1']]);
      expect((await getBill(api, a.id)).status).toBe('approved');

      // D: approve, revert, delete: its numbers are void, never reused, listed with why and when.
      const d = await draftOf(api, mD.fileId);
      expect((await approve(api, d.id)).invoices.map((i: any) => i.invoiceNumber)).toEqual(['7', '8']);
      await ok(api.post('/billing/production/revert', { billIds: [d.id] }));
      expect((await call('DELETE', `/accounting/bills/${d.id}`, { token: api.token })).status).toBe(204);
      const voids = await walk(api, '/billing/invoices?status=void');
      expect(voids.map((v) => [v.invoiceNumber, v.billId, v.status])).toEqual([['7', d.id, 'void'], ['8', d.id, 'void']]);
      for (const v of voids) {
        expect(v.voidReason).toMatch(/\S/);
        expect(Date.parse(v.voidedAt)).toBeGreaterThan(Date.now() - 120_000);
      }
      // The deleted draft's entries are free again: a new bill takes new numbers.
      const d2 = await draftOf(api, mD.fileId);
      expect((await approve(api, d2.id)).invoices.map((i: any) => i.invoiceNumber)).toEqual(['9', '10']);

      // D2 reverted while its file gets another draft: 409 bill_open, nothing moves. Then, with that draft gone and
      // the split changed to 100/0, D2 approved again keeps A's number and B's held number is void (never reused).
      await ok(api.post(`/accounting/files/${mD.fileId}/disbursements`, { date: '2026-11-20', description: 'Courier', amount: '12.00' }), 'disbursement');
      const other = await draftOf(api, mD.fileId);
      const busy = await api.post('/billing/production/revert', { billIds: [d2.id] });
      expect([busy.status, busy.body.code], JSON.stringify(busy.body)).toEqual([409, 'bill_open']);
      expect((await getBill(api, d2.id)).status).toBe('approved');
      expect((await call('DELETE', `/accounting/bills/${other.id}`, { token: api.token })).status).toBe(204);
      await ok(api.post('/billing/production/revert', { billIds: [d2.id] }));
      await ok(api.put(`/accounting/files/${mD.fileId}/allocations`, { allocations: [{ contactId: clients[0]!.id, percent: '100.00' }, { contactId: clients[1]!.id, percent: '0.00' }] }), 'split 100/0');
      const d2Again = await approve(api, d2.id);
      expect(d2Again.invoices.map((i: any) => [i.contactId, i.invoiceNumber, i.amount])).toEqual([[clients[0]!.id, '9', '100.00']]);

      // Audit: every number 1..N the firm took is on an invoice or listed void, once.
      const every = await walk(api, '/billing/invoices?limit=3');
      expect(every.map((i) => Number(i.invoiceNumber))).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      expect(every.filter((i) => i.status === 'void').map((i) => i.invoiceNumber)).toEqual(['7', '8', '10']);
      expect(every.find((i) => i.invoiceNumber === '10')).toMatchObject({ billId: d2.id, contactId: clients[1]!.id, voidReason: expect.stringMatching(/\S/) });
    });
  });

  describe('Bill Production actions on an approved (not produced) bill', () => {
    it('preview per client, LEDES per invoice, email by hand, payment: all on an approved bill', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      const m = await matter({
        clients: [0, 1], percents: ['60.00', '40.00'], ledesEnabled: true,
        entries: [{ date: '2026-11-02', hours: '0.3' }, { date: '2026-11-03', hours: '0.7' }, { date: '2026-11-04', hours: '0.1', behavior: 'no_charge' }],
        disbursements: [{ date: '2026-11-05', amount: '33.33' }],
      });
      const draft = await draftOf(api, m.fileId);
      await ok(api.patch(`/accounting/bills/${draft.id}`, { adjustments: [{ lineId: draft.lines[1].id, amount: '-7.77', reason: 'Courtesy' }], discount: { percent: '3', reason: 'x' } }), 'adjust');
      const bill = await approve(api, draft.id);
      expect(bill.status).toBe('approved');
      const [ia, ib] = bill.invoices as any[];

      // Preview: one PDF per client; a client without an invoice is a 400.
      for (const contactId of [a.id, b.id, undefined]) {
        const p = await pdfReply(api, 'GET', `/billing/bills/${bill.id}/preview${contactId ? `?contactId=${contactId}` : ''}`);
        expect([p.status, p.type, p.bytes.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
      }
      const stranger = await pdfReply(api, 'GET', `/billing/bills/${bill.id}/preview?contactId=ct_nobody`);
      expect([stranger.status, stranger.json?.errors?.[0]?.path]).toEqual([400, 'contactId']);

      // E-billing: one LEDES file per invoice, each with its own client, number and total, and arithmetic that holds.
      const ledes = await ok(api.post('/billing/ebilling', { billIds: [bill.id] }), 'ebilling');
      expect(ledes.items.map((x: any) => [x.billId, x.contactId, x.invoiceNumber])).toEqual([[bill.id, a.id, ia.invoiceNumber], [bill.id, b.id, ib.invoiceNumber]]);
      const numbers = await Promise.all([a, b].map(async (c) => (await ok(api.get(`/accounting/contacts/${c.id}`))).contactNumber as string));
      const clientIds: string[] = [];
      for (const [n, item] of (ledes.items as any[]).entries()) {
        const text = await (await fetch(item.url)).text();
        const [format, header, ...rows] = text.split(/\r?\n/).filter(Boolean);
        expect(format).toBe('LEDES1998B[]');
        const fields = header!.replace(/\[\]$/, '').split('|');
        const records = rows.map((r) => Object.fromEntries(r.replace(/\[\]$/, '').split('|').map((v, i) => [fields[i], v])));
        const invoice = bill.invoices[n];
        expect(records).toHaveLength(4);
        for (const r of records) {
          expect(r.INVOICE_NUMBER).toBe(invoice.invoiceNumber);
          expect(r.INVOICE_TOTAL).toBe(invoice.amount);
          expect(r.CLIENT_ID).toBe(numbers[n]);
          // units × unit cost, rounded half-up to the cent, + adjustment = line total.
          const product = money(BigInt(Math.round(Number(r.LINE_ITEM_NUMBER_OF_UNITS) * Number(r.LINE_ITEM_UNIT_COST) * 100)));
          expect(sumCents([product, r.LINE_ITEM_ADJUSTMENT_AMOUNT!]), `line ${r.LINE_ITEM_NUMBER} of ${invoice.invoiceNumber}`).toBe(r.LINE_ITEM_TOTAL);
        }
        expect(sumCents(records.map((r) => r.LINE_ITEM_TOTAL!))).toBe(invoice.amount);
        clientIds.push(records[0]!.CLIENT_ID!);
      }
      expect(new Set(clientIds).size).toBe(2);
      const plain = await matter({ entries: [{ date: '2026-11-02', hours: '0.3' }] });
      const plainBill = await approve(api, (await draftOf(api, plain.fileId)).id);
      const refused = await api.post('/billing/ebilling', { billIds: [plainBill.id] });
      expect([refused.status, refused.body.code]).toEqual([409, 'ledes_disabled']);

      // Email by hand: B's invoice to B, the note added to the standard text.
      const sent = await ok(api.post(`/billing/bills/${bill.id}/email`, { contactId: b.id, message: 'Please pay by Friday, with thanks.' }), 'email');
      expect(sent.status).toBe('approved');
      expect(sent.deliveries).toEqual([expect.objectContaining({ to: b.email, contactId: b.id, messageId: expect.any(String) })]);
      const mail = await eventually(async () => mailsTo(b.email)[0], 10_000, 'the email in the sink');
      const text = mailText(mail);
      expect(text).toContain('Please pay by Friday, with thanks.');
      expect(text).toContain(`Please find attached invoice ${ib.invoiceNumber}`);
      expect(text).toContain(`Balance due: $${ib.amount}`);
      expect(mail).toContain('application/pdf');
      expect(mailsTo(a.email)).toEqual([]);
      // No contact and no address named: every invoiced client with an address gets its own invoice.
      const everyone = await ok(api.post(`/billing/bills/${bill.id}/email`, {}), 'email everyone');
      expect(everyone.deliveries.map((d: any) => d.contactId).sort()).toEqual([a.id, b.id, b.id].sort());
      const toA = await eventually(async () => mailsTo(a.email)[0], 10_000, 'the email to A');
      expect(mailText(toA)).toContain(`Please find attached invoice ${ia.invoiceNumber}`);
      expect(mailText(toA)).not.toContain('Please pay by Friday');

      // A payment on the approved bill.
      const pay = await api.post(`/billing/bills/${bill.id}/payments`, { amount: '10.00', date: today(), method: 'ach', contactId: b.id });
      expect(pay.status).toBe(201);
      const after = await getBill(api, bill.id);
      expect(after).toMatchObject({ status: 'approved', paid: '10.00' });
      expect(after.documents.map((d: any) => d.kind)).toEqual(['ledes', 'ledes']);
    });

    it('production preview: one PDF of every invoice of the named bills, or of all approved bills', async () => {
      const { api, matter } = await billingFirm({ clients: 3 });
      const split = await matter({ clients: [0, 1, 2], percents: ['50.00', '25.00', '25.00'], entries: [{ date: '2026-11-02', hours: '0.5' }] });
      const single = await matter({ clients: [1], entries: [{ date: '2026-11-02', hours: '0.5' }] });
      const none = await pdfReply(api, 'POST', '/billing/production/preview', {});
      expect([none.status, none.json?.code]).toEqual([409, 'nothing_to_preview']);
      const [b1, b2] = [await approve(api, (await draftOf(api, split.fileId)).id), await approve(api, (await draftOf(api, single.fileId)).id)];
      const pages = async (reply: { status: number; bytes: Buffer }) => {
        expect(reply.status).toBe(200);
        return (await PDFDocument.load(reply.bytes)).getPageCount();
      };
      expect(await pages(await pdfReply(api, 'POST', '/billing/production/preview', { billIds: [b1.id] }))).toBeGreaterThanOrEqual(3);
      const named = await pages(await pdfReply(api, 'POST', '/billing/production/preview', { billIds: [b1.id, b2.id] }));
      expect(named).toBeGreaterThanOrEqual(4);
      expect(await pages(await pdfReply(api, 'POST', '/billing/production/preview', {}))).toBe(named);
      const missing = await pdfReply(api, 'POST', '/billing/production/preview', { billIds: ['bl_nope'] });
      expect(missing.status).toBe(404);
    });

    it('print batch: one PDF on the job whose pages are the stored invoices of the bills whose matters print invoices', async () => {
      const { api, matter } = await billingFirm({ clients: 2 });
      const split = await matter({ clients: [0, 1], percents: ['50.00', '50.00'], printInvoices: true, entries: [{ date: '2026-11-02', hours: '0.5' }] });
      const single = await matter({ clients: [1], printInvoices: true, disbursements: [{ date: '2026-11-03', amount: '42.00' }] });
      const unprinted = await matter({ clients: [0], entries: [{ date: '2026-11-04', hours: '0.2' }] });
      const bills = [await approve(api, (await draftOf(api, split.fileId)).id), await approve(api, (await draftOf(api, single.fileId)).id)];
      const other = await approve(api, (await draftOf(api, unprinted.fileId)).id);
      const job = await produce(api, [...bills.map((b) => b.id), other.id]);
      expect(job.printBatch).toEqual({ bills: 2, invoices: 3, url: expect.any(String) });

      const lines = (pages: string[]) => pages.map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
      const batch = lines(await pdfPagesText(Buffer.from(await (await fetch(job.printBatch.url)).arrayBuffer())));
      // Each printed invoice's own stored PDF, page by page, is in the batch; the unprinted bill's is not.
      const stored: string[][] = [];
      for (const bill of [...bills, other]) {
        const produced = await getBill(api, bill.id);
        expect(produced.documents.some((d: any) => d.kind === 'print_batch'), bill.id).toBe(bill !== other);
        for (const d of produced.documents.filter((x: any) => x.kind === 'invoice_pdf')) {
          const pages = lines(await pdfPagesText(Buffer.from(await (await fetch(d.url)).arrayBuffer())));
          if (bill !== other) stored.push(...pages);
          // Every page's footer names its invoice.
          for (const page of pages) expect(page).toContain(`Invoice ${d.invoiceNumber}`);
        }
      }
      const key = (page: string[]) => page.join('\n');
      expect(batch.map(key).sort()).toEqual(stored.map(key).sort());
      const footers = batch.map((page) => page.find((l) => /^Invoice \d+$/.test(l)));
      expect([...new Set(footers)].sort()).toEqual([...bills.flatMap((b) => b.invoices.map((i: any) => `Invoice ${i.invoiceNumber}`))].sort());
      expect(footers).not.toContain(`Invoice ${other.invoices[0].invoiceNumber}`);
    });
  });

  // Fails today: every route with a body schema requires a body (lib/http/request.ts parseBody: 400 "A JSON body is
  // required."), so a client following "none = all approved" literally, with no body at all, gets a 400. `{}` works.
  it('production preview and revert with no request body at all act on every approved bill (today 400: a body is required)', async () => {
    const { api, matter } = await billingFirm();
    const m = await matter({ entries: [{ date: '2026-11-02', hours: '0.5' }] });
    const bill = await approve(api, (await draftOf(api, m.fileId)).id);
    const preview = await pdfReply(api, 'POST', '/billing/production/preview');
    expect([preview.status, preview.type], JSON.stringify(preview.json)).toEqual([200, 'application/pdf']);
    const reverted = await call('POST', '/billing/production/revert', { token: api.token });
    expect([reverted.status, reverted.body], JSON.stringify(reverted.body)).toEqual([200, { reverted: [bill.id], failed: [] }]);
  });

  describe('lists', () => {
    it('bills by status, file, client, date and overdue, paged by cursor; lines paged in bill order; invoices by status, client and file', async () => {
      const { api, clients, matter } = await billingFirm({ clients: 2 });
      const [a, b] = clients as [typeof clients[0], typeof clients[0]];
      const work = { entries: [{ date: '2026-11-03', hours: '0.2' }, { date: '2026-11-01', hours: '0.1' }, { date: '2026-11-02', hours: '0.4' }], disbursements: [{ date: '2026-11-02', amount: '5.00' }, { date: '2026-11-01', amount: '7.00' }] };
      const mDraft = await matter({ ...work });
      const mApproved = await matter({ clients: [0, 1], percents: ['50.00', '50.00'], ...work });
      const mFinal = await matter({ clients: [1], ...work });
      const draft = await draftOf(api, mDraft.fileId);
      const approved = await approve(api, (await draftOf(api, mApproved.fileId)).id);
      const final = await approve(api, (await draftOf(api, mFinal.fileId)).id);
      await produce(api, [final.id]);
      const ids = async (query: string) => (await walk(api, `/billing/bills${query}`)).map((x) => x.id).sort();
      const sorted = (...xs: string[]) => [...xs].sort();

      expect(await ids('')).toEqual(sorted(draft.id, approved.id, final.id));
      expect(await ids('?status=draft')).toEqual([draft.id]);
      expect(await ids('?status=approved')).toEqual([approved.id]);
      expect(await ids('?status=finalized')).toEqual([final.id]);
      expect(await ids('?status=paid')).toEqual([]);
      expect(await ids(`?fileId=${mApproved.fileId}`)).toEqual([approved.id]);
      expect(await ids(`?contactId=${b.id}`)).toEqual(sorted(approved.id, final.id));
      expect(await ids(`?contactId=${a.id}`)).toEqual(sorted(draft.id, approved.id));
      expect(await ids(`?contactId=${a.id}&status=approved`)).toEqual([approved.id]);
      const day = today();
      expect(await ids(`?from=${day}&to=${day}`)).toEqual(sorted(draft.id, approved.id, final.id));
      expect(await ids(`?to=${addDays(day, -1)}`)).toEqual([]);
      expect(await ids(`?from=${addDays(day, 1)}`)).toEqual([]);
      expect(await ids('?overdue=true')).toEqual([]);
      // Cursor paging one at a time walks every bill once.
      const one = await walk(api, '/billing/bills?limit=1');
      expect(one.map((x) => x.id).sort()).toEqual(sorted(draft.id, approved.id, final.id));
      expect((await ok(api.get('/billing/bills?limit=1'))).items).toHaveLength(1);
      expect((await api.get('/billing/bills?status=nope')).status).toBe(400);
      expect((await api.get('/billing/bills?limit=501')).status).toBe(400);

      // Lines: bill order (by date, time before disbursements on a day), paged.
      const lines = await walk(api, `/billing/bills/${draft.id}/lines?limit=2`);
      expect(lines.map((l) => [l.date, l.kind, l.amount])).toEqual([
        ['2026-11-01', 'time', '20.00'], ['2026-11-01', 'disbursement', '7.00'], ['2026-11-02', 'time', '80.00'], ['2026-11-02', 'disbursement', '5.00'], ['2026-11-03', 'time', '40.00'],
      ]);
      expect(lines.map((l) => l.id)).toEqual((await allLines(api, await getBill(api, draft.id))).map((l) => l.id));
      const firstPage = await ok(api.get(`/billing/bills/${draft.id}/lines?limit=2`));
      expect([firstPage.items.length, typeof firstPage.nextCursor]).toEqual([2, 'string']);

      // Invoices: approved (A 1, B 2) and finalized (B 3).
      const numbers = async (query: string) => (await walk(api, `/billing/invoices${query}`)).map((i) => i.invoiceNumber);
      expect(await numbers('')).toEqual(['1', '2', '3']);
      expect(await numbers(`?contactId=${b.id}`)).toEqual(['2', '3']);
      expect(await numbers(`?contactId=${a.id}`)).toEqual(['1']);
      expect(await numbers(`?fileId=${mFinal.fileId}`)).toEqual(['3']);
      expect(await numbers('?status=open')).toEqual(['1', '2', '3']);
      await ok(api.post(`/billing/bills/${final.id}/payments`, { amount: final.total, date: day, method: 'check' }), 'pay final');
      expect(await numbers('?status=paid')).toEqual(['3']);
      expect(await numbers(`?status=open&contactId=${b.id}`)).toEqual(['2']);
      expect(await numbers('?limit=1')).toEqual(['1', '2', '3']);
      expect(await ids('?status=paid')).toEqual([final.id]);
    });
  });

  it('payment methods: eft and trust are accepted, an unknown method is a 400', async () => {
    const { api, matter } = await billingFirm();
    const m = await matter({ entries: [{ date: '2026-11-02', hours: '0.5' }] });
    const bill = await approve(api, (await draftOf(api, m.fileId)).id);
    for (const method of ['eft', 'trust']) {
      const res = await api.post(`/billing/bills/${bill.id}/payments`, { amount: '10.00', date: today(), method, reference: `R-${method}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ method, amount: '10.00', invoiceNumber: '1' });
    }
    const bad = await api.post(`/billing/bills/${bill.id}/payments`, { amount: '10.00', date: today(), method: 'bitcoin' });
    expect([bad.status, paths(bad)]).toEqual([400, ['method']]);
    expect((await getBill(api, bill.id))).toMatchObject({ paid: '20.00', outstanding: '80.00' });
    // Two payments at once that together exceed the invoice: one is taken, the other is an overpayment.
    const racing = await Promise.all([1, 2].map(() => api.post(`/billing/bills/${bill.id}/payments`, { amount: '50.00', date: today(), method: 'check' })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await getBill(api, bill.id))).toMatchObject({ paid: '70.00', outstanding: '30.00' });
    expect((await walk(api, '/billing/invoices'))[0]).toMatchObject({ paid: '70.00', outstanding: '30.00', status: 'open' });
  });
});
