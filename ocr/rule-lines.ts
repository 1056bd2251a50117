// Frames: a receipt stamp's box, table borders. Tesseract's layout analysis takes a frame laid over
// typing for a picture and drops the text lines it crosses: a "WPŁYNĘŁO DNIA" stamp over three
// lines of a letter cost all three, the customer number's line with them (bench scan-052: line CER
// 44 %; with the frame erased the lines read again). Uprights are what it stumbles on; a level rule
// goes only where it meets one (a box's top and bottom, a table's rows): a fold or an underline
// along a line of typing reads well, and erasing it takes the tops off the letters it runs along
// (bench scan-012: "zapytanie" read "zapylanie"). Frames are erased from the image the engine reads
// only; people see the page with its lines.
import type { Raw } from './page-image.js';

/** Shortest rule: longer than any stroke of text up to ~20 pt (an em dash is ~6 mm at 24 pt). */
const MIN_ACROSS_MM = 9;
/** Uprights need more: tall thin strokes of large type and hand-writing come closer. */
const MIN_UPRIGHT_MM = 10;
/** Thickest rule (as comb-boxes.ts); a letter's stroke crossing a rule is thicker there and stays. */
const MAX_THICK_MM = 0.8;
/** Gaps of a pixel or two in a scanned rule (noise, a faint join) do not end it. */
const MAX_GAP_PX = 2;

/**
 * Whitens uprights, and the level rules that meet one, in place (and the grey fringe along them);
 * returns how many ink pixels it whitened. `threshold`: the lightest level that is still ink.
 */
export function eraseRules(r: Raw, dpi: number, threshold: number): number {
  const mm = dpi / 25.4;
  const maxThick = Math.max(1, Math.round(MAX_THICK_MM * mm));
  const erase: number[] = [];
  scan(r, threshold, Math.round(MIN_UPRIGHT_MM * mm), maxThick, r.width, 1, erase, () => true);
  if (erase.length === 0) return 0;
  const upright = new Uint8Array(r.data.length);
  for (const i of erase) upright[i] = 1;
  const reach = maxThick + 2;
  scan(r, threshold, Math.round(MIN_ACROSS_MM * mm), maxThick, 1, r.width, erase,
    (y, from, to) => meets(upright, r.width, r.height, y, from, reach) || meets(upright, r.width, r.height, y, to - reach, reach));
  const { data } = r;
  let inked = 0;
  for (const i of erase) {
    if (data[i]! <= threshold) inked++;
    data[i] = 255;
  }
  return inked;
}

/** Whether an upright has pixels within x0…x0 + reach, row ± reach. */
function meets(upright: Uint8Array, width: number, height: number, row: number, x0: number, reach: number): boolean {
  for (let y = Math.max(0, row - reach); y <= Math.min(height - 1, row + reach); y++) {
    for (let x = Math.max(0, x0); x <= Math.min(width - 1, x0 + reach); x++) if (upright[y * width + x]) return true;
  }
  return false;
}

/**
 * Runs of ink along `step` (1: rows, width: columns) at least `minLen` long; of each, the pixels
 * whose ink across the run (`across`) spans at most `maxThick`, with paper-grey neighbours across.
 */
function scan(
  r: Raw, threshold: number, minLen: number, maxThick: number, step: number, across: number, out: number[],
  wanted: (line: number, from: number, to: number) => boolean,
): void {
  const { data, width, height } = r;
  const lines = step === 1 ? height : width;
  const length = step === 1 ? width : height;
  const lineStride = step === 1 ? width : 1;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStride;
    let start = -1, last = -MAX_GAP_PX - 2;
    for (let k = 0; k <= length; k++) {
      const ink = k < length && data[base + k * step]! <= threshold;
      if (!ink) {
        if (start >= 0 && k - last > MAX_GAP_PX + 1) {
          if (last - start + 1 >= minLen && wanted(line, start, last)) thinPixels(data, base, start, last, step, across, line, lines, maxThick, threshold, out);
          start = -1;
        }
        continue;
      }
      if (start < 0) start = k;
      last = k;
    }
  }
}

function thinPixels(
  data: Uint8Array, base: number, from: number, to: number, step: number, across: number,
  line: number, lines: number, maxThick: number, threshold: number, out: number[],
): void {
  for (let k = from; k <= to; k++) {
    const i = base + k * step;
    if (data[i]! > threshold) continue;
    // Ink across the rule at this point: the rule's own thickness, or a letter's stroke crossing it.
    let before = 0, after = 0;
    while (before <= maxThick && line - before - 1 >= 0 && data[i - (before + 1) * across]! <= threshold) before++;
    while (after <= maxThick && line + after + 1 < lines && data[i + (after + 1) * across]! <= threshold) after++;
    if (before + after + 1 > maxThick) continue;
    for (let d = -before - 1; d <= after + 1; d++) {
      const j = i + d * across;
      // The fringe just outside is anti-aliasing grey; leaving it would draw a faint line again.
      if (line + d >= 0 && line + d < lines && (d >= -before && d <= after || data[j]! < 255)) out.push(j);
    }
  }
}
