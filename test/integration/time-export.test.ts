import { describe, expect, it } from 'vitest';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { armFault, client, eventually, newFirm, person, settledRecord, sleep, sqs, stack, type Client } from './helpers.ts';

/** A firm ready to bill: a linked client and matter, a timekeeper who is also an accounting user. */
async function billingFirm(options: { accountingUser?: boolean } = {}) {
  const firm = newFirm();
  const api = await client(firm);
  const ok = async (res: Promise<any>) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }));
  const fixed = await ok(api.post('/practice/rate-labels', { name: 'Flat', type: 'fixed' }));
  const tk = await ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'Grace@Firm.test', defaultRateLabelId: label.id }));
  if (options.accountingUser !== false) await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.TEST' }));
  const contact = await ok(api.post('/practice/contacts', person('Client Co')));
  await settledRecord(api, `/practice/contacts/${contact.id}`);
  const matter = await ok(api.post('/practice/matters', { name: 'Client Co v. Rival', clientIds: [contact.id] }));
  const linked = await settledRecord(api, `/practice/matters/${matter.id}`);
  return { firm, api, label, fixed, tk, contact, matter: linked, fileId: linked.link.otherId as string, ok };
}

async function entries(api: Client, matterId: string, timekeeperId: string, n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const made = [];
  for (let i = 0; i < n; i++) {
    const res = await api.post('/practice/time-entries', {
      matterId, timekeeperId, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, description: `Work ${i}`, hours: '0.3', behavior: 'bill', ...extra(i),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.push(res.body);
  }
  return made;
}

async function exportAndWait(api: Client, body: Record<string, unknown> = {}, timeoutMs = 30_000) {
  const started = await api.post('/practice/billing/time-exports', body);
  expect(started.status).toBe(202);
  expect(started.headers.get('location')).toBe(`/jobs/${started.body.id}`);
  expect(started.body).toMatchObject({ kind: 'time_export', status: 'queued' });
  return eventually(async () => {
    const job = (await api.get(`/jobs/${started.body.id}`)).body;
    return ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
  }, timeoutMs, 'the export to finish');
}

const ledger = async (api: Client, fileId: string, query = '') => {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await api.get(`/accounting/files/${fileId}/ledger?limit=500${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
};

describe('sending time for billing', () => {
  it('books each open entry once in the ledger with the behaviour mapping, and locks it in practice', async () => {
    const { api, tk, matter, fileId, fixed } = await billingFirm();
    const [bill, hide, noCharge, nonBillable, flat] = [
      ...(await entries(api, matter.id, tk.id, 1, () => ({ behavior: 'bill', taskCode: 'L110', activityCode: 'A101', billableHours: '0.25' }))),
      ...(await entries(api, matter.id, tk.id, 1, () => ({ behavior: 'hide' }))),
      ...(await entries(api, matter.id, tk.id, 1, () => ({ behavior: 'no_charge' }))),
      ...(await entries(api, matter.id, tk.id, 1, () => ({ behavior: 'non_billable' }))),
      ...(await entries(api, matter.id, tk.id, 1, () => ({ rateLabelId: fixed.id, amount: '500.00' }))),
    ];
    const job = await exportAndWait(api);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 5, total: 5 }, errors: [] });

    const byEntry = new Map((await ledger(api, fileId)).map((l) => [l.timeEntryId, l]));
    expect(byEntry.size).toBe(5);
    expect(byEntry.get(bill.id)).toMatchObject({
      type: 'billable_work', status: 'unbilled', hours: '0.25', rate: '200.00', amount: '50.00', date: bill.date,
      description: bill.description, taskCode: 'L110', activityCode: 'A101', timekeeperName: 'Grace Hopper',
    });
    expect(byEntry.get(hide.id)).toMatchObject({ type: 'on_hold', rate: '200.00', amount: '60.00' });
    expect(byEntry.get(noCharge.id)).toMatchObject({ type: 'billable_work', rate: '0.00', amount: '0.00' });
    expect(byEntry.get(nonBillable.id)).toMatchObject({ type: 'non_billable_work', amount: '0.00' });
    expect(byEntry.get(flat.id)).toMatchObject({ type: 'billable_work', rate: '500.00', amount: '500.00' });

    for (const e of [bill, hide, noCharge, nonBillable, flat]) {
      const after = (await api.get(`/practice/time-entries/${e.id}`)).body;
      expect(after.status).toBe('draft');
      const locked = await api.patch(`/practice/time-entries/${e.id}`, { description: 'Too late' });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('locked');
    }
    // The matter balance in practice follows: billable work only (50.00 + 0.00 + 500.00).
    await eventually(async () => ((await api.get(`/practice/matters/${matter.id}/balance`)).body.unbilled === '550.00' ? true : undefined));

    const again = await exportAndWait(api);
    expect(again).toMatchObject({ status: 'succeeded', progress: { done: 0, total: 0 } });
    expect(await ledger(api, fileId)).toHaveLength(5);
  });

  it('lists what failed with a code and a message, keeps those entries open, raises an import alert, and sends them once fixed', async () => {
    const { api, tk, matter, fileId, ok } = await billingFirm({ accountingUser: false });
    const unlinkedClient = await ok(api.post('/practice/contacts', person('Clash', { reference: 'TAKEN' })));
    await ok(api.post('/practice/contacts', person('Holder', { reference: 'TAKEN' })));
    void unlinkedClient;
    const made = await entries(api, matter.id, tk.id, 3);
    const job = await exportAndWait(api, { matterId: matter.id });
    expect(job.status).toBe('failed');
    expect(job.progress).toEqual({ done: 3, total: 3 });
    expect(job.errors).toHaveLength(3);
    for (const error of job.errors) {
      expect(error.code).toBe('timekeeper_not_in_accounting');
      expect(error.message).toContain('Grace@Firm.test');
      expect(made.map((e) => e.id)).toContain(error.timeEntryId);
    }
    for (const e of made) expect((await api.get(`/practice/time-entries/${e.id}`)).body.status).toBe('open');
    expect(await ledger(api, fileId)).toHaveLength(0);
    const alerts = await eventually(async () => {
      const r = (await api.get('/accounting/notifications')).body.items;
      return r.length ? r : undefined;
    });
    expect(alerts[0]).toMatchObject({ jobId: job.id, errorCount: 3 });
    expect(alerts[0].message).toContain('3 of 3');

    await ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }));
    const retry = await exportAndWait(api, { matterId: matter.id });
    expect(retry).toMatchObject({ status: 'succeeded', progress: { done: 3, total: 3 } });
    expect(await ledger(api, fileId)).toHaveLength(3);
  });

  it('refuses entries whose matter or primary client is not linked, and exports the rest (partially_failed)', async () => {
    const { api, tk, matter, ok } = await billingFirm();
    const holder = await ok(api.post('/practice/contacts', person('Holder', { reference: 'T-1' })));
    await settledRecord(api, `/practice/contacts/${holder.id}`);
    const clash = await ok(api.post('/practice/contacts', person('Clash', { reference: 'T-1' })));
    await settledRecord(api, `/practice/contacts/${clash.id}`);
    const blocked = await ok(api.post('/practice/matters', { name: 'Blocked matter', clientIds: [clash.id] }));
    await settledRecord(api, `/practice/matters/${blocked.id}`);
    const [good] = await entries(api, matter.id, tk.id, 1);
    const [bad] = await entries(api, blocked.id, tk.id, 1);
    const job = await exportAndWait(api);
    expect(job.status).toBe('partially_failed');
    expect(job.errors).toEqual([expect.objectContaining({ timeEntryId: bad.id, code: 'matter_not_linked' })]);
    expect((await api.get(`/practice/time-entries/${good.id}`)).body.status).toBe('draft');
    expect((await api.get(`/practice/time-entries/${bad.id}`)).body.status).toBe('open');
  });

  it('exports only what the filters select', async () => {
    const { api, tk, matter, ok, fileId } = await billingFirm();
    const tk2 = await ok(api.post('/practice/users', { name: 'Ada', email: 'ada@firm.test', defaultRateLabelId: (await api.get('/practice/rate-labels')).body.items.find((l: any) => l.name === 'Standard').id }));
    await ok(api.post('/accounting/users', { name: 'Ada', email: 'ada@firm.test' }));
    await entries(api, matter.id, tk.id, 4, (i) => ({ date: `2026-10-0${i + 1}` }));
    await entries(api, matter.id, tk2.id, 2);
    const job = await exportAndWait(api, { timekeeperId: tk.id, from: '2026-10-02', to: '2026-10-03' });
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    expect((await ledger(api, fileId)).map((l) => l.date).sort()).toEqual(['2026-10-02', '2026-10-03']);
    expect((await api.post('/practice/billing/time-exports', { from: '2026-10-05', to: '2026-10-01' })).status).toBe(400);
    expect((await api.post('/practice/billing/time-exports', { matter: 'x' })).status).toBe(400);
  });

  it('books exactly once when two exports race and when accounting crashes after booking', async () => {
    const { api, tk, matter, fileId, firm } = await billingFirm();
    const made = await entries(api, matter.id, tk.id, 30);
    await armFault('accounting.ledger.afterBooking', firm, 1);
    const [a, b] = await Promise.all([exportAndWait(api), exportAndWait(api)]);
    for (const job of [a, b]) expect(['succeeded']).toContain(job.status);
    const booked = await ledger(api, fileId);
    expect(booked).toHaveLength(30);
    expect(new Set(booked.map((l) => l.timeEntryId)).size).toBe(30);
    for (const e of made.slice(0, 5)) expect((await api.get(`/practice/time-entries/${e.id}`)).body.status).toBe('draft');
    await eventually(async () => ((await api.get(`/practice/matters/${matter.id}/balance`)).body.unbilled === '1800.00' ? true : undefined));
  });

  it('an entry edited while its export is planned is sent as edited or refused the edit (locked), never stale', async () => {
    const { api, tk, matter, fileId } = await billingFirm();
    const N = 600;
    const made: any[] = [];
    for (let w = 0; w < N / 100; w++) {
      made.push(...(await Promise.all(Array.from({ length: 100 }, async (_, j) => {
        const i = w * 100 + j;
        const res = await api.post('/practice/time-entries', {
          matterId: matter.id, timekeeperId: tk.id, date: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, description: `Work ${i}`, hours: '0.3', behavior: 'bill',
        });
        expect(res.status).toBe(201);
        return res.body;
      }))));
    }
    // The planner goes through the entries by date; the edits sweep through them the other way while it works,
    // meeting it head-on, so each lands before its entry is locked (the planner must then send the edited
    // text), after (409: exported entries are locked), or between the planner's read and its lock (the lock's
    // guard must catch it).
    const order = [...made.keys()].sort((a, b) => `${made[b].date}#${made[b].id}`.localeCompare(`${made[a].date}#${made[a].id}`));
    const started = await api.post('/practice/billing/time-exports', {});
    expect(started.status).toBe(202);
    const edits = new Array<{ status: number }>(N);
    await Promise.all(order.map(async (i, rank) => {
      await sleep(rank * 2);
      edits[i] = await api.patch(`/practice/time-entries/${made[i].id}`, { description: `Edited ${i}` });
    }));
    const job = await eventually(async () => {
      const j = (await api.get(`/jobs/${started.body.id}`)).body;
      return j.status === 'succeeded' ? j : undefined;
    }, 60_000, 'the export to finish');
    expect(job.progress).toMatchObject({ done: N, total: N });
    expect(edits.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const expected = (i: number) => (edits[i]!.status === 200 ? `Edited ${i}` : `Work ${i}`);
    const booked = new Map((await ledger(api, fileId)).map((l) => [l.timeEntryId, l.description]));
    expect(booked.size).toBe(N);
    made.forEach((e, i) => expect(booked.get(e.id), `entry ${i} (edit ${edits[i]!.status})`).toBe(expected(i)));
    // Practice agrees, and every entry is locked now.
    const listed = new Map<string, any>();
    let cursor: string | null = null;
    do {
      const page: any = await api.get(`/practice/time-entries?matterId=${matter.id}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const e of page.body.items) listed.set(e.id, e);
      cursor = page.body.nextCursor;
    } while (cursor);
    made.forEach((e, i) => expect(listed.get(e.id)).toMatchObject({ status: 'draft', description: expected(i) }));
  });

  it('exports a page of entries whose descriptions are 2,000 non-ASCII characters (its messages split under the size limits)', async () => {
    const { api, tk, matter, fileId } = await billingFirm();
    const long = (i: number) => `${'Überprüfung – é '.repeat(125).slice(0, 1990)}#${String(i).padStart(4, '0')}`;
    await entries(api, matter.id, tk.id, 90, (i) => ({ description: long(i) }));
    const job = await exportAndWait(api);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 90, total: 90 } });
    const booked = await ledger(api, fileId);
    expect(booked.map((l) => l.description).sort()).toEqual(Array.from({ length: 90 }, (_, i) => long(i)).sort());
  });

  it('a booked batch whose completion keeps failing goes to the DLQ, never answered as refused; a redrive completes it', async () => {
    const { api, tk, matter, fileId, firm } = await billingFirm();
    const made = await entries(api, matter.id, tk.id, 5);
    // The first delivery books the batch (marker, balances) and crashes before its ledger entries; the other
    // four fail while completing it, so the last delivery gives up.
    await armFault('accounting.ledger.afterBooking', firm, 1);
    await armFault('accounting.ledger.completingBooking', firm, 4);
    const started = await api.post('/practice/billing/time-exports', {});
    const dead = await eventually(async () => {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.dlqUrls.timeBooking, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 5 }));
      return (out.Messages ?? []).find((msg) => msg.Body?.includes(started.body.id));
    }, 40_000, 'the batch in the DLQ');
    // Not answered as refused: the entries stay locked, the job waits.
    expect((await api.get(`/jobs/${started.body.id}`)).body.status).toBe('running');
    for (const e of made) expect((await api.get(`/practice/time-entries/${e.id}`)).body.status).toBe('draft');
    // A redrive (what `npm run redrive` does) completes the booking: each entry once, the job done.
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrls.timeBooking, MessageBody: dead.Body! }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: stack.dlqUrls.timeBooking, ReceiptHandle: dead.ReceiptHandle! }));
    const job = await eventually(async () => {
      const j = (await api.get(`/jobs/${started.body.id}`)).body;
      return j.status === 'succeeded' ? j : undefined;
    }, 30_000, 'the export to finish after the redrive');
    expect(job.progress).toMatchObject({ done: 5, total: 5 });
    const booked = await ledger(api, fileId);
    expect(booked.map((l) => l.timeEntryId).sort()).toEqual(made.map((e) => e.id).sort());
    await eventually(async () => ((await api.get(`/practice/matters/${matter.id}/balance`)).body.unbilled === '300.00' ? true : undefined));
  });

  it('ledger entries can be adjusted while unbilled, with the amount and balance recomputed exactly', async () => {
    const { api, tk, matter, fileId } = await billingFirm();
    await entries(api, matter.id, tk.id, 1);
    await exportAndWait(api);
    const [entry] = await ledger(api, fileId, '&status=unbilled');
    const patched = await api.patch(`/accounting/ledger-entries/${entry.id}`, { hours: '0.3', rate: '166.65', description: 'Adjusted' }, { 'if-match': `"${entry.version}"` });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ amount: '50.00', rate: '166.65', description: 'Adjusted', version: entry.version + 1 });
    expect((await api.patch(`/accounting/ledger-entries/${entry.id}`, { hours: '1' }, { 'if-match': `"${entry.version}"` })).status).toBe(412);
    const held = await api.patch(`/accounting/ledger-entries/${entry.id}`, { type: 'non_billable_work' });
    expect(held.body.amount).toBe('0.00');
    await eventually(async () => ((await api.get(`/practice/matters/${matter.id}/balance`)).body.unbilled === '0.00' ? true : undefined));
    for (const [body, path] of [[{ hours: '1.234' }, 'hours'], [{ rate: 5 }, 'rate'], [{ type: 'billed' }, 'type'], [{ amount: '1.00' }, 'amount']] as const) {
      const res = await api.patch(`/accounting/ledger-entries/${entry.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    }
    expect((await api.get(`/accounting/files/${fileId}/ledger?status=billed`)).body.items).toEqual([]);
    expect((await api.patch('/accounting/ledger-entries/le_nope', { hours: '1' })).status).toBe(404);
  });

  it('exports 2,000 entries in batches, with progress, each once', async () => {
    const { api, tk, matter, fileId, firm } = await billingFirm();
    // Entries written straight through the API would take a while; 2,000 in parallel waves.
    const waves = 20;
    for (let w = 0; w < waves; w++) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => api.post('/practice/time-entries', {
        matterId: matter.id, timekeeperId: tk.id, date: '2026-11-02', description: `Bulk ${w}-${i}`, hours: '0.1', behavior: 'bill',
      }).then((r) => expect(r.status).toBe(201))));
    }
    void firm;
    const started = await api.post('/practice/billing/time-exports', { matterId: matter.id });
    let sawProgress = false;
    const job = await eventually(async () => {
      const j = (await api.get(`/jobs/${started.body.id}`)).body;
      if (j.status === 'running' && j.progress.done > 0 && j.progress.done < j.progress.total) sawProgress = true;
      return j.status === 'succeeded' ? j : undefined;
    }, 120_000, 'the 2,000-entry export');
    expect(job.progress).toEqual({ done: 2000, total: 2000 });
    expect(sawProgress || job.progress.done === 2000).toBe(true);
    const booked = await ledger(api, fileId);
    expect(booked).toHaveLength(2000);
    expect(new Set(booked.map((l) => l.timeEntryId)).size).toBe(2000);
    await sleep(200);
    expect((await api.get(`/practice/time-entries?matterId=${matter.id}&status=open`)).body.items).toHaveLength(0);
  }, 180_000);
});
