/**
 * 2. Time export end to end: 10,000 open time entries, from
 * POST /practice/billing/time-exports to the job `succeeded` (every entry
 * booked in the accounting ledger and marked draft in practice).
 *
 * Setup: the firm's label, timekeeper (with an email), accounting user (same
 * email), client and matter are made through the API and linked; one entry is
 * made through the API and its stored item copied 9,999 times (new id, date,
 * description; the item built by the time entry entity's own put, index keys
 * and all) straight into the practice table with BatchWriteItem, so the
 * stored shape is exactly what the API writes.
 *
 * Baseline, same run, same DynamoDB Local: BatchWriteItem of the same 10,000
 * items (25 per request, 4 in flight) into a scratch table with the practice
 * table's keys and three list indexes but no stream, after an untimed
 * warm-up, once before the seeding and once after the export; the mean is the
 * baseline. The table is deleted at the end. Targets: at least 25% of that raw write throughput, and at
 * most 3 DynamoDB requests (made by the handlers, counted by the stack) per
 * exported entry.
 *
 * Essentials, same run, same scratch table: what an exported entry cannot
 * do without, timed alone and back to back: being read (pages of the status
 * index), the planner's own guarded lock (the time entry entity's `lock`,
 * retargeted to the scratch table, EXPORT_PAGE to a transaction) and one raw
 * write for its ledger entry. DynamoDB Local runs guarded writes at about a
 * third of BatchWriteItem's rate, so these, not the raw rate, bound the
 * export; the export is reported against both (it overlaps them, so it can
 * come out above 1 against the essentials).
 */
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, waitUntilTableExists, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { TimeEntryRecord } from '../lib/practice/time/model.ts';
import { timeEntryEntity } from '../lib/practice/entities/time-entry.entity.ts';
import { ledgerIdFor } from '../lib/accounting/ledger/model.ts';
import { envName } from '../lib/declaration.ts';
import { EXPORT_PAGE } from '../lib/practice/billing/export-plan.ts';
import { batchWrite, countOf, cpuSpent, eventually, jobEnd, msUntilFinished, round, type BenchContext, type Result } from './context.ts';

const ENTRIES = 10_000;
const WARM_UP_ENTRIES = 4_000;
const nextUlid = monotonicFactory();

export async function run(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const api = await stack.api();
  const setupStarted = performance.now();

  const label = await api.ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }), 'rate label');
  const tk = await api.ok(api.post('/practice/users', {
    name: 'Grace Hopper', email: 'grace@export.test', defaultRateLabelId: label.id, classification: 'PARTNR', ledesId: 'GH',
  }), 'user');
  await api.ok(api.post('/accounting/users', { name: 'Grace', email: 'GRACE@export.test' }), 'accounting user');
  const contact = await api.ok(api.post('/practice/contacts', { kind: 'organization', name: 'Export Client Ltd' }), 'contact');
  await eventually(async () => (await api.get(`/practice/contacts/${contact.id}`)).body?.link?.status === 'synchronized', 60_000, 'the contact to link');
  const matter = await api.ok(api.post('/practice/matters', { name: 'Export Client v. Rival', clientIds: [contact.id] }), 'matter');
  await eventually(async () => (await api.get(`/practice/matters/${matter.id}`)).body?.link?.status === 'synchronized', 60_000, 'the matter to link');

  const first = await api.ok(api.post('/practice/time-entries', {
    matterId: matter.id, timekeeperId: tk.id, date: '2026-01-01', description: 'Review of the file and first advice', hours: '0.3',
    behavior: 'bill', taskCode: 'L110', activityCode: 'A101',
  }), 'time entry');
  const table = stack.info.tables.practice;
  // The entity builds its items for the practice table, whose name a function reads from its environment: give
  // this process the same (the essentials' locks are retargeted to the scratch table below).
  process.env[envName.table('practice')] = table;
  const stored = (await stack.ddb.send(new GetCommand({ TableName: table, Key: { pk: `FIRM#${api.firm}`, sk: `ENTRY#${first.id}` } }))).Item as
    | (TimeEntryRecord & Record<string, unknown>)
    | undefined;
  if (!stored || stored.status !== 'open') throw new Error(`the template entry was not found open: ${JSON.stringify(stored)}`);

  const now = new Date().toISOString();
  const copy = (i: number, year: number) => {
    const day = new Date(Date.UTC(year, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const record: TimeEntryRecord = {
      ...(stored as TimeEntryRecord),
      id: `te_${nextUlid().toLowerCase()}`,
      date: day,
      description: `Drafting and correspondence, item ${i + 1}: review of documents, call with the client and note to file`,
      createdAt: now,
      updatedAt: now,
    };
    return timeEntryEntity.put(record, null).Put!.Item as Record<string, unknown>;
  };
  const items = Array.from({ length: ENTRIES - 1 }, (_, i) => copy(i, 2026));
  // Dated 2025: exported (untimed) before the measured export, so both sides are measured warm.
  const warmUpItems = Array.from({ length: WARM_UP_ENTRIES }, (_, i) => copy(i, 2025));
  const bytesPerItem = Buffer.byteLength(JSON.stringify(items[0]));

  // Baseline: the same items, raw BatchWriteItem, into a scratch table with the practice table's keys and
  // list indexes but no stream (the outbox stream is part of what the export pays for). Measured before the
  // seeding and again after the export (new keys), after an untimed warm-up; the mean is the baseline, so a
  // machine that slows down or speeds up during the run moves both sides.
  const described = (await stack.raw.send(new DescribeTableCommand({ TableName: table }))).Table!;
  const scratch = `bench-scratch-${Date.now()}`;
  const definition: CreateTableCommandInput = {
    TableName: scratch,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: described.AttributeDefinitions,
    KeySchema: described.KeySchema,
    GlobalSecondaryIndexes: described.GlobalSecondaryIndexes?.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection })),
  };
  await stack.raw.send(new CreateTableCommand(definition));
  await waitUntilTableExists({ client: stack.raw, maxWaitTime: 30 }, { TableName: scratch });
  const rawItems = (round: string) => [stored, ...items].map((item) => ({ ...item, sk: `${item.sk as string}#${round}` }));
  const rawRates: number[] = [];
  const rawRound = async (round: string) => {
    const ms = await batchWrite(stack.ddb, scratch, rawItems(round), 4);
    rawRates.push((ENTRIES * 1000) / ms);
    ctx.log(`baseline ${round}: BatchWriteItem of ${ENTRIES} items (~${bytesPerItem} bytes of JSON each): ${(ms / 1000).toFixed(1)} s, ${((ENTRIES * 1000) / ms).toFixed(0)} items/s`);
  };

  // The essentials: what DynamoDB Local allows for the three things an exported entry cannot do without: being
  // read (a page of the status index, EXPORT_PAGE at a time, as the planner reads), its guarded lock (the
  // planner's own, EXPORT_PAGE to a transaction, one transaction at a time as the planner commits them) and
  // its ledger entry (a raw BatchWriteItem: the baseline). Run on the scratch copies, so it costs no seeding.
  let readMs = 0;
  let lockMs = 0;
  const essentialRounds = async () => {
    const indexKey = stored!.gsi3pk as string; // the template entry is open: the status index's open list
    let read = 0;
    let startKey: Record<string, unknown> | undefined;
    const readStarted = performance.now();
    while (read < ENTRIES) {
      const page = await stack.ddb.send(new QueryCommand({
        TableName: scratch, IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': indexKey },
        Limit: Math.min(EXPORT_PAGE, ENTRIES - read), ExclusiveStartKey: startKey,
      }));
      read += page.Items?.length ?? 0;
      startKey = page.LastEvaluatedKey;
      if (!startKey) break;
    }
    readMs = performance.now() - readStarted;
    if (read < ENTRIES) throw new Error(`the essentials round read ${read} scratch entries, not ${ENTRIES}`);

    const copies = rawItems('after') as unknown as (TimeEntryRecord & { pk: string; sk: string })[];
    const lockStarted = performance.now();
    for (let i = 0; i < copies.length; i += EXPORT_PAGE) {
      await stack.ddb.send(new TransactWriteCommand({
        TransactItems: copies.slice(i, i + EXPORT_PAGE).map((copy) => {
          // The entity's own lock, retargeted to the copy in the scratch table.
          const lock = timeEntryEntity.lock(copy, 'job_bench', now).Update!;
          return { Update: { ...lock, TableName: scratch, Key: { pk: copy.pk, sk: copy.sk } } };
        }),
      }));
    }
    lockMs = performance.now() - lockStarted;
    ctx.log(`essentials: ${ENTRIES} entries read in pages of ${EXPORT_PAGE} in ${(readMs / 1000).toFixed(1)} s; ` +
      `${ENTRIES} guarded locks, ${EXPORT_PAGE} to a transaction, in ${(lockMs / 1000).toFixed(1)} s (${((ENTRIES * 1000) / lockMs).toFixed(0)} locks/s)`);
  };

  let elapsed: number;
  let finished: any;
  let atEnd: Record<string, number>;
  let cpu: Record<string, number>;
  try {
    await batchWrite(stack.ddb, scratch, rawItems('warm-up').slice(0, 3000), 4);
    await rawRound('before');

    const seedMs = await batchWrite(stack.ddb, table, items, 4);
    await batchWrite(stack.ddb, table, warmUpItems, 4);
    ctx.log(`seeded ${items.length} entries into the practice table in ${(seedMs / 1000).toFixed(1)} s (${((items.length * 1000) / seedMs).toFixed(0)} items/s); setup ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    // The stream poller skips the seeded inserts (not outbox entries); let it catch up.
    await stack.settle(2000, 30_000);
    // Warm-up, untimed: the baseline's JVM paths are warmed by its untimed writes; the export's (transactions,
    // queries, streams) by an export of WARM_UP_ENTRIES other entries, those dated 2025.
    const warmUp = await jobEnd(api, (await api.ok(api.post('/practice/billing/time-exports', { from: '2025-01-01', to: '2025-12-31' }), 'warm-up export')).id);
    if (warmUp.status !== 'succeeded' || warmUp.progress.done !== WARM_UP_ENTRIES) throw new Error(`the warm-up export ended ${warmUp.status}: ${JSON.stringify(warmUp.progress)}`);
    await stack.settle(2000, 30_000);

    await stack.resetMetrics();
    const cpuBefore = stack.cpu();
    const startedAt = Date.now();
    const job = await api.ok(api.post('/practice/billing/time-exports', {}), 'start export');
    finished = await jobEnd(api, job.id);
    elapsed = msUntilFinished(startedAt, finished);
    atEnd = await stack.metrics();
    cpu = cpuSpent(cpuBefore, stack.cpu());
    await stack.settle(2000, 30_000);
    await rawRound('after');
    await essentialRounds();
  } finally {
    await stack.raw.send(new DeleteTableCommand({ TableName: scratch }));
  }
  const rawPerS = (rawRates[0]! + rawRates[1]!) / 2;
  // One read, one lock and one raw write per entry, back to back: entries/s if the export did nothing else.
  const essentialsPerS = (ENTRIES * 1000) / (readMs + lockMs + (ENTRIES * 1000) / rawPerS);
  if (finished.status !== 'succeeded' || finished.progress.done !== ENTRIES || finished.progress.total !== ENTRIES) {
    throw new Error(`export ended ${finished.status} with progress ${JSON.stringify(finished.progress)}; errors: ${JSON.stringify(finished.errors?.slice(0, 3))}`);
  }
  // Spot checks: entries are draft (locked by this export) and in the accounting ledger.
  for (const id of [first.id, items[0]!.id, items[Math.floor(items.length / 2)]!.id, items.at(-1)!.id]) {
    const e = (await stack.ddb.send(new GetCommand({ TableName: table, Key: { pk: `FIRM#${api.firm}`, sk: `ENTRY#${id}` } }))).Item;
    if (e?.status !== 'draft' || e.exportJobId !== finished.id) throw new Error(`entry ${id} is ${e?.status} (${e?.exportJobId}) after the export`);
    const ledger = (await stack.ddb.send(new GetCommand({ TableName: stack.info.tables.accounting, Key: { pk: `FIRM#${api.firm}`, sk: `LEDGER#${ledgerIdFor(id)}` } }))).Item;
    if (ledger?.timeEntryId !== id) throw new Error(`entry ${id} is not in the accounting ledger after the export`);
  }
  const settled = await stack.metrics();

  const requests = countOf(atEnd);
  const trailing = countOf(settled);
  const perS = (ENTRIES * 1000) / elapsed;
  const ratio = perS / rawPerS;
  ctx.log(`export of ${ENTRIES} entries: ${(elapsed / 1000).toFixed(1)} s, ${perS.toFixed(0)} entries/s; handler DynamoDB requests until succeeded ${JSON.stringify(atEnd)}, ` +
    `after the stack settled ${JSON.stringify(settled)}; CPU during the export ${JSON.stringify(cpu)} s`);
  const raw = `raw BatchWriteItem of the same 10,000 items (25 per request, 4 in flight) into a table with the practice table's keys and indexes, no stream; same DynamoDB Local, mean of before and after the export (${rawRates.map((r) => r.toFixed(0)).join(' and ')} items/s)`;
  return [
    {
      name: 'export_entries_per_s', value: round(perS, 1), unit: 'entries/s', baseline: round(rawPerS, 1), ratio: round(ratio), baselineOf: raw,
      target: '≥ 25% of raw writes', met: ratio >= 0.25,
    },
    {
      name: 'export_entries_per_s_vs_essentials', value: round(perS, 1), unit: 'entries/s', baseline: round(essentialsPerS, 1), ratio: round(perS / essentialsPerS),
      baselineOf: `its essentials alone, back to back: entries/s if each entry cost only its read (pages of ${EXPORT_PAGE}: ${((ENTRIES * 1000) / readMs).toFixed(0)}/s), ` +
        `its guarded lock (${((ENTRIES * 1000) / lockMs).toFixed(0)}/s in transactions of ${EXPORT_PAGE}) and one raw write (the baseline above); same DynamoDB Local, same run`,
    },
    { name: 'export_seconds', value: round(elapsed / 1000, 1), unit: 's', note: `${ENTRIES} entries, POST to job succeeded` },
    {
      name: 'export_dynamodb_requests_per_entry', value: round(requests / ENTRIES), unit: 'requests/entry',
      target: '≤ 3', met: requests / ENTRIES <= 3,
    },
    { name: 'export_dynamodb_requests_per_entry_settled', value: round(trailing / ENTRIES), unit: 'requests/entry', note: 'including the work the export leaves behind (balance announcements, the finished message)' },
    { name: 'export_cpu_ms_per_entry', value: round((countCpu(cpu) * 1000) / ENTRIES, 2), unit: 'ms CPU/entry', note: `stack processes: ${JSON.stringify(cpu)} CPU s` },
  ];
}

const countCpu = (cpu: Record<string, number>) => Object.values(cpu).reduce((s, v) => s + v, 0);
