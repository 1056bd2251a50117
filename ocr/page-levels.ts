// The contrast stretch's levels: the paper's white point and the ink level, measured so that the
// typing becomes black and the paper white, whatever else is on the page (grain, a stamp's grey,
// the other side showing through, a shadow along an edge).
import { greyHistogram, histogramPercentile, countAtOrBelow } from '../core/grey-pixels.js';
import type { Raw } from './page-image.js';

export interface LevelOptions {
  /** The typing's flat ink level when a grey stamp was found (greyStampBand). */
  typing?: number;
  /** Scanned in grey: a lighter ink (show-through, a stamp) can be there. A black-and-white scan's greys are its resampled edges. */
  greyScan?: boolean;
}

/**
 * Paper level (median: text covers well under half a page), the white point (paper level less
 * twice the paper's grain, robust spread of its darker half, so grain maps to white instead of to
 * speckle that tesseract tries to read) and the ink level (1st percentile). On a short note (under
 * 1 % ink) that percentile landed in the grain (186 on paper 201, ink 120), the stretch was
 * skipped and tesseract found no words; there the ink level comes from the pixels clearly below
 * the grain.
 */
export function levels(data: Uint8Array, hist = greyHistogram(data), o: LevelOptions = {}): { lo: number; paper: number; white: number } {
  const at = (q: number) => histogramPercentile(hist, q, data.length);
  const paper = at(0.5);
  // Half the page is at or above the median; its darker neighbourhood (25th-50th percentile)
  // is paper grain as long as ink covers under a quarter of the page.
  const grain = Math.max(0, (paper - at(0.25)) * 1.48);
  // The 1st percentile is the ink level whenever it lies clearly below the grain (ink covers over
  // 1 % of the page); on a sparse note it is grain, and the darker tail is looked at instead.
  const cut = paper - Math.max(24, 5 * grain);
  const first = at(0.01);
  const ink = inkLevel(hist, data.length, cut);
  // On a sparse grey scan a lighter grey that covers more of it than the typing (the other side
  // showing through) holds the 1st percentile, and stretched from there it came out as dark as the
  // typing (blind test AO: 64 % of a letter's words read). The typing's own level is taken then. On
  // a black-and-white scan the 1st percentile is its strokes' resampled edges, and stretching from
  // there thickens them, which its thin strokes read better with (bench: three such pages read worse).
  const lighter = o.greyScan === true && ink !== null && first - ink > LIGHTER_INK_GAP;
  const level = first >= cut ? (ink ?? first) : lighter ? ink : first;
  // A grey stamp on a sparse page holds the 1st percentile: stretched from there it turns black like the typing.
  const lo = o.typing === undefined ? level : Math.min(level, o.typing);
  const white = Math.max(Math.round((lo + paper) / 2), Math.round(paper - 2 * grain));
  return { lo, paper, white };
}

/** 1st percentile this much lighter than the darkest ink's level: a second, lighter ink. */
const LIGHTER_INK_GAP = 60;

/**
 * Grey level at INK_QUANTILE of the pixels darker than `cut` (ink, anti-aliased edges, specks);
 * null when there are too few of them to be text. On a note it lands in the strokes, darker than
 * their anti-aliased edges.
 */
const INK_QUANTILE = 0.15;
const MIN_INK_SHARE = 0.0002;
function inkLevel(hist: Uint32Array, total: number, cut: number): number | null {
  const dark = countAtOrBelow(hist, Math.ceil(cut) - 1);
  if (dark < total * MIN_INK_SHARE) return null;
  // The quantile of the dark pixels alone is reached before `cut`, so the whole histogram can be scanned.
  return histogramPercentile(hist, INK_QUANTILE, dark);
}

/** Band along each edge where a scanner's lid, a book's spine or a curled sheet leaves its shadow. */
const EDGE_BAND = 0.06;
/** The page's ink level this much darker than the inner page's: the darkest ink is a shadow at the edge. */
const EDGE_INK_GAP = 60;

/**
 * Levels of the page, or of the page within EDGE_BAND of its edges when the darkest ink of a grey
 * scan lies only there: a spine's shadow set the ink level, and faded typing stayed light grey
 * (blind test AO: 69 % of a letter's words, 82 % with the inner page's levels). On the bench's grey
 * pages punch holes and edge shadows put the two 25-60 apart, and no page crosses the gap.
 */
export function pageLevels(r: Raw, hist: Uint32Array | null, o: LevelOptions): { lo: number; paper: number; white: number } {
  const whole = levels(r.data, hist ?? undefined, o);
  if (!o.greyScan) return whole;
  const inner = levels(innerPixels(r, EDGE_BAND), undefined, o);
  return inner.lo - whole.lo > EDGE_INK_GAP ? inner : whole;
}

/** The page's pixels without a band of `share` of its size along each edge. */
function innerPixels(r: Raw, share: number): Uint8Array {
  const x0 = Math.round(r.width * share), x1 = r.width - x0, y0 = Math.round(r.height * share), y1 = r.height - y0;
  const out = new Uint8Array((x1 - x0) * (y1 - y0));
  for (let y = y0, k = 0; y < y1; y++, k += x1 - x0) out.set(r.data.subarray(y * r.width + x0, y * r.width + x1), k);
  return out;
}
