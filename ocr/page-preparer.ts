// Turns a scanned page into what tesseract reads best: text upright (180° when the line shapes are
// clear; read-page settles the rest), level, speckle-free, ~300 dpi, full contrast. Every step is decided by measuring the
// page, so clean pages pass through untouched where a step would only cost time or sharpness.
import sharp from 'sharp';
import type { PageImage } from '../core/types.js';
import { PermanentError } from '../core/errors.js';
import type { PreparedPage, Rotation } from './ports.js';
import { fromRaw, toRaw, type Raw } from './page-image.js';
import { SPECKLE_SHARE, countAtOrBelow, greyHistogram, histogramPercentile, inkThreshold, isolatedInk, otsuFromHistogram } from '../core/grey-pixels.js';
import { pageLevels } from './page-levels.js';
import { eraseLeaderDots } from './leader-dots.js';
import { eraseCombBoxes } from './comb-boxes.js';
import { eraseRules } from './rule-lines.js';
import { eraseGreyStamps, greyStampBand, type GreyBand } from './grey-stamp.js';
import { eraseCreases } from './crease-lines.js';
import { straighten } from './page-geometry.js';
import { bridgeStrokes, FRAGMENTED_INK_SHARE, fragmentedInkShare } from './stroke-repair.js';

// Other stages import these from here; they live in page-image.ts to keep this file on preparation.
export { binarizePng, encodeForPdf, mirrorPng, rotatePng180 } from './page-image.js';
export { levels, pageLevels, type LevelOptions } from './page-levels.js';

const TARGET_DPI = 300;
/** Resolutions tesseract reads well as they are; others are resampled to TARGET_DPI. */
const DPI_OK = { min: 270, max: 420 };
/**
 * Lowest resolution read as scanned when the page needed no resampling of its own: on the 38
 * bench letters scanned at 200 dpi, reading those pages at 200 dpi and upscaling only deskewed or
 * stroke-repaired ones gave line CER 2.12 % against 2.17 % for upscaling every page (no condition
 * worse) for 21 % less CPU. Reading deskewed pages at 200 too (2.13 %) lost on skewed, blurred
 * and upside-down letters; the stroke repair was tuned at 300 dpi.
 */
const DPI_OK_WHOLE_STROKES = 190;

/** Resolution of a page that carried none, from its pixel size, assuming A4 (or Letter) paper. */
export function estimateDpi(width: number, height: number): number {
  const long = Math.max(width, height);
  const raw = long / (297 / 25.4);
  const common = [100, 150, 200, 240, 300, 400, 600];
  const near = common.find((d) => Math.abs(d - raw) / d < 0.08);
  return near ?? Math.max(50, Math.round(raw));
}

/**
 * The dpi to work with. A stated dpi is trusted when it makes the sheet's long side a paper size
 * (A5 to A3, 7.5-18 in); files often carry a default 72 or 96 dpi whatever the scanner did, and
 * trusting that would blow a 300 dpi page up four times before OCR.
 */
export function trustedDpi(stated: number | null, width: number, height: number): number {
  const longInches = stated ? Math.max(width, height) / stated : 0;
  return stated && longInches >= 7.5 && longInches <= 18 ? stated : estimateDpi(width, height);
}

/**
 * Share of the page covered by isolated specks: ink pixels (Otsu) with no ink among their eight
 * neighbours. Text strokes, even thin 200 dpi ones, almost never leave such pixels; scanner dust
 * and salt-and-pepper noise do. `hist` is the page's grey histogram when the caller already has one.
 */
export function speckleShare(r: Raw, hist = greyHistogram(r.data)): number {
  return isolatedInk(r.data, r.width, r.height, otsuFromHistogram(hist)) / (r.width * r.height);
}

/**
 * Darkest ink less than this below the paper: faint print, pencil (~83) or the other side showing
 * through (~50-90 at 17-35 % strength); print and pen are 150 and more below.
 */
const FAINT_CONTRAST = 100;

/** Darker than the paper by this much is ink (or dirt) as scanned. */
const INK_BELOW_PAPER = 60;

/**
 * Share of the page darker than its paper by INK_BELOW_PAPER, as scanned: before speckle removal,
 * so a page whose text dissolved into dots (a faint page thresholded by a bitonal scanner) still
 * shows the ink it had, while a back with only "verte" shows almost none.
 */
export function scannedInkShare(hist: Uint32Array, total: number): number {
  const paper = histogramPercentile(hist, 0.5, total);
  return countAtOrBelow(hist, paper - INK_BELOW_PAPER) / total;
}

export interface PrepareOptions {
  /** Skip the orientation/skew search (pages known to be straight, e.g. born-digital). */
  geometry?: boolean;
  /** Join broken strokes: measured per page when unset (see stroke-repair.ts); false never, true always. */
  repairStrokes?: boolean;
}

export async function preparePage(page: PageImage, options: PrepareOptions = {}): Promise<PreparedPage> {
  let r: Raw;
  try {
    r = await toRaw(sharp(page.png).flatten({ background: '#ffffff' }).greyscale());
  } catch (err) {
    throw new PermanentError('ocr_bad_image', `page image cannot be decoded: ${String(err)}`, { cause: err });
  }
  const dpi = trustedDpi(page.dpi, r.width, r.height);

  // One histogram serves Otsu for both measures below and the levels, until the pixels change.
  let hist: Uint32Array | null = greyHistogram(r.data);
  const inkShare = scannedInkShare(hist, r.data.length);
  const bitonal = hist.every((count, v) => count === 0 || v === 0 || v === 255);
  // Speckle is removed at the scanned resolution, before resampling would smear specks into blobs.
  if (speckleShare(r, hist) > SPECKLE_SHARE) {
    r = await toRaw(fromRaw(r).median(3));
    hist = greyHistogram(r.data);
  }
  // Before the broken-stroke measure: a form's dotted lines are nothing but tiny pieces of ink.
  // Rows of boxes for block capitals go too (their sides stand against the letters), before the
  // geometry, whose line profiles they distort.
  const ink = inkThreshold(hist);
  if (eraseLeaderDots(r, dpi, ink) + eraseCombBoxes(r, dpi, ink) > 0) hist = greyHistogram(r.data);
  // Measured at the scanned resolution too: resampling would blur the gaps of broken strokes shut
  // in the measurement, and only in the measurement.
  const fragmented = options.repairStrokes ?? fragmentedInkShare(r, dpi, hist) > FRAGMENTED_INK_SHARE;

  let rotation: Rotation = 0;
  let skewDegrees = 0;
  if (options.geometry !== false) {
    const g = await straighten(r, dpi);
    ({ r, rotation, skewDegrees } = g);
    // Quarter and half turns move pixels without changing them: the histogram still holds.
    if (g.resampled) hist = null;
  }
  // A skewed row of boxes has rules too thick to be found as scanned: it is looked for again level.
  if (skewDegrees !== 0 && eraseCombBoxes(r, dpi, inkThreshold(hist ?? greyHistogram(r.data))) > 0) hist = null;

  let outDpi = dpi;
  let img = fromRaw(r);
  const asScanned = !fragmented && skewDegrees === 0;
  if (dpi < (asScanned ? DPI_OK_WHOLE_STROKES : DPI_OK.min) || dpi > DPI_OK.max) {
    const scale = TARGET_DPI / dpi;
    img = fromRaw(await toRaw(img.resize(Math.round(r.width * scale), Math.round(r.height * scale), { kernel: 'cubic' })));
    outDpi = TARGET_DPI;
  }
  // Grey, grainy paper and faded toner: the paper's white point becomes white and the darkest ink
  // black. A percentile stretch (sharp normalise) instead spread the grain over the whole grey
  // range: on a speckled page tesseract then found no words at all.
  // Grey stamp ink is found before the stretch, which could turn it as black as the typing.
  let stamp = greyStampBand(r, dpi);
  const { lo, paper, white } = pageLevels(r, hist, { typing: stamp?.dark, greyScan: !bitonal });
  if (white - lo >= 40 && (lo > 8 || white < 245)) {
    const a = 255 / (white - lo);
    img = img.linear(a, -lo * a);
    stamp = stamp && stretched(stamp, a, lo);
  }
  // After resampling, so the blur works on the 300 dpi grid and the joined strokes stay smooth.
  const out = fragmented ? await bridgeStrokes(await toRaw(img), outDpi) : await toRaw(img);
  const png = await greyPng(out);
  const forEngine: Raw = { ...out, data: Buffer.from(out.data) };
  // Creases first: a grey stamp's erasing would cut one short where it crosses the stamp.
  const threshold = inkThreshold(greyHistogram(forEngine.data));
  const erased = eraseCreases(forEngine, outDpi, threshold) + (stamp ? eraseGreyStamps(forEngine, outDpi, stamp) : 0);
  // The frames are judged against the page as the erasers left it.
  const ruled = eraseRules(forEngine, outDpi, erased > 0 ? inkThreshold(greyHistogram(forEngine.data)) : threshold);
  const ocrPng = ruled + erased > 0 ? await greyPng(forEngine) : undefined;
  return {
    png, ...(ocrPng ? { ocrPng } : {}), width: out.width, height: out.height, dpi: outDpi, rotation, skewDegrees, inkShare, bitonal,
    faint: paper - lo < FAINT_CONTRAST, ...(fragmented ? { strokesRepaired: true } : {}),
  };
}

/** A grey band's levels after the linear stretch a·(v - lo). */
const stretched = (b: GreyBand, a: number, lo: number): GreyBand => {
  const at = (v: number) => Math.max(0, Math.min(255, Math.round(a * (v - lo))));
  return { lo: at(b.lo), hi: at(b.hi), dark: at(b.dark) };
};

// Without an explicit colour space sharp 0.35 writes grey as 3-channel sRGB: 3x the bytes.
const greyPng = (r: Raw) => fromRaw(r).toColourspace('b-w').png({ compressionLevel: 3 }).toBuffer();
