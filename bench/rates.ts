/**
 * 5. Rate resolution.
 *
 * Pure: resolutions per second of `resolveRate` over a realistic firm (14
 * labels, one merged into another, client and timekeeper overrides, a quick
 * code, a system role), cycling through the cases of docs/rates.md so no single path
 * is measured alone. Baseline, same process: a loop doing exactly the Map
 * lookups those resolutions do (counted by running them once on a counting
 * Map) and nothing else, so the ratio is how close the resolver is to the
 * cost of its own lookups. Target: over 1M resolutions/s.
 *
 * Through the API: 1,000 entries created by POST /practice/time-entries (8 in
 * flight) and the DynamoDB requests the handlers made for them; the design
 * says three reads per entry (labels query + two BatchGets).
 */
import { resolveRate, type EntryRateInput, type LabelFacts, type RateContext } from '../lib/practice/rates/resolver.ts';
import { countOf, eventually, median, pool, READ_COMMANDS, round, withTarget, type BenchContext, type Result } from './context.ts';

const label = (id: string, name: string, more: Partial<LabelFacts> = {}): LabelFacts => ({
  id, name, type: 'hourly', baseValue: '200.00', active: true, timekeeperValues: [], ...more,
});

function firmContexts(labels: Map<string, LabelFacts>): { input: EntryRateInput; ctx: RateContext }[] {
  const grace = { id: 'us_grace', systemRoleId: 'ASSOC', defaultRateLabelId: 'rl_standard', customRates: [{ rateLabelId: 'rl_standard', value: '166.65' }] };
  const plain = { id: 'us_plain', systemRoleId: 'ASSOC', customRates: [] };
  const client = { rateOverrides: [{ rateLabelId: 'rl_old', value: '180.00' }, { rateLabelId: 'rl_partner', value: '420.00' }, { rateLabelId: 'rl_para', value: '90.00' }] };
  const matterNaming = { rateLabelId: 'rl_standard', customRatesEnabled: false, rateOverrides: [{ rateLabelId: 'rl_standard', value: '150.00' }] };
  const matterCustom = { ...matterNaming, customRatesEnabled: true };
  const matterBare = { customRatesEnabled: false, rateOverrides: [] };
  const role = { defaultRateLabelId: 'rl_senior' };
  const quick = { rateLabelByRole: { PARTNR: 'rl_partner', ASSOC: 'rl_junior' } };
  return [
    // Standard via the matter, value from the client's sheet (through the merged label's override).
    { input: {}, ctx: { labels, matter: matterNaming, primaryClient: client, timekeeper: grace, systemRole: role } },
    // Same, custom rates on: the matter's override.
    { input: {}, ctx: { labels, matter: matterCustom, primaryClient: client, timekeeper: grace, systemRole: role } },
    // Another matter, client without a sheet: the timekeeper's own label and value.
    { input: {}, ctx: { labels, matter: matterBare, primaryClient: { rateOverrides: [] }, timekeeper: grace, systemRole: role } },
    // No default of her own: the system role's label, base value.
    { input: {}, ctx: { labels, matter: matterBare, primaryClient: { rateOverrides: [] }, timekeeper: plain, systemRole: role } },
    // A quick code for her role.
    { input: {}, ctx: { labels, matter: matterBare, primaryClient: client, timekeeper: plain, systemRole: role, quickCode: quick } },
    // Nothing anywhere: the first active label alphabetically (walks every label).
    { input: {}, ctx: { labels, matter: matterBare, timekeeper: plain } },
    // A fixed label named on the entry.
    { input: { rateLabelId: 'rl_flat', amount: '750.00' }, ctx: { labels, matter: matterNaming, primaryClient: client, timekeeper: grace, systemRole: role } },
    // A deleted label named on the entry: stands for the label it was merged into.
    { input: { rateLabelId: 'rl_old' }, ctx: { labels, matter: matterBare, primaryClient: client, timekeeper: plain, systemRole: role } },
  ];
}

function buildLabels<M extends Map<string, LabelFacts>>(map: M): M {
  const all = [
    label('rl_standard', 'Standard', { timekeeperValues: [{ userId: 'us_other', value: '175.00' }] }),
    label('rl_senior', 'Senior', { baseValue: '350.00' }),
    label('rl_partner', 'Partner', { baseValue: '450.00', timekeeperValues: [{ userId: 'us_a', value: '430.00' }, { userId: 'us_b', value: '440.00' }] }),
    label('rl_junior', 'Junior', { baseValue: '150.00' }),
    label('rl_para', 'Paralegal', { baseValue: '95.00' }),
    label('rl_clerk', 'Clerk', { baseValue: '60.00' }),
    label('rl_counsel', 'Of counsel', { baseValue: '380.00' }),
    label('rl_expert', 'Expert witness', { baseValue: '500.00' }),
    label('rl_trainee', 'Trainee', { baseValue: '80.00' }),
    label('rl_retired', 'Retired', { baseValue: '90.00', active: false }),
    label('rl_old', 'Deleted standard', { active: false, mergedInto: 'rl_standard' }),
    label('rl_flat', 'Flat fee', { type: 'fixed', baseValue: undefined }),
    label('rl_custom', 'Custom', { type: 'custom', baseValue: undefined }),
    label('rl_admin', 'Admin', { baseValue: '70.00' }),
  ];
  for (const l of all) map.set(l.id, l);
  return map;
}

/** A Map that remembers every key it was asked for. */
class CountingMap<K, V> extends Map<K, V> {
  readonly asked: K[] = [];
  override get(key: K): V | undefined {
    this.asked.push(key);
    return super.get(key);
  }
}

/** Resolutions per second over `n` resolutions cycling through the cases (best of `rounds`, after a warm-up). */
function timeResolver(cases: ReturnType<typeof firmContexts>, n: number, rounds: number): { perS: number[]; sink: number } {
  let sink = 0;
  const once = (count: number) => {
    for (let i = 0; i < count; i++) {
      const c = cases[i & 7]!;
      const r = resolveRate(c.input, c.ctx);
      if (r.ok) sink += r.rate.value.length;
    }
  };
  once(200_000);
  const perS: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    once(n);
    perS.push((n * 1000) / (performance.now() - t));
  }
  return { perS, sink };
}

/** The same number of Map lookups, with the same keys, on the same map, and nothing else. */
function timeLookups(labels: Map<string, LabelFacts>, keysPerCase: string[][], n: number, rounds: number): { perS: number[]; sink: number } {
  let sink = 0;
  const once = (count: number) => {
    for (let i = 0; i < count; i++) {
      const keys = keysPerCase[i & 7]!;
      for (let k = 0; k < keys.length; k++) if (labels.get(keys[k]!) !== undefined) sink++;
    }
  };
  once(200_000);
  const perS: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    once(n);
    perS.push((n * 1000) / (performance.now() - t));
  }
  return { perS, sink };
}

function pure(ctx: BenchContext): Result[] {
  const counting = buildLabels(new CountingMap<string, LabelFacts>());
  const keysPerCase = firmContexts(counting).map((c) => {
    counting.asked.length = 0;
    const r = resolveRate(c.input, c.ctx);
    if (!r.ok) throw new Error(`bench case does not resolve: ${JSON.stringify(r.errors)}`);
    return [...counting.asked];
  });
  const lookups = keysPerCase.reduce((s, k) => s + k.length, 0) / keysPerCase.length;
  // Iteration over the labels (the alphabetical fallback) is not a lookup; the floor counts lookups only.
  const labels = buildLabels(new Map<string, LabelFacts>());
  const cases = firmContexts(labels);
  const N = 2_000_000;
  const resolver = timeResolver(cases, N, 5);
  const floor = timeLookups(labels, keysPerCase, N, 5);
  const perS = median(resolver.perS);
  const floorPerS = median(floor.perS);
  ctx.log(`resolver: ${Math.round(perS).toLocaleString('en-US')} /s (rounds: ${resolver.perS.map((v) => Math.round(v / 1000)).join(', ')} k/s); ` +
    `${lookups.toFixed(1)} Map lookups per resolution; lookup floor ${Math.round(floorPerS).toLocaleString('en-US')} /s (sinks ${resolver.sink}, ${floor.sink})`);
  return [
    withTarget(
      {
        name: 'rate_resolutions_per_s',
        value: Math.round(perS),
        unit: 'resolutions/s',
        baseline: Math.round(floorPerS),
        ratio: round(perS / floorPerS),
        baselineOf: `a loop doing only the same Map lookups (${lookups.toFixed(1)} per resolution, same keys, same map), same process`,
      },
      '>', 1_000_000, '> 1,000,000/s',
    ),
    { name: 'rate_resolution_ns', value: round(1e9 / perS, 1), unit: 'ns', baseline: round(1e9 / floorPerS, 1), ratio: round(floorPerS / perS) },
  ];
}

async function throughApi(ctx: BenchContext): Promise<Result[]> {
  const stack = await ctx.stack();
  const api = await stack.api();
  const standard = await api.ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }), 'rate label');
  await api.ok(api.post('/practice/rate-labels', { name: 'Partner', type: 'hourly', baseValue: '450.00' }), 'rate label');
  await api.ok(api.post('/practice/rate-labels', { name: 'Flat', type: 'fixed' }), 'rate label');
  const tk = await api.ok(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@rates.test', defaultRateLabelId: standard.id }), 'user');
  const contact = await api.ok(api.post('/practice/contacts', { kind: 'person', name: 'Rates Client', rateOverrides: [{ rateLabelId: standard.id, value: '180.00' }] }), 'contact');
  const matter = await api.ok(api.post('/practice/matters', { name: 'Rates matter', clientIds: [contact.id] }), 'matter');
  await eventually(async () => (await api.get(`/practice/matters/${matter.id}`)).body?.link?.status === 'synchronized', 30_000, 'the matter to link');
  await stack.settle();

  const N = 1000;
  await stack.resetMetrics();
  const started = performance.now();
  const made = await pool(Array.from({ length: N }, (_, i) => i), 8, async (i) =>
    api.ok(api.post('/practice/time-entries', {
      matterId: matter.id, timekeeperId: tk.id, date: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      description: `Drafting, item ${i}`, hours: '0.3', behavior: 'bill',
    }), 'time entry'));
  const elapsed = performance.now() - started;
  const metrics = await stack.metrics();
  const wrong = made.filter((e) => e.rate.value !== '180.00' || e.amount !== '54.00').length;
  if (wrong) throw new Error(`${wrong} entries were priced wrongly (expected 180.00/h, 54.00)`);
  const reads = countOf(metrics, READ_COMMANDS);
  const all = countOf(metrics);
  ctx.log(`1,000 entries in ${(elapsed / 1000).toFixed(1)} s; handler requests: ${JSON.stringify(metrics)}`);
  return [
    {
      name: 'time_entry_dynamodb_reads_per_entry', value: round(reads / N), unit: 'reads/entry', baseline: 3, ratio: round(reads / N / 3),
      baselineOf: 'the design: 1 labels query + 2 BatchGets per entry (docs/rates.md)',
    },
    { name: 'time_entry_dynamodb_requests_per_entry', value: round(all / N), unit: 'requests/entry' },
    { name: 'time_entry_creates_per_s', value: round((N * 1000) / elapsed, 1), unit: 'entries/s', note: 'POST /practice/time-entries, 8 in flight' },
  ];
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  return [...pure(ctx), ...(await throughApi(ctx))];
}
