/**
 * 1. Invoice rendering: the 40-line sample invoice rendered over and over in
 * this warm process, and a cold start (the renderer bundled, imported by a
 * fresh node), both from bench/invoice-render.ts. Baselines, same run: the
 * pdf-lib floor (a document with as many blank pages, saved the same way) for
 * the warm figures, and a bundle of pdf-lib alone imported by a fresh node
 * for the cold import. Targets: under 5 ms per invoice warm (median), and
 * under 150 ms for a cold import plus the first invoice (fonts read then).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../infra/bundling.ts';
import { PDFDocument } from 'pdf-lib';
import { benchInvoiceRender } from './invoice-render.ts';
import { root, round, median, withTarget, type BenchContext, type Result } from './context.ts';

const RENDERS = 500;
/** The 40-line sample invoice is four pages (three of lines, then totals, summaries and remittance). */
const PAGES = 4;

/** The same number of saves of a bare pdf-lib document of three blank US Letter pages, in this process. */
async function pdfLibFloor(times: number): Promise<{ medianMs: number; perS: number }> {
  const once = async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    for (let p = 0; p < PAGES; p++) pdf.addPage([612, 792]);
    return pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  };
  for (let i = 0; i < 50; i++) await once();
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await once();
    samples.push(performance.now() - t);
  }
  return { medianMs: median(samples), perS: (times * 1000) / (performance.now() - start) };
}

/** Cold import of pdf-lib alone, bundled the same way, by a fresh node (median of 5). */
async function pdfLibColdImport(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pdflib-bench-'));
  try {
    const bundle = join(dir, 'pdflib.mjs');
    await build({
      stdin: { contents: "export * from 'pdf-lib';", resolveDir: root, loader: 'ts' },
      outfile: bundle,
      // Bundled as every Lambda function is (infra/bundling.ts), so the stubs for pdf-lib's unused parts are in.
      ...bundleOptions,
      sourcemap: false,
      logLevel: 'silent',
    });
    const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.stdout.write(String(performance.now() - t0));`;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' })));
    return median(runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(ctx: BenchContext): Promise<Result[]> {
  const figures = await benchInvoiceRender(RENDERS);
  const floor = await pdfLibFloor(RENDERS);
  const coldFloor = await pdfLibColdImport();
  ctx.log(`pdf-lib floor: ${floor.medianMs.toFixed(3)} ms per ${PAGES}-page document; cold import of pdf-lib alone ${coldFloor.toFixed(1)} ms`);
  const floorOf = `pdf-lib alone: create + ${PAGES} blank pages + save, same process`;
  return figures.map((f): Result => {
    switch (f.name) {
      case 'invoice_render_ms_median':
        return withTarget(
          { ...f, baseline: round(floor.medianMs), ratio: round(f.value / floor.medianMs), baselineOf: floorOf },
          '<', 5, '< 5 ms',
        );
      case 'invoice_renders_per_s':
        return { ...f, baseline: round(floor.perS, 1), ratio: round(f.value / floor.perS), baselineOf: floorOf };
      case 'invoice_cold_import_plus_first_ms':
        return withTarget(f, '<', 150, '< 150 ms');
      case 'invoice_cold_import_ms':
        return { ...f, baseline: round(coldFloor, 1), ratio: round(f.value / coldFloor), baselineOf: 'a bundle of pdf-lib alone, imported by a fresh node (median of 5)' };
      default:
        return f;
    }
  });
}
