import type { GlyphSubset } from './glyph-subset.ts';
import { ASCENT, FONT_NAMES, type FontId, textWidth } from './text.ts';

/** A colour as r, g, b in 0..1. */
export type Rgb = readonly [number, number, number];

/**
 * One page to draw on, in points with the origin top-left and y growing
 * down (as a layout thinks); text is placed by its baseline.
 */
export interface PageCanvas {
  text(x: number, baseline: number, text: string, font: FontId, size: number, color: Rgb): void;
  fillRect(x: number, top: number, width: number, height: number, color: Rgb): void;
  line(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void;
  /** Large text across the page centre along its diagonal, behind what follows. */
  watermark(text: string, font: FontId, size: number, color: Rgb): void;
}

/** Writes a number the way PDF operands want it: at most 2 decimals, no exponent. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
}

function rgb(c: Rgb): string {
  return `${num(c[0])} ${num(c[1])} ${num(c[2])}`;
}

/**
 * Builds a page's content stream as PDF operators directly: one `BT … ET`
 * per text run, colours set only when they change. Text must already be
 * shown text (see toShown); it is written as glyph ids of the document's
 * font subsets, which the page's resources map to F1/F2 (FONT_NAMES).
 */
export class ContentCanvas implements PageCanvas {
  private readonly parts: string[] = [];
  private fill = '';
  private stroke = '';
  private strokeWidth = -1;

  constructor(readonly width: number, readonly height: number, private readonly fonts: readonly GlyphSubset[]) {}

  private setFill(c: Rgb): void {
    const s = rgb(c);
    if (s !== this.fill) {
      this.parts.push(`${s} rg`);
      this.fill = s;
    }
  }

  text(x: number, baseline: number, text: string, font: FontId, size: number, color: Rgb): void {
    if (text === '') return;
    this.setFill(color);
    this.parts.push(`BT /${FONT_NAMES[font]} ${num(size)} Tf ${num(x)} ${num(this.height - baseline)} Td ${this.fonts[font]!.encode(text)} Tj ET`);
  }

  fillRect(x: number, top: number, width: number, height: number, color: Rgb): void {
    this.setFill(color);
    this.parts.push(`${num(x)} ${num(this.height - top - height)} ${num(width)} ${num(height)} re f`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
    const s = rgb(color);
    if (s !== this.stroke) {
      this.parts.push(`${s} RG`);
      this.stroke = s;
    }
    if (width !== this.strokeWidth) {
      this.parts.push(`${num(width)} w`);
      this.strokeWidth = width;
    }
    this.parts.push(`${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`);
  }

  watermark(text: string, font: FontId, size: number, color: Rgb): void {
    const angle = Math.atan2(this.height, this.width);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const w = textWidth(text, font, size);
    const capHeight = (ASCENT * size) / 1000;
    this.parts.push(
      `q ${rgb(color)} rg ${cos.toFixed(4)} ${sin.toFixed(4)} ${(-sin).toFixed(4)} ${cos.toFixed(4)} ${num(this.width / 2)} ${num(this.height / 2)} cm ` +
        `BT /${FONT_NAMES[font]} ${num(size)} Tf ${num(-w / 2)} ${num(-capHeight / 2)} Td ${this.fonts[font]!.encode(text)} Tj ET Q`,
    );
  }

  /** The content stream, ASCII. */
  content(): string {
    return this.parts.join('\n');
  }
}
