/**
 * Invoice PDF rendering speed: `npx tsx bench/invoice-render.ts [renders]`.
 *
 * Renders the 40-line sample invoice (4 pages: wrapped descriptions in
 * Polish and German names, a no-charge and a written-down line,
 * disbursements, payments with references, the timekeeper summary, the
 * remittance block; Noto Sans embedded as subsets) over and over in this
 * process after a warm-up, then measures a cold start the way Lambda sees
 * one: the renderer bundled by esbuild into one ESM file with its fonts
 * beside it (as infra/bundling.ts ships them), imported by a fresh `node`,
 * first invoice rendered (which reads and parses the two font files). Prints one JSON line per measurement; benchInvoiceRender()
 * returns the same list for a bench runner.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions, copyInvoiceFonts } from '../infra/bundling.ts';
import { renderInvoicePdf } from '../lib/documents/invoice-pdf.ts';
import { sampleInvoice } from '../lib/documents/pdf/sample-invoice.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

const round = (v: number, digits = 3) => Number(v.toFixed(digits));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function warm(renders: number): Promise<BenchResult[]> {
  const view = sampleInvoice({ lines: 40 });
  let bytes = 0;
  for (let i = 0; i < 50; i++) bytes = (await renderInvoicePdf(view)).length;
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < renders; i++) {
    const t = performance.now();
    await renderInvoicePdf(view);
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - start;
  times.sort((a, b) => a - b);
  return [
    { name: 'invoice_render_ms_median', value: round(percentile(times, 0.5)), unit: 'ms' },
    { name: 'invoice_render_ms_p95', value: round(percentile(times, 0.95)), unit: 'ms' },
    { name: 'invoice_renders_per_s', value: round((renders * 1000) / elapsed, 1), unit: 'invoices/s' },
    { name: 'invoice_pdf_bytes', value: bytes, unit: 'bytes' },
  ];
}

/** Bundles the renderer as Lambda would and times a fresh process importing it and rendering once. */
async function cold(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-bench-'));
  try {
    const lib = fileURLToPath(new URL('../lib/documents/', import.meta.url));
    const bundle = join(dir, 'invoice.mjs');
    await build({
      stdin: {
        contents:
          `export { renderInvoicePdf } from ${JSON.stringify(join(lib, 'invoice-pdf.ts'))};\n` +
          `export { sampleInvoice } from ${JSON.stringify(join(lib, 'pdf/sample-invoice.ts'))};\n`,
        resolveDir: lib,
        loader: 'ts',
      },
      outfile: bundle,
      // Bundled as every Lambda function is (infra/bundling.ts), so the stubs for pdf-lib's unused parts are in.
      ...bundleOptions,
      sourcemap: false,
      logLevel: 'silent',
    });
    copyInvoiceFonts(fileURLToPath(new URL('..', import.meta.url)), dir);
    const script = `
      const t0 = performance.now();
      const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const t1 = performance.now();
      await m.renderInvoicePdf(m.sampleInvoice({ lines: 40 }));
      const t2 = performance.now();
      process.stdout.write(JSON.stringify([t1 - t0, t2 - t1]));`;
    const imports: number[] = [];
    const firsts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
      const [importMs, firstMs] = JSON.parse(out) as [number, number];
      imports.push(importMs);
      firsts.push(firstMs);
    }
    const totals = imports.map((v, i) => v + firsts[i]!).sort((a, b) => a - b);
    imports.sort((a, b) => a - b);
    firsts.sort((a, b) => a - b);
    return [
      { name: 'invoice_cold_import_ms', value: round(percentile(imports, 0.5), 1), unit: 'ms' },
      { name: 'invoice_cold_first_render_ms', value: round(percentile(firsts, 0.5), 1), unit: 'ms' },
      { name: 'invoice_cold_import_plus_first_ms', value: round(percentile(totals, 0.5), 1), unit: 'ms' },
      { name: 'invoice_bundle_bytes', value: statSync(bundle).size, unit: 'bytes' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchInvoiceRender(renders = 500): Promise<BenchResult[]> {
  return [...(await warm(renders)), ...(await cold())];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const renders = Number(process.argv[2] ?? 500);
  for (const result of await benchInvoiceRender(renders)) console.log(JSON.stringify(result));
}
