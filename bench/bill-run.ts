/**
 * 4. The scheduled billing run over 10,000 approved bills (`BENCH_RUN_BILLS`):
 * the firm turns scheduled production on, the `billingRun` schedule is run
 * now (POST /__local/schedules/billingRun), and its production job is
 * followed until every bill is finalized. The figure that matters is each
 * function's longest invocation against its declared timeout (the stack
 * times every invocation): nothing may come near its limit.
 *
 * Setup, untimed: one two-client bill drafted and approved through the API is
 * the model; 9,999 copies of its header, lines and invoices (own ids, own
 * invoice numbers) are written with the entity modules' own items, so they
 * have exactly the keys and indexes the API writes.
 */
import type { BillRecord } from '../lib/accounting/bills/model.ts';
import { batchWrite, jobEnd, msUntilFinished, round, type BenchContext, type Result } from './context.ts';
import { durationsVsTimeouts, libOn, newId, seedFiles, seedFirm } from './bill-seed.ts';

const BILLS = Number(process.env.BENCH_RUN_BILLS ?? 10_000);

export async function run(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const lib = await libOn(stack);
  const setupStarted = performance.now();
  const f = await seedFirm(stack, lib, 'Scheduled LLP');
  const [file] = await seedFiles(stack, lib, f, { count: 1, entries: 1, disbursements: 1 });
  const draft = await f.api.ok(f.api.post('/accounting/bills', { fileId: file!.id }), 'draft');
  await f.api.ok(f.api.post(`/accounting/bills/${draft.id}/approve`), 'approve');
  const model = (await lib.billEntity.get(f.firm, draft.id)) as BillRecord;
  const lines = await lib.billLineEntity.all(f.firm, draft.id);
  const invoice = await lib.invoiceEntity.get(f.firm, model.invoices[0]!.invoiceNumber);
  if (!invoice) throw new Error('the model invoice was not found');
  const items: Record<string, unknown>[] = [];
  let number = 100;
  for (let i = 1; i < BILLS; i++) {
    const id = newId('bl');
    const invoices = model.invoices.map((inv) => ({ ...inv, invoiceNumber: String(++number) }));
    // A file of its own, as 10,000 matters billed in one run would have (an invoice's account summary reads its file's bills).
    const bill: BillRecord = { ...model, id, fileId: newId('fl'), matterNumber: `S${String(i).padStart(6, '0')}`, invoices };
    items.push(lib.billEntity.put(bill, null).Put!.Item!);
    for (const l of lines) items.push(lib.billLineEntity.put(f.firm, { ...l, billId: id }).Put!.Item!);
    for (const inv of invoices) items.push(lib.invoiceEntity.put({ ...invoice, id: `in_${inv.invoiceNumber}`, invoiceNumber: inv.invoiceNumber, billId: id, fileId: bill.fileId, contactId: inv.contactId, amount: inv.amount, outstanding: inv.outstanding, percent: inv.percent }, null).Put!.Item!);
  }
  await batchWrite(stack.ddb, stack.info.tables.accounting, items, 8);
  await f.api.ok(f.api.put('/billing/settings', { scheduledProduction: true }), 'billing settings');
  ctx.log(`setup: ${BILLS} approved bills (${items.length} items copied) in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
  await stack.settle(2000, 120_000);

  await stack.resetMetrics();
  const startedAt = Date.now();
  const ran = await fetch(`${stack.info.url}/__local/schedules/billingRun`, { method: 'POST' });
  const result = (await ran.json()) as { firms: number; jobs: string[] };
  const runMs = Date.now() - startedAt;
  if (ran.status !== 200 || result.jobs.length !== 1) throw new Error(`billing run answered ${ran.status} ${JSON.stringify(result)}`);
  const finished = await jobEnd(f.api, result.jobs[0]!, 1_800_000);
  const elapsed = msUntilFinished(startedAt, finished);
  if (finished.status !== 'succeeded' || finished.progress.done !== BILLS) {
    throw new Error(`the run's job ended ${finished.status} with ${JSON.stringify(finished.progress)}; errors: ${JSON.stringify(finished.errors?.slice(0, 3))}`);
  }
  ctx.log(`scheduled run: ${BILLS} bills produced in ${(elapsed / 1000).toFixed(1)} s; the billingRun invocation itself took ${runMs} ms`);
  return [
    { name: 'scheduled_run_bills_per_s', value: round((BILLS * 1000) / elapsed, 1), unit: 'bills/s', note: `${BILLS} approved bills, schedule to job succeeded in ${round(elapsed / 1000, 1)} s` },
    ...(await durationsVsTimeouts(stack, 'scheduled_run')),
  ];
}
