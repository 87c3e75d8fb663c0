/**
 * 3. Bills posted and produced end to end: 1,000 two-client draft bills
 * (60/40 split: two invoices each) approved through the HTTP API
 * (`BENCH_APPROVE_PARALLEL`, default 8, in flight: approvals reserve their
 * numbers by a plain ADD outside the posting transaction, so they no longer
 * race for the firm's counter; 2 in flight ran at 14–25 approvals/s, 8 at
 * 34), then one production job for all of them, until the job has
 * `succeeded` with every bill finalized.
 *
 * Setup, untimed: files with one ledger entry and one disbursement each,
 * seeded straight into the table (bill-seed.ts), drafted through the API; a
 * warm-up firm runs the same path on 100 bills first (DynamoDB Local's JIT).
 *
 * Baseline, same run: the per-bill essentials alone, on a firm of their own
 * seeded the same way: per bill its numbers reserved from the gap-free
 * counter (one ADD) and one posting transaction written directly (bill, two
 * invoices, the entry and disbursement billed, the claim released, the
 * balance moved and announced, the news to practice), then one PDF render
 * (this process, warm) and one S3 put per invoice, with the same concurrency.
 *
 * Targets (issue 15): ≥ 50 bills/s for post + produce, ≤ 10 DynamoDB requests
 * per invoice (the handlers' SDK middleware counts them, background work
 * included: each phase is counted until the stack is quiet again).
 */
import { renderInvoicePdf } from '../lib/documents/invoice-pdf.ts';
import { sampleInvoice } from '../lib/documents/pdf/sample-invoice.ts';
import { invoiceIdOf, type BillRecord } from '../lib/accounting/bills/model.ts';
import { countOf, cpuSpent, jobEnd, msUntilFinished, pool, round, withTarget, type BenchContext, type Result, type Stack } from './context.ts';
import { draftAll, libOn, newId, seedFiles, seedFirm, type Lib, type SeedFirm, type SeededFile } from './bill-seed.ts';

const BILLS = Number(process.env.BENCH_BILLS ?? 1000);
const WARM_UP = 100;
const PARALLEL = Number(process.env.BENCH_APPROVE_PARALLEL ?? 8);
const INVOICES_PER_BILL = 2;

interface Phase {
  ms: number;
  requests: Record<string, number>;
  cpu: Record<string, number>;
}

/** Runs `work`, then waits for the stack to go quiet; counts the requests and CPU of both. */
async function phase(stack: Stack, work: () => Promise<number>): Promise<Phase> {
  await stack.resetMetrics();
  const before = stack.cpu();
  const ms = await work();
  await stack.settle(1500, 120_000);
  return { ms, requests: await stack.metrics(), cpu: cpuSpent(before, stack.cpu()) };
}

async function approveAll(stack: Stack, f: SeedFirm, ids: readonly string[]): Promise<number> {
  const api = f.api;
  const t = performance.now();
  await pool(ids, PARALLEL, async (id) => api.ok(api.post(`/accounting/bills/${id}/approve`), `approve ${id}`));
  void stack;
  return performance.now() - t;
}

async function produceAll(f: SeedFirm, count: number): Promise<number> {
  const startedAt = Date.now();
  const job = await f.api.ok(f.api.post('/billing/production/produce', {}), 'produce');
  const finished = await jobEnd(f.api, job.id, 900_000);
  if (finished.status !== 'succeeded' || finished.progress.done !== count) {
    throw new Error(`production ended ${finished.status} with ${JSON.stringify(finished.progress)}; errors: ${JSON.stringify(finished.errors?.slice(0, 3))}`);
  }
  return msUntilFinished(startedAt, finished);
}

/** Every bill finalized with both invoice PDFs; the numbers 1..2N without gaps; a sample PDF fetched. */
async function check(lib: Lib, f: SeedFirm, count: number): Promise<void> {
  const finalized: BillRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await lib.billEntity.pageByStatus(f.firm, 'finalized', { limit: 500, cursor });
    finalized.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const numbers = new Set(finalized.flatMap((b) => b.invoices.map((i) => Number(i.invoiceNumber))));
  const pdfs = finalized.reduce((s, b) => s + b.documents.filter((d) => d.kind === 'invoice_pdf').length, 0);
  const n = count * INVOICES_PER_BILL;
  if (finalized.length !== count || numbers.size !== n || Math.min(...numbers) !== 1 || Math.max(...numbers) !== n || pdfs !== n) {
    throw new Error(`after production: ${finalized.length} finalized, ${numbers.size} distinct numbers, ${pdfs} PDFs`);
  }
  const bill = await f.api.ok(f.api.get(`/billing/bills/${finalized[0]!.id}`), 'bill');
  const pdf = await fetch(bill.documents[0].url);
  const head = Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString();
  if (pdf.status !== 200 || head !== '%PDF-') throw new Error(`bill ${bill.id}: its PDF answered ${pdf.status} ${head}`);
}

/**
 * The essentials of posting, alone: per bill one transaction with the items
 * posting writes (the approved bill as a copy of a real one), its numbers
 * reserved just before; a refused transaction (none is expected) is retried.
 */
async function postingEssentials(lib: Lib, f: SeedFirm, files: readonly SeededFile[], model: BillRecord): Promise<{ ms: number; retries: number }> {
  const now = new Date().toISOString();
  const { ledger } = f.template;
  let retries = 0;
  const t = performance.now();
  await pool(files, PARALLEL, async (file) => {
    const billId = newId('bl');
    const first = await lib.numberingEntity.reserveInvoiceNumbers(f.firm, model.invoices.length, now);
    for (;;) {
      const invoices = model.invoices.map((i, k) => ({ ...i, invoiceNumber: String(first + k) }));
      const bill: BillRecord = { ...model, firmId: f.firm, id: billId, fileId: file.id, invoices, version: 1, updatedAt: now };
      const lines = file.entryIds.map((id) => ({ kind: 'time' as const, id, timeEntryId: `te_${id.slice(3)}` }));
      const items = [
        lib.billEntity.put(bill, null),
        ...invoices.map((i) => lib.invoiceEntity.put({
          entity: 'invoice', firmId: f.firm, id: invoiceIdOf(i.invoiceNumber), invoiceNumber: i.invoiceNumber, billId, fileId: file.id,
          matterNumber: bill.matterNumber, contactId: i.contactId, invoiceDate: bill.invoiceDate!, dueDate: bill.dueDate!, percent: i.percent, amount: i.amount,
          paid: i.paid, outstanding: i.outstanding, status: i.status, payments: [], version: 1, updatedAt: now,
        }, null)),
        ...file.entryIds.map((id) => lib.ledgerEntryEntity.post({ firmId: f.firm, fileId: file.id, id, version: ledger.version as number }, billId, ledger.amount as string, now)),
        ...file.disbursementIds.map((id) => lib.disbursementEntity.post(f.firm, { fileId: file.id, id }, billId, now)),
        lib.openBillEntity.release(f.firm, file.id, billId),
        ...lib.balanceEntity.changes(f.firm, [{ file: { id: file.id, practiceMatterId: model.practiceMatterId }, delta: { unbilled: `-${model.total}`, billed: model.total } }]),
        ...lib.entriesNews(bill, lines as never, 'billed'),
        lib.invoicesNews(bill),
      ];
      try {
        await lib.commit(items);
        return;
      } catch (error) {
        if (!(error instanceof lib.TransactionRefused)) throw error;
        retries++;
      }
    }
  });
  return { ms: performance.now() - t, retries };
}

/** The essentials of producing, alone: one render (in this process, warm) and one S3 put per invoice. */
async function producingEssentials(lib: Lib, f: SeedFirm, invoices: number, lines: number): Promise<number> {
  const view = sampleInvoice({ lines });
  for (let i = 0; i < 30; i++) await renderInvoicePdf(view);
  const folder = lib.firmFolder(f.firm);
  const t = performance.now();
  await pool(Array.from({ length: invoices }, (_, i) => i), PARALLEL, async (i) => {
    await lib.putDocument(`${folder}/baseline/invoice-${i}.pdf`, await renderInvoicePdf({ ...view, invoiceNumber: String(i + 1) }), 'application/pdf');
  });
  return performance.now() - t;
}

const cpuMs = (cpu: Record<string, number>) => Object.values(cpu).reduce((s, v) => s + v, 0) * 1000;

export async function run(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const lib = await libOn(stack);
  const setupStarted = performance.now();

  // Warm-up: the same path on a firm of its own, untimed; its first approved bill is the baseline's model.
  const warm = await seedFirm(stack, lib, 'Warm-up LLP');
  const warmFiles = await seedFiles(stack, lib, warm, { count: WARM_UP, entries: 1, disbursements: 1 });
  const warmIds = await draftAll(warm.api, warmFiles);
  await approveAll(stack, warm, warmIds);
  const model = await lib.billEntity.get(warm.firm, warmIds[0]!);
  if (!model || model.status !== 'approved' || model.invoices.length !== INVOICES_PER_BILL) throw new Error(`warm-up bill: ${JSON.stringify(model)}`);
  await produceAll(warm, WARM_UP);
  ctx.log(`warm-up: ${WARM_UP} bills drafted, approved and produced`);

  const f = await seedFirm(stack, lib);
  const files = await seedFiles(stack, lib, f, { count: BILLS, entries: 1, disbursements: 1 });
  const draftStarted = performance.now();
  const ids = await draftAll(f.api, files);
  const draftMs = performance.now() - draftStarted;
  const base = await seedFirm(stack, lib, 'Baseline LLP');
  const baseFiles = await seedFiles(stack, lib, base, { count: BILLS, entries: 1, disbursements: 1 });
  ctx.log(`setup: ${BILLS} drafts (drafted through the API in ${(draftMs / 1000).toFixed(1)} s, ${round((BILLS * 1000) / draftMs, 1)}/s) ` +
    `and ${BILLS} baseline files in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
  await stack.settle(2000, 60_000);

  const post = await phase(stack, () => approveAll(stack, f, ids));
  const postInvocations = await stack.invocations();
  const produce = await phase(stack, () => produceAll(f, BILLS));
  const produceInvocations = await stack.invocations();
  await check(lib, f, BILLS);

  const essentialsPost = await postingEssentials(lib, base, baseFiles, model);
  const essentialsRender = await producingEssentials(lib, base, BILLS * INVOICES_PER_BILL, 1);

  const invoices = BILLS * INVOICES_PER_BILL;
  const totalMs = post.ms + produce.ms;
  const perS = (BILLS * 1000) / totalMs;
  const essentialMs = essentialsPost.ms + essentialsRender;
  const essentialPerS = (BILLS * 1000) / essentialMs;
  const postReq = countOf(post.requests);
  const produceReq = countOf(produce.requests);
  const max = (inv: Record<string, { maxMs: number }>, fn: string) => round(inv[fn]?.maxMs ?? 0, 0);
  ctx.log(`approve ${BILLS}: ${(post.ms / 1000).toFixed(1)} s, requests ${JSON.stringify(post.requests)}, CPU ${JSON.stringify(post.cpu)} s, ` +
    `longest approve ${max(postInvocations, 'accountingBillsApi')} ms`);
  ctx.log(`produce ${BILLS}: ${(produce.ms / 1000).toFixed(1)} s, requests ${JSON.stringify(produce.requests)}, CPU ${JSON.stringify(produce.cpu)} s, ` +
    `longest worker ${max(produceInvocations, 'billProductionWorker')} ms`);
  ctx.log(`essentials: posting ${(essentialsPost.ms / 1000).toFixed(1)} s (${essentialsPost.retries} refused and retried), ` +
    `render + put of ${invoices} invoices ${(essentialsRender / 1000).toFixed(1)} s`);

  return [
    withTarget({
      name: 'bills_posted_and_produced_per_s', value: round(perS, 1), unit: 'bills/s', baseline: round(essentialPerS, 1), ratio: round(perS / essentialPerS),
      baselineOf: `the per-bill essentials timed alone, same run: one posting transaction per bill written directly (${PARALLEL} in flight) + one PDF render (bench process) and S3 put per invoice`,
      note: `approve ${round(post.ms / 1000, 1)} s (${round((BILLS * 1000) / post.ms, 1)}/s, ${PARALLEL} in flight) + produce ${round(produce.ms / 1000, 1)} s (${round((BILLS * 1000) / produce.ms, 1)}/s); ` +
        `essentials: posting ${round(essentialsPost.ms / 1000, 1)} s + render/put ${round(essentialsRender / 1000, 1)} s`,
    }, '>=', 50, '≥ 50 bills/s'),
    { name: 'bill_post_seconds', value: round(post.ms / 1000, 1), unit: 's', baseline: round(essentialsPost.ms / 1000, 1), ratio: round(post.ms / essentialsPost.ms), baselineOf: 'one posting transaction per bill written directly, same concurrency' },
    { name: 'bill_produce_seconds', value: round(produce.ms / 1000, 1), unit: 's', baseline: round(essentialsRender / 1000, 1), ratio: round(produce.ms / essentialsRender), baselineOf: 'one render + S3 put per invoice, bench process' },
    withTarget({
      name: 'bill_dynamodb_requests_per_invoice', value: round((postReq + produceReq) / invoices, 2), unit: 'requests/invoice',
      note: `${invoices} invoices; post ${round(postReq / invoices, 2)} (${JSON.stringify(post.requests)}), produce ${round(produceReq / invoices, 2)} (${JSON.stringify(produce.requests)})`,
    }, '<=', 10, '≤ 10 requests/invoice'),
    { name: 'bill_post_dynamodb_requests_per_invoice', value: round(postReq / invoices, 2), unit: 'requests/invoice' },
    { name: 'bill_produce_dynamodb_requests_per_invoice', value: round(produceReq / invoices, 2), unit: 'requests/invoice' },
    { name: 'bill_post_cpu_ms_per_bill', value: round(cpuMs(post.cpu) / BILLS, 1), unit: 'ms CPU/bill', note: `stack processes during approve (until quiet): ${JSON.stringify(post.cpu)} CPU s` },
    { name: 'bill_produce_cpu_ms_per_bill', value: round(cpuMs(produce.cpu) / BILLS, 1), unit: 'ms CPU/bill', note: `stack processes during production (until quiet): ${JSON.stringify(produce.cpu)} CPU s` },
  ];
}
