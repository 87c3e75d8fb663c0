import { client, eventually, newFirm, settledRecord, type Client, type Reply } from '../helpers.ts';
import { waitQuiet } from './firm-state.ts';

/**
 * One record of every kind a route can name with `{id}`, plus the firm's own
 * distinctive strings (so a reply to another firm can be searched for them).
 */
export interface FirmFixture {
  firm: string;
  api: Client;
  /** Text that appears only in this firm's data. */
  marker: string;
  ids: {
    practiceContact: string;
    accountingContact: string;
    matter: string;
    file: string;
    /** An open time entry (still editable). */
    timeEntry: string;
    /** A time entry that was exported (locked in practice). */
    exportedTimeEntry: string;
    rateLabel: string;
    /** A second hourly label: what deletions merge into. */
    spareRateLabel: string;
    /** A label that exists to be deleted. */
    obsoleteRateLabel: string;
    user: string;
    accountingUser: string;
    systemRole: string;
    quickCode: string;
    /** An unbilled (on-hold) ledger entry, editable. */
    ledgerEntry: string;
    draftBill: string;
    finalizedBill: string;
    payment: string;
    disbursement: string;
    /** The time-export job. */
    job: string;
    productionJob: string;
  };
}

async function ok<T = any>(res: Promise<Reply<T>>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function finished(api: Client, jobId: string, what: string) {
  return eventually(async () => {
    const job = (await api.get(`/jobs/${jobId}`)).body;
    return ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
  }, 90_000, what);
}

/**
 * A firm with one record of everything: settings, rate labels, a system role,
 * a quick code, a timekeeper who is also an accounting user, a linked contact
 * (in both books), a linked matter and its file, time exported to the ledger,
 * a finalized bill with a payment and a LEDES file, a draft bill, an on-hold
 * ledger entry and an open time entry. Waits until the books are quiet.
 */
export async function buildFirm(options: { label?: string } = {}): Promise<FirmFixture> {
  const firm = newFirm();
  const api = await client(firm);
  const marker = `Zq${firm.slice(5)}${options.label ?? ''}`;

  const { version: _v, updatedAt: _u, ...settings } = await ok(api.get('/accounting/settings'), 'read accounting settings');
  await ok(
    api.put('/accounting/settings', {
      ...settings,
      firm: { name: `${marker} LLP`, address: '1 Main St\nAustin, TX 78701', lawFirmId: '12-3456789' },
    }),
    'accounting settings',
  );
  const [label, spare, obsolete] = await Promise.all([
    ok(api.post('/practice/rate-labels', { name: `Standard ${marker}`, type: 'hourly', baseValue: '200.00' }), 'rate label'),
    ok(api.post('/practice/rate-labels', { name: `Spare ${marker}`, type: 'hourly', baseValue: '100.00' }), 'spare rate label'),
    ok(api.post('/practice/rate-labels', { name: `Obsolete ${marker}`, type: 'hourly', baseValue: '90.00' }), 'obsolete rate label'),
  ]);
  // Role ids are chosen by the client (any firm may use the same one), so this one carries no marker.
  const role = `role-${Math.random().toString(36).slice(2, 10)}`;
  await ok(api.put(`/practice/system-roles/${role}`, { name: `Associate ${marker}`, defaultRateLabelId: label.id }), 'system role');
  const quickCode = await ok(
    api.post('/practice/quick-codes', { code: 'QC-1', description: `Research ${marker}`, rateLabelByRole: { [role]: label.id }, taskCode: 'L110' }),
    'quick code',
  );
  const email = `grace.${firm}@firm.test`;
  const [tk, acctUser] = await Promise.all([
    ok(
      api.post('/practice/users', {
        name: `Grace ${marker}`, email, systemRoleId: role, defaultRateLabelId: label.id, classification: 'PARTNR', ledesId: 'GH',
      }),
      'timekeeper',
    ),
    ok(api.post('/accounting/users', { name: `Grace ${marker}`, email }), 'accounting user'),
  ]);
  const created = await ok(
    api.post('/practice/contacts', {
      kind: 'person',
      name: `Client ${marker}`,
      email: `client.${firm}@example.test`,
      address: { line1: '1 Elm St', city: 'Austin', region: 'TX', postcode: '78701', country: 'US' },
    }),
    'contact',
  );
  const contact = await settledRecord(api, `/practice/contacts/${created.id}`, 60_000);
  if (contact.link.status !== 'synchronized') throw new Error(`fixture: contact did not link: ${JSON.stringify(contact.link)}`);
  const createdMatter = await ok(
    api.post('/practice/matters', {
      name: `Matter ${marker}`,
      clientIds: [contact.id],
      billing: { emailInvoices: false, ledesEnabled: true, clientMatterId: 'CM-1' },
    }),
    'matter',
  );
  const matter = await settledRecord(api, `/practice/matters/${createdMatter.id}`, 60_000);
  if (matter.link.status !== 'synchronized') throw new Error(`fixture: matter did not link: ${JSON.stringify(matter.link)}`);
  const fileId = matter.link.otherId as string;

  const entry = (date: string, behavior: string, description: string) =>
    ok(
      api.post('/practice/time-entries', {
        matterId: matter.id, timekeeperId: tk.id, date, description, hours: '0.5', behavior, taskCode: 'L110', activityCode: 'A102',
      }),
      `time entry ${description}`,
    );
  const billed = await entry('2026-11-02', 'bill', `Drafting ${marker}`);
  const onHold = await entry('2026-11-03', 'hide', `On hold ${marker}`);
  const exportJob = await ok(api.post('/practice/billing/time-exports', { matterId: matter.id }), 'time export');
  const exported = await finished(api, exportJob.id, 'the time export');
  if (exported.status !== 'succeeded') throw new Error(`fixture: export ${JSON.stringify(exported)}`);
  const ledger = await eventually(async () => {
    const items = (await api.get(`/accounting/files/${fileId}/ledger`)).body.items as any[];
    return items.length === 2 ? items : undefined;
  }, 60_000, 'two ledger entries');
  const held = ledger.find((l) => l.timeEntryId === onHold.id);

  const first = await ok(api.post('/accounting/bills', { fileId, throughDate: '2026-11-30' }), 'first bill');
  await ok(api.post(`/accounting/bills/${first.id}/approve`), 'approve');
  const production = await ok(api.post('/billing/production/produce', { billIds: [first.id] }), 'produce');
  const produced = await finished(api, production.id, 'production');
  if (produced.status !== 'succeeded') throw new Error(`fixture: production ${JSON.stringify(produced)}`);
  const payment = await ok(
    api.post(`/billing/bills/${first.id}/payments`, { amount: '10.00', date: '2026-12-01', method: 'wire', reference: `W-${marker}` }),
    'payment',
  );
  await ok(api.post('/billing/ebilling', { billIds: [first.id] }), 'e-billing');
  const disbursement = await ok(
    api.post(`/accounting/files/${fileId}/disbursements`, { date: '2026-11-05', description: `Filing fee ${marker}`, amount: '100.00', expenseCode: 'E112' }),
    'disbursement',
  );
  const draft = await ok(api.post('/accounting/bills', { fileId, throughDate: '2026-11-30' }), 'draft bill');
  const open = await entry('2026-11-06', 'bill', `Open work ${marker}`);

  // What follows in the background: the billed entry turns `billed` in practice, and the matter balance
  // learns of the bill, the payment and the disbursement. Then nothing moves any more.
  await eventually(async () => ((await api.get(`/practice/time-entries/${billed.id}`)).body.status === 'billed' ? true : undefined), 60_000, 'the entry to be billed');
  await eventually(async () => {
    const b = (await api.get(`/practice/matters/${matter.id}/balance`)).body;
    return b.billed === '100.00' && b.paid === '10.00' && b.unbilled === '100.00' ? true : undefined;
  }, 60_000, 'the matter balance');
  await waitQuiet(firm, { stableMs: 1_000, maxMs: 30_000 });
  return {
    firm,
    api,
    marker,
    ids: {
      practiceContact: contact.id,
      accountingContact: contact.link.otherId,
      matter: matter.id,
      file: fileId,
      timeEntry: open.id,
      exportedTimeEntry: billed.id,
      rateLabel: label.id,
      spareRateLabel: spare.id,
      obsoleteRateLabel: obsolete.id,
      user: tk.id,
      accountingUser: acctUser.id,
      systemRole: role,
      quickCode: quickCode.code,
      ledgerEntry: held.id,
      draftBill: draft.id,
      finalizedBill: first.id,
      payment: payment.id,
      disbursement: disbursement.id,
      job: exportJob.id,
      productionJob: production.id,
    },
  };
}

/** A second firm with a few records of its own, so its bodies can name its own references. */
export interface SmallFirm {
  firm: string;
  api: Client;
  ids: { practiceContact: string; accountingContact: string; rateLabel: string; spareRateLabel: string; user: string; systemRole: string };
}

export async function buildSmallFirm(): Promise<SmallFirm> {
  const firm = newFirm();
  const api = await client(firm);
  const [label, spare] = await Promise.all([
    ok(api.post('/practice/rate-labels', { name: 'B Standard', type: 'hourly', baseValue: '150.00' }), 'B label'),
    ok(api.post('/practice/rate-labels', { name: 'B Spare', type: 'hourly', baseValue: '50.00' }), 'B spare label'),
  ]);
  await ok(api.put('/practice/system-roles/b-role', { name: 'B role' }), 'B role');
  const user = await ok(api.post('/practice/users', { name: 'B User', email: `b.${firm}@firm.test` }), 'B user');
  const created = await ok(api.post('/practice/contacts', { kind: 'organization', name: 'B Client' }), 'B contact');
  const contact = await settledRecord(api, `/practice/contacts/${created.id}`, 60_000);
  await waitQuiet(firm, { stableMs: 500, maxMs: 10_000 });
  return {
    firm,
    api,
    ids: {
      practiceContact: contact.id,
      accountingContact: contact.link.otherId,
      rateLabel: label.id,
      spareRateLabel: spare.id,
      user: user.id,
      systemRole: 'b-role',
    },
  };
}
