// Grey stamps over typing, for the engine's copy of the page. A receipt stamp on a grey scan (a red
// or blue stamp scanned in grey, or a grey one) is ink of one flat mid-grey, lighter than the
// typing: tesseract's binarisation turns both black and the line under the stamp reads as
// "robiła córka" -> "roblla cor/ka" (bench scan-005: 14 of the clean pages' 19 line edits). Colour
// told stamps from typing on colour scans (ingest/colour-dropout.ts); on grey ones only their
// shade does. A grey ink is erased only where it is stamp-sized and lies across the typing: grey
// letterheads, form labels beside the values and a letter typed in grey all the way down stay.
import type { Raw } from './page-image.js';

/** Neighbours differing by at most this much make a pixel part of a flat area of ink (a stroke's inside). */
const FLAT = 10;
/** Lightest grey taken for stamp ink: lighter is paper, shading or a stroke's fringe. */
const GREY_MAX = 215;
/** The grey ink must be at least this much lighter than the typing's flat ink (a blue stamp scans at ~70, typing at ~20). */
const MIN_GAP = 45;
/** Half the width of the grey band around its peak (stamp ink is uneven). */
const BAND = 16;
/** Ink thicker than this is a solid area (a logo, a shadow along the edge), not a stroke. */
const MAX_STROKE_MM = 1.6;
/** Largest stamp, mm: grey ink spread further is the letter's own (typed or printed in grey). */
const MAX_STAMP_MM = { w: 120, h: 60 };
/** Tile for the stamp's extent, mm. */
const TILE_MM = 3;
/** Cells of 0.7 mm holding both grey and dark flat ink: the stamp crosses the typing, not just lies beside it. */
const CELL_MM = 0.7;
const MIN_CROSSED_CELLS = 12;

/** A grey ink's levels (lo…hi), and the typing's flat ink (its 90th percentile) it stands apart from. */
export interface GreyBand { lo: number; hi: number; dark: number }

/**
 * Whitens the ink of `band` (greyStampBand) where it is stamp-sized and lies across the typing, in
 * place; returns how many pixels it whitened.
 */
export function eraseGreyStamps(r: Raw, dpi: number, band: GreyBand): number {
  const mm = dpi / 25.4;
  const tile = Math.max(8, Math.round(TILE_MM * mm));
  const cols = Math.ceil(r.width / tile), rows = Math.ceil(r.height / tile);
  const { grey, crossed } = tileCensus(r, band, mm, tile, cols);
  const minGrey = Math.max(4, Math.round(tile * tile * 0.004));
  const seen = new Uint8Array(cols * rows);
  // Pixels lighter than halfway from the typing to the stamp go: the stamp and its fringe, and the typing's lightest edge.
  const cut = Math.round((band.dark + band.lo) / 2);
  let erased = 0;
  for (let t = 0; t < seen.length; t++) {
    if (seen[t] || grey[t]! < minGrey) continue;
    const part = component(t, grey, minGrey, seen, cols, rows);
    const x = part.map((i) => i % cols), y = part.map((i) => Math.floor(i / cols));
    const w = (Math.max(...x) - Math.min(...x) + 1) * tile / mm, h = (Math.max(...y) - Math.min(...y) + 1) * tile / mm;
    if (w > MAX_STAMP_MM.w || h > MAX_STAMP_MM.h) continue;
    if (part.reduce((n, i) => n + crossed[i]!, 0) < MIN_CROSSED_CELLS) continue;
    for (const i of grown(part, cols, rows)) erased += whitenLight(r, (i % cols) * tile, Math.floor(i / cols) * tile, tile, cut);
  }
  return erased;
}

/** Whether the pixel at i is inside a flat area of ink (its four neighbours within FLAT of it). */
function flatAt(d: Uint8Array, i: number, w: number): boolean {
  const v = d[i]!;
  return Math.abs(d[i - 1]! - v) <= FLAT && Math.abs(d[i + 1]! - v) <= FLAT && Math.abs(d[i - w]! - v) <= FLAT && Math.abs(d[i + w]! - v) <= FLAT;
}

/** Paper within `reach` on both sides along one axis at least: a stroke, not a solid area. */
function strokeAt(d: Uint8Array, i: number, x: number, y: number, r: Raw, reach: number): boolean {
  const paper = (j: number) => d[j]! > GREY_MAX;
  return (x - reach >= 0 && x + reach < r.width && paper(i - reach) && paper(i + reach)) ||
    (y - reach >= 0 && y + reach < r.height && paper(i - reach * r.width) && paper(i + reach * r.width));
}

/**
 * The grey stamp ink's band, from the flat stroke pixels' histogram: a peak at least MIN_GAP lighter
 * than the typing's flat ink and standing well above its neighbourhood (anti-aliased fringes spread evenly); null when none.
 */
export function greyStampBand(r: Raw, dpi: number): GreyBand | null {
  const { data: d, width, height } = r;
  const mm = dpi / 25.4;
  const hist = new Float64Array(256);
  const reach = Math.round(MAX_STROKE_MM * mm);
  for (let y = 2; y < height - 2; y += 2) {
    for (let x = 2, i = y * width + 2; x < width - 2; x += 2, i += 2) {
      if (d[i]! > GREY_MAX || !flatAt(d, i, width) || !strokeAt(d, i, x, y, r, reach)) continue;
      hist[d[i]!] = hist[d[i]!]! + 1;
    }
  }
  const sum = (a: number, b: number) => { let n = 0; for (let v = Math.max(0, a); v <= Math.min(255, b); v++) n += hist[v]!; return n; };
  // The mode, on levels smoothed over ±4 (a stamp's ink is uneven, JPEG adds ripple).
  let peak = -1, top = 0;
  for (let v = MIN_GAP; v <= GREY_MAX - BAND; v++) {
    const n = sum(v - 4, v + 4);
    if (n > top) { top = n; peak = v; }
  }
  const lo = peak - BAND, hi = peak + BAND;
  const best = sum(lo, hi);
  // At least 15 mm² of flat grey stroke (sampled every 2nd pixel both ways).
  if (peak < 0 || best * 4 < 15 * mm * mm) return null;
  // Stands out: the same width on either side holds under a quarter as much.
  if (sum(lo - 2 * BAND - 1, lo - 1) * 4 > best || sum(hi + 1, hi + 2 * BAND + 1) * 4 > best) return null;
  // The typing: flat ink clearly darker than the band, at least a quarter as much as the stamp's: a big
  // bold stamp over a three-line letter in a thin serif outweighs its typing (blind test AY: the line
  // under it lost). Where the grey is the letter's own, its extent keeps it (eraseGreyStamps).
  const darkCount = sum(0, lo - MIN_GAP + BAND);
  if (darkCount * 4 < best) return null;
  let acc = 0, dark = 0;
  while (dark < lo && (acc += hist[dark]!) < darkCount * 0.9) dark++;
  if (lo - dark < MIN_GAP - BAND) return null;
  return { lo, hi, dark };
}

/** Per tile: flat grey stroke pixels, and 0.7 mm cells holding flat grey and dark ink both. */
function tileCensus(r: Raw, band: GreyBand, mm: number, tile: number, cols: number): { grey: Uint32Array; crossed: Uint32Array } {
  const { data: d, width, height } = r;
  const rows = Math.ceil(height / tile);
  const grey = new Uint32Array(cols * rows), crossed = new Uint32Array(cols * rows);
  const cell = Math.max(4, Math.round(CELL_MM * mm));
  const cellCols = Math.ceil(width / cell);
  const hasGrey = new Uint8Array(cellCols * Math.ceil(height / cell)), hasDark = new Uint8Array(hasGrey.length);
  const reach = Math.round(MAX_STROKE_MM * mm);
  const darkMax = Math.round((band.dark + band.lo) / 2);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const v = d[i]!;
      if (v > band.hi) continue;
      const c = Math.floor(y / cell) * cellCols + Math.floor(x / cell);
      if (v <= darkMax) { hasDark[c] = 1; continue; }
      if (v < band.lo || !flatAt(d, i, width) || !strokeAt(d, i, x, y, r, reach)) continue;
      hasGrey[c] = 1;
      grey[Math.floor(y / tile) * cols + Math.floor(x / tile)]!++;
    }
  }
  for (let c = 0; c < hasGrey.length; c++) {
    if (!hasGrey[c] || !hasDark[c]) continue;
    const cx = (c % cellCols) * cell, cy = Math.floor(c / cellCols) * cell;
    crossed[Math.floor(cy / tile) * cols + Math.floor(cx / tile)]!++;
  }
  return { grey, crossed };
}

/** Tiles of grey ink joined to `start` (8-neighbours, across a one-tile gap: a stamp's letters stand apart). */
function component(start: number, grey: Uint32Array, min: number, seen: Uint8Array, cols: number, rows: number): number[] {
  const out: number[] = [];
  const stack = [start];
  seen[start] = 1;
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    const tx = t % cols, ty = Math.floor(t / cols);
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const x = tx + dx, y = ty + dy, n = y * cols + x;
        if (x < 0 || y < 0 || x >= cols || y >= rows || seen[n] || grey[n]! < min) continue;
        seen[n] = 1;
        stack.push(n);
      }
    }
  }
  return out;
}

/** The tiles and their eight neighbours: a stroke's fringe spills over the tile that holds its inside. */
function grown(part: number[], cols: number, rows: number): Set<number> {
  const out = new Set<number>();
  for (const t of part) {
    const tx = t % cols, ty = Math.floor(t / cols);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const x = tx + dx, y = ty + dy;
      if (x >= 0 && y >= 0 && x < cols && y < rows) out.add(y * cols + x);
    }
  }
  return out;
}

function whitenLight(r: Raw, x0: number, y0: number, size: number, cut: number): number {
  let n = 0;
  for (let y = y0; y < Math.min(r.height, y0 + size); y++) {
    for (let x = x0, i = y * r.width + x0; x < Math.min(r.width, x0 + size); x++, i++) {
      if (r.data[i]! >= cut && r.data[i]! < 255) {
        if (r.data[i]! <= GREY_MAX) n++;
        r.data[i] = 255;
      }
    }
  }
  return n;
}
