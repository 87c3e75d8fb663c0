import type { InvoiceAddress, InvoiceView } from '../invoice-view.ts';
import type { PageCanvas, Rgb } from './canvas.ts';
import { formatAmount, formatHours, formatLongDate, formatMoney, formatPeriod, formatShortDate, sumHundredths } from './format.ts';
import { ASCENT, BOLD, type FontId, REGULAR, textWidth, toWinAnsi, truncateText, wrapClamped, wrapText } from './text.ts';

/**
 * The invoice layout: where everything goes on US Letter pages. It draws on
 * any PageCanvas, so it knows nothing of the PDF library; pages are asked for
 * as the content flows, and the footers ("Page X of Y") are drawn last, when
 * the page count is known.
 */

export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;

const LEFT = 50;
const RIGHT = PAGE_WIDTH - 50;
const WIDTH = RIGHT - LEFT;
const TOP = 50;
/** Content stops here; the footer sits below. */
const BOTTOM = PAGE_HEIGHT - 66;
const FOOTER_RULE = PAGE_HEIGHT - 50;
const FOOTER_BASELINE = PAGE_HEIGHT - 38;

const INK: Rgb = [0.11, 0.12, 0.14];
const MUTED: Rgb = [0.42, 0.45, 0.5];
const RULE: Rgb = [0.8, 0.82, 0.85];
const HEAD_FILL: Rgb = [0.93, 0.94, 0.96];
const ACCENT: Rgb = [0.1, 0.2, 0.36];
const WHITE: Rgb = [1, 1, 1];
const ALERT: Rgb = [0.72, 0.11, 0.11];
const WATERMARK: Rgb = [0.97, 0.86, 0.86];

/** Body text of the tables. */
const CELL_SIZE = 8.5;
const CELL_LEADING = 10.5;
const CELL_PAD_X = 4;
const CELL_PAD_TOP = 4.5;
const CELL_PAD_BOTTOM = 1.5;
const HEAD_HEIGHT = 17;

const PREVIEW_NOTE = 'PREVIEW \u2013 not an invoice';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  /** Wraps over several lines; otherwise shortened with "…" if too long. */
  wrap: boolean;
}

/** A table row as lines per column, ready to draw. */
type Row = string[][];

function columns(spec: Omit<Column, 'width'> & { width?: number }, ...rest: (Omit<Column, 'width'> & { width?: number })[]): Column[] {
  const all = [spec, ...rest];
  const fixed = all.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flex = all.filter((c) => c.width === undefined).length;
  return all.map((c) => ({ ...c, width: c.width ?? (WIDTH - fixed) / flex }));
}

const FEE_COLUMNS = columns(
  { title: 'Date', width: 60, align: 'left', wrap: false },
  { title: 'Timekeeper', width: 86, align: 'left', wrap: true },
  { title: 'Description', align: 'left', wrap: true },
  { title: 'Hours', width: 38, align: 'right', wrap: false },
  { title: 'Rate', width: 50, align: 'right', wrap: false },
  { title: 'Amount', width: 62, align: 'right', wrap: false },
);

const DISBURSEMENT_COLUMNS = columns(
  { title: 'Date', width: 60, align: 'left', wrap: false },
  { title: 'Description', align: 'left', wrap: true },
  { title: 'Code', width: 76, align: 'left', wrap: true },
  { title: 'Amount', width: 62, align: 'right', wrap: false },
);

/** Text of one cell as lines that fit its column. */
function cellLines(value: string, col: Column, font: FontId = REGULAR): string[] {
  const inner = col.width - 2 * CELL_PAD_X;
  if (col.wrap) return wrapText(toWinAnsi(value, true), font, CELL_SIZE, inner);
  return [truncateText(toWinAnsi(value), font, CELL_SIZE, inner)];
}

function addressLines(a: InvoiceAddress | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.city, [a.region, a.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2 ?? '', cityLine, a.country].filter((l) => l.trim() !== '');
}

class InvoiceLayout {
  private readonly pages: PageCanvas[] = [];
  private page!: PageCanvas;
  private y = TOP;
  private readonly money: (v: string) => string;
  private readonly numberText: string;

  constructor(
    private readonly view: InvoiceView,
    private readonly newPage: () => PageCanvas,
  ) {
    this.money = (v) => formatMoney(v, view.currency);
    this.numberText = view.preview || !view.invoiceNumber ? 'DRAFT' : toWinAnsi(view.invoiceNumber);
  }

  run(): number {
    this.startPage();
    this.letterhead();
    this.parties();
    const { lines, disbursements } = this.view;
    if (lines.length === 0 && disbursements.length === 0) {
      this.sectionTitle('Fees and disbursements');
      this.paragraph('No fees or disbursements for this period.', MUTED);
      this.y += 10;
    }
    if (lines.length > 0) this.feesTable();
    if (disbursements.length > 0) this.disbursementsTable();
    this.totals();
    this.footers();
    return this.pages.length;
  }

  // ---- pages ------------------------------------------------------------

  private startPage(): void {
    this.page = this.newPage();
    this.pages.push(this.page);
    if (this.view.preview) this.page.watermark('PREVIEW', BOLD, 132, WATERMARK);
    this.y = TOP;
    if (this.pages.length > 1) this.runningHead();
  }

  /** Room for `height` more points on this page, else a new page (and `onNewPage`). */
  private ensure(height: number, onNewPage?: () => void): void {
    if (this.y + height <= BOTTOM) return;
    this.startPage();
    onNewPage?.();
  }

  private text(x: number, baseline: number, s: string, font: FontId, size: number, color: Rgb = INK): void {
    this.page.text(x, baseline, s, font, size, color);
  }

  private textRight(right: number, baseline: number, s: string, font: FontId, size: number, color: Rgb = INK): void {
    this.page.text(right - textWidth(s, font, size), baseline, s, font, size, color);
  }

  /** Baseline of text of `size` whose top is at `top`. */
  private static baseline(top: number, size: number): number {
    return top + (size * ASCENT) / 1000;
  }

  // ---- first page header --------------------------------------------------

  private letterhead(): void {
    const { view } = this;
    const leftWidth = 290;
    let left = TOP;
    for (const line of wrapClamped(toWinAnsi(view.firm.name), BOLD, 17, leftWidth, 3)) {
      this.text(LEFT, InvoiceLayout.baseline(left, 17), line, BOLD, 17, ACCENT);
      left += 20;
    }
    left += 3;
    const firmLines = wrapClamped(toWinAnsi(view.firm.address, true), REGULAR, 9, leftWidth, 7).filter((l) => l.trim() !== '');
    if (view.firm.lawFirmId) firmLines.push(truncateText(`Firm ID ${toWinAnsi(view.firm.lawFirmId)}`, REGULAR, 9, leftWidth));
    for (const line of firmLines) {
      this.text(LEFT, InvoiceLayout.baseline(left, 9), line, REGULAR, 9, MUTED);
      left += 12;
    }

    let right = TOP;
    this.textRight(RIGHT, InvoiceLayout.baseline(right, 22), 'INVOICE', BOLD, 22, ACCENT);
    right += 27;
    if (view.preview) {
      this.textRight(RIGHT, InvoiceLayout.baseline(right, 9.5), PREVIEW_NOTE, BOLD, 9.5, ALERT);
      right += 15;
    }
    right += 3;
    const labelX = RIGHT - 190;
    const valueWidth = 190 - 66;
    const meta: [string, string][] = [
      ['Invoice no.', this.numberText],
      ['Invoice date', formatLongDate(toWinAnsi(view.invoiceDate))],
      ['Billing period', formatPeriod(toWinAnsi(view.period.from), toWinAnsi(view.period.to))],
    ];
    for (const [label, value] of meta) {
      this.text(labelX, InvoiceLayout.baseline(right, 8.5), label, REGULAR, 8.5, MUTED);
      this.textRight(RIGHT, InvoiceLayout.baseline(right, 9), truncateText(value, BOLD, 9, valueWidth), BOLD, 9);
      right += 13;
    }

    this.y = Math.max(left, right) + 10;
    this.page.line(LEFT, this.y, RIGHT, this.y, 1, ACCENT);
    this.y += 16;
  }

  private parties(): void {
    const { view } = this;
    const colWidth = 240;
    const block = (x: number, label: string, name: string, lines: string[]): number => {
      let y = this.y;
      this.text(x, InvoiceLayout.baseline(y, 7.5), label, BOLD, 7.5, MUTED);
      y += 12;
      for (const line of wrapClamped(toWinAnsi(name), BOLD, 10.5, colWidth, 3)) {
        this.text(x, InvoiceLayout.baseline(y, 10.5), line, BOLD, 10.5);
        y += 13.5;
      }
      for (const raw of lines) {
        for (const line of wrapClamped(toWinAnsi(raw), REGULAR, 9, colWidth, 2)) {
          this.text(x, InvoiceLayout.baseline(y, 9), line, REGULAR, 9);
          y += 12;
        }
      }
      return y;
    };
    const client = [...addressLines(view.client.address)];
    if (view.client.email) client.push(view.client.email);
    const matter = [`Matter no. ${view.matter.number}`];
    if (view.matter.clientMatterId) matter.push(`Client matter ID ${view.matter.clientMatterId}`);
    const a = block(LEFT, 'BILL TO', view.client.name, client);
    const b = block(LEFT + 264, 'MATTER', view.matter.name, matter);
    this.y = Math.max(a, b) + 16;
  }

  /** Small header on pages after the first. */
  private runningHead(): void {
    const base = InvoiceLayout.baseline(TOP, 9);
    const right = truncateText(`Invoice ${this.numberText}  \u00b7  ${formatLongDate(toWinAnsi(this.view.invoiceDate))}`, REGULAR, 8.5, WIDTH / 2);
    const rightWidth = textWidth(right, REGULAR, 8.5);
    this.text(LEFT, base, truncateText(toWinAnsi(this.view.firm.name), BOLD, 9, WIDTH - rightWidth - 20), BOLD, 9, ACCENT);
    this.textRight(RIGHT, base, right, REGULAR, 8.5, MUTED);
    this.page.line(LEFT, TOP + 14, RIGHT, TOP + 14, 0.5, RULE);
    this.y = TOP + 28;
  }

  // ---- tables ---------------------------------------------------------------

  private sectionTitle(title: string, continued = false): void {
    const base = InvoiceLayout.baseline(this.y, 11);
    this.text(LEFT, base, continued ? `${title} (continued)` : title, BOLD, 11, continued ? MUTED : ACCENT);
    const code = truncateText(toWinAnsi(this.view.currency.trim().toUpperCase()), REGULAR, 8, 100);
    if (code) this.textRight(RIGHT, base, `Amounts in ${code}`, REGULAR, 8, MUTED);
    this.y += 17;
  }

  private paragraph(s: string, color: Rgb): void {
    for (const line of wrapText(toWinAnsi(s, true), REGULAR, 9, WIDTH)) {
      this.ensure(13);
      this.text(LEFT, InvoiceLayout.baseline(this.y, 9), line, REGULAR, 9, color);
      this.y += 13;
    }
  }

  private tableHead(cols: Column[]): void {
    this.page.fillRect(LEFT, this.y, WIDTH, HEAD_HEIGHT, HEAD_FILL);
    const base = this.y + 11.5;
    let x = LEFT;
    for (const col of cols) {
      const title = col.title.toUpperCase();
      if (col.align === 'right') this.textRight(x + col.width - CELL_PAD_X, base, title, BOLD, 7, MUTED);
      else this.text(x + CELL_PAD_X, base, title, BOLD, 7, MUTED);
      x += col.width;
    }
    this.y += HEAD_HEIGHT;
  }

  private drawRow(cols: Column[], row: Row, lineCount: number, font: FontId = REGULAR, rule: Rgb | null = RULE): void {
    const top = this.y;
    let x = LEFT;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const lines = row[c] ?? [];
      for (let i = 0; i < lines.length && i < lineCount; i++) {
        const base = InvoiceLayout.baseline(top + CELL_PAD_TOP + i * CELL_LEADING, CELL_SIZE);
        const s = lines[i]!;
        if (col.align === 'right') this.textRight(x + col.width - CELL_PAD_X, base, s, font, CELL_SIZE, INK);
        else this.text(x + CELL_PAD_X, base, s, font, CELL_SIZE, INK);
      }
      x += col.width;
    }
    this.y = top + CELL_PAD_TOP + lineCount * CELL_LEADING + CELL_PAD_BOTTOM;
    if (rule) this.page.line(LEFT, this.y, RIGHT, this.y, 0.5, rule);
  }

  /**
   * A table that flows over pages: the column header is repeated after each
   * break, a row moves whole to the next page when it fits there, and a row
   * taller than a page is split between lines.
   */
  private table(title: string, cols: Column[], rows: Row[], total: Row): void {
    const rowHeight = (n: number) => CELL_PAD_TOP + n * CELL_LEADING + CELL_PAD_BOTTOM;
    const header = (continued: boolean) => {
      this.sectionTitle(title, continued);
      this.tableHead(cols);
    };
    // Title, header and the first row (or its first lines) stay together.
    const firstLines = rows[0] ? Math.min(3, Math.max(...rows[0].map((c) => c.length))) : 1;
    this.ensure(17 + HEAD_HEIGHT + rowHeight(firstLines));
    header(false);
    const onNewPage = () => header(true);
    const pageRoom = BOTTOM - (TOP + 28) - 17 - HEAD_HEIGHT;
    for (const row of rows) {
      let rest = row;
      for (;;) {
        const n = Math.max(1, ...rest.map((c) => c.length));
        if (this.y + rowHeight(n) <= BOTTOM) {
          this.drawRow(cols, rest, n);
          break;
        }
        const fit = Math.floor((BOTTOM - this.y - rowHeight(0)) / CELL_LEADING);
        if (rowHeight(n) <= pageRoom || fit < 2) {
          // Whole row to the next page (or not even two lines fit here).
          this.ensure(Infinity, onNewPage);
          if (rowHeight(n) <= pageRoom) continue;
        }
        const k = Math.max(1, Math.floor((BOTTOM - this.y - rowHeight(0)) / CELL_LEADING));
        this.drawRow(cols, rest, k);
        rest = rest.map((c) => c.slice(k));
        this.ensure(Infinity, onNewPage);
      }
    }
    const n = Math.max(1, ...total.map((c) => c.length));
    this.ensure(rowHeight(n), onNewPage);
    this.page.line(LEFT, this.y, RIGHT, this.y, 0.8, INK);
    this.drawRow(cols, total, n, BOLD, null);
    this.y += 22;
  }

  private feesTable(): void {
    const cols = FEE_COLUMNS;
    const rows: Row[] = this.view.lines.map((l) => [
      cellLines(formatShortDate(l.date), cols[0]!),
      cellLines(l.timekeeper, cols[1]!),
      cellLines(l.description, cols[2]!),
      cellLines(formatHours(l.hours), cols[3]!),
      cellLines(formatAmount(l.rate), cols[4]!),
      cellLines(formatAmount(l.amount), cols[5]!),
    ]);
    const hours = sumHundredths(this.view.lines.map((l) => l.hours));
    const total: Row = [
      [],
      [],
      ['Total professional services'],
      hours === null ? [] : cellLines(formatHours(hours), cols[3]!, BOLD),
      [],
      cellLines(formatAmount(this.view.totals.fees), cols[5]!, BOLD),
    ];
    this.table('Professional services', cols, rows, total);
  }

  private disbursementsTable(): void {
    const cols = DISBURSEMENT_COLUMNS;
    const rows: Row[] = this.view.disbursements.map((d) => [
      cellLines(formatShortDate(d.date), cols[0]!),
      cellLines(d.description, cols[1]!),
      cellLines(d.expenseCode ?? '', cols[2]!),
      cellLines(formatAmount(d.amount), cols[3]!),
    ]);
    const total: Row = [[], ['Total disbursements'], [], cellLines(formatAmount(this.view.totals.disbursements), cols[3]!, BOLD)];
    this.table('Disbursements', cols, rows, total);
  }

  // ---- totals -----------------------------------------------------------------

  private totals(): void {
    const { view, money } = this;
    type Line =
      | { kind: 'row'; label: string; value: string; font: FontId; size: number; color?: Rgb }
      | { kind: 'rule' }
      | { kind: 'gap'; height: number };
    const rows: Line[] = [
      { kind: 'row', label: 'Fees', value: money(view.totals.fees), font: REGULAR, size: 9 },
      { kind: 'row', label: 'Disbursements', value: money(view.totals.disbursements), font: REGULAR, size: 9 },
      { kind: 'rule' },
      { kind: 'row', label: view.share ? 'Total (whole bill)' : 'Total', value: money(view.totals.total), font: BOLD, size: 9.5 },
    ];
    if (view.share) {
      rows.push({
        kind: 'row',
        label: `Your share (${formatAmount(view.share.percent)}%)`,
        value: money(view.share.amount),
        font: BOLD,
        size: 9.5,
      });
    }
    if (view.payments.length > 0) {
      rows.push({ kind: 'gap', height: 4 });
      rows.push({ kind: 'row', label: 'Payments received', value: '', font: BOLD, size: 8, color: MUTED });
      for (const p of view.payments) {
        const label = `${formatShortDate(p.date)}  \u00b7  ${p.method}`;
        rows.push({ kind: 'row', label, value: money(p.amount), font: REGULAR, size: 8.5, color: MUTED });
      }
    }
    rows.push({ kind: 'row', label: 'Paid', value: money(negate(view.paid)), font: REGULAR, size: 9 });

    const boxWidth = 252;
    const x = RIGHT - boxWidth;
    const rowHeight = (r: Line) => (r.kind === 'row' ? 15 : r.kind === 'rule' ? 6 : r.height);
    const balanceHeight = 26;
    const height = rows.reduce((h, r) => h + rowHeight(r), 0) + 8 + balanceHeight;
    // Kept together on one page unless it is taller than a page (hundreds of payments): then it flows.
    this.ensure(Math.min(height + 4, BOTTOM - (TOP + 28)));
    const firstPage = this.page;

    const noteWidth = WIDTH - boxWidth - 36;
    const note = view.preview
      ? 'This is a preview of the next invoice for this matter. Amounts may change before it is issued.'
      : `Please quote invoice no. ${this.numberText} with your payment. Thank you for your business.`;
    let noteY = this.y + 2;
    for (const line of wrapText(toWinAnsi(note), REGULAR, 8.5, noteWidth)) {
      this.text(LEFT, InvoiceLayout.baseline(noteY, 8.5), line, REGULAR, 8.5, view.preview ? ALERT : MUTED);
      noteY += 12;
    }

    let y = this.y;
    const valueWidth = 110;
    for (const r of rows) {
      if (y + rowHeight(r) > BOTTOM) {
        this.startPage();
        y = this.y;
      }
      if (r.kind === 'row') {
        const base = InvoiceLayout.baseline(y + 3, r.size);
        const color = r.color ?? INK;
        const value = truncateText(toWinAnsi(r.value), r.font, r.size, valueWidth);
        const labelWidth = boxWidth - 16 - (value ? textWidth(value, r.font, r.size) + 10 : 0);
        this.text(x + 8, base, truncateText(toWinAnsi(r.label), r.font, r.size, labelWidth), r.font, r.size, color);
        if (value) this.textRight(RIGHT - 8, base, value, r.font, r.size, color);
      } else if (r.kind === 'rule') {
        this.page.line(x + 8, y + 2, RIGHT - 8, y + 2, 0.5, RULE);
      }
      y += rowHeight(r);
    }
    y += 8;
    if (y + balanceHeight > BOTTOM) {
      this.startPage();
      y = this.y;
    }
    this.page.fillRect(x, y, boxWidth, balanceHeight, ACCENT);
    const base = y + balanceHeight / 2 + (11 * ASCENT) / 2000;
    this.text(x + 8, base, 'Balance due', BOLD, 11, WHITE);
    this.textRight(RIGHT - 8, base, truncateText(toWinAnsi(money(view.balanceDue)), BOLD, 11, valueWidth + 40), BOLD, 11, WHITE);
    this.y = Math.max(y + balanceHeight, this.page === firstPage ? noteY : 0) + 12;
  }

  // ---- footers ----------------------------------------------------------------

  private footers(): void {
    const total = this.pages.length;
    const firm = truncateText(toWinAnsi(this.view.firm.name), REGULAR, 7.5, 165);
    const middle = this.view.preview ? PREVIEW_NOTE : `Invoice ${this.numberText}`;
    this.pages.forEach((page, i) => {
      page.line(LEFT, FOOTER_RULE, RIGHT, FOOTER_RULE, 0.5, RULE);
      page.text(LEFT, FOOTER_BASELINE, firm, REGULAR, 7.5, MUTED);
      const mid = truncateText(middle, REGULAR, 7.5, 150);
      page.text(LEFT + WIDTH / 2 - textWidth(mid, REGULAR, 7.5) / 2, FOOTER_BASELINE, mid, REGULAR, 7.5, this.view.preview ? ALERT : MUTED);
      const label = `Page ${i + 1} of ${total}`;
      page.text(RIGHT - textWidth(label, REGULAR, 7.5), FOOTER_BASELINE, label, REGULAR, 7.5, MUTED);
    });
  }
}

function negate(amount: string): string {
  const t = amount.trim();
  if (/^0*(\.0*)?$/.test(t)) return t;
  return t.startsWith('-') ? t.slice(1) : `-${t}`;
}

/**
 * Lays the invoice out over pages from `newPage` (called once per page, in
 * order) and returns the page count.
 */
export function layoutInvoice(view: InvoiceView, newPage: () => PageCanvas): number {
  return new InvoiceLayout(view, newPage).run();
}
