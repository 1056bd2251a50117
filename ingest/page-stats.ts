// Measurements on a despeckled ~100 dpi greyscale page, relative to the paper's own brightness
// so that grey recycled paper, coloured forms and dim scanners are judged alike.
import type { GreyImage } from './qr-reader.js';
import { countContentClusters } from './ink-components.js';
import { histogramPercentile } from '../core/grey-pixels.js';

export interface PageStats {
  /** Brightness of the paper (90th percentile of the interior), 0..255. */
  paper: number;
  /** Interior share darker than 60% of paper brightness: real ink. */
  inkRatio: number;
  /** Interior share at least FAINT_DELTA levels below paper: includes faint writing (and strong show-through). */
  faintRatio: number;
  /** Writing-like ink clusters (text lines, words, signatures) in the interior, faint ones included. */
  contentClusters: number;
  /** Paper minus the darkest tenth of the faint pixels; 255 when there is nothing to judge. */
  contrast: number;
  /** Edges where ink crosses the border band as broken-up content (text running off the page). */
  cutEdges: number;
  /** Millimetres of paper below the lowest ink (a page cut between lines ends with no bottom margin). */
  bottomGapMm: number;
}

/** Scanner edges, shadows and punch holes live in this band; it does not count for blank/ink. */
const MARGIN = 0.05;
// Cut-off content reaches the very edge of the image. Receipt stamps in the top margin come within
// a few mm but are one border line there; text running off the glass crosses as many short runs.
const EDGE_SKIP_MM = 0.5; // the outermost pixels: resampling seams, 1-px scanner lines
const EDGE_DEPTH_MM = 2;
/** Gaps shorter than this do not split a run: a slanted stamp border breaks into stair-steps at 100 dpi. */
const RUN_GAP_MM = 1;
const CUT_MIN_COVER = 0.05; // glyph strokes cover only part of a 1.5 mm band even where every line is cut
const CUT_MAX_COVER = 0.9; // an unbroken dark band is backing, lid or edge shadow, not text
const CUT_MIN_RUNS = 6;
const CROSS_SHARE = 0.5; // measured: stamp borders reach 1-2 of 6 depth px at 100 dpi, cut glyphs 3-6
/** Ink pixels (at ~100 dpi, after the median) that make a row content rather than a lone speck. */
const BOTTOM_INK_MIN = 3;

/** Noise left after the median is a few levels; show-through of the back side is usually fainter than this. */
const FAINT_DELTA = 25;

export function measurePage(img: GreyImage, pxPerMm: number): PageStats {
  const { data, width: w, height: h } = img;
  const mx = Math.floor(w * MARGIN), my = Math.floor(h * MARGIN);
  const hist = new Array<number>(256).fill(0);
  let total = 0;
  for (let y = my; y < h - my; y++) {
    for (let x = mx; x < w - mx; x++) { hist[data[y * w + x]!]!++; total++; }
  }
  if (total === 0) return { paper: 255, inkRatio: 0, faintRatio: 0, contentClusters: 0, contrast: 255, cutEdges: 0, bottomGapMm: h / pxPerMm };
  const paper = histogramPercentile(hist, 0.9, total);
  const inkT = paper * 0.6;
  const faintT = paper - FAINT_DELTA;
  let ink = 0, faint = 0;
  for (let v = 0; v < 256; v++) {
    if (v < inkT) ink += hist[v]!;
    if (v < faintT) faint += hist[v]!;
  }
  let contrast = 255;
  if (faint >= 50) {
    const dark = hist.map((c, v) => (v < faintT ? c : 0));
    contrast = paper - histogramPercentile(dark, 0.1, faint);
  }
  const isInk = (x: number, y: number): boolean => data[y * w + x]! < inkT;
  const d0 = Math.round(EDGE_SKIP_MM * pxPerMm), d1 = Math.max(d0 + 1, Math.round(EDGE_DEPTH_MM * pxPerMm));
  const gap = Math.max(1, Math.round(RUN_GAP_MM * pxPerMm));
  const cutEdges = [
    edgeCut(w, d0, d1, gap, (p, d) => isInk(p, d)), // top
    edgeCut(w, d0, d1, gap, (p, d) => isInk(p, h - 1 - d)), // bottom
    edgeCut(h, d0, d1, gap, (p, d) => isInk(d, p)), // left
    edgeCut(h, d0, d1, gap, (p, d) => isInk(w - 1 - d, p)), // right
  ].filter(Boolean).length;
  const iw = w - 2 * mx, ih = h - 2 * my;
  const mask = new Uint8Array(iw * ih);
  for (let y = 0; y < ih; y++) for (let x = 0; x < iw; x++) mask[y * iw + x] = data[(y + my) * w + x + mx]! < faintT ? 1 : 0;
  const contentClusters = countContentClusters(mask, iw, ih, { pxPerMm });
  return { paper, inkRatio: ink / total, faintRatio: faint / total, contentClusters, contrast, cutEdges, bottomGapMm: bottomGap(w, h, d0, mx, (x, y) => data[y * w + x]! < faintT) / pxPerMm };
}

/**
 * Rows of paper between the bottom edge (past its outermost `skip` rows) and the lowest row of ink within
 * the side margins; faint ink counts, as for content: thin type at ~100 dpi is light grey.
 */
function bottomGap(w: number, h: number, skip: number, mx: number, ink: (x: number, y: number) => boolean): number {
  for (let y = h - 1 - skip; y >= 0; y--) {
    let n = 0;
    for (let x = mx; x < w - mx; x++) if (ink(x, y)) n++;
    // A few pixels of ink, not a band across the whole width (edge shadow, the scanner's backing).
    if (n >= BOTTOM_INK_MIN && n < CUT_MAX_COVER * (w - 2 * mx)) return h - 1 - y;
  }
  return h;
}

/** length: pixels along the edge; [d0, d1): the band inspected, in pixels from the edge. */
function edgeCut(length: number, d0: number, d1: number, gap: number, ink: (pos: number, depth: number) => boolean): boolean {
  const p0 = Math.floor(length * MARGIN), p1 = length - p0;
  let covered = 0, runs = 0, lastHit = -Infinity, runCrosses = false;
  for (let p = p0; p < p1; p++) {
    let depth = 0;
    for (let d = d0; d < d1; d++) if (ink(p, d)) depth++;
    if (depth === 0) continue;
    covered++;
    if (p - lastHit > gap) {
      if (runCrosses) runs++;
      runCrosses = false;
    }
    // Content cut by the edge crosses the whole band somewhere in each run; a stamp border or a
    // fold parallel to the edge only ever touches one or two depths of it.
    if (depth >= CROSS_SHARE * (d1 - d0)) runCrosses = true;
    lastHit = p;
  }
  if (runCrosses) runs++;
  const cover = covered / Math.max(1, p1 - p0);
  return cover >= CUT_MIN_COVER && cover < CUT_MAX_COVER && runs >= CUT_MIN_RUNS;
}
