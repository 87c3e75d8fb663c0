/**
 * What the bill scenarios share: a firm with two linked clients and one
 * matter billed to both (a 60/40 split), its accounting file, and copies of
 * that file with unbilled ledger entries and disbursements written straight
 * into the accounting table through the entity modules (or as copies of the
 * items the API wrote), so seeding thousands of bills or a 10,000-line file
 * takes seconds, not the minutes the practice → export → ledger path would.
 *
 * The lib modules are loaded only after the stack is up (`libOn`): they read
 * the endpoints at import, and the bench process is not a function of the
 * stack (its own DynamoDB requests are counted in this process, never in the
 * stack's counters the figures come from).
 */
import { monotonicFactory } from 'ulid';
import { batchWrite, eventually, pool, type Api, type Result, type Stack } from './context.ts';

const nextUlid = monotonicFactory();
export const newId = (prefix: string) => `${prefix}_${nextUlid().toLowerCase()}`;

type Item = Record<string, unknown>;

/** The lib modules the bill scenarios write and read with, pointed at the stack's emulators. */
export async function libOn(stack: Stack) {
  const { envName } = await import('../lib/declaration.ts');
  for (const [name, table] of Object.entries(stack.info.tables)) process.env[envName.table(name as never)] = table;
  Object.assign(process.env, {
    AWS_REGION: stack.info.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: stack.info.endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: stack.info.endpoints.s3,
    // infra/local/provision.ts names the local buckets `lbs-<name>`.
    [envName.bucket('documents')]: 'lbs-documents',
  });
  const [ledger, bill, invoice, numbering, openBill, balance, disbursement, transactions, s3, news, lines] = await Promise.all([
    import('../lib/accounting/entities/ledger-entry.entity.ts'),
    import('../lib/accounting/entities/bill.entity.ts'),
    import('../lib/accounting/entities/invoice.entity.ts'),
    import('../lib/accounting/entities/numbering.entity.ts'),
    import('../lib/accounting/entities/open-bill.entity.ts'),
    import('../lib/accounting/entities/balance.entity.ts'),
    import('../lib/accounting/entities/disbursement.entity.ts'),
    import('../lib/aws/transactions.ts'),
    import('../lib/aws/s3.ts'),
    import('../lib/accounting/bills/news.ts'),
    import('../lib/accounting/entities/bill-line.entity.ts'),
  ]);
  return {
    ledgerEntryEntity: ledger.ledgerEntryEntity,
    billEntity: bill.billEntity,
    invoiceEntity: invoice.invoiceEntity,
    numberingEntity: numbering.numberingEntity,
    openBillEntity: openBill.openBillEntity,
    balanceEntity: balance.balanceEntity,
    disbursementEntity: disbursement.disbursementEntity,
    billLineEntity: lines.billLineEntity,
    commit: transactions.commit,
    TransactionRefused: transactions.TransactionRefused,
    putDocument: s3.putDocument,
    firmFolder: s3.firmFolder,
    entriesNews: news.entriesNews,
    invoicesNews: news.invoicesNews,
  };
}
export type Lib = Awaited<ReturnType<typeof libOn>>;

export interface SeedFirm {
  api: Api;
  firm: string;
  /** The real file (linked matter) the copies are made from. */
  template: { file: Item; ledger: Item; disbursement: Item };
  contactIds: string[];
}

/**
 * A firm with letterhead, a timekeeper, two clients and one matter billed to
 * both, one time entry exported to its ledger and one disbursement: the
 * templates every seeded file copies.
 */
export async function seedFirm(stack: Stack, lib: Lib, name = 'Hopper & Lovelace LLP'): Promise<SeedFirm> {
  const api = await stack.api();
  const { version: _v, updatedAt: _u, ...settings } = await api.ok(api.get('/accounting/settings'), 'accounting settings');
  await api.ok(api.put('/accounting/settings', { ...settings, firm: { name, address: '1 Main St\nAustin, TX 78701', lawFirmId: '12-3456789' } }), 'settings');
  const label = await api.ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '250.00' }), 'rate label');
  const tk = await api.ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', defaultRateLabelId: label.id }), 'timekeeper');
  await api.ok(api.post('/accounting/users', { name: 'Grace', email: 'grace@firm.test' }), 'accounting user');
  const contacts = await Promise.all(['Babbage Engines Ltd', 'Analytical Holdings Inc'].map((n, i) =>
    api.ok(api.post('/practice/contacts', {
      kind: 'organization', name: n, email: `accounts${i}@babbage.test`,
      address: { line1: `${i + 1} Elm St`, city: 'Austin', region: 'TX', postcode: '78701', country: 'US' },
    }), 'contact')));
  for (const c of contacts) await eventually(async () => (await api.get(`/practice/contacts/${c.id}`)).body?.link?.status === 'synchronized', 60_000, 'a contact to link');
  const matter = await api.ok(api.post('/practice/matters', { name: 'Estate of Babbage', clientIds: contacts.map((c) => c.id), billing: { emailInvoices: false, ledesEnabled: true } }), 'matter');
  const linked = await eventually(async () => {
    const m = (await api.get(`/practice/matters/${matter.id}`)).body;
    return m?.link?.status === 'synchronized' ? m : undefined;
  }, 60_000, 'the matter to link');
  const fileId = linked.link.otherId as string;
  const file = await api.ok(api.get(`/accounting/files/${fileId}`), 'file');
  const accountingClients = file.clientIds as string[];
  if (accountingClients.length !== 2) throw new Error(`the file has ${accountingClients.length} clients`);
  await api.ok(api.put(`/accounting/files/${fileId}/allocations`, { allocations: [{ contactId: accountingClients[0], percent: '60' }, { contactId: accountingClients[1], percent: '40' }] }), 'allocations');
  await api.ok(api.post('/practice/time-entries', { matterId: matter.id, timekeeperId: tk.id, date: '2026-11-04', description: 'Review of the engine drawings', hours: '1.5', behavior: 'bill', taskCode: 'L110', activityCode: 'A101' }), 'time entry');
  const exp = await api.ok(api.post('/practice/billing/time-exports', {}), 'time export');
  await eventually(async () => ['succeeded', 'failed', 'partially_failed'].includes((await api.get(`/jobs/${exp.id}`)).body?.status), 60_000, 'the export');
  await api.ok(api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-05', description: 'Court filing fee', amount: '350.00', expenseCode: 'E112' }), 'disbursement');

  const pk = `FIRM#${api.firm}`;
  const table = stack.info.tables.accounting;
  const { GetCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const fileItem = (await stack.ddb.send(new GetCommand({ TableName: table, Key: { pk, sk: `FILE#${fileId}` } }))).Item;
  const under = async (prefix: string) => (await stack.ddb.send(new QueryCommand({
    TableName: table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
  }))).Items ?? [];
  const [ledger] = await under('LEDGER#');
  const [disbursement] = await under(`DISB#${fileId}#`);
  if (!fileItem || !ledger || !disbursement) throw new Error('the template file, ledger entry or disbursement was not found');
  void lib;
  return { api, firm: api.firm, template: { file: fileItem, ledger, disbursement }, contactIds: accountingClients };
}

export interface SeededFile {
  id: string;
  entryIds: string[];
  disbursementIds: string[];
}

/**
 * `count` copies of the template file (own id and matter number), each with
 * `entries` unbilled ledger entries (through the ledger entity's own write,
 * so its list indexes are right) and `disbursements` disbursements, dated
 * over November so bill order has work to do.
 */
export async function seedFiles(stack: Stack, lib: Lib, f: SeedFirm, o: { count: number; entries: number; disbursements: number; offset?: number }): Promise<SeededFile[]> {
  const { pendingPk: _p, pendingSk: _s, ...fileItem } = f.template.file;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...ledger } = f.template.ledger;
  const out: SeededFile[] = [];
  const rawItems: Item[] = [];
  const ledgerRecords: Item[] = [];
  for (let i = 0; i < o.count; i++) {
    const id = newId('fl');
    const n = (o.offset ?? 0) + i + 1;
    rawItems.push({ ...fileItem, id, matterNumber: `B${String(n).padStart(6, '0')}`, name: `Estate of Babbage, part ${n}`, sk: `FILE#${id}` });
    const seeded: SeededFile = { id, entryIds: [], disbursementIds: [] };
    for (let e = 0; e < o.entries; e++) {
      const te = newId('te');
      const le = `le_${te.slice(3)}`;
      ledgerRecords.push({ ...ledger, id: le, timeEntryId: te, fileId: id, date: `2026-11-${String(1 + (e % 28)).padStart(2, '0')}`, description: `Work on the engine, part ${e + 1}` });
      seeded.entryIds.push(le);
    }
    for (let d = 0; d < o.disbursements; d++) {
      const db = newId('db');
      rawItems.push({ ...f.template.disbursement, id: db, fileId: id, sk: `DISB#${id}#${db}`, date: `2026-11-${String(1 + (d % 28)).padStart(2, '0')}` });
      seeded.disbursementIds.push(db);
    }
    out.push(seeded);
  }
  await batchWrite(stack.ddb, stack.info.tables.accounting, rawItems, 4);
  // 250 a call: putOwned sends its 25-item requests at once, all on one abort signal (Node warns past 10).
  for (let i = 0; i < ledgerRecords.length; i += 250) {
    await lib.ledgerEntryEntity.putOwned(f.firm, ledgerRecords.slice(i, i + 250) as never, Date.now() + 120_000);
  }
  return out;
}

/** Drafts a bill of each file through the API (POST /accounting/bills), `parallel` at a time. */
export async function draftAll(api: Api, files: readonly SeededFile[], parallel = 8): Promise<string[]> {
  return pool(files, parallel, async (file) => (await api.ok(api.post('/accounting/bills', { fileId: file.id }), `draft of ${file.id}`)).id as string);
}

/** What infra/constructs/declared-function.ts gives a function that declares no timeout (importing it would load CDK). */
const DEFAULT_TIMEOUT_S = 10;

/** Each invoked function's longest invocation against its declared timeout, as figures (met: under half of it). */
export async function durationsVsTimeouts(stack: Stack, prefix: string): Promise<Result[]> {
  const { functions } = await import('../lib/declaration.ts');
  const invocations = await stack.invocations();
  return Object.entries(invocations)
    .sort(([, a], [, b]) => b.maxMs - a.maxMs)
    .map(([fn, s]) => {
      const timeoutS = (functions as Record<string, { timeoutSeconds?: number }>)[fn]?.timeoutSeconds ?? DEFAULT_TIMEOUT_S;
      const value = Math.round(s.maxMs);
      return {
        name: `${prefix}_${fn}_max_ms`, value, unit: 'ms', target: `< 50 % of ${timeoutS} s`, met: value < timeoutS * 500,
        note: `${s.count} invocations, mean ${Math.round(s.totalMs / s.count)} ms, longest ${(value / 1000).toFixed(1)} s of its ${timeoutS} s timeout (${Math.round(value / (timeoutS * 10))} %)`,
      };
    });
}
