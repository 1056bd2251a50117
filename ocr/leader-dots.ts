// Forms print dotted (or dashed) lines to write on: "Imię i nazwisko: ......Halina Wróblewska......".
// Tesseract's layout analysis takes a text line sitting on such a chain of dots for noise and drops
// it whole, label and value (blind test H: name, customer number, address and phone of five forms
// gone; the same forms with solid lines read fully). The chains are found as long, evenly spaced
// runs of dot-sized ink pieces on one level and erased before the page is read.
import { whiten, type Raw } from './page-image.js';
import { forEachInkPiece } from './ink-pieces.js';

/** A dot or a leader dash: at most this tall, and at most DOT_MAX_W_MM (dash: DASH_MAX_W_MM) wide. */
const DOT_MAX_H_MM = 0.7;
const DOT_MAX_W_MM = 0.7;
const DASH_MAX_W_MM = 2.5;
/** Next piece of a chain: centre at most this far to the right, and this far up or down. */
const LINK_DX_MM = 3;
const LINK_DY_MM = 0.35;
/** A chain this long is a line to write on; the "..." of prose is three dots, i-dots are irregular. */
const MIN_DOTS = 10;
const MIN_EXTENT_MM = 15;
/** Coefficient of variation of the gaps: leader dots are printed evenly, diacritics are not. */
const MAX_GAP_CV = 0.35;

interface Piece {
  x0: number; y0: number; x1: number; y1: number; cx: number; cy: number;
}

/** Ink pieces no bigger than a dash. */
function smallPieces(r: Raw, threshold: number, maxW: number, maxH: number): Piece[] {
  const out: Piece[] = [];
  forEachInkPiece(r, threshold, ({ x0, y0, x1, y1 }) => {
    if (x1 - x0 < maxW && y1 - y0 < maxH) out.push({ x0, y0, x1, y1, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 });
  });
  return out;
}

/** Chains of pieces, each linked to the nearest piece to its right on the same level. */
function chains(pieces: Piece[], linkDx: number, linkDy: number): Piece[][] {
  const byX = [...pieces].sort((a, b) => a.cx - b.cx);
  const next = new Map<Piece, Piece>();
  const hasPrev = new Set<Piece>();
  for (let i = 0; i < byX.length; i++) {
    const p = byX[i]!;
    let best: Piece | null = null;
    for (let j = i + 1; j < byX.length && byX[j]!.cx - p.cx <= linkDx; j++) {
      const q = byX[j]!;
      if (q.cx > p.cx && Math.abs(q.cy - p.cy) <= linkDy && !hasPrev.has(q) && (!best || q.cx < best.cx)) best = q;
    }
    if (best) (next.set(p, best), hasPrev.add(best));
  }
  const out: Piece[][] = [];
  for (const p of byX) {
    if (hasPrev.has(p)) continue;
    const chain = [p];
    for (let q = next.get(p); q; q = next.get(q)) chain.push(q);
    out.push(chain);
  }
  return out;
}

function regular(chain: Piece[]): boolean {
  const gaps = chain.slice(1).map((p, i) => p.cx - chain[i]!.cx);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
  return mean > 0 && sd / mean <= MAX_GAP_CV;
}

/**
 * Erases dotted and dashed writing lines (set to white, with a pixel of margin for the dots'
 * anti-aliased rims); `threshold` is the page's ink level. Returns the number of dots erased.
 */
export function eraseLeaderDots(r: Raw, dpi: number, threshold: number): number {
  const mm = dpi / 25.4;
  const pieces = smallPieces(r, threshold, Math.round(DASH_MAX_W_MM * mm), Math.round(DOT_MAX_H_MM * mm));
  const dotW = DOT_MAX_W_MM * mm;
  let erased = 0;
  for (const kind of [(p: Piece) => p.x1 - p.x0 < dotW, (p: Piece) => p.x1 - p.x0 >= dotW]) {
    for (const chain of chains(pieces.filter(kind), LINK_DX_MM * mm, LINK_DY_MM * mm)) {
      if (chain.length < MIN_DOTS || chain.at(-1)!.cx - chain[0]!.cx < MIN_EXTENT_MM * mm || !regular(chain)) continue;
      for (const p of chain) {
        whiten(r, p.x0 - 1, p.x1 + 1, p.y0 - 1, p.y1 + 1);
        erased++;
      }
    }
  }
  return erased;
}
