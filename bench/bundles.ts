/**
 * 6. Lambda bundles: one esbuild bundle per distinct `entry` of the declared
 * functions, built with infra/bundling.ts exactly as the CDK stack builds it
 * (ESM, node22, minified, source map without sources, the SDK inside, pdf-lib's
 * unused font metrics and PNG codec left out), its
 * size, and its cold import time: a fresh `node` imports it and times the
 * import (median of 5). Baseline, same run: the AWS SDK's DynamoDB document
 * client alone (what nearly every function carries), bundled and imported the
 * same way. Targets: every bundle under 1 MB (1,000,000 bytes), import under 150 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { functions } from '../lib/declaration.ts';
import { BUNDLE_BUDGET_BYTES, bundleBudget, bundleOptions } from '../infra/bundling.ts';
import { root, round, median, withTarget, type BenchContext, type Result } from './context.ts';

const MAX_BYTES = BUNDLE_BUDGET_BYTES;
const MAX_IMPORT_MS = 150;
const RUNS = 5;

/** Exactly what the CDK stack deploys (infra/bundling.ts), quiet. */
const lambdaOptions = (target: string): BuildOptions => ({ ...bundleOptions, target, logLevel: 'silent' });

/** Median import time of a bundle in a fresh node, measured inside the process (node's own start excluded). */
function importMs(bundle: string): number {
  const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.stdout.write(String(performance.now() - t0));`;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: tmpdir(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      // What a function's environment looks like before it touches anything: a region, no endpoints,
      // and (as on Lambda's node 22) no SDK warning about the node version.
      env: {
        PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', LOG_LEVEL: 'ERROR', POWERTOOLS_SERVICE_NAME: 'law-billing-sync',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    runs.push(Number(out));
  }
  return median(runs);
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lbs-bundles-'));
  try {
    // The deployed target is node22; this machine's node runs the same output (checked by importing it).
    const target = 'node22';
    const entries = [...new Set(Object.values(functions).map((f) => f.entry))].sort();

    const sdkOut = join(dir, '_sdk', 'index.mjs');
    mkdirSync(join(dir, '_sdk'), { recursive: true });
    await build({
      ...lambdaOptions(target),
      stdin: {
        contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb'; export { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: sdkOut,
    });
    const sdkBytes = statSync(sdkOut).size;
    const sdkMs = importMs(sdkOut);
    ctx.log(`baseline (DynamoDB document client alone): ${sdkBytes} bytes, import ${sdkMs.toFixed(1)} ms`);

    // All bundles in one esbuild call (each entry its own self-contained bundle; no code splitting), with a
    // metafile to say which packages the bytes come from.
    const started = performance.now();
    const built = await build({
      ...lambdaOptions(target),
      entryPoints: entries.map((entry) => ({ in: join(root, entry), out: join(entry.replace(/^functions\//, '').replace(/\.ts$/, ''), 'index') })),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      metafile: true,
    });
    ctx.log(`built ${entries.length} bundles in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const results: Result[] = [];
    const sizes: number[] = [];
    const imports: number[] = [];
    for (const entry of entries) {
      const short = entry.replace(/^functions\//, '').replace(/\.ts$/, '');
      const outfile = join(dir, short, 'index.mjs');
      const bytes = statSync(outfile).size;
      const ms = importMs(outfile);
      sizes.push(bytes);
      imports.push(ms);
      const output = Object.entries(built.metafile!.outputs).find(([path, o]) => path.endsWith(`${short}/index.mjs`) && o.entryPoint)?.[1];
      const byPackage = new Map<string, number>();
      for (const [path, input] of Object.entries(output?.inputs ?? {})) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'own code';
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
      }
      const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([pkg, n]) => `${pkg} ${Math.round(n / 1000)} kB`).join(', ');
      ctx.log(`${short}: ${bytes} bytes, import ${ms.toFixed(1)} ms; largest: ${top}`);
      results.push(
        withTarget(
          {
            name: `bundle_bytes:${short}`, value: bytes, unit: 'bytes', baseline: sdkBytes, ratio: round(bytes / sdkBytes),
            baselineOf: 'the DynamoDB document client alone, bundled the same way', ...(bytes >= bundleBudget(entry) ? { note: `largest: ${top}` } : {}),
          },
          '<', bundleBudget(entry), `< ${(bundleBudget(entry) / 1e6).toFixed(1)} MB`,
        ),
        withTarget(
          { name: `bundle_import_ms:${short}`, value: round(ms, 1), unit: 'ms', baseline: round(sdkMs, 1), ratio: round(ms / sdkMs), baselineOf: 'the DynamoDB document client alone, imported by a fresh node' },
          '<', MAX_IMPORT_MS, '< 150 ms',
        ),
      );
    }
    results.push(
      withTarget({ name: 'bundle_bytes_max_budgeted', value: Math.max(...sizes.filter((_, i) => bundleBudget(entries[i]!) === MAX_BYTES)), unit: 'bytes', baseline: sdkBytes, ratio: round(Math.max(...sizes) / sdkBytes) }, '<', MAX_BYTES, '< 1 MB'),
      withTarget({ name: 'bundle_import_ms_max', value: round(Math.max(...imports), 1), unit: 'ms', baseline: round(sdkMs, 1), ratio: round(Math.max(...imports) / sdkMs) }, '<', MAX_IMPORT_MS, '< 150 ms'),
      { name: 'bundle_count', value: entries.length, unit: 'bundles' },
    );
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
