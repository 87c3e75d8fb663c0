import { PDFDocument } from 'pdf-lib';

/**
 * One PDF of several, pages in order (a production preview, a print batch).
 * pdf-lib copies each page with its fonts, so the result prints like the
 * originals; nothing is rendered again.
 */
export async function mergePdfs(pdfs: readonly Uint8Array[]): Promise<Buffer> {
  const merged = await PDFDocument.create();
  for (const bytes of pdfs) {
    const source = await PDFDocument.load(bytes);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  return Buffer.from(await merged.save());
}
