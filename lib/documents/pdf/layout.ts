import { invoiceNumberText, type InvoiceAddress, type InvoiceView } from '../invoice-view.ts';
import type { PageCanvas, Rgb } from './canvas.ts';
import { formatAmount, formatHours, formatLongDate, formatMoney, formatPeriod, formatShortDate, isZeroAmount, sumHundredths } from './format.ts';
import { shortenName } from './names.ts';
import { ASCENT, BOLD, type FontId, REGULAR, textWidth, toShown, truncateText, wrapClamped, wrapText } from './text.ts';

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
const CELL_SIZE = 8;
const CELL_LEADING = 10;
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

/** A table row as lines per column, ready to draw; lines from `mutedFrom` on (a note under the line) are drawn muted. */
interface Row {
  cells: string[][];
  mutedFrom?: number;
}

function columns(spec: Omit<Column, 'width'> & { width?: number }, ...rest: (Omit<Column, 'width'> & { width?: number })[]): Column[] {
  const all = [spec, ...rest];
  const fixed = all.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flex = all.filter((c) => c.width === undefined).length;
  return all.map((c) => ({ ...c, width: c.width ?? (WIDTH - fixed) / flex }));
}

const DATE_COL = { title: 'Date', width: 60, align: 'left', wrap: false } as const;
const AMOUNT_COL = { title: 'Amount', width: 64, align: 'right', wrap: false } as const;

/** Fee table columns; with UTBMS codes (LEDES matters) a code column joins. */
function feeColumns(utbms: boolean): Column[] {
  return columns(
    DATE_COL,
    { title: 'Timekeeper', width: 88, align: 'left', wrap: true },
    ...(utbms ? [{ title: 'Task/Act.', width: 50, align: 'left', wrap: true } as const] : []),
    { title: 'Description', align: 'left', wrap: true },
    { title: 'Hours', width: 36, align: 'right', wrap: false },
    { title: 'Rate', width: 50, align: 'right', wrap: false },
    AMOUNT_COL,
  );
}

const DISBURSEMENT_COLUMNS = columns(
  DATE_COL,
  { title: 'Description', align: 'left', wrap: true },
  { title: 'Code', width: 60, align: 'left', wrap: true },
  AMOUNT_COL,
);

const TIMEKEEPER_COLUMNS = columns(
  { title: 'Timekeeper', align: 'left', wrap: false },
  { title: 'Hours', width: 60, align: 'right', wrap: false },
  { title: 'Rate', width: 70, align: 'right', wrap: false },
  { title: 'Amount', width: 90, align: 'right', wrap: false },
);

const ACCOUNT_COLUMNS = columns(
  { title: 'Invoice', align: 'left', wrap: false },
  { title: 'Date', width: 80, align: 'left', wrap: false },
  { title: 'Due', width: 80, align: 'left', wrap: false },
  { title: 'Amount', width: 90, align: 'right', wrap: false },
  { title: 'Outstanding', width: 90, align: 'right', wrap: false },
);

/** Text of one cell as lines that fit its column. */
function cellLines(value: string, col: Column, font: FontId = REGULAR): string[] {
  const inner = col.width - 2 * CELL_PAD_X;
  if (col.wrap) return wrapText(toShown(value, true), font, CELL_SIZE, inner);
  return [truncateText(toShown(value), font, CELL_SIZE, inner)];
}

function addressLines(a: InvoiceAddress | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.city, [a.region, a.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2 ?? '', cityLine, a.country].filter((l) => l.trim() !== '');
}

/** Lines of a row: the tallest cell. */
const lineCount = (row: Row) => Math.max(1, ...row.cells.map((c) => c.length));

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
    this.numberText = toShown(invoiceNumberText(view));
  }

  run(): number {
    this.startPage();
    this.letterhead();
    this.parties();
    if (this.view.description?.trim()) this.description(this.view.description);
    const { lines, disbursements } = this.view;
    // The totals follow the last table and never stand alone on a page: the last row waits for them.
    const totalsHeight = this.totalsHeight();
    if (lines.length === 0 && disbursements.length === 0) {
      this.sectionTitle('Fees and disbursements');
      this.paragraph('No fees or disbursements for this period.', MUTED);
      this.y += 10;
    }
    if (lines.length > 0) this.feesTable(disbursements.length === 0 ? totalsHeight : 0);
    if (disbursements.length > 0) this.disbursementsTable(totalsHeight);
    this.totals();
    if (lines.length > 0) this.timekeeperSummary();
    if (this.view.earlierOpen?.length) this.accountSummary();
    this.remittance();
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
    for (const line of wrapClamped(toShown(view.firm.name), BOLD, 17, leftWidth, 3)) {
      this.text(LEFT, InvoiceLayout.baseline(left, 17), line, BOLD, 17, ACCENT);
      left += 20;
    }
    left += 3;
    const firmLines = wrapClamped(toShown(view.firm.address, true), REGULAR, 9, leftWidth, 7).filter((l) => l.trim() !== '');
    const contact = [view.firm.email, view.firm.phone].filter((v): v is string => Boolean(v?.trim())).map((v) => toShown(v));
    if (contact.length) firmLines.push(truncateText(contact.join('  \u00b7  '), REGULAR, 9, leftWidth));
    if (view.firm.taxId) firmLines.push(truncateText(`Tax ID ${toShown(view.firm.taxId)}`, REGULAR, 9, leftWidth));
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
    const labelX = RIGHT - 200;
    const valueWidth = 200 - 66;
    const meta: [string, string][] = [
      ['Invoice no.', this.numberText],
      ['Invoice date', formatLongDate(toShown(view.invoiceDate))],
    ];
    if (view.dueDate) meta.push(['Due date', formatLongDate(toShown(view.dueDate))]);
    if (view.termsDays !== undefined) meta.push(['Terms', termsText(view.termsDays)]);
    meta.push(['Billing period', formatPeriod(toShown(view.period.from), toShown(view.period.to))]);
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
      for (const line of wrapClamped(toShown(name), BOLD, 10.5, colWidth, 3)) {
        this.text(x, InvoiceLayout.baseline(y, 10.5), line, BOLD, 10.5);
        y += 13.5;
      }
      for (const raw of lines) {
        for (const line of wrapClamped(toShown(raw), REGULAR, 9, colWidth, 2)) {
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

  /** The bill's description, above the lines (at most 12 lines of it). */
  private description(text: string): void {
    for (const line of wrapClamped(toShown(text, true), REGULAR, 9.5, WIDTH, 12)) {
      this.ensure(14);
      this.text(LEFT, InvoiceLayout.baseline(this.y, 9.5), line, REGULAR, 9.5, INK);
      this.y += 13.5;
    }
    this.y += 10;
  }

  /** Small header on pages after the first. */
  private runningHead(): void {
    const base = InvoiceLayout.baseline(TOP, 9);
    const right = truncateText(`Invoice ${this.numberText}  \u00b7  ${formatLongDate(toShown(this.view.invoiceDate))}`, REGULAR, 8.5, WIDTH / 2);
    const rightWidth = textWidth(right, REGULAR, 8.5);
    this.text(LEFT, base, truncateText(toShown(this.view.firm.name), BOLD, 9, WIDTH - rightWidth - 20), BOLD, 9, ACCENT);
    this.textRight(RIGHT, base, right, REGULAR, 8.5, MUTED);
    this.page.line(LEFT, TOP + 14, RIGHT, TOP + 14, 0.5, RULE);
    this.y = TOP + 28;
  }

  // ---- tables ---------------------------------------------------------------

  private sectionTitle(title: string, continued = false, amounts = true): void {
    const base = InvoiceLayout.baseline(this.y, 11);
    this.text(LEFT, base, continued ? `${title} (continued)` : title, BOLD, 11, continued ? MUTED : ACCENT);
    const code = truncateText(toShown(this.view.currency.trim().toUpperCase()), REGULAR, 8, 100);
    if (code && amounts) this.textRight(RIGHT, base, `Amounts in ${code}`, REGULAR, 8, MUTED);
    this.y += 17;
  }

  private paragraph(s: string, color: Rgb): void {
    for (const line of wrapText(toShown(s, true), REGULAR, 9, WIDTH)) {
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

  /** Lines `from`..`from + count` of a row. */
  private drawRow(cols: Column[], row: Row, from: number, count: number, font: FontId = REGULAR, rule: Rgb | null = RULE): void {
    const top = this.y;
    let x = LEFT;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      const lines = row.cells[c] ?? [];
      for (let i = from; i < lines.length && i < from + count; i++) {
        const base = InvoiceLayout.baseline(top + CELL_PAD_TOP + (i - from) * CELL_LEADING, CELL_SIZE);
        const s = lines[i]!;
        const color = row.mutedFrom !== undefined && i >= row.mutedFrom ? MUTED : INK;
        if (col.align === 'right') this.textRight(x + col.width - CELL_PAD_X, base, s, font, CELL_SIZE, color);
        else this.text(x + CELL_PAD_X, base, s, font, CELL_SIZE, color);
      }
      x += col.width;
    }
    this.y = top + CELL_PAD_TOP + count * CELL_LEADING + CELL_PAD_BOTTOM;
    if (rule) this.page.line(LEFT, this.y, RIGHT, this.y, 0.5, rule);
  }

  /**
   * A table that flows over pages: the column header is repeated after each
   * break, a row moves whole to the next page when it fits there, and a row
   * taller than a page is split between lines. The last row is kept with the
   * total row and `keepWithEnd` points of what follows the table.
   */
  private table(title: string, cols: Column[], rows: Row[], total: Row | null, keepWithEnd = 0, amounts = true): void {
    const rowHeight = (n: number) => CELL_PAD_TOP + n * CELL_LEADING + CELL_PAD_BOTTOM;
    const header = (continued: boolean) => {
      this.sectionTitle(title, continued, amounts);
      this.tableHead(cols);
    };
    const firstLines = rows[0] ? Math.min(3, lineCount(rows[0])) : 1;
    this.ensure(17 + HEAD_HEIGHT + rowHeight(firstLines));
    header(false);
    const onNewPage = () => header(true);
    const pageRoom = BOTTOM - (TOP + 28) - 17 - HEAD_HEIGHT;
    const endHeight = (total ? rowHeight(lineCount(total)) + 22 : 12) + keepWithEnd;
    rows.forEach((row, index) => {
      const n = lineCount(row);
      if (index === rows.length - 1 && this.y + rowHeight(n) + endHeight > BOTTOM && rowHeight(n) + endHeight <= pageRoom && index > 0) {
        // The last row goes over with the end, so the totals never sit alone on a page.
        this.ensure(Infinity, onNewPage);
      }
      let from = 0;
      for (;;) {
        const rest = n - from;
        if (this.y + rowHeight(rest) <= BOTTOM) {
          this.drawRow(cols, row, from, rest);
          break;
        }
        const fit = Math.floor((BOTTOM - this.y - rowHeight(0)) / CELL_LEADING);
        if (rowHeight(rest) <= pageRoom || fit < 2) {
          this.ensure(Infinity, onNewPage);
          if (rowHeight(rest) <= pageRoom) continue;
        }
        const k = Math.max(1, Math.floor((BOTTOM - this.y - rowHeight(0)) / CELL_LEADING));
        this.drawRow(cols, row, from, k);
        from += k;
        this.ensure(Infinity, onNewPage);
      }
    });
    if (total) {
      const n = lineCount(total);
      this.ensure(rowHeight(n), onNewPage);
      this.page.line(LEFT, this.y, RIGHT, this.y, 0.8, INK);
      this.drawRow(cols, total, 0, n, BOLD, null);
      this.y += 22;
    } else this.y += 12;
  }

  /** A note under a line's own text (a write-down, "No charge"), with its amount level with it. */
  private static withNote(cells: string[][], noteCol: number, amountCol: number, note: string[], amount?: string): Row {
    const start = Math.max(...cells.map((c) => c.length));
    const padded = cells.map((c) => [...c, ...Array<string>(Math.max(0, start - c.length)).fill('')]);
    padded[noteCol] = [...padded[noteCol]!, ...note];
    if (amount !== undefined) padded[amountCol] = [...padded[amountCol]!, amount];
    return { cells: padded, mutedFrom: start };
  }

  private feesTable(keepWithEnd: number): void {
    const utbms = Boolean(this.view.utbms);
    const cols = feeColumns(utbms);
    const at = (title: string) => cols.findIndex((c) => c.title === title);
    const [date, tk, codes, desc, hours, rate, amount] = ['Date', 'Timekeeper', 'Task/Act.', 'Description', 'Hours', 'Rate', 'Amount'].map(at) as number[];
    const tkWidth = cols[tk!]!.width - 2 * CELL_PAD_X;
    const rows: Row[] = this.view.lines.map((l) => {
      const cells: string[][] = [];
      cells[date!] = cellLines(formatShortDate(l.date), cols[date!]!);
      cells[tk!] = shortenName(toShown(l.timekeeper), REGULAR, CELL_SIZE, tkWidth, 2);
      if (utbms) cells[codes!] = [l.taskCode, l.activityCode].filter((c): c is string => Boolean(c)).map((c) => toShown(c));
      cells[desc!] = cellLines(l.description, cols[desc!]!);
      cells[hours!] = cellLines(l.fixed ? '' : formatHours(l.hours), cols[hours!]!);
      cells[rate!] = cellLines(l.fixed ? 'Fixed' : formatAmount(l.rate), cols[rate!]!);
      cells[amount!] = cellLines(l.noCharge ? 'No charge' : formatAmount(l.amount), cols[amount!]!);
      const inner = cols[desc!]!.width - 2 * CELL_PAD_X;
      if (l.noCharge) {
        const worth = l.writtenOff && !isZeroAmount(l.writtenOff) ? `: ${formatAmount(l.writtenOff)} written off` : '';
        return InvoiceLayout.withNote(cells, desc!, amount!, wrapText(`No charge${worth}`, REGULAR, CELL_SIZE, inner));
      }
      if (l.adjustment && !isZeroAmount(l.adjustment.amount)) {
        const note = wrapText(`${adjustmentLabel(l.adjustment.amount)}: ${toShown(l.adjustment.reason)}`, REGULAR, CELL_SIZE, inner);
        return InvoiceLayout.withNote(cells, desc!, amount!, note, formatAmount(l.adjustment.amount));
      }
      return { cells };
    });
    const hoursTotal = sumHundredths(this.view.lines.map((l) => l.hours));
    const total: string[][] = cols.map(() => []);
    total[desc!] = ['Total professional services'];
    if (hoursTotal !== null) total[hours!] = cellLines(formatHours(hoursTotal), cols[hours!]!, BOLD);
    total[amount!] = cellLines(formatAmount(this.view.totals.fees), cols[amount!]!, BOLD);
    this.table('Professional services', cols, rows, { cells: total }, keepWithEnd);
  }

  private disbursementsTable(keepWithEnd: number): void {
    const cols = DISBURSEMENT_COLUMNS;
    const rows: Row[] = this.view.disbursements.map((d) => {
      const cells = [
        cellLines(formatShortDate(d.date), cols[0]!),
        cellLines(d.description, cols[1]!),
        cellLines(d.expenseCode ?? '', cols[2]!),
        cellLines(formatAmount(d.amount), cols[3]!),
      ];
      if (d.adjustment && !isZeroAmount(d.adjustment.amount)) {
        const note = wrapText(`${adjustmentLabel(d.adjustment.amount)}: ${toShown(d.adjustment.reason)}`, REGULAR, CELL_SIZE, cols[1]!.width - 2 * CELL_PAD_X);
        return InvoiceLayout.withNote(cells, 1, 3, note, formatAmount(d.adjustment.amount));
      }
      return { cells };
    });
    const total = { cells: [[], ['Total disbursements'], [], cellLines(formatAmount(this.view.totals.disbursements), cols[3]!, BOLD)] };
    this.table('Disbursements', cols, rows, total, keepWithEnd);
  }

  /** Hours, rate and amount per timekeeper and rate, in order of first appearance; no-charge hours count at no amount. */
  private timekeeperSummary(): void {
    const groups = new Map<string, { name: string; rate: string; hours: string[]; amounts: string[] }>();
    for (const l of this.view.lines) {
      const rate = l.fixed ? 'Fixed' : formatAmount(l.rate);
      const key = `${l.timekeeper}\u0000${rate}`;
      const g = groups.get(key) ?? { name: l.timekeeper, rate, hours: [], amounts: [] };
      g.hours.push(l.hours);
      g.amounts.push(l.noCharge ? '0.00' : l.amount);
      groups.set(key, g);
    }
    const cols = TIMEKEEPER_COLUMNS;
    const nameWidth = cols[0]!.width - 2 * CELL_PAD_X;
    const rows: Row[] = [...groups.values()].map((g) => ({
      cells: [
        shortenName(toShown(g.name), REGULAR, CELL_SIZE, nameWidth, 1),
        cellLines(formatHours(sumHundredths(g.hours) ?? ''), cols[1]!),
        cellLines(g.rate, cols[2]!),
        cellLines(formatAmount(sumHundredths(g.amounts) ?? ''), cols[3]!),
      ],
    }));
    this.table('Timekeeper summary', cols, rows, null);
  }

  /** This client's earlier invoices on the matter still open, this one, and what is outstanding in all. */
  private accountSummary(): void {
    const earlier = this.view.earlierOpen ?? [];
    const cols = ACCOUNT_COLUMNS;
    const row = (values: string[], font: FontId = REGULAR): Row => ({ cells: values.map((v, c) => cellLines(v, cols[c]!, font)) });
    const rows: Row[] = earlier.map((i) => row([i.invoiceNumber, formatShortDate(i.invoiceDate), formatShortDate(i.dueDate), formatAmount(i.amount), formatAmount(i.outstanding)]));
    const { view } = this;
    rows.push(row([`This invoice (${this.numberText})`, formatShortDate(view.invoiceDate), view.dueDate ? formatShortDate(view.dueDate) : '', formatAmount(view.share?.amount ?? view.totals.total), formatAmount(view.balanceDue)]));
    const all = sumHundredths([...earlier.map((i) => i.outstanding), view.balanceDue]) ?? view.balanceDue;
    const total = row(['Total outstanding on this matter', '', '', '', formatAmount(all)], BOLD);
    this.table('Account summary', cols, rows, total);
  }

  // ---- totals -----------------------------------------------------------------

  private totalsRows(): TotalsLine[] {
    const { view, money } = this;
    const rows: TotalsLine[] = [
      { kind: 'row', label: 'Professional services', value: money(view.totals.fees), font: REGULAR, size: 9 },
      { kind: 'row', label: 'Disbursements', value: money(view.totals.disbursements), font: REGULAR, size: 9 },
    ];
    if (view.totals.adjustments && !isZeroAmount(view.totals.adjustments)) {
      rows.push({ kind: 'row', label: 'Write-downs and write-ups', value: money(view.totals.adjustments), font: REGULAR, size: 9 });
    }
    if (view.totals.discount && !isZeroAmount(view.totals.discount.amount)) {
      rows.push({ kind: 'row', label: `Discount: ${view.totals.discount.reason}`, value: money(view.totals.discount.amount), font: REGULAR, size: 9 });
    }
    rows.push({ kind: 'rule' });
    rows.push({ kind: 'row', label: view.share ? 'Total (whole bill)' : 'Total', value: money(view.totals.total), font: BOLD, size: 9.5 });
    if (view.share) {
      rows.push({ kind: 'row', label: `Your share (${formatAmount(view.share.percent)}%)`, value: money(view.share.amount), font: BOLD, size: 9.5 });
    }
    if (view.payments.length > 0) {
      rows.push({ kind: 'gap', height: 4 });
      rows.push({ kind: 'row', label: 'Payments received', value: '', font: BOLD, size: 8, color: MUTED });
      for (const p of view.payments) {
        const label = [formatShortDate(p.date), p.method, p.reference ? `ref. ${p.reference}` : ''].filter(Boolean).join('  \u00b7  ');
        rows.push({ kind: 'row', label, value: money(negate(p.amount)), font: REGULAR, size: 8.5, color: MUTED });
      }
      rows.push({ kind: 'row', label: 'Paid', value: money(negate(view.paid)), font: REGULAR, size: 9 });
    }
    return rows;
  }

  private totalsHeight(): number {
    const rows = this.totalsRows();
    return rows.reduce((h, r) => h + totalsRowHeight(r), 0) + 8 + BALANCE_HEIGHT + 12 + 14;
  }

  private totals(): void {
    const { view, money } = this;
    const rows = this.totalsRows();
    const boxWidth = 252;
    const x = RIGHT - boxWidth;
    const height = this.totalsHeight();
    // Kept together on one page unless it is taller than a page (hundreds of payments): then it flows.
    this.ensure(Math.min(height + 4, BOTTOM - (TOP + 28)));
    const firstPage = this.page;

    const noteWidth = WIDTH - boxWidth - 36;
    const payment = [
      ...(view.dueDate ? [`Payment is due by ${formatLongDate(view.dueDate)}${view.termsDays !== undefined ? ` (${termsText(view.termsDays).toLowerCase()})` : ''}.`] : []),
      `Please quote invoice no. ${this.numberText} with your payment. Thank you for your business.`,
    ];
    const notes = !view.preview ? payment
      : view.invoiceNumber ? [`This is a preview of invoice ${this.numberText} as it will be sent; it is posted, its amounts are final.`, ...payment]
        : ['This is a preview of the next invoice for this matter. Amounts may change before it is issued.'];
    let noteY = this.y + 2;
    for (const note of notes) {
      for (const line of wrapText(toShown(note), REGULAR, 8.5, noteWidth)) {
        this.text(LEFT, InvoiceLayout.baseline(noteY, 8.5), line, REGULAR, 8.5, view.preview ? ALERT : MUTED);
        noteY += 12;
      }
      noteY += 4;
    }

    let y = this.y;
    const valueWidth = 110;
    for (const r of rows) {
      if (y + totalsRowHeight(r) > BOTTOM) {
        this.startPage();
        y = this.y;
      }
      if (r.kind === 'row') {
        const base = InvoiceLayout.baseline(y + 3, r.size);
        const color = r.color ?? INK;
        const value = truncateText(toShown(r.value), r.font, r.size, valueWidth);
        const labelWidth = boxWidth - 16 - (value ? textWidth(value, r.font, r.size) + 10 : 0);
        this.text(x + 8, base, truncateText(toShown(r.label), r.font, r.size, labelWidth), r.font, r.size, color);
        if (value) this.textRight(RIGHT - 8, base, value, r.font, r.size, color);
      } else if (r.kind === 'rule') {
        this.page.line(x + 8, y + 2, RIGHT - 8, y + 2, 0.5, RULE);
      }
      y += totalsRowHeight(r);
    }
    y += 8;
    if (y + BALANCE_HEIGHT > BOTTOM) {
      this.startPage();
      y = this.y;
    }
    this.page.fillRect(x, y, boxWidth, BALANCE_HEIGHT, ACCENT);
    const base = y + BALANCE_HEIGHT / 2 + (11 * ASCENT) / 2000;
    this.text(x + 8, base, 'Balance due', BOLD, 11, WHITE);
    this.textRight(RIGHT - 8, base, truncateText(toShown(money(view.balanceDue)), BOLD, 11, valueWidth + 40), BOLD, 11, WHITE);
    y += BALANCE_HEIGHT;
    if (view.dueDate && (!view.preview || view.invoiceNumber)) {
      this.textRight(RIGHT - 8, InvoiceLayout.baseline(y + 4, 8.5), `Due ${formatLongDate(view.dueDate)}`, BOLD, 8.5, ACCENT);
      y += 14;
    }
    this.y = Math.max(y, this.page === firstPage ? noteY : 0) + 18;
  }

  /** How to pay: the firm's remittance details, kept together. */
  private remittance(): void {
    const text = this.view.remittance?.trim();
    if (!text) return;
    const lines = wrapClamped(toShown(text, true), REGULAR, 9, WIDTH - 16, 20);
    const height = 17 + lines.length * 12.5 + 22;
    this.ensure(height);
    this.sectionTitle('How to pay', false, false);
    const top = this.y;
    for (const line of lines) {
      this.text(LEFT + 8, InvoiceLayout.baseline(this.y + 4, 9), line, REGULAR, 9, INK);
      this.y += 12.5;
    }
    this.text(LEFT + 8, InvoiceLayout.baseline(this.y + 6, 8.5), truncateText(`Reference: invoice no. ${this.numberText}`, BOLD, 8.5, WIDTH - 16), BOLD, 8.5, ACCENT);
    this.y += 20;
    this.page.line(LEFT, top, LEFT, this.y, 1.5, ACCENT);
    this.y += 8;
  }

  // ---- footers ----------------------------------------------------------------

  private footers(): void {
    const total = this.pages.length;
    const firm = truncateText(toShown(this.view.firm.name), REGULAR, 7.5, 165);
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

type TotalsLine =
  | { kind: 'row'; label: string; value: string; font: FontId; size: number; color?: Rgb }
  | { kind: 'rule' }
  | { kind: 'gap'; height: number };

const BALANCE_HEIGHT = 26;
const totalsRowHeight = (r: TotalsLine) => (r.kind === 'row' ? 15 : r.kind === 'rule' ? 6 : r.height);

const termsText = (days: number) => (days === 0 ? 'Due on receipt' : `Net ${days} days`);
const adjustmentLabel = (amount: string) => (amount.trim().startsWith('-') ? 'Write-down' : 'Write-up');

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
