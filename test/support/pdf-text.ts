import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF as a reader's copy-and-paste gets it
 * (pdf.js, through the fonts' ToUnicode maps): one string per page, its
 * text runs in drawing order, one per line.
 */
export async function pdfPagesText(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).filter((s) => s !== '').join('\n'));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The PDF's Info dictionary as pdf.js reads it (Title, Author, Subject, CreationDate…). */
export async function pdfInfo(pdf: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    return (await doc.getMetadata()).info as Record<string, unknown>;
  } finally {
    await doc.destroy();
  }
}
