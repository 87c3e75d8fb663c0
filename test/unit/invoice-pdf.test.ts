import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { copyInvoiceFonts } from '../../infra/bundling.ts';
import { renderInvoice, renderInvoicePdf } from '../../lib/documents/invoice-pdf.ts';
import { invoiceTexts, type InvoiceView } from '../../lib/documents/invoice-view.ts';
import type { PageCanvas } from '../../lib/documents/pdf/canvas.ts';
import { formatAmount, formatMoney, formatPeriod, sumHundredths } from '../../lib/documents/pdf/format.ts';
import { layoutInvoice, PAGE_HEIGHT, PAGE_WIDTH } from '../../lib/documents/pdf/layout.ts';
import { sampleInvoice } from '../../lib/documents/pdf/sample-invoice.ts';
import { shortenName } from '../../lib/documents/pdf/names.ts';
import { REGULAR, textWidth, toShown, unprintable, wrapText } from '../../lib/documents/pdf/text.ts';
import { pdfInfo, pdfPagesText } from '../support/pdf-text.ts';

/** The text runs of every page, as pdf.js extracts them (through the embedded fonts' ToUnicode maps). */
async function drawnText(pdf: Buffer): Promise<string[]> {
  return (await pdfPagesText(pdf)).flatMap((page) => page.split('\n')).map((s) => s.trim()).filter(Boolean);
}

async function pageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

const emptyBill = (): InvoiceView => ({
  ...sampleInvoice({ lines: 0 }),
  lines: [],
  disbursements: [],
  payments: [],
  totals: { fees: '0.00', disbursements: '0.00', total: '0.00' },
  paid: '0.00',
  balanceDue: '0.00',
});

describe('renderInvoicePdf', () => {
  it('renders a 40-line invoice over several pages, each with "Page X of N"', async () => {
    const view = sampleInvoice({ lines: 40 });
    const pdf = await renderInvoicePdf(view);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);

    const text = await drawnText(await renderInvoicePdf(view, { compress: false }));
    for (let i = 1; i <= pages; i++) expect(text).toContain(`Page ${i} of ${pages}`);
    expect(text).toContain('INVOICE');
    expect(text).toContain('INV-2025-00317');
    expect(text).toContain('Balance due');
    expect(text).toContain('$26,892.52'); // balance, with thousands separator and $ for USD
    // The fee table header is repeated on every page it runs over.
    expect(text.filter((s) => s === 'TIMEKEEPER').length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain('PREVIEW');
  });

  it('is deterministic and compresses by default', async () => {
    const view = sampleInvoice({ lines: 40 });
    const [a, b, plain] = await Promise.all([renderInvoicePdf(view), renderInvoicePdf(view), renderInvoicePdf(view, { compress: false })]);
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBeLessThan(plain.length / 2);
  });

  it('marks a preview: watermark on every page, DRAFT number, note in the header', async () => {
    const pdf = await renderInvoicePdf(sampleInvoice({ lines: 40, preview: true }), { compress: false });
    const pages = await pageCount(pdf);
    const text = await drawnText(pdf);
    expect(text.filter((s) => s === 'PREVIEW')).toHaveLength(pages);
    expect(text).toContain('PREVIEW \u2013 not an invoice');
    expect(text).toContain('DRAFT');
    expect(text.some((s) => s.includes('INV-'))).toBe(false);
  });

  it('marks a preview of a posted bill as a preview, with the number it has taken and when it is due', async () => {
    const pdf = await renderInvoicePdf({ ...sampleInvoice({ lines: 5, preview: true }), invoiceNumber: 'INV-2026-00007' }, { compress: false });
    const text = await drawnText(pdf);
    expect(text).toContain('PREVIEW \u2013 not an invoice');
    expect(text).toContain('INV-2026-00007');
    expect(text).not.toContain('DRAFT');
    expect(text.join(' ')).toContain('Payment is due by');
    expect(text.join(' ')).not.toContain('Amounts may change');
  });

  it('wraps long descriptions over several lines', async () => {
    const description =
      'Review and analysis of the counterparty\u2019s supplemental document production, including privilege log entries, ' +
      'and preparation of a detailed memorandum for the litigation team on the deficiencies identified';
    const view = sampleInvoice({ lines: 12 });
    view.lines = view.lines.map((l) => ({ ...l, description }));
    const text = await drawnText(await renderInvoicePdf(view, { compress: false }));
    const fragments = text.filter((s) => s.length > 3 && description.includes(s));
    expect(fragments.length).toBeGreaterThanOrEqual(view.lines.length * 3);
    expect(text).not.toContain(description);
  });

  it('shows the client\u2019s share on a split bill', async () => {
    const text = await drawnText(await renderInvoicePdf(sampleInvoice({ lines: 3, share: true }), { compress: false }));
    expect(text).toContain('Your share (60.00%)');
  });

  it('survives hostile text: emoji, CJK, pipes, parentheses, endless words', async () => {
    const view = sampleInvoice({ lines: 4, share: true });
    view.firm = { name: 'M\u00fcller & S\u00f8n \u6771\u4eac \ud83d\ude80', address: 'Stra\u00dfe 1 | \u0141\u00f3d\u017a\r\nZ\u00fcrich \u200b', lawFirmId: '\u2460\u2461' };
    view.client = { name: '\u03a9mega \u041a\u043b\u0438\u0435\u043d\u0442 \ud83d\ude00\ud83d\udc4d\ud83c\udffd', email: 'x@\u4f8b\u3048.jp' };
    view.invoiceNumber = 'INV|(1)\\2';
    view.matter = { name: '\u201cQuoted\u201d \u20ac \u2122 \u2026 \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67', number: 'M|1' };
    view.lines[0]!.description = 'Emoji \ud83d\ude00\ud83c\udf89 CJK \u6f22\u5b57\u304b\u306a | pipes | \ufb01 \uff21 tab\there\nnew line \u0000\u0007';
    view.lines[1]!.description = 'x'.repeat(5000);
    view.lines[2]!.description = 'https://example.com/' + 'path/'.repeat(200);
    view.lines[3]!.timekeeper = 'Dr. Maximilian Alexander von Habsburg-Lothringen';
    view.lines[3]!.amount = 'not a number';
    view.disbursements[0]!.expenseCode = '\ud83d\udcb8'.repeat(50);
    view.payments[0]!.method = '\u2603'.repeat(300);

    const pdf = await renderInvoicePdf(view, { compress: false });
    expect(await pageCount(pdf)).toBeGreaterThanOrEqual(3); // the 5,000-character word is split over pages
    const text = await drawnText(pdf);
    expect(text).toContain('INV|(1)\\2');
    expect(text.some((s) => s.startsWith('Emoji ? CJK ? | pipes | fi A tab here'))).toBe(true);
    expect(text.every((s) => s.length < 200)).toBe(true);
    await expect(renderInvoicePdf(view)).resolves.toBeInstanceOf(Buffer);
  });

  it('keeps all text inside the margins and above the footer, whatever the data', () => {
    const view = sampleInvoice({ lines: 30, share: true });
    const long = 'Extraordinarily long name '.repeat(40);
    view.firm = { name: long, address: 'Line\n'.repeat(40), lawFirmId: 'X'.repeat(300) };
    view.client = { name: long, address: { line1: long, city: long, postcode: '1'.repeat(200), country: 'Z'.repeat(300) }, email: 'e'.repeat(400) };
    view.matter = { name: long, number: 'N'.repeat(300), clientMatterId: long };
    view.invoiceNumber = '9'.repeat(200);
    view.lines[0]!.description = 'w'.repeat(20_000);
    view.lines[1]!.timekeeper = long;
    view.lines[2]!.amount = '123456789012345678.00';
    view.payments = Array.from({ length: 150 }, (_, i) => ({ date: '2025-03-01', method: `Card ${i} ${long}`, amount: '1.00' }));

    const texts: { page: number; x: number; y: number; w: number; s: string }[] = [];
    let page = -1;
    const pages = layoutInvoice(view, () => {
      const mine = ++page;
      const canvas: PageCanvas = {
        text: (x, y, s, font, size) => void texts.push({ page: mine, x, y, w: textWidth(s, font, size), s: s.slice(0, 40) }),
        fillRect: () => {},
        line: () => {},
        watermark: () => {},
      };
      return canvas;
    });
    expect(pages).toBeGreaterThan(3);
    const outside = texts.filter((t) => t.x < 49.9 || t.x + t.w > PAGE_WIDTH - 49.9 || (t.y > PAGE_HEIGHT - 66 && t.y <= PAGE_HEIGHT - 50));
    expect(outside.map((t) => JSON.stringify(t))).toEqual([]);
    for (const t of texts) {
      expect(t.x).toBeGreaterThanOrEqual(49.9);
      expect(t.x + t.w).toBeLessThanOrEqual(PAGE_WIDTH - 49.9);
      const footer = t.y > PAGE_HEIGHT - 50;
      if (!footer) expect(t.y).toBeLessThanOrEqual(PAGE_HEIGHT - 66);
    }
    // Nothing overlaps on a line: label and value, cells of a row, the footer's three parts.
    const overlaps = [];
    for (const a of texts) {
      for (const b of texts) {
        if (a !== b && a.page === b.page && Math.abs(a.y - b.y) < 4 && a.x <= b.x && b.x < a.x + a.w - 0.5) overlaps.push([a, b]);
      }
    }
    expect(overlaps).toEqual([]);
    // Every page has its three footer texts.
    for (let p = 0; p < pages; p++) expect(texts.filter((t) => t.page === p && t.y > PAGE_HEIGHT - 50)).toHaveLength(3);
  });

  it('renders an empty bill on one page', async () => {
    const pdf = await renderInvoicePdf(emptyBill(), { compress: false });
    expect(await pageCount(pdf)).toBe(1);
    const text = await drawnText(pdf);
    expect(text).toContain('No fees or disbursements for this period.');
    expect(text).toContain('Page 1 of 1');
  });

  it('bundles with esbuild into one file that runs with its fonts beside it', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'invoice-bundle-'));
    try {
      const entry = join(dir, 'entry.ts');
      const root = fileURLToPath(new URL('../../lib/documents/', import.meta.url));
      writeFileSync(
        entry,
        `import { renderInvoicePdf } from ${JSON.stringify(join(root, 'invoice-pdf.ts'))};\n` +
          `import { sampleInvoice } from ${JSON.stringify(join(root, 'pdf/sample-invoice.ts'))};\n` +
          `const pdf = await renderInvoicePdf(sampleInvoice({ lines: 40 }));\n` +
          `process.stdout.write(pdf.subarray(0, 5).toString('latin1') + ' ' + pdf.length);\n`,
      );
      await build({
        entryPoints: [entry],
        outfile: join(dir, 'out', 'index.mjs'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        minify: true,
        nodePaths: [fileURLToPath(new URL('../../node_modules', import.meta.url))],
        banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
        logLevel: 'silent',
      });
      copyInvoiceFonts(fileURLToPath(new URL('../..', import.meta.url)), join(dir, 'out')); // as infra/bundling.ts ships them
      const out = execFileSync(process.execPath, ['index.mjs'], { cwd: join(dir, 'out'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toMatch(/^%PDF- \d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what a firm sends: names as spelled, terms, remittance', () => {
  const names = {
    polish: 'Łucja Wójcik-Ślązak, Łódź',
    greek: 'Δημήτρης Παπαδόπουλος',
    russian: 'Наталья Сергеевна Жукова',
    german: 'Jürgen Straßmüller GmbH & Co. KG',
  };

  it('embeds Noto Sans subsets, and the text extracted equals the names given (Polish, Greek, Russian, German)', async () => {
    const view = sampleInvoice({ lines: 6 });
    view.client = { name: names.greek, address: { line1: names.polish, city: 'Москва', postcode: '101000', country: 'Россия' } };
    view.lines[0]!.timekeeper = names.russian;
    view.firm = { ...view.firm, name: names.german };
    const { pdf, missing } = await renderInvoice(view);
    expect(missing).toEqual([]);
    const text = (await pdfPagesText(pdf)).join('\n');
    for (const name of Object.values(names)) expect(text).toContain(name);
    expect(text).toContain('Москва');
    // Embedded, subset (ABCDEF+ prefix), one Type 0 font per weight with a ToUnicode map.
    const doc = await PDFDocument.load(pdf);
    const fonts = doc.context.enumerateIndirectObjects().map(([, o]) => String(o)).filter((o) => o.includes('/Type /Font') && o.includes('/Type0'));
    expect(fonts).toHaveLength(2);
    for (const f of fonts) {
      expect(f).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-(Regular|Bold)/);
      expect(f).toContain('/ToUnicode');
    }
    const descriptors = doc.context.enumerateIndirectObjects().map(([, o]) => String(o)).filter((o) => o.includes('/FontDescriptor') && o.includes('/FontFile2'));
    expect(descriptors).toHaveLength(2);
    expect(pdf.length).toBeLessThan(60_000); // subsets, not the 600 KB fonts
  });

  it('prints due date, terms, remittance, firm email/phone and Tax ID, the description, no-charge and written-down lines', async () => {
    const text = (await pdfPagesText(await renderInvoicePdf(sampleInvoice({ lines: 12 })))).join('\n');
    expect(text).toContain('Due date');
    expect(text).toContain('April 30, 2025');
    expect(text).toContain('Net 30 days');
    expect(text).toContain('Payment is due by April 30, 2025');
    expect(text).toContain('How to pay');
    expect(text).toContain('ABA routing 031000053 · Account 0042 7781 9930');
    expect(text).toContain('Reference: invoice no. INV-2025-00317');
    expect(text).toContain('billing@hargrove-lindqvist.example · +1 215 555 0142');
    expect(text).toContain('Tax ID 23-4567890');
    expect(text).not.toContain('Firm ID');
    expect(text).toContain('Professional services rendered in March 2025');
    expect(text).toContain('No charge');
    expect(text).toContain('No charge: 1,700.00 written off');
    expect(text).toContain('Write-down: Courtesy write-down');
    expect(text).toContain('-100.00');
    expect(text).toContain('Timekeeper summary');
    expect(text).toContain('Mar 12, 2025 · wire · ref. FT25071HX93');
    expect(text).toContain('-$5,000.00'); // payments as reductions, one sign convention
  });

  it('shows UTBMS codes on LEDES matters, the discount, and the account summary of earlier open invoices', async () => {
    const view = sampleInvoice({ lines: 4 });
    view.utbms = true;
    view.lines[0] = { ...view.lines[0]!, taskCode: 'L120', activityCode: 'A104' };
    view.totals = { ...view.totals, discount: { amount: '-250.00', reason: 'Volume discount' } };
    view.earlierOpen = [{ invoiceNumber: 'INV-2025-00201', invoiceDate: '2025-02-28', dueDate: '2025-03-30', amount: '4200.00', outstanding: '1200.00' }];
    const text = (await pdfPagesText(await renderInvoicePdf(view))).join('\n');
    expect(text).toContain('L120');
    expect(text).toContain('A104');
    expect(text).toContain('Discount: Volume discount');
    expect(text).toContain('-$250.00');
    expect(text).toContain('Account summary');
    expect(text).toContain('INV-2025-00201');
    expect(text).toContain('Total outstanding on this matter');
  });

  it('never leaves the totals alone on a page: the last lines go over with them', async () => {
    for (let lines = 10; lines <= 40; lines++) {
      const view = sampleInvoice({ lines });
      view.disbursements = [];
      view.remittance = undefined as never;
      delete view.remittance;
      const pages = await pdfPagesText(await renderInvoicePdf(view));
      const withTotals = pages.findIndex((p) => p.includes('Balance due'));
      const page = pages[withTotals]!;
      // The page with the totals also holds fee lines (a date of a line), not only the totals.
      expect(/Mar \d+, 2025\n/.test(page.slice(0, page.indexOf('Balance due'))), `${lines} lines, page ${withTotals + 1}`).toBe(true);
    }
  }, 60_000);

  it('shortens a 56-character timekeeper name to at most two lines', async () => {
    const view = sampleInvoice({ lines: 3 });
    view.lines = view.lines.map((l) => ({ ...l, timekeeper: 'Maximiliana Alessandra Esperanza de la Fuente-Villanueva' }));
    const text = await drawnText(await renderInvoicePdf(view));
    expect(text.filter((s) => s.startsWith('M. A.')).length).toBe(3);
  });

  it('carries title, author, subject and creation date', async () => {
    const view = { ...sampleInvoice({ lines: 2 }), createdAt: '2025-04-01T09:30:00Z' };
    const info = await pdfInfo(await renderInvoicePdf(view));
    expect(info.Title).toBe('Invoice INV-2025-00317 \u2013 Acquisition of Blue Heron Logistics LLC');
    expect(info.Author).toBe('Hargrove, Lindqvist & Chen LLP');
    expect(info.Subject).toBe('Invoice for Northwind Industrial Holdings, Inc.');
    expect(String(info.CreationDate)).toMatch(/^D:20250401093000/);
  });

  it('titles a preview as its page reads: a posted bill by the number it has taken, only a draft as DRAFT', async () => {
    const matter = 'Acquisition of Blue Heron Logistics LLC';
    const posted = await pdfInfo(await renderInvoicePdf({ ...sampleInvoice({ lines: 2, preview: true }), invoiceNumber: 'INV-2026-00007' }));
    expect(posted.Title).toBe(`Invoice INV-2026-00007 \u2013 ${matter}`);
    expect(posted.Subject).toBe('Preview of an invoice for Northwind Industrial Holdings, Inc.');
    const draft = await pdfInfo(await renderInvoicePdf({ ...sampleInvoice({ lines: 2, preview: true }), invoiceNumber: null }));
    expect(draft.Title).toBe(`Invoice DRAFT \u2013 ${matter}`);
  });
});

describe('invoice text and numbers', () => {
  it('every character the renderer cannot print is in a text invoiceTexts lists (what the bill warns of)', async () => {
    // A different missing character in every text of the view that is not a date, an amount or a code the service makes.
    const view = structuredClone(sampleInvoice({ lines: 6, share: true })) as InvoiceView;
    let n = 0;
    const taint = (value: unknown): unknown => {
      if (typeof value === 'string') return /^-?\d|^[A-Z]{3}$/.test(value) ? value : `${value} ${String.fromCodePoint(0x4e00 + n++)}`;
      if (Array.isArray(value)) return value.map(taint);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'createdAt' ? v : taint(v)]));
      return value;
    };
    const tainted = taint(view) as InvoiceView;
    expect(n).toBeGreaterThan(40);
    const listed = invoiceTexts(tainted);
    expect(listed.map((t) => t.path)).toEqual(expect.arrayContaining(['firm.name', 'firm.address', 'client.name', 'client.address.city', 'remittance', 'payments.0.reference', 'lines.5.timekeeper', 'disbursements.0.description']));
    const warned = new Set(unprintable(listed.map((t) => t.text)));
    const { missing } = await renderInvoice(tainted);
    expect(missing.length).toBeGreaterThan(20);
    expect(missing.filter((c) => !warned.has(c))).toEqual([]);
  });

  it('keeps what the embedded fonts draw (Latin Extended, Greek, Cyrillic), transliterates or reports the rest', () => {
    expect(toShown('Caf\u00e9 \u2013 \u201cok\u201d \u20ac5')).toBe('Caf\u00e9 \u2013 \u201cok\u201d \u20ac5');
    expect(toShown('\u0141\u00f3d\u017a \u0219i \u0151 \u01c5 \u0233')).toBe('\u0141\u00f3d\u017a \u0219i \u0151 \u01c5 \u0233');
    expect(toShown('\u0394\u03b7\u03bc\u03ae\u03c4\u03c1\u03b7\u03c2 \u0416\u0443\u043a\u043e\u0432')).toBe('\u0394\u03b7\u03bc\u03ae\u03c4\u03c1\u03b7\u03c2 \u0416\u0443\u043a\u043e\u0432');
    expect(toShown('\uff21\uff22 \u2212 5 \u2264 6')).toBe('AB \u2212 5 <= 6');
    expect(toShown('\u6f22\u5b57 \ud83d\ude00\ud83d\udc4d\ud83c\udffd!')).toBe('? ?!');
    expect(toShown('a\u200bb\u00adc\u0007d\te\nf')).toBe('abcd e f');
    expect(toShown('a\r\nb', true)).toBe('a\nb');
    expect(unprintable(['Zo\u00eb', '\u6f22\u5b57 \u6f22', undefined])).toEqual(['\u6f22', '\u5b57']);
  });

  it('shortens long names sensibly: initials first, the surname whole', () => {
    const name = 'Maximiliana Alessandra Esperanza de la Fuente-Villanueva';
    const lines = shortenName(name, REGULAR, 8, 80, 2);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(' ')).toMatch(/^M\. A\. (E\. |Esperanza )?de la Fuente-/);
    expect(shortenName('Eleanor Vance', REGULAR, 8, 80, 2)).toEqual(['Eleanor Vance']);
    for (const l of shortenName('X'.repeat(80), REGULAR, 8, 80, 2)) expect(textWidth(l, REGULAR, 8)).toBeLessThanOrEqual(80);
  });

  it('wraps to the width, breaking words that do not fit', () => {
    const lines = wrapText('alpha beta gamma delta epsilon zeta eta theta', REGULAR, 10, 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, REGULAR, 10)).toBeLessThanOrEqual(80);
    const long = wrapText('y'.repeat(300), REGULAR, 10, 50);
    expect(long.join('')).toBe('y'.repeat(300));
    for (const l of long) expect(textWidth(l, REGULAR, 10)).toBeLessThanOrEqual(50);
    expect(wrapText('Habsburg-Lothringen', REGULAR, 8.5, 75)).toEqual(['Habsburg-', 'Lothringen']);
    expect(wrapText('', REGULAR, 10, 50)).toEqual(['']);
  });

  it('formats money with thousands separators and the currency', () => {
    expect(formatMoney('1234.5', 'USD')).toBe('$1,234.50');
    expect(formatMoney('-12', 'USD')).toBe('-$12.00');
    expect(formatMoney('1234567.891', 'eur')).toBe('EUR 1,234,567.89');
    expect(formatAmount('999.995')).toBe('1,000.00');
    expect(formatAmount('-0.001')).toBe('0.00');
    expect(formatAmount('0')).toBe('0.00');
    expect(formatAmount('n/a')).toBe('n/a');
    expect(sumHundredths(['1.50', '0.25', '2', ''])).toBe('3.75');
    expect(sumHundredths(['1.50', 'x'])).toBeNull();
    expect(formatPeriod('2025-03-01', '2025-03-31')).toBe('Mar 1 \u2013 Mar 31, 2025');
    expect(formatPeriod('2024-12-15', '2025-01-14')).toBe('Dec 15, 2024 \u2013 Jan 14, 2025');
  });
});
