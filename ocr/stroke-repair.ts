// Broken thin strokes (worn typewriter ribbons, thin toner, a bitonal scanner threshold set too
// high) leave letters as scatters of dots that tesseract cannot join. Measured on the fixture
// samples (ocr/README.md): such pages are told apart by how much of their ink sits in tiny pieces,
// and a blur followed by a generous threshold joins the pieces again.
import { fromRaw, toRaw, type Raw } from './page-image.js';
import { countAtOrBelow, greyHistogram, otsuFromHistogram } from '../core/grey-pixels.js';
import { forEachInkPiece } from './ink-pieces.js';

/** A piece of ink up to 0.02 × 0.02 in (16 px at 200 dpi): a dot, a comma, or a broken stroke. */
const TINY_AREA_IN2 = 0.02 * 0.02;
/**
 * Share of ink in tiny pieces above which strokes are repaired. Measured on 46 sample pages: whole
 * letters 0.002-0.10 (speckled, bitonal, 200 dpi and typewriter pages included), broken-stroke
 * typewriter pages 0.45-0.64; rendered faint typewriter pages 0.17 (straight) to 0.54 (skewed).
 * Forcing the repair on clean 11 pt pages left their reading unchanged, so a false alarm is cheap.
 */
export const FRAGMENTED_INK_SHARE = 0.15;
/** Blur radius at 300 dpi: bridges the 1-3 px gaps of a broken stroke at that resolution. */
const BRIDGE_SIGMA_300 = 2;
/** Grey level below which the blurred page counts as ink: generous, so bridged gaps stay ink. */
const BRIDGE_THRESHOLD = 215;

/**
 * Share of the page's ink (Otsu) lying in 8-connected pieces smaller than TINY_AREA_IN2.
 * Computed at the scanned resolution, after speckle removal, so salt-and-pepper noise does not
 * count as broken text. `hist` is the page's grey histogram when the caller already has one.
 */
export function fragmentedInkShare(r: Raw, dpi: number, hist = greyHistogram(r.data)): number {
  const t = otsuFromHistogram(hist);
  const inkTotal = countAtOrBelow(hist, t);
  if (inkTotal === 0) return 0;
  const tinyArea = TINY_AREA_IN2 * dpi * dpi;
  let inTiny = 0;
  forEachInkPiece(r, t, (p) => {
    if (p.area <= tinyArea) inTiny += p.area;
  }, inkTotal);
  return inTiny / inkTotal;
}

/**
 * Joins broken strokes: a gaussian blur spreads each ink piece into its gaps, and a threshold
 * near paper white keeps the bridged gaps as ink. Strokes come out ~2 px bolder at 300 dpi,
 * which typewriter text at 10-12 pitch tolerates; on clean thin text it would merge letters,
 * hence only on pages measured as fragmented.
 */
export async function bridgeStrokes(r: Raw, dpi: number): Promise<Raw> {
  const sigma = Math.max(0.5, (BRIDGE_SIGMA_300 * dpi) / 300);
  return toRaw(fromRaw(r).blur(sigma).threshold(BRIDGE_THRESHOLD));
}
