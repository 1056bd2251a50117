// Page geometry from ink projection profiles, on a small binarised copy of the page (pure code,
// no image library): skew angle and whether the text lines run across or down the page.
import { greyHistogram, otsuFromHistogram } from '../core/grey-pixels.js';

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(grey: Uint8Array): number {
  return otsuFromHistogram(greyHistogram(grey));
}

export interface Ink {
  xs: Float64Array;
  ys: Float64Array;
}

/** Coordinates of ink pixels (darker than the threshold). */
export function inkPoints(grey: Uint8Array, width: number, threshold: number): Ink {
  let n = 0;
  for (let i = 0; i < grey.length; i++) if (grey[i]! <= threshold) n++;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < grey.length; i++)
    if (grey[i]! <= threshold) {
      xs[k] = i % width;
      ys[k++] = Math.floor(i / width);
    }
  return { xs, ys };
}

/**
 * A copy of the page with ink attached to its border set to paper: everything dark within
 * `margin` px of an edge, and each dark run that reaches inward from there along a row (left and
 * right edges) or a column (top and bottom). A scanner lid shadow or the dark edge of the sheet is
 * one long bar; left in, it outweighed the text lines and an upright page was turned sideways.
 * Text keeps a margin wider than this band, so it is not touched.
 */
export function clearEdgeInk(grey: Uint8Array, width: number, height: number, threshold: number, margin: number): Uint8Array {
  const out = Uint8Array.from(grey);
  const m = Math.max(1, Math.min(margin, Math.floor(width / 4), Math.floor(height / 4)));
  // Clears pixel i and walks on by `step` while ink continues; `n` pixels along the line.
  const sweep = (start: number, step: number, n: number) => {
    let attached = false;
    for (let k = 0; k < n; k++) {
      const i = start + k * step;
      const ink = grey[i]! <= threshold;
      if (k >= m && !(attached && ink)) return;
      if (ink) out[i] = 255;
      attached = ink;
    }
  };
  for (let y = 0; y < height; y++) {
    sweep(y * width, 1, width);
    sweep(y * width + width - 1, -1, width);
  }
  for (let x = 0; x < width; x++) {
    sweep(x, width, height);
    sweep((height - 1) * width + x, -width, height);
  }
  return out;
}

/** Ink count per offset when the ink is projected along `angleDeg` (clockwise). */
function project(ink: Ink, angleDeg: number): Float64Array {
  const n = ink.xs.length;
  const t = Math.tan((angleDeg * Math.PI) / 180);
  let min = Infinity;
  let max = -Infinity;
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.round(ink.ys[i]! - ink.xs[i]! * t);
    pos[i] = p;
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const raw = new Float64Array(max - min + 1);
  for (let i = 0; i < n; i++) raw[pos[i]! - min] = raw[pos[i]! - min]! + 1;
  return raw;
}

/**
 * Projections already made of one ink set, by angle: the orientation search (smoothed) and the
 * skew search (unsmoothed) look at the same angles, and projecting is most of their cost.
 */
export type Projections = Map<number, Float64Array>;

/**
 * How sharply ink concentrates into lines when projected along `angleDeg` (clockwise):
 * sum(h^2) * extent / (sum h)^2. It is 1 for ink spread evenly and grows with line structure;
 * the extent is taken between the 1st and 99th ink percentile so stray speckles do not dilute it.
 */
function lineStructure(ink: Ink, angleDeg: number, smooth: number, seen?: Projections): number {
  const n = ink.xs.length;
  if (n < 50) return 0;
  const key = Math.round(angleDeg * 1000);
  let raw = seen?.get(key);
  if (!raw) {
    raw = project(ink, angleDeg);
    seen?.set(key, raw);
  }
  const hist = smooth > 1 ? boxSmooth(raw, smooth) : raw;
  let sq = 0;
  for (const h of hist) sq += h * h;
  let acc = 0;
  let lo = 0;
  let hi = hist.length - 1;
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i]!;
    if (acc < n * 0.01) lo = i + 1;
    if (acc <= n * 0.99) hi = i + 1;
  }
  const extent = Math.max(1, Math.min(hist.length - 1, hi) - lo + 1);
  return (sq * extent) / (n * n);
}

/** Running mean over `w` bins: keeps line-scale structure, drops letter- and word-gap ripple. */
function boxSmooth(h: Float64Array, w: number): Float64Array {
  const out = new Float64Array(h.length);
  const half = Math.floor(w / 2);
  let acc = 0;
  for (let i = 0; i < h.length + half; i++) {
    if (i < h.length) acc += h[i]!;
    if (i - w >= 0) acc -= h[i - w]!;
    if (i - half >= 0 && i - half < h.length) out[i - half] = acc / w;
  }
  return out;
}

/**
 * Best skew angle in [-range, range]: coarse 0.5° steps, then 0.05° steps around the best.
 * `seen` shares projections between searches over the same ink (pass one Map per ink set).
 */
export function estimateSkew(ink: Ink, range = 10, smooth = 0, seen?: Projections): { angle: number; score: number } {
  let best = { angle: 0, score: lineStructure(ink, 0, smooth, seen) };
  const search = (from: number, to: number, step: number) => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const score = lineStructure(ink, a, smooth, seen);
      if (score > best.score) best = { angle: a, score };
    }
  };
  search(-range, range, 0.5);
  const c = best.angle;
  search(c - 0.5, c + 0.5, 0.05);
  return { angle: Math.round(best.angle * 100) / 100, score: best.score };
}

/** The ink profile along `angleDeg` (1 bin per pixel row of the straightened page), reusing `seen`. */
export function profileAt(ink: Ink, angleDeg: number, seen?: Projections): Float64Array {
  const key = Math.round(angleDeg * 1000);
  const raw = seen?.get(key) ?? project(ink, angleDeg);
  seen?.set(key, raw);
  return raw;
}

/**
 * Which way up the text lines stand, from a profile across them at `pxPerInch`: ink above each
 * line's x-height band (ascenders, capitals, accents) against ink below it (descenders). Latin
 * script, Polish included, carries more above than below, so upright text gives above/below > 1
 * and text turned 180° gives < 1. Only bands of text-line height count (0.04-0.4 in): a shadow
 * along the sheet edge lifts every row of the profile into one tall band, which is no line.
 * `lines` counts the lines measured and `coverage` is their share of the ink; with few lines or
 * little coverage the ratio means little.
 */
export function ascenderRatio(profile: Float64Array, pxPerInch: number): { ratio: number; lines: number; coverage: number } {
  const sorted = Float64Array.from(profile).sort();
  const gap = 0.1 * (sorted[Math.floor(sorted.length * 0.95)] ?? 0);
  const [minH, maxH] = [0.04 * pxPerInch, 0.4 * pxPerInch];
  let above = 0;
  let below = 0;
  let lines = 0;
  let inLines = 0;
  let total = 0;
  for (const h of profile) total += h;
  for (let a = 0; a < profile.length; ) {
    if (profile[a]! <= gap) {
      a++;
      continue;
    }
    let b = a;
    let peak = 0;
    for (; b + 1 < profile.length && profile[b + 1]! > gap; b++) peak = Math.max(peak, profile[b]!);
    peak = Math.max(peak, profile[b]!);
    let c0 = a;
    while (profile[c0]! < 0.4 * peak) c0++;
    let c1 = b;
    while (profile[c1]! < 0.4 * peak) c1--;
    if (b - a + 1 >= minH && b - a + 1 <= maxH) {
      lines++;
      for (let i = a; i <= b; i++) inLines += profile[i]!;
      for (let i = a; i < c0; i++) above += profile[i]!;
      for (let i = c1 + 1; i <= b; i++) below += profile[i]!;
    }
    a = b + 1;
  }
  return { ratio: above / Math.max(1, below), lines, coverage: inLines / Math.max(1, total) };
}

/** The same ink seen with the page turned a quarter (rows become columns). */
export function transpose(ink: Ink): Ink {
  return { xs: ink.ys, ys: ink.xs };
}
