// Measurements on a despeckled ~100 dpi greyscale page, relative to the paper's own brightness
// so that grey recycled paper, coloured forms and dim scanners are judged alike.
import type { GreyImage } from './qr-reader.js';
import { countContentClusters } from './ink-components.js';

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
}

/** Scanner edges, shadows and punch holes live in this band; it does not count for blank/ink. */
const MARGIN = 0.05;
const EDGE_SKIP = 0.01; // outermost band: scanner edge lines
const EDGE_DEPTH = 0.04;
const CUT_MIN_COVER = 0.15;
const CUT_MAX_COVER = 0.9; // an unbroken dark band is backing/lid, not text
const CUT_MIN_RUNS = 3; // text cut at the edge shows as many separate runs

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
  if (total === 0) return { paper: 255, inkRatio: 0, faintRatio: 0, contentClusters: 0, contrast: 255, cutEdges: 0 };
  const paper = percentile(hist, total, 0.9);
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
    contrast = paper - percentile(dark, faint, 0.1);
  }
  const isInk = (x: number, y: number): boolean => data[y * w + x]! < inkT;
  const cutEdges = [
    edgeCut(w, h, (p, d) => isInk(p, d)), // top
    edgeCut(w, h, (p, d) => isInk(p, h - 1 - d)), // bottom
    edgeCut(h, w, (p, d) => isInk(d, p)), // left
    edgeCut(h, w, (p, d) => isInk(w - 1 - d, p)), // right
  ].filter(Boolean).length;
  const iw = w - 2 * mx, ih = h - 2 * my;
  const mask = new Uint8Array(iw * ih);
  for (let y = 0; y < ih; y++) for (let x = 0; x < iw; x++) mask[y * iw + x] = data[(y + my) * w + x + mx]! < faintT ? 1 : 0;
  const contentClusters = countContentClusters(mask, iw, ih, { pxPerMm });
  return { paper, inkRatio: ink / total, faintRatio: faint / total, contentClusters, contrast, cutEdges };
}

function percentile(hist: number[], total: number, q: number): number {
  let acc = 0;
  const target = total * q;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

/** length: pixels along the edge; depthDim: the perpendicular dimension. */
function edgeCut(length: number, depthDim: number, ink: (pos: number, depth: number) => boolean): boolean {
  const d0 = Math.floor(depthDim * EDGE_SKIP), d1 = Math.max(d0 + 1, Math.ceil(depthDim * EDGE_DEPTH));
  const p0 = Math.floor(length * MARGIN), p1 = length - p0;
  let covered = 0, runs = 0, prev = false;
  for (let p = p0; p < p1; p++) {
    let hit = false;
    for (let d = d0; d < d1 && !hit; d++) hit = ink(p, d);
    if (hit) covered++;
    if (hit && !prev) runs++;
    prev = hit;
  }
  const cover = covered / Math.max(1, p1 - p0);
  return cover >= CUT_MIN_COVER && cover < CUT_MAX_COVER && runs >= CUT_MIN_RUNS;
}
