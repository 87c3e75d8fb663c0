/**
 * 5. One big bill through every step: a file with 10,000 unbilled ledger
 * entries (and 10 disbursements), seeded straight into the table; drafted
 * (POST /accounting/bills), one line written down (PATCH), approved (posted
 * in steps of 100 items), produced (the two invoice PDFs), e-billed (LEDES,
 * POST /billing/ebilling). Each step is timed from the client, and each
 * function's longest invocation is set against its declared timeout.
 * Then the preview of a 2,000-line draft (GET /billing/bills/{id}/preview)
 * against its 3 s target (issue 15).
 */
import { jobEnd, msUntilFinished, round, withTarget, type BenchContext, type Result } from './context.ts';
import { durationsVsTimeouts, libOn, seedFiles, seedFirm } from './bill-seed.ts';

const LINES = Number(process.env.BENCH_BIG_BILL_LINES ?? 10_000);
const PREVIEW_LINES = 2000;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const lib = await libOn(stack);
  const f = await seedFirm(stack, lib, 'Big Matter LLP');
  const seeded = await timed(() => seedFiles(stack, lib, f, { count: 1, entries: LINES, disbursements: 10 }));
  const small = await seedFiles(stack, lib, f, { count: 1, entries: PREVIEW_LINES, disbursements: 0, offset: 1 });
  ctx.log(`setup: ${LINES} + ${PREVIEW_LINES} ledger entries seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
  await stack.settle(2000, 120_000);
  await stack.resetMetrics();
  const api = f.api;

  const draft = await timed(() => api.ok(api.post('/accounting/bills', { fileId: seeded.value[0]!.id }), 'draft'));
  const bill = draft.value;
  if (bill.lineCount !== LINES + 10) throw new Error(`the draft has ${bill.lineCount} lines`);
  const line = bill.lines[0];
  const patch = await timed(() => api.ok(patchOf(stack.info.url, api.token, `/accounting/bills/${bill.id}`, { adjustments: [{ lineId: line.id, percent: '-10', reason: 'Courtesy write-down' }] }), 'patch'));
  const approve = await timed(() => api.ok(api.post(`/accounting/bills/${bill.id}/approve`), 'approve'));
  if (approve.value.status !== 'approved') throw new Error(`approve answered ${approve.value.status}`);
  const startedAt = Date.now();
  const job = await api.ok(api.post('/billing/production/produce', { billIds: [bill.id] }), 'produce');
  const finished = await jobEnd(api, job.id, 600_000);
  if (finished.status !== 'succeeded') throw new Error(`production ended ${finished.status}: ${JSON.stringify(finished.errors?.slice(0, 3))}`);
  const produceMs = msUntilFinished(startedAt, finished);
  const ebill = await timed(() => fetch(`${stack.info.url}/billing/ebilling`, {
    method: 'POST', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ billIds: [bill.id] }),
  }).then(async (r) => {
    const body = Buffer.from(await r.arrayBuffer());
    return { status: r.status, bytes: body.byteLength, problem: r.status === 200 ? '' : body.toString('utf8').slice(0, 600) };
  }));
  // A refused e-billing is reported, not fatal: the other steps' figures still count.
  if (ebill.value.status !== 200) ctx.log(`ebilling answered ${ebill.value.status}: ${ebill.value.problem}`);
  // The background work (practice taking the entries' news, the prepared PDFs) counts too: wait for it.
  await stack.settle(2000, 120_000);
  const durations = await durationsVsTimeouts(stack, 'big_bill');
  ctx.log(`big bill of ${LINES + 10} lines: draft ${round(draft.ms)} ms, patch ${round(patch.ms)} ms, approve ${round(approve.ms)} ms, produce ${produceMs} ms, LEDES ${round(ebill.ms)} ms (${ebill.value.bytes} bytes)`);

  const smallDraft = await api.ok(api.post('/accounting/bills', { fileId: small[0]!.id }), 'draft of 2,000 lines');
  const previews: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < 3; i++) {
    const p = await timed(() => fetch(`${stack.info.url}/billing/bills/${smallDraft.id}/preview`, { headers: { authorization: `Bearer ${api.token}` } }).then(async (r) => {
      if (r.status !== 200) throw new Error(`preview answered ${r.status}: ${await r.text()}`);
      return (await r.arrayBuffer()).byteLength;
    }));
    previews.push(p.ms);
    pdfBytes = p.value;
  }
  const note = (ms: number) => `${round(ms / 1000, 2)} s`;
  return [
    { name: 'big_bill_draft_ms', value: round(draft.ms, 0), unit: 'ms', note: `${LINES} ledger entries + 10 disbursements drafted in ${note(draft.ms)}` },
    { name: 'big_bill_patch_ms', value: round(patch.ms, 0), unit: 'ms' },
    { name: 'big_bill_approve_ms', value: round(approve.ms, 0), unit: 'ms', note: 'posted in steps of 100 items' },
    { name: 'big_bill_produce_ms', value: produceMs, unit: 'ms', note: 'production job of the one bill: two invoice PDFs' },
    { name: 'big_bill_ledes_ms', value: round(ebill.ms, 0), unit: 'ms', note: ebill.value.status === 200 ? `POST /billing/ebilling: ${ebill.value.bytes} bytes` : `REFUSED ${ebill.value.status}: ${ebill.value.problem}` },
    ...durations,
    withTarget({ name: 'preview_2000_lines_ms', value: round(Math.max(...previews), 0), unit: 'ms', note: `slowest of 3 (${previews.map((p) => Math.round(p)).join(', ')} ms), ${pdfBytes} bytes` }, '<', 3000, '< 3 s'),
  ];
}

async function patchOf(url: string, token: string, path: string, body: unknown) {
  const r = await fetch(url + path, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : undefined };
}
