import { describe, expect, it } from 'vitest';
import { client, newFirm, person, type Client } from './helpers.ts';

/** A firm with labels, a role, a timekeeper, a client and a matter, built through the API. */
async function firmWithRates() {
  const api = await client(newFirm());
  const post = async (path: string, body: unknown) => {
    const res = await api.post(path, body);
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
    return res.body;
  };
  const standard = await post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' });
  const senior = await post('/practice/rate-labels', { name: 'Senior', type: 'hourly', baseValue: '350.00' });
  const flat = await post('/practice/rate-labels', { name: 'Flat fee', type: 'fixed' });
  const custom = await post('/practice/rate-labels', { name: 'Custom', type: 'custom' });
  const role = (await api.put('/practice/system-roles/associate', { name: 'Associate', defaultRateLabelId: senior.id })).body;
  const tk = await post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test', systemRoleId: 'associate', classification: 'ASSOC', ledesId: 'GH1' });
  const contact = await post('/practice/contacts', person('Client Co'));
  const matter = await post('/practice/matters', { name: 'Matter', clientIds: [contact.id] });
  return { api, standard, senior, flat, custom, role, tk, contact, matter };
}

const entry = (matterId: string, timekeeperId: string, extra: Record<string, unknown> = {}) => ({
  matterId,
  timekeeperId,
  date: '2026-11-20',
  description: 'Drafting',
  hours: '1.5',
  behavior: 'bill',
  ...extra,
});

async function time(api: Client, body: unknown) {
  const res = await api.post('/practice/time-entries', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('rate labels', () => {
  it('are unique by name (case-insensitive), typed, and only hourly ones carry values', async () => {
    const api = await client(newFirm());
    expect((await api.post('/practice/rate-labels', { name: 'Partner', type: 'hourly', baseValue: '500.00' })).status).toBe(201);
    const dup = await api.post('/practice/rate-labels', { name: 'PARTNER', type: 'hourly', baseValue: '1.00' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_name');
    const cases: [unknown, string][] = [
      [{ name: 'A', type: 'hourly' }, 'baseValue'],
      [{ name: 'B', type: 'fixed', baseValue: '1.00' }, 'baseValue'],
      [{ name: 'C', type: 'custom', timekeeperValues: [] }, 'timekeeperValues'],
      [{ name: 'D', type: 'hourly', baseValue: '1.5' }, 'baseValue'],
      [{ name: 'E', type: 'monthly' }, 'type'],
      [{ name: 'F', type: 'hourly', baseValue: '1.00', timekeeperValues: [{ userId: 'us_nobody', value: '2.00' }] }, 'timekeeperValues.0.userId'],
    ];
    for (const [body, path] of cases) {
      const res = await api.post('/practice/rate-labels', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path)).toContain(path);
    }
    const list = (await api.get('/practice/rate-labels')).body.items;
    expect(list.map((l: any) => l.name)).toEqual(['Partner']);
    const renamed = await api.patch(`/practice/rate-labels/${list[0].id}`, { name: 'Partner rate', active: false }, { 'if-match': '"1"' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Partner rate', active: false, version: 2 });
    expect((await api.post('/practice/rate-labels', { name: 'partner', type: 'fixed' })).status).toBe(201);
  });
});

describe('time entries priced by the rate hierarchy', () => {
  it('walk the label levels: entry, matter, quick code, timekeeper, system role, default', async () => {
    const { api, standard, senior, flat, tk, matter, contact } = await firmWithRates();
    // System role default (Senior), since nothing else names a label.
    const byRole = await time(api, entry(matter.id, tk.id));
    expect(byRole.rate).toMatchObject({ labelId: senior.id, labelSource: 'system_role', value: '350.00', valueSource: 'base', type: 'hourly', historic: false });
    expect(byRole.amount).toBe('525.00');
    expect(byRole.status).toBe('open');

    await api.patch(`/practice/users/${tk.id}`, { defaultRateLabelId: standard.id });
    expect((await time(api, entry(matter.id, tk.id))).rate).toMatchObject({ labelId: standard.id, labelSource: 'timekeeper' });

    await api.post('/practice/quick-codes', { code: 'DRAFT', description: 'Drafting', rateLabelByRole: { associate: senior.id }, taskCode: 'L210', activityCode: 'A103' });
    const coded = await time(api, entry(matter.id, tk.id, { quickCode: 'DRAFT' }));
    expect(coded.rate).toMatchObject({ labelId: senior.id, labelSource: 'quick_code' });
    expect(coded).toMatchObject({ taskCode: 'L210', activityCode: 'A103' });

    await api.patch(`/practice/matters/${matter.id}`, { billing: { rateLabelId: standard.id } });
    expect((await time(api, entry(matter.id, tk.id, { quickCode: 'DRAFT' }))).rate).toMatchObject({ labelId: standard.id, labelSource: 'matter' });

    const own = await time(api, entry(matter.id, tk.id, { rateLabelId: flat.id, amount: '750.00' }));
    expect(own.rate).toMatchObject({ labelId: flat.id, labelSource: 'entry', type: 'fixed', value: '750.00', valueSource: 'entry' });
    expect(own.amount).toBe('750.00');

    // A firm whose timekeeper has no role and nothing set: first active label alphabetically.
    const plain = await api.post('/practice/users', { name: 'No Role', email: 'norole@firm.test' });
    const other = await api.post('/practice/matters', { name: 'Other', clientIds: [contact.id] });
    expect((await time(api, entry(other.body.id, plain.body.id, { rateValue: '99.00' }))).rate).toMatchObject({
      labelName: 'Custom', labelSource: 'default', value: '99.00', valueSource: 'entry',
    });
  });

  it('walk the value levels: matter override (only when enabled), client override, timekeeper value, base', async () => {
    const { api, standard, tk, matter, contact } = await firmWithRates();
    const body = entry(matter.id, tk.id, { rateLabelId: standard.id, hours: '0.3' });
    expect((await time(api, body)).rate).toMatchObject({ value: '200.00', valueSource: 'base' });

    await api.patch(`/practice/users/${tk.id}`, { customRates: [{ rateLabelId: standard.id, value: '166.65' }] });
    const own = await time(api, body);
    expect(own.rate).toMatchObject({ value: '166.65', valueSource: 'timekeeper_override' });
    expect(own.amount).toBe('50.00');

    await api.patch(`/practice/contacts/${contact.id}`, { rateOverrides: [{ rateLabelId: standard.id, value: '180.00' }] });
    expect((await time(api, body)).rate).toMatchObject({ value: '180.00', valueSource: 'client_override' });

    await api.patch(`/practice/matters/${matter.id}`, { billing: { rateOverrides: [{ rateLabelId: standard.id, value: '150.00' }] } });
    expect((await time(api, body)).rate).toMatchObject({ value: '180.00', valueSource: 'client_override' });
    await api.patch(`/practice/matters/${matter.id}`, { billing: { customRatesEnabled: true } });
    const matterRate = await time(api, body);
    expect(matterRate.rate).toMatchObject({ value: '150.00', valueSource: 'matter_override' });
    expect(matterRate.amount).toBe('45.00');
  });

  it('compute amounts exactly: billable hours, half-up once, no charge and non-billable at zero, custom rates', async () => {
    const { api, standard, custom, tk, matter } = await firmWithRates();
    const cases: [Record<string, unknown>, string][] = [
      [{ rateLabelId: standard.id, hours: '2', billableHours: '1.25' }, '250.00'],
      [{ rateLabelId: standard.id, behavior: 'no_charge' }, '0.00'],
      [{ rateLabelId: standard.id, behavior: 'non_billable' }, '0.00'],
      [{ rateLabelId: standard.id, behavior: 'hide' }, '300.00'],
      [{ rateLabelId: custom.id, rateValue: '0.05', hours: '0.1' }, '0.01'],
      [{ rateLabelId: custom.id, rateValue: '333.33', hours: '0.33' }, '110.00'],
    ];
    for (const [extra, amount] of cases) {
      const e = await time(api, entry(matter.id, tk.id, extra));
      expect(e.amount, JSON.stringify(extra)).toBe(amount);
    }
  });

  it('refuse bad entries with 400 and the field, and write nothing', async () => {
    const { api, standard, flat, custom, tk, matter } = await firmWithRates();
    const other = await client(newFirm());
    const foreignMatter = (await other.post('/practice/matters', { name: 'x', clientIds: [(await other.post('/practice/contacts', person('x'))).body.id] })).body;
    const cases: [Record<string, unknown>, string][] = [
      [{ hours: '0' }, 'hours'],
      [{ hours: '-1' }, 'hours'],
      [{ hours: '1.555' }, 'hours'],
      [{ hours: 1.5 }, 'hours'],
      [{ hours: '25' }, 'hours'],
      [{ date: '2026-02-29' }, 'date'],
      [{ date: '20261120' }, 'date'],
      [{ behavior: 'maybe' }, 'behavior'],
      [{ taskCode: 'L1' }, 'taskCode'],
      [{ activityCode: 'B101' }, 'activityCode'],
      [{ rateLabelId: flat.id }, 'amount'],
      [{ rateLabelId: custom.id }, 'rateValue'],
      [{ rateLabelId: standard.id, rateValue: '1.00' }, 'rateValue'],
      [{ rateLabelId: standard.id, amount: '1.00' }, 'amount'],
      [{ rateLabelId: 'rl_nope' }, 'rateLabelId'],
      [{ matterId: foreignMatter.id }, 'matterId'],
      [{ timekeeperId: 'us_nope' }, 'timekeeperId'],
      [{ quickCode: 'NOPE' }, 'quickCode'],
      [{ surprise: 1 }, 'surprise'],
    ];
    for (const [extra, path] of cases) {
      const res = await api.post('/practice/time-entries', entry(matter.id, tk.id, extra));
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(extra)).toContain(path);
    }
    await api.patch(`/practice/rate-labels/${standard.id}`, { active: false });
    const inactive = await api.post('/practice/time-entries', entry(matter.id, tk.id, { rateLabelId: standard.id }));
    expect(inactive.status).toBe(400);
    expect((await api.get('/practice/time-entries')).body.items).toEqual([]);
  });

  it('keep their stored rate when rates change later, and say so with historic', async () => {
    const { api, standard, tk, matter } = await firmWithRates();
    const made = await time(api, entry(matter.id, tk.id, { rateLabelId: standard.id }));
    expect(made.rate.historic).toBe(false);
    await api.patch(`/practice/rate-labels/${standard.id}`, { baseValue: '220.00' });
    const later = (await api.get(`/practice/time-entries/${made.id}`)).body;
    expect(later.rate).toMatchObject({ value: '200.00', historic: true });
    expect(later.amount).toBe('300.00');
    // Editing hours keeps the stored rate; the amount follows exactly.
    const edited = await api.patch(`/practice/time-entries/${made.id}`, { hours: '2.25' }, { 'if-match': `"${later.version}"` });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ hours: '2.25', billableHours: '2.25', amount: '450.00', rate: { value: '200.00', historic: true } });
    // Changing the label re-resolves at today's rate.
    const relabelled = await api.patch(`/practice/time-entries/${made.id}`, { rateLabelId: standard.id });
    expect(relabelled.body).toMatchObject({ amount: '495.00', rate: { value: '220.00', historic: false } });
    expect((await api.patch(`/practice/time-entries/${made.id}`, { hours: '1' }, { 'if-match': '"1"' })).status).toBe(412);
  });

  it('list with filters and cursors', async () => {
    const { api, standard, tk, matter, contact } = await firmWithRates();
    const tk2 = (await api.post('/practice/users', { name: 'Ada', email: 'ada@firm.test' })).body;
    const matter2 = (await api.post('/practice/matters', { name: 'Second', clientIds: [contact.id] })).body;
    const dates = ['2026-11-01', '2026-11-05', '2026-11-10', '2026-11-15'];
    for (const date of dates) {
      await time(api, entry(matter.id, tk.id, { date, rateLabelId: standard.id }));
      await time(api, entry(matter2.id, tk2.id, { date, rateLabelId: standard.id }));
    }
    const byMatter = await api.get(`/practice/time-entries?matterId=${matter.id}&from=2026-11-05&to=2026-11-10`);
    expect(byMatter.body.items.map((e: any) => e.date)).toEqual(['2026-11-05', '2026-11-10']);
    expect((await api.get(`/practice/time-entries?timekeeperId=${tk2.id}`)).body.items).toHaveLength(4);
    expect((await api.get(`/practice/time-entries?status=open&from=2026-11-15`)).body.items).toHaveLength(2);
    expect((await api.get(`/practice/time-entries?status=billed`)).body.items).toHaveLength(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.get(`/practice/time-entries?matterId=${matter2.id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.body.items.map((e: any) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(4);
    expect((await api.get('/practice/time-entries?from=2026-11-10&to=2026-11-01')).status).toBe(400);
    expect((await api.get('/practice/time-entries?status=lost')).status).toBe(400);
  });

  it('deleting a label merges it: references move, stored entry rates stay', async () => {
    const { api, standard, senior, flat, tk, matter, contact } = await firmWithRates();
    await api.patch(`/practice/users/${tk.id}`, { defaultRateLabelId: standard.id, customRates: [{ rateLabelId: standard.id, value: '210.00' }] });
    await api.put('/practice/system-roles/associate', { name: 'Associate', defaultRateLabelId: standard.id });
    await api.post('/practice/quick-codes', { code: 'Q1', description: 'q', rateLabelByRole: { associate: standard.id } });
    await api.patch(`/practice/matters/${matter.id}`, { billing: { rateLabelId: standard.id } });
    await api.patch(`/practice/contacts/${contact.id}`, { rateOverrides: [{ rateLabelId: standard.id, value: '190.00' }] });
    const before = await time(api, entry(matter.id, tk.id));
    expect(before.rate).toMatchObject({ labelId: standard.id, value: '190.00', valueSource: 'client_override' });

    const del = await fetchDelete(api, `/practice/rate-labels/${standard.id}`, { mergeIntoId: senior.id, reason: 'Consolidating rates' });
    expect(del.status).toBe(200);
    expect(del.body.repointed).toEqual({ users: 1, systemRoles: 1, quickCodes: 1, matters: 1, contacts: 1 });

    expect((await api.get('/practice/rate-labels')).body.items.map((l: any) => l.name)).toEqual(['Custom', 'Flat fee', 'Senior']);
    expect((await api.get('/practice/users')).body.items[0]).toMatchObject({ defaultRateLabelId: senior.id, customRates: [{ rateLabelId: senior.id, value: '210.00' }] });
    expect((await api.get(`/practice/matters/${matter.id}`)).body.billing.rateLabelId).toBe(senior.id);
    expect((await api.get(`/practice/contacts/${contact.id}`)).body.rateOverrides).toEqual([{ rateLabelId: senior.id, value: '190.00' }]);
    expect((await api.get('/practice/quick-codes')).body.items[0].rateLabelByRole).toEqual({ associate: senior.id });

    const kept = (await api.get(`/practice/time-entries/${before.id}`)).body;
    expect(kept.rate).toMatchObject({ labelId: standard.id, value: '190.00', historic: true });
    const after = await time(api, entry(matter.id, tk.id));
    expect(after.rate).toMatchObject({ labelId: senior.id, value: '190.00', valueSource: 'client_override' });

    expect((await fetchDelete(api, `/practice/rate-labels/${flat.id}`, { mergeIntoId: flat.id, reason: 'x' })).status).toBe(400);
    expect((await fetchDelete(api, `/practice/rate-labels/${flat.id}`, { mergeIntoId: 'rl_nope', reason: 'x' })).status).toBe(400);
    expect((await fetchDelete(api, `/practice/rate-labels/${flat.id}`, { mergeIntoId: senior.id })).status).toBe(400);
    // The deleted label's name is free again.
    expect((await api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '1.00' })).status).toBe(201);
  });

  it('timekeeper emails are unique, and references must exist', async () => {
    const { api, tk } = await firmWithRates();
    expect((await api.post('/practice/users', { name: 'Twin', email: 'GRACE@firm.test' })).status).toBe(409);
    const bad = await api.post('/practice/users', { name: 'X', email: 'x@firm.test', systemRoleId: 'nope', defaultRateLabelId: 'rl_nope', classification: 'BOSS' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['classification']);
    const refs = await api.post('/practice/users', { name: 'X', email: 'x@firm.test', systemRoleId: 'nope', defaultRateLabelId: 'rl_nope' });
    expect(refs.body.errors.map((e: any) => e.path).sort()).toEqual(['defaultRateLabelId', 'systemRoleId']);
    expect((await api.patch(`/practice/users/${tk.id}`, { classification: 'PARTNR' })).body.classification).toBe('PARTNR');
    expect((await api.post('/accounting/users', { name: 'Grace', email: 'Grace@Firm.test' })).status).toBe(201);
    expect((await api.post('/accounting/users', { name: 'Grace again', email: 'grace@firm.test' })).status).toBe(409);
  });
});

async function fetchDelete(api: Client, path: string, body: unknown) {
  const { call } = await import('./helpers.ts');
  return call('DELETE', path, { token: api.token, body });
}
