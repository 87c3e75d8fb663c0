import { describe, expect, it } from 'vitest';
import { armFault, sleep, type Client } from './helpers.ts';
import {
  allLines,
  billWithLines,
  cents,
  entriesOnTwoPostedBills,
  entryOfLine,
  firmWithFiles,
  ledgerOf,
  money,
  request,
  settledBalance,
  settledJob,
  startProduce,
} from './support/bill-fixtures.ts';

/**
 * Three defects of bills, reproduced (the acceptance tests of the bills
 * rewrite). They are written against the contract's semantics
 * (shared/contract/API.md, Bills): approve = post (the client is billed, the
 * entries become billed, invoices get their numbers), produce = documents.
 * Lines are read in both shapes: all in `lines`, or the first 500 there and
 * the rest paged by `linesNextCursor` (support/bill-fixtures.ts).
 *
 * 1. The same work billed twice: finalizing released the file's open-bill
 *    claim before the ledger entries were marked billed, so a crash between
 *    the two, or a new draft in that window, put the same entries on a
 *    second bill.
 * 2. Invoice and ledger disagree: a ledger entry could be changed between
 *    approve and produce (or while producing), leaving the invoice line and
 *    the entry with different amounts.
 * 3. A big bill cannot be made: the lines lived inside the bill item, and a
 *    DynamoDB item stops at 400 KB.
 */

async function draft(api: Client, fileId: string) {
  const res = await api.post('/accounting/bills', { fileId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function approve(api: Client, billId: string) {
  const res = await api.post(`/accounting/bills/${billId}/approve`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** What a new draft for a file answers: its status and code, and which of `billed`'s entries it would bill again. */
async function tryDraft(api: Client, fileId: string, billed: Set<string>) {
  const res = await api.post('/accounting/bills', { fileId });
  const again = res.status === 201 ? (await allLines(api, res.body)).map(entryOfLine).filter((e) => billed.has(e)) : [];
  return { status: res.status, code: res.body?.code as string | undefined, billId: res.status === 201 ? (res.body.id as string) : undefined, again };
}

describe('bill defects', () => {
  it('defect 1A: a crash right after finalizing (accounting.bill.afterFinalize) never lets the same entries onto a second bill', async () => {
    const { firm, api, files } = await firmWithFiles({ files: 5, entriesPerFile: 3 });
    const first = new Map<string, { id: string; entries: Set<string> }>();
    for (const f of files) {
      const d = await draft(api, f.fileId);
      first.set(f.fileId, { id: d.id, entries: new Set((await allLines(api, d)).map(entryOfLine)) });
    }
    for (const b of first.values()) expect((await approve(api, b.id)).status).toBe('approved');

    // Every bill's first finalize crashes after its transaction; the delivery comes back after the visibility timeout.
    await armFault('accounting.bill.afterFinalize', firm, files.length);
    const jobId = await startProduce(api, [...first.values()].map((b) => b.id));
    let settled = false;
    const firstJob = settledJob(api, jobId, 90_000).finally(() => { settled = true; });

    // Meanwhile a user keeps asking for a new bill of each file; whatever draft comes back is billed as a user would.
    const seconds: { fileId: string; billId: string; againEntries: number }[] = [];
    const secondJobs: string[] = [];
    await Promise.all(files.map(async (f) => {
      const billed = first.get(f.fileId)!.entries;
      while (!settled) {
        const t = await tryDraft(api, f.fileId, billed);
        if (t.status === 201) {
          seconds.push({ fileId: f.fileId, billId: t.billId!, againEntries: t.again.length });
          if ((await api.post(`/accounting/bills/${t.billId}/approve`)).status === 200) secondJobs.push(await startProduce(api, [t.billId!]));
          return;
        }
        expect(t.status, JSON.stringify(t)).toBe(409);
        await sleep(25);
      }
    }));
    const job = await firstJob;
    for (const j of secondJobs) await settledJob(api, j, 90_000);

    // After the retries settle: nothing is left to bill, no entry is on two posted bills, no balance is negative.
    const after = await Promise.all(files.map(async (f) => ({ fileId: f.fileId, ...(await tryDraft(api, f.fileId, first.get(f.fileId)!.entries)) })));
    const doubled = await entriesOnTwoPostedBills(api, [...[...first.values()].map((b) => b.id), ...seconds.map((s) => s.billId)]);
    const balances = await Promise.all(files.map(async (f) => ({ fileId: f.fileId, ...(await settledBalance(api, f.matterId)) })));
    expect({
      secondDraftsWithTheFirstBillsEntries: seconds.filter((s) => s.againEntries > 0),
      entriesOnTwoPostedBills: doubled,
      negativeUnbilledBalances: balances.filter((b) => cents(b.unbilled) < 0n).map((b) => `${b.fileId}: unbilled ${b.unbilled}, billed ${b.billed}`),
    }).toEqual({ secondDraftsWithTheFirstBillsEntries: [], entriesOnTwoPostedBills: [], negativeUnbilledBalances: [] });
    for (const a of after) {
      if (a.status === 201) expect(a.again, `a draft after production re-bills ${a.fileId}`).toEqual([]);
      else expect({ status: a.status, code: a.code }).toEqual({ status: 409, code: 'nothing_to_bill' });
    }
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: files.length, total: files.length } });
    for (const b of balances) expect({ fileId: b.fileId, unbilled: b.unbilled, billed: b.billed }).toEqual({ fileId: b.fileId, unbilled: '0.00', billed: '60.00' });
  }, 180_000);

  it('defect 1B: a new draft racing approve + produce of the file\'s bill never holds the bill\'s entries (10 files)', async () => {
    const { api, files } = await firmWithFiles({ files: 10, entriesPerFile: 3 });
    const first = new Map<string, { id: string; entries: Set<string> }>();
    for (const f of files) {
      const d = await draft(api, f.fileId);
      first.set(f.fileId, { id: d.id, entries: new Set((await allLines(api, d)).map(entryOfLine)) });
    }
    const seconds: { fileId: string; billId: string; againEntries: number; approved: number }[] = [];
    const afterApprove: { fileId: string; status: number; code: string | undefined; again: string[] }[] = [];
    const jobs: any[] = [];
    await Promise.all(files.map(async (f) => {
      const bill = first.get(f.fileId)!;
      let done = false;
      const billing = (async () => {
        await approve(api, bill.id);
        // Approve posts: from here on the file has nothing (of this bill) left to bill.
        const t = await tryDraft(api, f.fileId, bill.entries);
        afterApprove.push({ fileId: f.fileId, status: t.status, code: t.code, again: t.again });
        if (t.status === 201) seconds.push({ fileId: f.fileId, billId: t.billId!, againEntries: t.again.length, approved: (await api.post(`/accounting/bills/${t.billId}/approve`)).status });
        jobs.push(await settledJob(api, await startProduce(api, [bill.id]), 90_000));
        await sleep(300);
      })().finally(() => { done = true; });
      const racers = Array.from({ length: 3 }, async () => {
        while (!done) {
          const t = await tryDraft(api, f.fileId, bill.entries);
          if (t.status === 201) {
            // A draft came back: approve it, as a user would, so it is a posted bill too.
            seconds.push({ fileId: f.fileId, billId: t.billId!, againEntries: t.again.length, approved: (await api.post(`/accounting/bills/${t.billId}/approve`)).status });
            return;
          }
          expect(t.status, JSON.stringify(t)).toBe(409);
        }
      });
      await Promise.all([billing, ...racers]);
    }));
    const doubled = await entriesOnTwoPostedBills(api, [...[...first.values()].map((b) => b.id), ...seconds.map((s) => s.billId)]);
    expect({
      secondDraftsWithTheBillsEntries: seconds.filter((s) => s.againEntries > 0),
      entriesOnTwoPostedBills: doubled,
    }).toEqual({ secondDraftsWithTheBillsEntries: [], entriesOnTwoPostedBills: [] });
    // Right after approve: no new draft with any of the bill's entries (409: nothing to bill, or the bill still counts as open).
    for (const a of afterApprove) {
      if (a.status === 201) expect(a.again, `draft right after approve of ${a.fileId}`).toEqual([]);
      else expect([a.status, ['nothing_to_bill', 'bill_open'].includes(a.code ?? '')]).toEqual([409, true]);
    }
    expect(jobs.map((j) => j.status)).toEqual(files.map(() => 'succeeded'));
  }, 180_000);

  it('defect 2: a ledger entry cannot change between approve and produce; invoice line and ledger entry agree (20 trials)', async () => {
    const { api, files } = await firmWithFiles({ files: 20, entriesPerFile: 2 });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draft(api, f.fileId);
      await approve(api, d.id);
      const target = entryOfLine((await allLines(api, d))[0]);
      // Produce, and change the entry's hours at a different moment of the production in each trial.
      const [jobId, patch] = await Promise.all([
        startProduce(api, [d.id]),
        sleep(i * 100).then(() => api.patch(`/accounting/ledger-entries/${target}`, { hours: '0.7' })),
      ]);
      const job = await settledJob(api, jobId, 90_000);
      const { bill, lines } = await billWithLines(api, d.id);
      const ledger = new Map((await ledgerOf(api, f.fileId)).map((e) => [e.id, e]));
      const line = lines.find((l) => entryOfLine(l) === target);
      const entry = ledger.get(target);
      // Every line of the bill against its ledger entry: same hours and amount, and the entry billed.
      const disagree = lines
        .map((l) => ({ l, e: ledger.get(entryOfLine(l)) }))
        .filter(({ l, e }) => !e || e.status !== 'billed' || e.amount !== l.amount || e.hours !== l.hours)
        .map(({ l, e }) => `line ${l.id}: ${l.hours} h ${l.amount}; ledger ${e ? `${e.status} ${e.hours} h ${e.amount}` : 'missing'}`);
      return {
        trial: i, patchStatus: patch.status, jobStatus: job.status, billStatus: bill.status,
        line: line ? `${line.hours} h ${line.amount}` : 'missing', entry: entry ? `${entry.status} ${entry.hours} h ${entry.amount}` : 'missing', disagree,
      };
    }));
    expect({
      invoiceAndLedgerDisagree: trials.filter((t) => t.disagree.length > 0).map((t) => ({ trial: t.trial, patch: t.patchStatus, disagree: t.disagree })),
      // Approve posts: the entry is billed from then on, so the change must be refused (409 locked).
      changesAcceptedAfterApprove: trials.filter((t) => t.patchStatus !== 409).map((t) => `trial ${t.trial}: PATCH ${t.patchStatus}; line ${t.line}; entry ${t.entry}`),
    }).toEqual({ invoiceAndLedgerDisagree: [], changesAcceptedAfterApprove: [] });
    expect(trials.map((t) => [t.jobStatus, t.billStatus])).toEqual(trials.map(() => ['succeeded', 'finalized']));
  }, 180_000);

  it('defect 3: a bill of 2,000 unbilled entries is drafted (lines paged) and approved', async () => {
    const { api, files } = await firmWithFiles({ files: 1, entriesPerFile: 2000, wave: 100, exportTimeoutMs: 150_000 });
    const [f] = files;
    expect(await ledgerOf(api, f!.fileId, 'unbilled')).toHaveLength(2000);
    const res = await request(api, 'POST', '/accounting/bills', { fileId: f!.fileId });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.flaws).toEqual([]);
    const lines = await allLines(api, res.body);
    expect(lines).toHaveLength(2000);
    expect(new Set(lines.map(entryOfLine)).size).toBe(2000);
    const sum = money(lines.reduce((t, l) => t + cents(l.amount), 0n));
    expect(sum).toBe('40000.00');
    expect(res.body.total).toBe(sum);

    const approved = await request(api, 'POST', `/accounting/bills/${res.body.id}/approve`);
    expect(approved.status, JSON.stringify(approved.body).slice(0, 500)).toBe(200);
    expect(approved.flaws).toEqual([]);
    expect(approved.body).toMatchObject({ status: 'approved', total: '40000.00' });
    expect(approved.body.invoices).toEqual([expect.objectContaining({ invoiceNumber: expect.stringMatching(/\S/), amount: '40000.00', status: 'open' })]);
    // GET shows the first 500 lines and pages the rest.
    const { bill, lines: again } = await billWithLines(api, res.body.id);
    expect(bill).toMatchObject({ status: 'approved', total: '40000.00' });
    expect(bill.lines).toHaveLength(500);
    expect(again).toHaveLength(2000);
    expect(new Set(again.map(entryOfLine))).toEqual(new Set(lines.map(entryOfLine)));
    expect(await ledgerOf(api, f!.fileId, 'unbilled')).toHaveLength(0);
  }, 240_000);
});
