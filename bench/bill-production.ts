/**
 * 3. Bill production end to end: 1,000 approved bills, from
 * POST /billing/production/produce to the job `succeeded` with every bill
 * finalized (invoice number assigned, balance moved, invoice PDF in S3).
 *
 * Setup: a linked client and matter (so a real accounting file) and one
 * disbursement through the API; the file item is copied 999 times (new id,
 * distinct matter number) with one disbursement each (copies of the real
 * disbursement item); one bill is drafted and approved through the API and
 * its stored item, with its OPENBILL claim, copied for the other files
 * (drafting and approving 1,000 bills through the API costs ~5 DynamoDB round
 * trips each and would dominate the run; the copies have exactly the shape the
 * API writes). Everything else, numbering, PDFs, S3, the job, runs for real.
 *
 * Baseline, same run: rendering the same kind of one-page invoice in this
 * process, warm (renders/s); the ratio is how close production gets to the
 * cost of the PDFs alone.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { renderInvoicePdf } from '../lib/documents/invoice-pdf.ts';
import { sampleInvoice } from '../lib/documents/pdf/sample-invoice.ts';
import type { BillRecord } from '../lib/accounting/bills/model.ts';
import { billIndexKeys } from '../lib/accounting/entities/bill.entity.ts';
import { batchWrite, countOf, cpuSpent, eventually, jobEnd, msUntilFinished, round, type BenchContext, type Result, type Stack } from './context.ts';

const BILLS = 1000;
const nextUlid = monotonicFactory();
const newId = (prefix: string) => `${prefix}_${nextUlid().toLowerCase()}`;

type Item = Record<string, unknown>;

async function queryAll(stack: Stack, input: { index?: string; pkName: string; pk: string; prefix?: string }): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await stack.ddb.send(new QueryCommand({
      TableName: stack.info.tables.accounting,
      ...(input.index ? { IndexName: input.index } : {}),
      KeyConditionExpression: input.prefix ? '#pk = :pk AND begins_with(sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': input.pkName },
      ExpressionAttributeValues: { ':pk': input.pk, ...(input.prefix ? { ':prefix': input.prefix } : {}) },
      ExclusiveStartKey: start,
    }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Warm renders per second of a one-page invoice, in this process. */
async function renderRate(): Promise<number> {
  const view = sampleInvoice({ lines: 1 });
  for (let i = 0; i < 50; i++) await renderInvoicePdf(view);
  const n = 300;
  const t = performance.now();
  for (let i = 0; i < n; i++) await renderInvoicePdf(view);
  return (n * 1000) / (performance.now() - t);
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const api = await stack.api();
  const pk = `FIRM#${api.firm}`;
  const setupStarted = performance.now();

  const { version: _v, updatedAt: _u, ...settings } = await api.ok(api.get('/accounting/settings'), 'accounting settings');
  await api.ok(api.put('/accounting/settings', { ...settings, firm: { name: 'Hopper & Lovelace LLP', address: '1 Main St\nAustin, TX 78701', lawFirmId: '12-3456789' } }), 'settings');
  const contact = await api.ok(api.post('/practice/contacts', {
    kind: 'organization', name: 'Babbage Engines Ltd', email: 'accounts@babbage.test',
    address: { line1: '1 Elm St', city: 'Austin', region: 'TX', postcode: '78701', country: 'US' },
  }), 'contact');
  await eventually(async () => (await api.get(`/practice/contacts/${contact.id}`)).body?.link?.status === 'synchronized', 60_000, 'the contact to link');
  const matter = await api.ok(api.post('/practice/matters', { name: 'Estate of Babbage', clientIds: [contact.id], billing: { emailInvoices: false } }), 'matter');
  const linked = await eventually(async () => {
    const m = (await api.get(`/practice/matters/${matter.id}`)).body;
    return m?.link?.status === 'synchronized' ? m : undefined;
  }, 60_000, 'the matter to link');
  const fileId = linked.link.otherId as string;
  await api.ok(api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-05', description: 'Court filing fee', amount: '350.00', expenseCode: 'E112' }), 'disbursement');

  const file = (await stack.ddb.send(new GetCommand({ TableName: stack.info.tables.accounting, Key: { pk, sk: `FILE#${fileId}` } }))).Item;
  const [disbursement] = await queryAll(stack, { pkName: 'pk', pk, prefix: `DISB#${fileId}#` });
  if (!file || !disbursement) throw new Error('the template file or disbursement was not found');
  const { pendingPk: _p, pendingSk: _s, ...fileItem } = file;

  // The files and their disbursements: copies of the real ones.
  const files = Array.from({ length: BILLS }, (_, i) => {
    const id = newId('fl');
    return { ...fileItem, id, matterNumber: `B${String(i + 1).padStart(5, '0')}`, name: `Estate of Babbage, part ${i + 1}`, sk: `FILE#${id}` };
  });
  const disbursements = files.map((f) => {
    const id = newId('db');
    return { ...disbursement, id, fileId: f.id, sk: `DISB#${f.id}#${id}` };
  });
  await batchWrite(stack.ddb, stack.info.tables.accounting, [...files, ...disbursements], 4);

  // One bill through the API, the rest copies of it, each with its file's open-bill claim.
  const template = await api.ok(api.post('/accounting/bills', { fileId: files[0]!.id }), 'draft bill');
  await api.ok(api.post(`/accounting/bills/${template.id}/approve`), 'approve');
  const stored = (await stack.ddb.send(new GetCommand({ TableName: stack.info.tables.accounting, Key: { pk, sk: `BILL#${template.id}` } }))).Item as
    | (BillRecord & Item)
    | undefined;
  if (!stored || stored.status !== 'approved' || stored.lines.length !== 1) throw new Error(`template bill: ${JSON.stringify(stored)}`);
  const now = new Date().toISOString();
  const copies: Item[] = [];
  for (let i = 1; i < BILLS; i++) {
    const f = files[i]!;
    const d = disbursements[i]!;
    const id = newId('bl');
    const bill: BillRecord = {
      ...(stored as BillRecord),
      id,
      fileId: f.id,
      matterNumber: f.matterNumber,
      matterName: f.name,
      lines: [{ ...stored.lines[0]!, id: d.id as string }],
      createdAt: now,
      updatedAt: now,
    };
    copies.push({ ...stored, ...bill, ...billIndexKeys(bill), pk, sk: `BILL#${id}` });
    copies.push({ pk, sk: `OPENBILL#${f.id}`, billId: id });
  }
  await batchWrite(stack.ddb, stack.info.tables.accounting, copies, 4);
  const approved = await queryAll(stack, { index: 'gsi3', pkName: 'gsi3pk', pk: `${pk}#BILL#approved` });
  if (approved.length !== BILLS) throw new Error(`${approved.length} approved bills, expected ${BILLS}`);
  ctx.log(`setup: ${BILLS} files, disbursements and approved bills in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
  await stack.settle(2000, 60_000);

  await stack.resetMetrics();
  const cpuBefore = stack.cpu();
  const startedAt = Date.now();
  const job = await api.ok(api.post('/billing/production/produce', {}), 'produce');
  const finished = await jobEnd(api, job.id);
  const elapsed = msUntilFinished(startedAt, finished);
  const requests = await stack.metrics();
  const cpu = cpuSpent(cpuBefore, stack.cpu());
  if (finished.status !== 'succeeded' || finished.progress.done !== BILLS) {
    throw new Error(`production ended ${finished.status} with ${JSON.stringify(finished.progress)}; errors: ${JSON.stringify(finished.errors?.slice(0, 3))}`);
  }

  // Every bill finalized, numbered 1..1000 without gaps or repeats, with its PDF recorded; a sample fetched from S3.
  const finalized = await queryAll(stack, { index: 'gsi3', pkName: 'gsi3pk', pk: `${pk}#BILL#finalized` });
  const numbers = new Set(finalized.map((b) => Number(b.invoiceNumber)));
  const withPdf = finalized.filter((b) => (b.documents as { kind: string }[]).some((d) => d.kind === 'invoice_pdf')).length;
  if (finalized.length !== BILLS || numbers.size !== BILLS || Math.min(...numbers) !== 1 || Math.max(...numbers) !== BILLS || withPdf !== BILLS) {
    throw new Error(`after production: ${finalized.length} finalized, ${numbers.size} distinct numbers, ${withPdf} with a PDF`);
  }
  for (const b of finalized.slice(0, 3)) {
    const bill = await api.ok(api.get(`/billing/bills/${b.id as string}`), 'bill');
    const pdf = await fetch(bill.documents[0].url);
    const head = Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString();
    if (pdf.status !== 200 || head !== '%PDF-') throw new Error(`bill ${bill.id}: its PDF answered ${pdf.status} ${head}`);
  }

  const rendersPerS = await renderRate();
  const perS = (BILLS * 1000) / elapsed;
  const cpuTotal = Object.values(cpu).reduce((s, v) => s + v, 0);
  ctx.log(`produced ${BILLS} bills in ${(elapsed / 1000).toFixed(1)} s (${perS.toFixed(1)} bills/s); handler DynamoDB requests ${JSON.stringify(requests)}; ` +
    `CPU ${JSON.stringify(cpu)} s; one-page render in this process: ${rendersPerS.toFixed(0)}/s`);
  return [
    {
      name: 'bills_produced_per_s', value: round(perS, 1), unit: 'bills/s', baseline: round(rendersPerS, 1), ratio: round(perS / rendersPerS),
      baselineOf: 'warm renders/s of a one-page invoice PDF (the sample with one time line) in the bench process, same run',
    },
    { name: 'bill_production_seconds', value: round(elapsed / 1000, 1), unit: 's', note: `${BILLS} approved bills, produce to job succeeded, all finalized with a PDF` },
    { name: 'bill_production_dynamodb_requests_per_bill', value: round(countOf(requests) / BILLS, 2), unit: 'requests/bill' },
    { name: 'bill_production_cpu_ms_per_bill', value: round((cpuTotal * 1000) / BILLS, 1), unit: 'ms CPU/bill', note: `stack processes: ${JSON.stringify(cpu)} CPU s` },
  ];
}
