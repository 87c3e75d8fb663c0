import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { client, eventually, newFirm, person, settledRecord, stack, type Client } from './helpers.ts';
import { diffSnapshots, snapshot, waitQuiet } from './support/firm-state.ts';
import { queueFunction, sample, sqsRecord, useStackEnvironment } from './support/handlers.ts';

/*
 * Practice's side of bills as receivables: the to-practice handler fed the
 * SQS events Lambda passes (built from events/samples), read back through the
 * HTTP API. Accounting's bills are not involved: the messages are the ones it
 * would send, in the orders a queue may deliver them.
 */

// Before any handler or lib module is imported: they read their configuration at import, as in Lambda.
const restoreEnvironment = useStackEnvironment(stack);
afterAll(restoreEnvironment);

const toPractice = await queueFunction('toPracticeConsumer');
const { matterEntity } = await import('../../lib/practice/entities/matter.entity.ts');
const { fileEntity } = await import('../../lib/accounting/entities/file.entity.ts');
const { commit } = await import('../../lib/aws/transactions.ts');

const ok = async (reply: Promise<{ status: number; body: any }>) => {
  const r = await reply;
  expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  return r.body;
};

/** Delivers the messages as one SQS batch, in this order; every record must succeed. */
async function deliver(...messages: Record<string, unknown>[]) {
  expect(await toPractice(messages.map((m) => sqsRecord('toPractice', m)))).toEqual({ batchItemFailures: [] });
}

/** A firm with a linked matter and `n` time entries sent for billing (draft, locked), plus one open entry. */
async function firmWithSentTime(n: number) {
  const firm = newFirm();
  const api = await client(firm);
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }));
  const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id }));
  await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }));
  const contact = await ok(api.post('/practice/contacts', person('Client Co')));
  await settledRecord(api, `/practice/contacts/${contact.id}`);
  const matter = await ok(api.post('/practice/matters', { name: 'Client Co v. Rival', clientIds: [contact.id] }));
  expect((await settledRecord(api, `/practice/matters/${matter.id}`)).link.status).toBe('synchronized');
  const entry = (i: number) =>
    ok(api.post('/practice/time-entries', { matterId: matter.id, timekeeperId: tk.id, date: `2026-11-${String(1 + i).padStart(2, '0')}`, description: `Work ${i}`, hours: '0.5', behavior: 'bill' }));
  const sent: any[] = [];
  for (let i = 0; i < n; i++) sent.push(await entry(i));
  const job = await ok(api.post('/practice/billing/time-exports', { matterId: matter.id }));
  const done = await eventually(async () => {
    const j = (await api.get(`/jobs/${job.id}`)).body;
    return ['succeeded', 'failed', 'partially_failed'].includes(j.status) ? j : undefined;
  }, 60_000, 'the export');
  expect(done.status).toBe('succeeded');
  const open = await entry(n);
  for (const e of sent) expect((await api.get(`/practice/time-entries/${e.id}`)).body.status).toBe('draft');
  await waitQuiet(firm, { stableMs: 1000 });
  return { firm, api, matterId: matter.id as string, entryIds: sent.map((e) => e.id as string), openId: open.id as string };
}

const seq = (minute: number, version: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z#${String(version).padStart(10, '0')}`;

/** Every order of a list. */
const permutations = <T>(xs: readonly T[]): T[][] =>
  xs.length <= 1 ? [[...xs]] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));

const entryState = async (api: Client, id: string) => {
  const body = (await api.get(`/practice/time-entries/${id}`)).body;
  return { status: body.status, invoiceNumber: body.invoiceNumber };
};

describe('accounting.bill.entries in practice', () => {
  it('billed, reverted, billed again: in every delivery order each entry ends as the highest seq says; duplicates and stale news change nothing', async () => {
    const orders = permutations([0, 1, 2]);
    const { firm, api, entryIds, openId } = await firmWithSentTime(orders.length * 2);
    const billId = `bl_${randomUUID()}`;
    const news = (ids: string[], status: 'billed' | 'draft', s: string, invoiceNumber?: string) =>
      sample('accounting.bill.entries', { firmId: firm, billId, seq: s, status, timeEntryIds: ids, ...(invoiceNumber ? { invoiceNumber } : {}) });

    // Entries 0..5: posted (seq 1, invoice 1001), reverted (seq 2), posted again (seq 3, its number back), delivered in each order.
    // Entries 6..11: posted, then reverted as the last word.
    const endsBilled = entryIds.slice(0, orders.length);
    const endsDraft = entryIds.slice(orders.length);
    const sent: Record<string, unknown>[] = [];
    for (const [k, order] of orders.entries()) {
      const billedStory = [news([endsBilled[k]!], 'billed', seq(1, 2), '1001'), news([endsBilled[k]!], 'draft', seq(2, 3)), news([endsBilled[k]!], 'billed', seq(3, 4), '1001')];
      const draftStory = [news([endsDraft[k]!], 'billed', seq(1, 2), '1001'), news([endsDraft[k]!], 'billed', seq(2, 4), '1002'), news([endsDraft[k]!], 'draft', seq(3, 5))];
      const batch = order.flatMap((i) => [billedStory[i]!, draftStory[i]!]);
      await deliver(...batch);
      sent.push(...batch);
    }
    for (const id of endsBilled) expect(await entryState(api, id), id).toEqual({ status: 'billed', invoiceNumber: '1001' });
    for (const id of endsDraft) expect(await entryState(api, id), id).toEqual({ status: 'draft', invoiceNumber: undefined });
    // The status lists follow (the status index moved with each change).
    await eventually(async () => {
      const billedList = (await api.get(`/practice/time-entries?status=billed&limit=500`)).body.items.map((e: any) => e.id).sort();
      return JSON.stringify(billedList) === JSON.stringify([...endsBilled].sort()) ? true : undefined;
    }, 10_000, 'the billed list');

    // Every message again (as SQS may redeliver), one message naming every entry with an older seq, and news for an entry
    // never sent for billing, for one that does not exist and for another firm's entry: nothing moves in the firm's books.
    await waitQuiet(firm, { stableMs: 1000 });
    const before = await snapshot(firm);
    await deliver(
      ...sent,
      ...sent.map((m) => ({ ...m, id: `msg_${randomUUID()}` })),
      news(entryIds, 'billed', seq(0, 1), '999'),
      news([openId, `te_${randomUUID()}`], 'billed', seq(9, 9), '1003'),
      sample('accounting.bill.entries', { firmId: newFirm(), billId, seq: seq(9, 9), status: 'draft', timeEntryIds: endsBilled }),
    );
    await waitQuiet(firm, { stableMs: 1000 });
    expect(diffSnapshots(before, await snapshot(firm))).toEqual([]);
    expect((await api.get(`/practice/time-entries/${openId}`)).body.status).toBe('open');
    for (const id of endsBilled) expect(await entryState(api, id)).toEqual({ status: 'billed', invoiceNumber: '1001' });

    // Newer news still applies: one message of many entries, a revert of the bill.
    await deliver(news(endsBilled, 'draft', seq(10, 6)));
    for (const id of endsBilled) expect(await entryState(api, id)).toEqual({ status: 'draft', invoiceNumber: undefined });
  }, 180_000);

  it('the older accounting.bill.finalized still bills a draft entry, but never one that seq-ordered news has reached', async () => {
    const { firm, api, entryIds } = await firmWithSentTime(2);
    const [untold, told] = entryIds as [string, string];
    await deliver(sample('accounting.bill.entries', { firmId: firm, seq: seq(5, 3), status: 'draft', timeEntryIds: [told] }));
    await deliver(sample('accounting.bill.finalized', { firmId: firm, invoiceNumber: '77', timeEntryIds: [untold, told] }));
    expect(await entryState(api, untold)).toEqual({ status: 'billed', invoiceNumber: '77' });
    expect(await entryState(api, told)).toEqual({ status: 'draft', invoiceNumber: undefined });
    // After the old message, seq-ordered news applies as usual.
    await deliver(sample('accounting.bill.entries', { firmId: firm, seq: seq(6, 4), status: 'draft', timeEntryIds: [untold] }));
    expect(await entryState(api, untold)).toEqual({ status: 'draft', invoiceNumber: undefined });
  }, 120_000);
});

const invoice = (invoiceNumber: string, extra: Record<string, unknown> = {}) => ({
  invoiceNumber,
  contactId: 'ac_1',
  invoiceDate: '2026-11-30',
  dueDate: '2199-12-31',
  amount: '100.00',
  paid: '0.00',
  outstanding: '100.00',
  status: 'open',
  ...extra,
});

/** Every invoice of the matter, walking the pages of `limit`. */
async function allPages(api: Client, matterId: string, limit: number) {
  const items: any[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await api.get(`/practice/matters/${matterId}/invoices?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    pages.push(page.body.items.length);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { items, pages };
}

describe('accounting.bill.invoices and GET /practice/matters/{id}/invoices', () => {
  async function firmWithMatter() {
    const firm = newFirm();
    const api = await client(firm);
    const contact = await ok(api.post('/practice/contacts', person('Client Co')));
    const matter = await ok(api.post('/practice/matters', { name: 'Invoiced', clientIds: [contact.id] }));
    return { firm, api, matterId: matter.id as string };
  }

  it('keeps one copy per bill, replaced only by a higher billVersion; a revert empties it and a late older copy cannot bring it back', async () => {
    const { firm, api, matterId } = await firmWithMatter();
    const report = (billId: string, billVersion: number, invoices: unknown[]) =>
      sample('accounting.bill.invoices', { firmId: firm, practiceMatterId: matterId, billId, billVersion, invoices });
    expect((await api.get(`/practice/matters/${matterId}/invoices`)).body).toEqual({ items: [], nextCursor: null });

    await deliver(report('bl_a', 2, [invoice('1002', { paid: '40.00', outstanding: '60.00' })]));
    await deliver(report('bl_a', 1, [invoice('1002')]), report('bl_a', 2, [invoice('1002', { amount: '999.00' })]));
    const list = (await api.get(`/practice/matters/${matterId}/invoices`)).body;
    expect(list).toEqual({
      items: [{ ...invoice('1002', { paid: '40.00', outstanding: '60.00' }), billId: 'bl_a', overdue: false }],
      nextCursor: null,
    });

    // Reverted (version 3: no invoices), then the posted copy of version 2 arrives late: still none.
    await deliver(report('bl_a', 3, []), report('bl_a', 2, [invoice('1002')]));
    expect((await api.get(`/practice/matters/${matterId}/invoices`)).body.items).toEqual([]);
    // Approved again: version 4 brings the number back.
    await deliver(report('bl_a', 4, [invoice('1002', { invoiceDate: '2026-12-02' })]));
    expect((await api.get(`/practice/matters/${matterId}/invoices`)).body.items).toMatchObject([{ invoiceNumber: '1002', invoiceDate: '2026-12-02' }]);
    // Another firm's message naming this matter id lands in that firm's book, not in this matter.
    await deliver(sample('accounting.bill.invoices', { firmId: newFirm(), practiceMatterId: matterId, billId: 'bl_x', billVersion: 9, invoices: [invoice('1')] }));
    expect((await api.get(`/practice/matters/${matterId}/invoices`)).body.items.map((i: any) => i.invoiceNumber)).toEqual(['1002']);
  });

  it('lists every bill\'s invoices by number as a number, pages them, marks the overdue ones, and 404s for a matter not of the firm', async () => {
    const { firm, api, matterId } = await firmWithMatter();
    const report = (billId: string, invoices: unknown[]) => sample('accounting.bill.invoices', { firmId: firm, practiceMatterId: matterId, billId, billVersion: 1, invoices });
    await deliver(
      report('bl_z', [invoice('100'), invoice('9', { dueDate: '2020-01-31' })]),
      report('bl_a', [
        invoice('10', { dueDate: '2020-01-31', status: 'paid', paid: '100.00', outstanding: '0.00' }),
        invoice('1000', { dueDate: '2020-01-31', status: 'void', outstanding: '0.00' }),
        invoice('11', { contactId: 'ac_2', dueDate: '2020-01-31' }),
      ]),
      report('bl_m', [invoice('2', { dueDate: new Date().toISOString().slice(0, 10) })]),
    );
    const whole = (await api.get(`/practice/matters/${matterId}/invoices`)).body;
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((i: any) => [i.invoiceNumber, i.billId, i.overdue])).toEqual([
      ['2', 'bl_m', false], // due today: not yet overdue
      ['9', 'bl_z', true],
      ['10', 'bl_a', false], // paid
      ['11', 'bl_a', true],
      ['100', 'bl_z', false], // due in the future
      ['1000', 'bl_a', false], // void
    ]);
    expect(Object.keys(whole.items[0]).sort()).toEqual(
      ['amount', 'billId', 'contactId', 'dueDate', 'invoiceDate', 'invoiceNumber', 'outstanding', 'overdue', 'paid', 'status'].sort(),
    );

    for (const limit of [1, 2, 4, 6, 500]) {
      const { items, pages } = await allPages(api, matterId, limit);
      expect(items, `limit ${limit}`).toEqual(whole.items);
      expect(pages.every((n) => n <= limit)).toBe(true);
    }
    const first = (await api.get(`/practice/matters/${matterId}/invoices?limit=2`)).body;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    for (const bad of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url')]) {
      expect((await api.get(`/practice/matters/${matterId}/invoices?cursor=${bad}`)).status).toBe(400);
    }
    for (const bad of ['0', '501', 'x', '1e2']) expect((await api.get(`/practice/matters/${matterId}/invoices?limit=${bad}`)).status).toBe(400);
    expect((await api.get(`/practice/matters/${matterId}/invoices?since=x`)).status).toBe(400);

    const other = await client(newFirm());
    expect((await other.get(`/practice/matters/${matterId}/invoices`)).status).toBe(404);
    expect((await api.get(`/practice/matters/mt_${randomUUID()}/invoices`)).status).toBe(404);
    // Any token of the firm may read, without the practice scope.
    const reader = await client(firm, 'billing');
    expect((await reader.get(`/practice/matters/${matterId}/invoices`)).status).toBe(200);
  });
});

describe('matter billing options printInvoices and paymentTermsDays', () => {
  it('round-trip through POST, PATCH and GET, reach the accounting file, and older records read as no printing and firm terms', async () => {
    const firm = newFirm();
    const api = await client(firm);
    const contact = await ok(api.post('/practice/contacts', person('Client Co')));
    await settledRecord(api, `/practice/contacts/${contact.id}`);

    for (const [billing, path] of [
      [{ paymentTermsDays: 366 }, 'billing.paymentTermsDays'],
      [{ paymentTermsDays: -1 }, 'billing.paymentTermsDays'],
      [{ paymentTermsDays: 1.5 }, 'billing.paymentTermsDays'],
      [{ paymentTermsDays: '30' }, 'billing.paymentTermsDays'],
      [{ printInvoices: 'yes' }, 'billing.printInvoices'],
      [{ printInvoices: null }, 'billing.printInvoices'],
    ] as const) {
      const refused = await api.post('/practice/matters', { name: 'Bad', clientIds: [contact.id], billing });
      expect(refused.status, JSON.stringify(billing)).toBe(400);
      expect(refused.body.errors.map((e: any) => e.path)).toContain(path);
    }

    const plain = await ok(api.post('/practice/matters', { name: 'Plain', clientIds: [contact.id] }));
    expect(plain.billing.printInvoices).toBe(false);
    expect(plain.billing).not.toHaveProperty('paymentTermsDays');

    const created = await ok(api.post('/practice/matters', { name: 'Printed', clientIds: [contact.id], billing: { printInvoices: true, paymentTermsDays: 45 } }));
    expect(created.billing).toMatchObject({ printInvoices: true, paymentTermsDays: 45 });
    const linked = await settledRecord(api, `/practice/matters/${created.id}`);
    expect(linked.billing).toMatchObject({ printInvoices: true, paymentTermsDays: 45 });
    const fileId = linked.link.otherId as string;
    expect((await api.get(`/accounting/files/${fileId}`)).body.options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: true, paymentTermsDays: 45 });

    // Terms 0 (due on the invoice date) is a value, not "absent".
    const zero = await ok(api.patch(`/practice/matters/${created.id}`, { billing: { paymentTermsDays: 0 } }));
    expect(zero.billing).toMatchObject({ printInvoices: true, paymentTermsDays: 0 });
    await eventually(async () => ((await api.get(`/accounting/files/${fileId}`)).body.options.paymentTermsDays === 0 ? true : undefined), 15_000, 'terms 0 in accounting');

    // null puts the terms back to the firm's default; printInvoices off.
    const patched = await ok(api.patch(`/practice/matters/${created.id}`, { billing: { printInvoices: false, paymentTermsDays: null } }));
    expect(patched.billing.printInvoices).toBe(false);
    expect(patched.billing).not.toHaveProperty('paymentTermsDays');
    const settled = await settledRecord(api, `/practice/matters/${created.id}`);
    expect(settled.billing).toMatchObject({ printInvoices: false });
    expect(settled.billing).not.toHaveProperty('paymentTermsDays');
    expect((await api.get(`/accounting/files/${fileId}`)).body.options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: false });
    expect((await api.get('/practice/matters?limit=500')).body.items.find((m: any) => m.id === created.id).billing.printInvoices).toBe(false);

    // Records stored before the options existed: the matter and its file without them.
    const matterRecord = (await matterEntity.get(firm, created.id))!;
    const { printInvoices: _p, paymentTermsDays: _t, ...oldBilling } = matterRecord.billing;
    await commit([matterEntity.put({ ...matterRecord, billing: oldBilling }, matterRecord.version)]);
    const fileRecord = (await fileEntity.get(firm, fileId))!;
    const { printInvoices: _fp, paymentTermsDays: _ft, ...oldOptions } = fileRecord.options;
    await commit([fileEntity.put({ ...fileRecord, options: oldOptions }, fileRecord.version)]);
    expect((await api.get(`/practice/matters/${created.id}`)).body.billing).toEqual({
      customRatesEnabled: false, rateOverrides: [], emailInvoices: false, ledesEnabled: false, printInvoices: false,
    });
    expect((await api.get(`/accounting/files/${fileId}`)).body.options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: false });
    // An edit of such a matter sends the defaults on.
    await ok(api.patch(`/practice/matters/${created.id}`, { billing: { paymentTermsDays: 14 } }));
    await eventually(async () => ((await api.get(`/accounting/files/${fileId}`)).body.options.paymentTermsDays === 14 ? true : undefined), 15_000, 'terms 14 in accounting');
    expect((await api.get(`/accounting/files/${fileId}`)).body.options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: false, paymentTermsDays: 14 });
  }, 120_000);
});
