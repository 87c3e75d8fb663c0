import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { invoiceNumberText, type InvoiceView } from './invoice-view.ts';
import { ContentCanvas } from './pdf/canvas.ts';
import { invoiceFonts } from './pdf/fonts.ts';
import { GlyphSubset } from './pdf/glyph-subset.ts';
import { layoutInvoice, PAGE_HEIGHT, PAGE_WIDTH } from './pdf/layout.ts';
import { collectMissing, FONT_NAMES } from './pdf/text.ts';
import { subsetTrueType } from './pdf/ttf.ts';

export type { InvoiceView } from './invoice-view.ts';

/** Level 3 over a 16 KB window: half the time of the default for ~5% more bytes (pages are ~8 KB of operators). */
const DEFLATE = { level: 3, windowBits: 14 } as const;

export interface RenderInvoiceOptions {
  /** Deflate the page content streams (default true); off makes the operators readable in tests. */
  compress?: boolean;
}

export interface RenderedInvoice {
  pdf: Buffer;
  /** Characters of the view no embedded font has: printed as "?" (each once). */
  missing: string[];
}

/**
 * Renders a law-firm invoice as a PDF (US Letter, Noto Sans embedded as a
 * subset of the glyphs used). Pure but for reading the two font files once
 * per process: the same view gives the same bytes.
 *
 * The layout (lib/documents/pdf/layout.ts) measures and wraps text itself
 * with the fonts' advance widths and writes each page's content stream as
 * PDF operators (glyph ids, Identity-H); pdf-lib assembles the document
 * (pages, resources, xref); ttf.ts cuts the font subsets. This skips the
 * libraries' per-call text machinery, which is where their time goes, and
 * fontkit, which would not fit a Lambda bundle's budget.
 */
export async function renderInvoice(view: InvoiceView, options: RenderInvoiceOptions = {}): Promise<RenderedInvoice> {
  const compress = options.compress ?? true;
  const fonts = invoiceFonts();
  const subsets = fonts.map((f) => new GlyphSubset(f));
  const canvases: ContentCanvas[] = [];
  const { missing } = collectMissing(() =>
    layoutInvoice(view, () => {
      const canvas = new ContentCanvas(PAGE_WIDTH, PAGE_HEIGHT, subsets);
      canvases.push(canvas);
      return canvas;
    }),
  );

  const pdf = await PDFDocument.create({ updateMetadata: false });
  // The title says what the first page does (a preview of a posted bill: its number; a draft: DRAFT).
  pdf.setTitle(`Invoice ${invoiceNumberText(view)} \u2013 ${view.matter.name}`);
  pdf.setAuthor(view.firm.name);
  pdf.setSubject(`${view.preview ? 'Preview of an invoice' : 'Invoice'} for ${view.client.name}`);
  pdf.setCreator('law-billing-sync');
  pdf.setProducer('pdf-lib');
  const created = new Date(view.createdAt ?? `${view.invoiceDate}T00:00:00Z`);
  if (!Number.isNaN(created.getTime())) {
    pdf.setCreationDate(created);
    pdf.setModificationDate(created);
  }

  const ctx = pdf.context;
  const fontRefs = subsets.map((subset) => (subset.used ? embedSubset(pdf, subset) : undefined));
  const fontNames = FONT_NAMES.map((name) => PDFName.of(name));
  for (const canvas of canvases) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    fontNames.forEach((name, i) => {
      const ref = fontRefs[i];
      if (ref) page.node.setFontDictionary(name, ref);
    });
    const content = Buffer.from(canvas.content(), 'latin1');
    const stream = compress ? ctx.stream(deflateSync(content, DEFLATE), { Filter: 'FlateDecode' }) : ctx.stream(content);
    page.node.addContentStream(ctx.register(stream));
  }
  // objectsPerTick: no setTimeout pauses while writing (pdf-lib yields every 50 objects by default).
  const bytes = await pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { pdf: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), missing };
}

/** The invoice PDF alone (see renderInvoice). */
export async function renderInvoicePdf(view: InvoiceView, options: RenderInvoiceOptions = {}): Promise<Buffer> {
  return (await renderInvoice(view, options)).pdf;
}

/** A Type 0 font of the subset: CIDFontType2 over the subset TrueType file, Identity-H, with a ToUnicode map. */
function embedSubset(pdf: PDFDocument, subset: GlyphSubset): PDFRef {
  const ctx = pdf.context;
  const { font } = subset;
  const { file, glyphs } = subsetTrueType(font, subset.glyphs);
  const name = `${subset.tag()}+${font.postScriptName}`;
  const scale = 1000 / font.unitsPerEm;
  const fontFile = ctx.register(ctx.stream(deflateSync(file, DEFLATE), { Filter: 'FlateDecode', Length1: file.length }));
  const descriptor = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: 32,
      FontBBox: font.bbox.map((v) => Math.round(v * scale)),
      ItalicAngle: font.italicAngle,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round(font.capHeight * scale),
      StemV: font.bold ? 140 : 80,
      FontFile2: fontFile,
    }),
  );
  const widths = glyphs.map((g) => Math.round(font.advances[g]! * scale));
  const cidFont = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, widths],
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = ctx.register(ctx.stream(deflateSync(Buffer.from(subset.toUnicodeCMap(), 'latin1'), DEFLATE), { Filter: 'FlateDecode' }));
  return ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
  );
}
