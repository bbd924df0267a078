/**
 * What the accessibility and layout tests measure in the page: axe-core's serious and critical
 * violations, panels that scroll sideways, and what the charts draw on their canvases (recorded by an
 * init script: every text with its box, every vertical line, every stroke's width and colour).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Serious and critical violations, one line each: "rule (impact): help — selector …". */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Elements that scroll sideways (content wider than the box), and the page itself when it does. */
export function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const overflow = getComputedStyle(el).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        const name = el.getAttribute('aria-label') ?? el.closest('[aria-label]')?.getAttribute('aria-label');
        found.push(
          `${el.tagName.toLowerCase()}.${el.className} in "${name}" ${el.scrollWidth} > ${el.clientWidth}`,
        );
      }
    }
    return found;
  });
}

export interface CanvasText {
  text: string;
  /** Font size in CSS pixels. */
  size: number;
  /** The text's box corners, in canvas pixels. */
  corners: [number, number][];
}

export interface CanvasDrawing {
  texts: CanvasText[];
  /** x of every vertical line taller than half the canvas, in canvas pixels. */
  verticals: number[];
  strokes: { width: number; color: string }[];
}

declare global {
  interface HTMLCanvasElement {
    __drawing?: CanvasDrawing;
  }
}

/**
 * Records what every 2-D canvas draws since it was last cleared whole. Add it before the page loads:
 * `await page.addInitScript(recordCanvasDrawing)`.
 */
export function recordCanvasDrawing(): void {
  const proto = CanvasRenderingContext2D.prototype;
  const drawing = (ctx: CanvasRenderingContext2D) =>
    (ctx.canvas.__drawing ??= { texts: [], verticals: [], strokes: [] });
  const { clearRect, fillText, moveTo, lineTo, stroke } = proto;
  const starts = new WeakMap<CanvasRenderingContext2D, DOMPoint>();
  proto.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width / 2 && h >= this.canvas.height / 2)
      this.canvas.__drawing = { texts: [], verticals: [], strokes: [] };
    return clearRect.call(this, x, y, w, h);
  };
  proto.fillText = function (text, x, y, maxWidth) {
    const m = this.measureText(text);
    const m2d = this.getTransform();
    const corners: [number, number][] = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
      [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
    ].map(([px, py]) => {
      const p = m2d.transformPoint(new DOMPoint(px, py));
      return [p.x, p.y];
    });
    const size = parseFloat(this.font.match(/([\d.]+)px/)?.[1] ?? 'NaN');
    const scale = Math.hypot(m2d.a, m2d.b) / (window.devicePixelRatio || 1);
    if (String(text).trim()) drawing(this).texts.push({ text: String(text), size: size * scale, corners });
    return fillText.call(this, text, x, y, maxWidth);
  };
  proto.moveTo = function (x, y) {
    starts.set(this, this.getTransform().transformPoint(new DOMPoint(x, y)));
    return moveTo.call(this, x, y);
  };
  proto.lineTo = function (x, y) {
    const from = starts.get(this);
    const to = this.getTransform().transformPoint(new DOMPoint(x, y));
    if (from && Math.abs(from.x - to.x) < 0.5 && Math.abs(from.y - to.y) > this.canvas.height / 2)
      drawing(this).verticals.push(to.x);
    starts.set(this, to);
    return lineTo.call(this, x, y);
  };
  proto.stroke = function (path?: Path2D) {
    const scale = Math.hypot(this.getTransform().a, this.getTransform().b) / (window.devicePixelRatio || 1);
    drawing(this).strokes.push({ width: this.lineWidth * scale, color: String(this.strokeStyle) });
    return path ? stroke.call(this, path) : (stroke as (this: CanvasRenderingContext2D) => void).call(this);
  };
}

/** What the chart canvas labelled `label` drew last. */
export function canvasDrawing(page: Page, label: string): Promise<CanvasDrawing> {
  return page
    .getByRole('img', { name: label, exact: true })
    .evaluate((c) => (c as HTMLCanvasElement).__drawing ?? { texts: [], verticals: [], strokes: [] });
}

/** Whether two convex quadrilaterals overlap (separating axis theorem), with a tolerance in pixels. */
function overlap(a: [number, number][], b: [number, number][], tolerance = 0.5): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const axis = [-(y2 - y1) / len, (x2 - x1) / len];
      const project = (p: [number, number][]) => p.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) + tolerance || Math.max(...pb) <= Math.min(...pa) + tolerance)
        return false;
    }
  }
  return true;
}

/** Pairs of drawn texts whose boxes overlap: "'0.001' × 'adam'". */
export function overlappingTexts(texts: readonly CanvasText[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (overlap(texts[i].corners, texts[j].corners)) pairs.push(`'${texts[i].text}' × '${texts[j].text}'`);
  return pairs;
}

/** The distances between neighbouring vertical lines (the axes of parallel coordinates). */
export function gaps(verticals: readonly number[]): number[] {
  const xs = [...new Set(verticals.map((x) => Math.round(x)))].sort((a, b) => a - b);
  // A 2 px line is drawn as neighbouring x positions: count each line once.
  const lines = xs.filter((x, i) => i === 0 || x - xs[i - 1] > 3);
  return lines.slice(1).map((x, i) => x - lines[i]);
}
