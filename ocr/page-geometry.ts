// Page geometry for preparation: quarter turns, 180° when the line shapes say so, and skew, all
// measured on a ~100 dpi binarised copy (projection.ts) and applied to the full-resolution page.
import type { Rotation } from './ports.js';
import { fromRaw, toRaw, type Raw } from './page-image.js';
import { ascenderRatio, clearEdgeInk, estimateSkew, inkPoints, profileAt, transpose, type Projections } from './projection.js';
import { greyHistogram, inkThreshold } from '../core/grey-pixels.js';
import { clearSolidInk } from './solid-ink.js';

const ANALYSIS_DPI = 100;
/** Line structure across the page must beat along it by this factor before turning the page. */
const SIDEWAYS_MARGIN = 1.15;
/** Profile smoothing for the orientation decision: 0.05 in, about a word gap, at ANALYSIS_DPI. */
const ORIENTATION_SMOOTH = 5;
const MIN_SKEW = 0.2;
/** Border band (share of the short side, ~2 mm on A4): ink reaching into it is shadow or sheet edge. */
const EDGE_BAND = 0.01;
/**
 * Ascender/descender ratio below which a page is turned 180° before reading (see ascenderRatio).
 * Measured (ocr/README.md) on the 159 bench pages: upright 0.49-8 (median 2.5), upside down
 * 0.00-0.70 (median 0.25); on 60 held-out letters (seed 77): upright from 0.67, upside down
 * 0.11-1.04. Below 0.35 only upside-down pages were seen. A wrong turn costs one read, not the
 * text: read-page still reads a low-confidence page turned back and keeps the better reading.
 */
const UPSIDE_DOWN_BELOW = 0.35;
/** Fewer text lines than this and the ratio is left alone (a note, a stamp, a signature). */
const MIN_CUE_LINES = 4;
/** Share of the ink that must lie in those lines (not in shadows, folds, drawings). */
const MIN_CUE_COVERAGE = 0.5;

export interface Straightened {
  r: Raw;
  rotation: Rotation;
  skewDegrees: number;
  /** The pixels changed in value (resampled by a skew correction), not only moved. */
  resampled: boolean;
}

async function analyse(r: Raw, dpi: number) {
  const scale = Math.min(1, ANALYSIS_DPI / dpi);
  const pxPerInch = dpi * scale;
  const small = await toRaw(fromRaw(r).resize(Math.max(1, Math.round(r.width * scale))));
  const t = inkThreshold(greyHistogram(small.data));
  const margin = Math.round(EDGE_BAND * Math.min(small.width, small.height));
  const lines = clearSolidInk(clearEdgeInk(small.data, small.width, small.height, t, margin), small.width, small.height, t, pxPerInch);
  const ink = inkPoints(lines, small.width, t);
  return { ink, inkShare: ink.xs.length / small.data.length, pxPerInch };
}

/** Turns the page so its text lines run across, upright when the line shapes are clear, and level. */
export async function straighten(r: Raw, dpi: number): Promise<Straightened> {
  let { ink, inkShare, pxPerInch } = await analyse(r, dpi);
  // A blank or nearly blank page has no lines to measure; leave it as scanned.
  if (inkShare <= 0.001) return { r, rotation: 0, skewDegrees: 0, resampled: false };
  let rotation: Rotation = 0;
  // Orientation compares smoothed profiles: unsmoothed, the letter gaps along a lone line of
  // text look like line structure across it, and such pages were turned sideways.
  let seen: Projections = new Map();
  const along = estimateSkew(ink, 10, ORIENTATION_SMOOTH, seen);
  const across = estimateSkew(transpose(ink), 10, ORIENTATION_SMOOTH);
  if (across.score > along.score * SIDEWAYS_MARGIN) {
    rotation = 90;
    r = await toRaw(fromRaw(r).rotate(90));
    ({ ink } = await analyse(r, dpi));
    seen = new Map();
  }
  const skew = estimateSkew(ink, 10, 0, seen);
  // The profile at the skew angle is the straightened page's: its lines show which way up it is.
  const cue = ascenderRatio(profileAt(ink, skew.angle, seen), pxPerInch);
  const flip = cue.lines >= MIN_CUE_LINES && cue.coverage >= MIN_CUE_COVERAGE && cue.ratio < UPSIDE_DOWN_BELOW;
  if (flip) rotation = ((rotation + 180) % 360) as Rotation;
  if (Math.abs(skew.angle) < MIN_SKEW) {
    if (flip) r = await toRaw(fromRaw(r).rotate(180));
    return { r, rotation, skewDegrees: 0, resampled: false };
  }
  const { width, height } = r;
  // One resampling does both the skew correction and the half turn.
  const turned = await toRaw(fromRaw(r).rotate((flip ? 180 : 0) - skew.angle, { background: '#ffffff' }));
  // Crop back to the scanned size so the page keeps its paper format.
  const left = Math.max(0, Math.floor((turned.width - width) / 2));
  const top = Math.max(0, Math.floor((turned.height - height) / 2));
  r = await toRaw(fromRaw(turned).extract({ left, top, width, height }));
  return { r, rotation, skewDegrees: skew.angle, resampled: true };
}
