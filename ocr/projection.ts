// Page geometry from ink projection profiles, on a small binarised copy of the page (pure code,
// no image library): skew angle and whether the text lines run across or down the page.

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(grey: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) hist[grey[i]!] = hist[grey[i]!]! + 1;
  const total = grey.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sumAll - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
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

/**
 * How sharply ink concentrates into lines when projected along `angleDeg` (clockwise):
 * sum(h^2) * extent / (sum h)^2. It is 1 for ink spread evenly and grows with line structure;
 * the extent is taken between the 1st and 99th ink percentile so stray speckles do not dilute it.
 */
function lineStructure(ink: Ink, angleDeg: number, smooth = 0): number {
  const n = ink.xs.length;
  if (n < 50) return 0;
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

/** Best skew angle in [-range, range]: coarse 0.5° steps, then 0.05° steps around the best. */
export function estimateSkew(ink: Ink, range = 10, smooth = 0): { angle: number; score: number } {
  let best = { angle: 0, score: lineStructure(ink, 0, smooth) };
  const search = (from: number, to: number, step: number) => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const score = lineStructure(ink, a, smooth);
      if (score > best.score) best = { angle: a, score };
    }
  };
  search(-range, range, 0.5);
  const c = best.angle;
  search(c - 0.5, c + 0.5, 0.05);
  return { angle: Math.round(best.angle * 100) / 100, score: best.score };
}

/** The same ink seen with the page turned a quarter (rows become columns). */
export function transpose(ink: Ink): Ink {
  return { xs: ink.ys, ys: ink.xs };
}
