/**
 * `npm run bench [-- --only name1,name2]`: the benchmarks that matter, each
 * against a baseline measured in the same run, on one local stack (real
 * emulators, in memory, free ports). Prints a table and one JSON line per
 * figure, writes bench/results.json. A missed target is reported, never
 * fatal; the exit code is non-zero only if a scenario crashed.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { root, startStack, type BenchContext, type Result, type Scenario, type StartedStack } from './context.ts';

// The AWS SDK warns once that it wants node 22 (what Lambda runs); keep it out of the report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** In run order: the pure CPU ones first, before the stack's pollers add noise. */
const scenarios: { name: string; load: () => Promise<{ run: Scenario }>; optIn?: boolean }[] = [
  { name: 'invoice', load: () => import('./invoice.ts') },
  { name: 'bundles', load: () => import('./bundles.ts') },
  { name: 'rates', load: () => import('./rates.ts') },
  { name: 'sync-latency', load: () => import('./sync-latency.ts') },
  { name: 'time-export', load: () => import('./time-export.ts') },
  { name: 'bill-production', load: () => import('./bill-production.ts') },
  { name: 'big-bill', load: () => import('./big-bill.ts') },
  // Not in a plain `npm run bench` (about 10 minutes): `--only bill-run`, BENCH_RUN_BILLS for another size.
  { name: 'bill-run', load: () => import('./bill-run.ts'), optIn: true },
];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
/** Other names a scenario answers to: `invoice-render` is the invoice scenario (bench/invoice-render.ts does its measuring). */
const ALIASES: Record<string, string> = { 'invoice-render': 'invoice' };
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean).map((n) => ALIASES[n] ?? n);
const unknown = only?.filter((n) => !scenarios.some((s) => s.name === n)) ?? [];
if (unknown.length) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const selected = scenarios.filter((s) => (only ? only.includes(s.name) : !s.optIn));

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const log = (m: string) => console.error(`[bench ${elapsed()}] ${m}`);

let started: StartedStack | undefined;
let starting: Promise<StartedStack> | undefined;
const ctx: BenchContext = {
  log,
  stack: () => {
    starting ??= startStack(log).then((s) => (started = s));
    return starting;
  },
};

async function stopStack() {
  if (!starting) return;
  const s = started ?? (await starting.catch(() => undefined));
  if (s) {
    log('stopping the local stack');
    await s.stop();
  }
}
// Whatever happens, the stack (a child process with a JVM of its own) is stopped before this process ends.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.once(event, (error: unknown) => {
    log(`${event}: ${(error as Error)?.stack ?? String(error)}`);
    void stopStack().finally(() => process.exit(1));
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopStack().finally(() => process.exit(130));
  });
}

log(`node ${process.version}, ${cpus().length} CPU(s): ${selected.map((s) => s.name).join(', ')}`);
const results: (Result & { scenario: string })[] = [];
const crashed: string[] = [];
for (const s of selected) {
  const began = performance.now();
  log(`── ${s.name}`);
  try {
    const { run } = await s.load();
    const figures = await run(ctx);
    for (const r of figures) {
      results.push({ scenario: s.name, ...r });
      console.log(JSON.stringify(r));
    }
    log(`── ${s.name} done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  } catch (error) {
    crashed.push(s.name);
    log(`── ${s.name} CRASHED: ${(error as Error)?.stack ?? String(error)}`);
    if (started) log(`stack log: ${started.logFile}`);
  }
}
await stopStack();

const fmt = (v: number | undefined) =>
  v === undefined ? '' : Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(4)));
const rows = results.map((r) => [
  r.name,
  fmt(r.value),
  r.unit,
  fmt(r.baseline),
  r.ratio === undefined ? '' : r.ratio.toFixed(3),
  r.target ?? '',
  r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
]);
const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 3 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log('');
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
// Each distinct baseline once, with the figures it applies to (bundles share one).
const byBaseline = new Map<string, string[]>();
for (const r of results) if (r.baselineOf) byBaseline.set(r.baselineOf, [...(byBaseline.get(r.baselineOf) ?? []), r.name]);
if (byBaseline.size) {
  console.log('\nBaselines:');
  for (const [what, names] of byBaseline) console.log(`  ${names.length > 3 ? `${names[0]} and ${names.length - 1} more` : names.join(', ')}: ${what}`);
}
const notes = results.filter((r) => r.note).map((r) => `${r.name}: ${r.note}`);
if (notes.length) console.log(`\n${notes.join('\n')}`);

const missed = results.filter((r) => r.met === false);
console.log('');
if (missed.length) console.log(`TARGETS MISSED (${missed.length}): ${missed.map((r) => `${r.name} = ${fmt(r.value)} ${r.unit} (target ${r.target})`).join('; ')}`);
else if (results.some((r) => r.met !== undefined)) console.log('All targets met.');
if (crashed.length) console.log(`CRASHED: ${crashed.join(', ')}`);

const file = join(root, 'bench', 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${file}; total ${elapsed()}`);
process.exit(crashed.length ? 1 : 0);
