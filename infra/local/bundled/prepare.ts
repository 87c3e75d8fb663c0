import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, stop as stopEsbuild } from 'esbuild';
import { functions } from '#lib/declaration';
import { bundleFunctions } from '../../bundling.ts';
import { projectRoot } from '../paths.ts';
import { SYNTHESIZED_FILE, type SynthesizedStack } from './synthesized.ts';

const run = promisify(execFile);

export interface PreparedFunctions {
  synth: SynthesizedStack;
  /** Each declared entry's bundle directory (its index.mjs, map and fonts/). */
  bundleDirs: Record<string, string>;
  /** The local runtime the worker threads start with (runtime.ts, built). */
  runtimeFile: string;
  /** `<stateDir>/bundled`: cdk.out, the bundles, the runtime. */
  dir: string;
  timings: { synthMs: number; bundleMs: number };
}

const since = (start: number) => Math.round(performance.now() - start);

/** The template: `cdk synth` in a child process (synth-cli.ts) into `<dir>/cdk.out`. */
async function synthesize(dir: string): Promise<SynthesizedStack> {
  await run(process.execPath, ['--import', 'tsx', join(projectRoot, 'infra/local/bundled/synth-cli.ts'), dir], { cwd: projectRoot, maxBuffer: 16 << 20 });
  return JSON.parse(readFileSync(join(dir, SYNTHESIZED_FILE), 'utf8')) as SynthesizedStack;
}

/** The runtime (runtime.ts) as one plain ES module, so a worker thread needs no TypeScript loader. */
async function buildRuntime(dir: string): Promise<string> {
  const outfile = join(dir, 'runtime.mjs');
  await build({
    entryPoints: [join(projectRoot, 'infra/local/bundled/runtime.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Everything bundled mode needs before the functions can start, built while
 * the emulators start: the synthesized template, every declared entry bundled
 * exactly as CDK bundles it (infra/bundling.ts), and the local runtime. Built
 * afresh on every start (a stale bundle would defeat the purpose).
 */
export async function prepareBundledFunctions(o: { stateDir: string; redriveAfterSeconds?: number | undefined }): Promise<PreparedFunctions> {
  if (o.redriveAfterSeconds) {
    throw new Error('--redrive-after sets SYNC_REDRIVE_AFTER_SECONDS, which the template does not give the functions: bundled mode runs them as deployed.');
  }
  const dir = join(o.stateDir, 'bundled');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entries = [...new Set(Object.values(functions).map((f) => f.entry))].sort();
  const start = performance.now();
  const timings = { synthMs: 0, bundleMs: 0 };
  const [synth, bundleDirs, runtimeFile] = await Promise.all([
    synthesize(dir).then((s) => ((timings.synthMs = since(start)), s)),
    bundleFunctions(projectRoot, entries, join(dir, 'functions')).then((b) => ((timings.bundleMs = since(start)), b)),
    buildRuntime(dir),
  ]);
  // esbuild's service process keeps about 900 MB after 29 bundles; nothing needs it now (a later call restarts it).
  await stopEsbuild();
  return { synth, bundleDirs, runtimeFile, dir, timings };
}
