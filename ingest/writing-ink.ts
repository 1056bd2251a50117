// Coloured ink that is the letter's content: values written in pen on a printed form, line after
// line. A stamp or a signature is one compact mark; writing comes in many separate rows down the
// page. Pen ink found so is kept wherever it meets the typing or a form's rules, as the page-wide
// census keeps a letter written wholly in pen. Blind test AK: once a letterhead's bands stopped
// counting as coloured ink, the forms' pen values near the labels, comb boxes and a receipt stamp
// were dropped with the stamp (32 of 36 forms matched -> 11).
import { HUE_TOLERANCE, MAX_INKS, hueDistance, nextHueCluster } from './under-stamp.js';

/** Samples that make an ink worth judging, and a row band occupied. */
const MIN_SAMPLES = 100;
const BAND_SAMPLES = 6;
/** Row bands per page height (a band is 1.5 mm at 300 dpi), and separate runs of bands that make writing. */
export const BANDS = 200;
export const WRITING_RUNS = 5;
/**
 * Runs that make writing when the ink's weakly coloured pixels count too: dark ink keeps little
 * chroma on a JPEG (a letter typed in dark green, chroma 20-40, was taken for a stamp over black
 * typing and every line dropped: blind test AN). Twice the rows, so that a letterhead, a stamp and
 * a signature in one blue stay marks.
 */
const WEAK_WRITING_RUNS = 10;

/**
 * Hues (degrees) of the page's coloured inks that are written content: samples (hue, row) of
 * coloured strokes over the whole page, grouped by hue, each group spread over at least
 * WRITING_RUNS runs of occupied row bands with empty bands between them when only fully coloured
 * samples (`full`) count, WEAK_WRITING_RUNS when all do.
 */
export function writingInks(hues: Float32Array, rows: Uint16Array, full: Uint8Array, count: number, height: number): number[] {
  const strong = writingOf(hues, rows, count, height, WRITING_RUNS, full);
  const weak = writingOf(hues, rows, count, height, WEAK_WRITING_RUNS, null);
  return [...strong, ...weak.filter((h) => !strong.some((s) => hueDistance(s, h) <= HUE_TOLERANCE))];
}

function writingOf(hues: Float32Array, rows: Uint16Array, count: number, height: number, minRuns: number, only: Uint8Array | null): number[] {
  const out: number[] = [];
  const taken = only ? Uint8Array.from(only, (v) => 1 - v) : new Uint8Array(count);
  for (let round = 0; round < MAX_INKS; round++) {
    const cluster = nextHueCluster(hues, count, taken, MIN_SAMPLES / 3, 0);
    if (!cluster) break;
    if (cluster.members.length < MIN_SAMPLES) continue;
    const bands = new Uint16Array(BANDS);
    // Rows were sampled every 2nd row and stored halved.
    for (const k of cluster.members) bands[bandOf(rows[k]! * 2, height)]!++;
    if (rowRuns(bands, BAND_SAMPLES) >= minRuns) out.push(cluster.hue);
  }
  return out;
}

/** The row band (of BANDS down the page) a pixel row lies in. */
export const bandOf = (row: number, height: number): number => Math.min(BANDS - 1, Math.floor((row * BANDS) / Math.max(1, height)));

/** Separate runs of occupied bands (at least `minSamples`), with empty bands between them. */
export function rowRuns(bands: Uint16Array, minSamples: number): number {
  let runs = 0;
  for (let b = 0; b < bands.length; b++) if (bands[b]! >= minSamples && (b === 0 || bands[b - 1]! < minSamples)) runs++;
  return runs;
}

/** Whether a coloured pixel of this hue belongs to one of the page's writing inks. */
export const isWriting = (writing: readonly number[], hue: number): boolean => writing.some((h) => hueDistance(h, hue) <= HUE_TOLERANCE);
