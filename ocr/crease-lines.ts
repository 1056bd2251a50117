// Creases, for the engine's copy of the page. A letter is folded in three for its envelope, and a
// fold's shadow crossing a typed line strikes every letter of it through: tesseract read
// "Omyłkowo zapłaci Hem(-am)-dwa-razy za faktu-e" or dropped the line (blind test AY: the invoice
// number's line). A crease is a thin line across most of the sheet, running level or a little
// tilted (the fold is not square to the typing), which no letter, underline or table rule is:
// rule-lines.ts finds only rules that stay on one pixel row and meet an upright.
import type { Raw } from './page-image.js';

/** Thickest crease line, mm: a fold's dark core. Letters crossing it are thicker there and stay. */
const MAX_THICK_MM = 0.8;
/** A crease runs from edge to edge of the sheet; typing, its underlines and tables keep the margins. */
const EDGE_MM = 8;
/** Tallest rise over the crease's length, mm (a fold 2° off over 200 mm rises 7 mm). */
const MAX_RISE_MM = 9;
/** A crease runs through letters: its pieces either side of a stroke (bold type: 0.7 mm) are one line. */
const BRIDGE_MM = 2;
/** How far above and below the crease a letter it crosses goes on, mm. */
const LETTER_REACH_MM = 1;
/** Share of the crease's length its thin ink covers, column by column: a chain of letters' bars is no line. */
const MIN_COVER = 0.7;
/**
 * Share of the piece's thin ink lying on one straight line: a crease's ink all does; the tops and feet
 * of a typed line's letters, chained across the strokes, lie on two lines an x-height apart.
 */
const MIN_ON_LINE = 0.6;

/**
 * Whitens creases (thin ink lines across most of the page, level or slightly tilted) in place;
 * returns how many ink pixels it whitened. `threshold`: the lightest level that is still ink.
 */
export function eraseCreases(r: Raw, dpi: number, threshold: number): number {
  const { data, width, height } = r;
  const mm = dpi / 25.4;
  const maxThick = Math.max(1, Math.round(MAX_THICK_MM * mm));
  const edge = Math.round(EDGE_MM * mm);
  // Every crease starts in the left margin: most pages have no thin ink there at all.
  if (!thinInkIn(r, threshold, maxThick, edge + 1)) return 0;
  const thin = thinInk(r, threshold, maxThick, width);
  const maxRise = Math.round(MAX_RISE_MM * mm);
  const bridge = Math.max(2, Math.round(BRIDGE_MM * mm));
  const seen = new Uint8Array(width * height);
  let erased = 0;
  const stack: number[] = [];
  for (let start = 0; start < thin.length; start++) {
    if (start % width > edge) {
      start += width - 1 - (start % width);
      continue;
    }
    if (!thin[start] || seen[start]) continue;
    // One piece of thin ink, joined across gaps of up to `bridge` columns (the strokes it crosses).
    const pixels: number[] = [];
    let x0 = width, x1 = -1, y0 = height, y1 = -1;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      pixels.push(i);
      const x = i % width, y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let nx = Math.max(0, x - bridge); nx <= Math.min(width - 1, x + bridge); nx++) {
          const j = ny * width + nx;
          if (thin[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (x0 > edge || x1 < width - 1 - edge || y1 - y0 > maxRise) continue;
    const line = straightLine(pixels, width, x0, x1);
    if (!line) continue;
    const onLine = pixels.filter((i) => Math.abs((i - (i % width)) / width - line(i % width)) <= maxThick);
    if (onLine.length < MIN_ON_LINE * pixels.length) continue;
    const columns = new Uint8Array(x1 - x0 + 1);
    for (const i of onLine) columns[(i % width) - x0] = 1;
    if (columns.reduce((n, c) => n + c, 0) < MIN_COVER * columns.length) continue;
    // Only where the crease runs alone: in a column a letter crosses, its ink goes on above or below
    // the line, and whitening there took the letter's own strokes ("10948" read "10248").
    const band = maxThick + 1, reach = band + Math.round(LETTER_REACH_MM * mm);
    const alone = (x: number) => {
      const yc = Math.round(line(x));
      for (let d = band; d <= reach; d++) {
        for (const y of [yc - d, yc + d]) if (y >= 0 && y < height && data[y * width + x]! <= threshold) return false;
      }
      return true;
    };
    const aloneAt = new Map<number, boolean>();
    for (const i of onLine) {
      const x = i % width;
      if (!aloneAt.has(x)) aloneAt.set(x, alone(x));
      if (!aloneAt.get(x)) continue;
      if (data[i]! <= threshold) erased++;
      data[i] = 255;
      // The grey fringe just above and below: left, it draws a faint line again.
      for (const j of [i - width, i + width]) if (j >= 0 && j < data.length && data[j]! > threshold && data[j]! < 255) data[j] = 255;
    }
  }
  return erased;
}

/** The least-squares line y(x) through the mean row of each column the pixels cover, or null when too few. */
function straightLine(pixels: number[], width: number, x0: number, x1: number): ((x: number) => number) | null {
  const sum = new Float64Array(x1 - x0 + 1), count = new Uint32Array(x1 - x0 + 1);
  for (const i of pixels) {
    const x = i % width;
    sum[x - x0]! += (i - x) / width;
    count[x - x0]!++;
  }
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let k = 0; k < count.length; k++) {
    if (!count[k]) continue;
    const y = sum[k]! / count[k]!;
    n++; sx += k; sy += y; sxx += k * k; sxy += k * y;
  }
  const d = n * sxx - sx * sx;
  if (n < 2 || d === 0) return null;
  const b = (n * sxy - sx * sy) / d, a = (sy - b * sx) / n;
  return (x) => a + b * (x - x0);
}

/** Ink pixels of the first `columns` columns whose column run of ink is at most `maxThick` long: level strokes, rules, creases. */
function thinInk(r: Raw, threshold: number, maxThick: number, columns: number): Uint8Array {
  const { data, width, height } = r;
  const out = new Uint8Array(width * height);
  const cols = Math.min(columns, width);
  // Row by row (the pixels' order in memory), each column's current run of ink remembered.
  const runStart = new Int32Array(cols).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < cols; x++) {
      const ink = y < height && data[row + x]! <= threshold;
      const start = runStart[x]!;
      if (ink) {
        if (start < 0) runStart[x] = y;
        continue;
      }
      if (start < 0) continue;
      if (y - start <= maxThick) for (let k = start; k < y; k++) out[k * width + x] = 1;
      runStart[x] = -1;
    }
  }
  return out;
}

/** Whether any of the first `columns` columns holds a run of ink at most `maxThick` long. */
function thinInkIn(r: Raw, threshold: number, maxThick: number, columns: number): boolean {
  const { data, width, height } = r;
  for (let x = 0; x < Math.min(columns, width); x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      if (y < height && data[y * width + x]! <= threshold) {
        if (start < 0) start = y;
      } else if (start >= 0) {
        if (y - start <= maxThick) return true;
        start = -1;
      }
    }
  }
  return false;
}

