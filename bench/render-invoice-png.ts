/**
 * `npx tsx bench/render-invoice-png.ts [out.png]`: renders page 1 of the
 * sample invoice (the renderer as deployed) to a PNG with pdf.js and
 * @napi-rs/canvas (both dev-only, from npm; no system libraries), for the
 * look at an invoice in docs/documents.md (the docs test checks that the
 * committed docs/invoice-page-1.png is what this draws today).
 */
import { writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderInvoicePdf } from '../lib/documents/invoice-pdf.ts';
import { sampleInvoice } from '../lib/documents/pdf/sample-invoice.ts';

const out = process.argv[2] ?? 'docs/invoice-page-1.png';
const pageNo = Number(process.argv[3] ?? 1);
const view = sampleInvoice({ lines: 40 });
view.client = { ...view.client, name: 'Łódź Ωμέγα Holdings — Жуков & Straße GmbH' };
const pdf = await renderInvoicePdf(view);
const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
const page = await doc.getPage(pageNo);
const viewport = page.getViewport({ scale: 1.6 });
const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
const context = canvas.getContext('2d');
context.fillStyle = '#ffffff';
context.fillRect(0, 0, canvas.width, canvas.height);
await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
writeFileSync(out, canvas.toBuffer('image/png'));
await doc.destroy();
console.log(`wrote ${out} (${canvas.width}×${canvas.height})`);
