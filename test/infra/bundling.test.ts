import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../infra/bundling.ts';
import { projectRoot } from '../../infra/constructs/declared-function.ts';

/**
 * The deployed bundles leave pdf-lib's standard-font metrics and PNG codec out
 * (infra/bundling.ts). Here the invoice renderer is bundled exactly that way
 * and run: it must still render, and the parts left out must fail loudly if
 * anything ever reaches for them, rather than produce a broken PDF.
 */
describe('Lambda bundling', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbs-bundling-test-'));
  let bundled: any;

  beforeAll(async () => {
    const outfile = join(dir, 'renderer.mjs');
    await build({
      ...bundleOptions,
      absWorkingDir: projectRoot,
      stdin: {
        contents: [
          "export { renderInvoicePdf } from './lib/documents/invoice-pdf.ts';",
          "export { sampleInvoice } from './lib/documents/pdf/sample-invoice.ts';",
          "export { PDFDocument, StandardFonts } from 'pdf-lib';",
          "export { mergePdfs } from './lib/documents/pdf/merge.ts';",
        ].join('\n'),
        resolveDir: projectRoot,
        loader: 'ts',
      },
      outfile,
      logLevel: 'silent',
    });
    bundled = await import(pathToFileURL(outfile).href);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders an invoice with the bundled renderer, same bytes as unbundled', async () => {
    const view = bundled.sampleInvoice({ lines: 40 });
    const pdf: Buffer = await bundled.renderInvoicePdf(view, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(2);
    const { renderInvoicePdf } = await import('../../lib/documents/invoice-pdf.ts');
    expect(Buffer.compare(pdf, await renderInvoicePdf(view, { compress: false }))).toBe(0);
  });

  it('merges PDFs with the bundled pdf-lib, whose pako is node:zlib (object streams deflated, encodings inflated)', async () => {
    const a: Buffer = await bundled.renderInvoicePdf(bundled.sampleInvoice({ lines: 40 }));
    const b: Buffer = await bundled.renderInvoicePdf(bundled.sampleInvoice({ lines: 3, share: true }));
    const merged: Buffer = await bundled.mergePdfs([a, b]);
    const { PDFDocument } = await import('pdf-lib');
    const [pa, pb, pm] = await Promise.all([a, b, merged].map((x) => PDFDocument.load(x)));
    expect(pm!.getPageCount()).toBe(pa!.getPageCount() + pb!.getPageCount());
    const { pdfPagesText } = await import('../support/pdf-text.ts');
    const text = (await pdfPagesText(merged)).join('\n');
    expect(text).toContain('Ma\u0142gorzata');
    expect(text).toContain('Your share (60.00%)');
  });

  it('resolves credentials the way Lambda provides them, from the environment, with the lazy providers left out', async () => {
    const outfile = join(dir, 'credentials.mjs');
    await build({
      ...bundleOptions,
      absWorkingDir: projectRoot,
      stdin: {
        contents: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; console.log(JSON.stringify(await new DynamoDBClient({ region: 'eu-west-1' }).config.credentials()));",
        resolveDir: projectRoot,
        loader: 'ts',
      },
      outfile,
      logLevel: 'silent',
    });
    expect(readFileSync(outfile, 'utf8')).not.toContain('sso_start_url'); // the SSO provider is not inside
    const env = { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' };
    const out = execFileSync(process.execPath, [outfile], { cwd: dir, env, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ accessKeyId: 'AKIDLAMBDA', sessionToken: 'token' });
  });

  it('fails loudly if a standard font or a PNG is ever embedded', async () => {
    const doc = await bundled.PDFDocument.create();
    await expect(doc.embedFont(bundled.StandardFonts.Courier)).rejects.toThrow(/left out of this bundle/);
    const png = readFileSync(join(projectRoot, 'node_modules', 'pdf-lib', 'package.json')); // any bytes: decoding must refuse
    await expect(doc.embedPng(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), png]))).rejects.toThrow(/left out of this bundle/);
  });
});
