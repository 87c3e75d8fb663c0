import { describe, expect, it } from 'vitest';
import { sleep, type Client } from './helpers.ts';
import { billWithLines, cents, ledgerOf, money, settledJob, startProduce } from './support/bill-fixtures.ts';
import { allInvoices, billInvariants, draftOf, gaps, HOLDS, inWaves, raceFirm, type RaceFile } from './support/bill-invariants.ts';

/**
 * Races of bill requests through the local stack (contract: shared/contract
 * API.md, Bills: approve = post, produce = documents, revert = un-post). Each
 * race runs many trials at once, on a file each, then checks the invariants
 * that hold whichever request won (support/bill-invariants.ts): every ledger
 * entry on at most one posted bill, each posted line equal to its entry as
 * billed, invoice numbers 1..N, balances exact, nothing written by a refused
 * request.
 */

const approve = (api: Client, billId: string) => api.post(`/accounting/bills/${billId}/approve`);
const revert = (api: Client, billId: string) => api.post('/billing/production/revert', { billIds: [billId] });
const pay = (api: Client, billId: string, amount: string, contactId?: string) =>
  api.post(`/billing/bills/${billId}/payments`, { amount, date: '2026-12-01', method: 'check', ...(contactId ? { contactId } : {}) });
const patchEntry = (api: Client, entryId: string) => api.patch(`/accounting/ledger-entries/${entryId}`, { hours: '0.7' });

/** A small jitter so the racing requests overlap at different moments from trial to trial. */
const jitter = (i: number) => sleep((i % 5) * 3);

/** The bill and its file's ledger entries for the bill's lines. */
async function billAndEntries(api: Client, f: RaceFile, billId: string) {
  const { bill, lines } = await billWithLines(api, billId);
  const ledger = new Map((await ledgerOf(api, f.fileId)).map((e) => [e.id, e]));
  return { bill, lines, entries: lines.filter((l) => l.kind === 'time').map((l) => ledger.get(l.id)) };
}

/** A draft as nothing had happened to it: draft, no step, no invoices, every entry unbilled. */
const plainDraft = ({ bill, entries }: Awaited<ReturnType<typeof billAndEntries>>) =>
  bill.status === 'draft' && !bill.pendingStep && bill.invoices.length === 0 && entries.every((e) => e && e.status === 'unbilled' && !e.billId && !e.billedAmount);

describe('bill races', () => {
  it('two approves of the same draft at once: one 200, one 409; one set of numbers (20 trials)', async () => {
    const { api, files } = await raceFirm({ files: 20, entriesPerFile: 2, split: true });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      const [a, b] = await Promise.all([approve(api, d.id), jitter(i).then(() => approve(api, d.id))]);
      return { trial: i, billId: d.id, answers: [a, b].map((r) => `${r.status} ${r.status === 200 ? r.body.status : r.body.code}`).sort() };
    }));
    expect(trials.filter((t) => t.answers.join() !== '200 approved,409 wrong_status')).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
    // Two clients, two invoices per bill: 40 numbers, each bill's own.
    const listed = await allInvoices(api);
    expect(gaps(listed.map((i) => i.invoiceNumber))).toEqual({ doubled: [], missing: [], count: 40 });
  });

  it('approve vs a PATCH of one of its entries at once: one of them wins, never both (20 trials)', async () => {
    const { api, files } = await raceFirm({ files: 20, entriesPerFile: 2 });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      const target = d.lines[i % 2].id as string;
      const [a, p] = await Promise.all([approve(api, d.id), jitter(i).then(() => patchEntry(api, target))]);
      const after = await billAndEntries(api, f, d.id);
      return {
        trial: i, billId: d.id, target, approve: `${a.status} ${a.status === 200 ? a.body.status : a.body.code}`, patch: `${p.status}${p.status === 200 ? '' : ` ${p.body.code}`}`,
        paths: a.status === 409 ? (a.body.errors ?? []).map((e: any) => e.path) : [],
        plainDraft: plainDraft(after),
        targetHours: after.entries.find((e) => e?.id === target)?.hours,
      };
    }));
    const approveWon = trials.filter((t) => t.approve === '200 approved' && t.patch === '409 locked');
    const patchWon = trials.filter((t) => t.approve === '409 entries_changed' && t.patch === '200');
    expect(trials.filter((t) => !approveWon.includes(t) && !patchWon.includes(t))).toEqual([]);
    // A refused approve names the changed line, and wrote nothing: the bill is a draft, nothing billed, the change kept.
    expect(patchWon.filter((t) => t.paths.join() !== `lines.${t.target}` || !t.plainDraft || t.targetHours !== '0.7')).toEqual([]);
    expect(approveWon.filter((t) => t.targetHours !== '0.1')).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
  });

  it('revert vs a payment at once: the revert wins (no payment) or the payment wins (no revert) (20 trials)', async () => {
    const { api, files } = await raceFirm({ files: 20, entriesPerFile: 2 });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      expect((await approve(api, d.id)).status).toBe(200);
      // Odd trials give the payment a head start of a few ms, so both orders happen.
      const [r, p] = await Promise.all([sleep(i % 2 ? 5 + (i % 5) * 10 : 0).then(() => revert(api, d.id)), jitter(i).then(() => pay(api, d.id, '10.00'))]);
      const after = await billAndEntries(api, f, d.id);
      const reverted = r.status === 200 && r.body.reverted?.includes(d.id);
      const revertRefused = (r.status === 409 && r.body.code === 'has_payments')
        || (r.status === 200 && r.body.failed?.some((x: any) => x.billId === d.id && x.code === 'has_payments'));
      return {
        trial: i, billId: d.id, revert: `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`, payment: `${p.status}${p.status === 201 ? '' : ` ${p.body.code}`}`,
        outcome: reverted && p.status === 409 && plainDraft(after) && after.bill.paid === '0.00' ? 'revert won'
          : revertRefused && p.status === 201 && after.bill.status === 'approved' && after.bill.paid === '10.00' ? 'payment won' : 'neither',
      };
    }));
    expect(trials.filter((t) => t.outcome === 'neither')).toEqual([]);
    // Once the payment is in, a revert of the bill is refused as such.
    const again = await Promise.all(trials.filter((t) => t.outcome === 'payment won').map(async (t) => {
      const r = await revert(api, t.billId);
      return `${r.status} ${r.body.code}`;
    }));
    expect(again.filter((a) => a !== '409 has_payments')).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
  });

  it('produce vs revert at once: finalized with its documents, or a draft with its entries unbilled (10 trials)', async () => {
    const { api, files } = await raceFirm({ files: 10, entriesPerFile: 2, split: true });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      expect((await approve(api, d.id)).status).toBe(200);
      const [jobId, r] = await Promise.all([startProduce(api, [d.id]), sleep(i * 150).then(() => revert(api, d.id))]);
      const job = await settledJob(api, jobId, 60_000);
      const after = await billAndEntries(api, f, d.id);
      const pdfs = after.bill.documents.filter((x: any) => x.kind === 'invoice_pdf');
      const finalized = after.bill.status === 'finalized' && after.bill.invoices.length === 2
        && after.bill.invoices.every((inv: any) => pdfs.some((x: any) => x.invoiceNumber === inv.invoiceNumber))
        && after.entries.every((e) => e?.status === 'billed' && e.billId === d.id);
      // Counted once (progress counts bills done, produced or not): produced, or failed with its reason.
      const counted = job.progress.done !== 1 ? `not counted: ${JSON.stringify(job)}`
        : job.status === 'succeeded' && job.errors.length === 0 ? 'produced'
          : job.status === 'failed' && job.errors.length === 1 && job.errors[0].billId === d.id && job.errors[0].code === 'wrong_status' ? 'failed' : `not counted: ${JSON.stringify(job)}`;
      return { trial: i, billId: d.id, revert: r.status, bill: finalized ? 'finalized' : plainDraft(after) ? 'draft' : `neither: ${after.bill.status}`, counted };
    }));
    expect(trials.filter((t) => t.bill.startsWith('neither') || t.counted.startsWith('not counted'))).toEqual([]);
    // A revert that came in time wins (approved or finalized with nothing paid both revert): then the bill is a draft.
    expect(trials.filter((t) => (t.revert === 200) !== (t.bill === 'draft'))).toEqual([]);
    // A bill that production finalized before the revert came was counted produced; one reverted first, failed.
    expect(trials.filter((t) => t.bill === 'finalized' && t.counted !== 'produced')).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
  });

  it('two clients pay their own invoices of a split bill at once: both recorded (20 trials)', async () => {
    const { api, files } = await raceFirm({ files: 20, entriesPerFile: 2, split: true });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      const approved = (await approve(api, d.id)).body;
      const [a, b] = approved.invoices;
      const [pa, pb] = await Promise.all([pay(api, d.id, a.outstanding, a.contactId), jitter(i).then(() => pay(api, d.id, b.outstanding, b.contactId))]);
      const { bill } = await billWithLines(api, d.id);
      return { trial: i, billId: d.id, answers: [pa.status, pb.status], bill: `${bill.status} paid ${bill.paid} outstanding ${bill.outstanding} ${bill.invoices.map((x: any) => x.status).join('/')}`, want: `approved paid ${bill.total} outstanding 0.00 paid/paid` };
    }));
    expect(trials.filter((t) => t.answers.join() !== '201,201' || t.bill !== t.want)).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
  });

  it('one client pays twice at once for more than its outstanding together: one 201, one 409 overpayment (20 trials)', async () => {
    const { api, files } = await raceFirm({ files: 20, entriesPerFile: 2, split: true });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      const approved = (await approve(api, d.id)).body;
      const share = approved.invoices[i % 2];
      // Each alone fits the outstanding; together they are more.
      const amount = money(cents(share.outstanding) - 1n);
      const answers = await Promise.all([pay(api, d.id, amount, share.contactId), jitter(i).then(() => pay(api, d.id, amount, share.contactId))]);
      const { bill } = await billWithLines(api, d.id);
      const inv = bill.invoices.find((x: any) => x.contactId === share.contactId);
      return { trial: i, billId: d.id, answers: answers.map((r) => `${r.status}${r.status === 201 ? '' : ` ${r.body.code}`}`).sort(), invoice: `${inv.paid}/${inv.outstanding}`, want: `${amount}/0.01` };
    }));
    expect(trials.filter((t) => t.answers.join() !== '201,409 overpayment' || t.invoice !== t.want)).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
  });

  it('200 split bills approved 20 at a time: invoice numbers exactly 1..400, two per bill, all listed', async () => {
    const { api, files } = await raceFirm({ files: 200, entriesPerFile: 1, split: true });
    const drafts = await inWaves(files, 20, (f) => draftOf(api, f.fileId));
    const answers = await inWaves(drafts, 20, async (d) => approve(api, d.id));
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 200)}`)).toEqual([]);
    const listed = await allInvoices(api);
    expect(gaps(listed.map((i) => i.invoiceNumber))).toEqual({ doubled: [], missing: [], count: 400 });
    const byBill = new Map<string, string[]>();
    for (const i of listed) byBill.set(i.billId, [...(byBill.get(i.billId) ?? []), i.invoiceNumber]);
    expect(answers.filter((a) => a.body.invoices.length !== 2 || a.body.invoices.some((i: any) => !byBill.get(a.body.id)?.includes(i.invoiceNumber)))).toEqual([]);
    expect(await billInvariants(api, files, drafts.map((d) => d.id))).toEqual(HOLDS);
  }, 180_000);

  it('a 150-line bill (posted in steps) approved while one of its entries is PATCHed: all billed, or undone to a plain draft', async () => {
    const { api, files } = await raceFirm({ files: 6, entriesPerFile: 150, exportTimeoutMs: 150_000 });
    const trials = await Promise.all(files.map(async (f, i) => {
      const d = await draftOf(api, f.fileId);
      const { lines } = await billWithLines(api, d.id);
      expect(lines).toHaveLength(150);
      // Last, first or middle line in bill order, at different moments of the steps (and after them).
      const target = lines[[149, 0, 75][i % 3]!].id as string;
      const [a, p] = await Promise.all([approve(api, d.id), sleep([10, 100, 250, 500, 900, 1500][i]!).then(() => patchEntry(api, target))]);
      const after = await billAndEntries(api, f, d.id);
      const allBilled = after.bill.status === 'approved' && !after.bill.pendingStep && after.entries.every((e) => e?.status === 'billed' && e.billId === d.id);
      return {
        trial: i, billId: d.id, approve: `${a.status} ${a.status === 200 ? a.body.status : a.body.code}`, patch: `${p.status}${p.status === 200 ? '' : ` ${p.body.code}`}`,
        paths: a.status === 409 ? (a.body.errors ?? []).map((e: any) => e.path).join() : '', target: `lines.${target}`,
        after: allBilled ? 'all billed' : plainDraft(after) ? 'plain draft' : `neither: ${after.bill.status} ${after.bill.pendingStep ?? ''}, ${after.entries.filter((e) => e?.status === 'billed').length} billed`,
      };
    }));
    const ok = (t: (typeof trials)[number]) =>
      (t.approve === '200 approved' && t.patch === '409 locked' && t.after === 'all billed')
      || (t.approve === '409 entries_changed' && t.patch === '200' && t.paths === t.target && t.after === 'plain draft');
    expect(trials.filter((t) => !ok(t))).toEqual([]);
    expect(await billInvariants(api, files, trials.map((t) => t.billId))).toEqual(HOLDS);
  }, 240_000);

  it('a 150-line bill approved, reverted and approved again (steps both ways) keeps its invoice number', async () => {
    const { api, files } = await raceFirm({ files: 1, entriesPerFile: 150, exportTimeoutMs: 150_000 });
    const [f] = files;
    const d = await draftOf(api, f!.fileId);
    const first = await approve(api, d.id);
    expect(first.status, JSON.stringify(first.body).slice(0, 300)).toBe(200);
    expect(first.body.invoices.map((i: any) => i.invoiceNumber)).toEqual(['1']);
    expect(await billInvariants(api, files, [d.id])).toEqual(HOLDS);
    const r = await revert(api, d.id);
    expect(r.body).toMatchObject({ reverted: [d.id] });
    expect(plainDraft(await billAndEntries(api, f!, d.id))).toBe(true);
    expect((await billWithLines(api, d.id)).bill.heldInvoiceNumbers.map((h: any) => h.invoiceNumber)).toEqual(['1']);
    expect(await billInvariants(api, files, [d.id])).toEqual(HOLDS);
    const again = await approve(api, d.id);
    expect(again.status, JSON.stringify(again.body).slice(0, 300)).toBe(200);
    expect(again.body.invoices.map((i: any) => i.invoiceNumber)).toEqual(['1']);
    expect(await billInvariants(api, files, [d.id])).toEqual(HOLDS);
    expect(gaps((await allInvoices(api)).map((i) => i.invoiceNumber))).toEqual({ doubled: [], missing: [], count: 1 });
  }, 120_000);
});
