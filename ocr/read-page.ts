// The OCR stage core: prepare a scanned page, read it, and settle the 180° question by reading.
// No image or OCR library here: everything arrives through ports, so this logic is testable alone.
import type { OcrPageResult, PageImage } from '../core/types.js';
import type { OcrEngine, PreparePage, PreparedPage, RecognizeOutput, Rotation } from './ports.js';
import { TransientError } from '../core/errors.js';

export interface ReadPageDeps {
  engine: OcrEngine;
  prepare: PreparePage;
  rotate180: (png: Buffer) => Promise<Buffer>;
  /**
   * Black and white again, for the archived image of a bitonal scan that deskewing or resampling
   * turned grey (blind test AD: skewed G4 pages archived at 357-492 KB a page against 45-85 KB).
   * The engine reads the grey image; the word boxes fit either.
   */
  binarize?: (png: Buffer) => Promise<Buffer>;
  /** The page mirrored left to right, for the show-through check (absent: no check). */
  mirror?: (png: Buffer) => Promise<Buffer>;
}

/**
 * A poor reading that reads this well mirrored (either way up) is the other side of the sheet
 * showing through thin paper: the page has nothing of its own (blind test AF: four such backs kept
 * with their mirrored text in the letter, "giob i 161 ulsiw bo yrmit…", and a rescan asked for).
 */
export const SHOW_THROUGH_CONFIDENCE = 75;

/**
 * Mean word confidence below which a page may be upside down and is read again turned 180°.
 * Measured on rendered letters (ocr/README.md): upright pages read at 85-96 even when speckled,
 * 200 dpi or bitonal; upside-down pages read at 30-55 with garbage words. Upright pages above the
 * bar cost nothing extra; a poor upright page below it costs one extra read and keeps its reading.
 */
export const FLIP_CHECK_BELOW = 70;
/** A page read with no words at all is blank, not upside down: turning it finds nothing either. */
const MIN_WORDS_FOR_FLIP_CHECK = 1;

/**
 * Score of a reading: confidence weighted by how much of the text is plausible words, so a
 * handful of confident specks cannot outscore a page of real text.
 */
export function readingScore(r: RecognizeOutput): number {
  if (r.words.length === 0) return 0;
  let letters = 0;
  let total = 0;
  for (const w of r.words) {
    total += w.text.length * w.confidence;
    // A word with at least two letters in a row is a reading, not a speck or a stroke.
    if (/\p{L}{2,}|\d{2,}/u.test(w.text)) letters += w.text.length * w.confidence;
  }
  return r.confidence * (letters / Math.max(1, total));
}

export interface ReadPageOutcome {
  result: OcrPageResult;
  /** The image the word boxes refer to (prepared, possibly turned 180°): for the searchable PDF. */
  preparedPng: Buffer;
  /** How many times the engine read the page (1, more after the 180°, show-through or rescue reads). */
  reads: number;
  /** The prepared page's ink share (PreparedPage.inkShare): a sparse page is no illegible one. */
  inkShare: number;
  /** The page is the other side showing through (SHOW_THROUGH_CONFIDENCE): read as empty. */
  showThrough?: boolean;
}

/**
 * A prepared page reading fewer plausible words than this (with two or more letters or digits) is
 * read again as scanned: preparation can fail outright on damage it was not built for (blind test
 * AE: a coffee stain taken for the text's mass turned a clean page 90° and 10°; a phone photo's
 * shadow stretched the typing to near white), and a page that reached OCR is not blank.
 */
export const RESCUE_BELOW_WORDS = 3;

const plausibleWords = (r: RecognizeOutput) => r.words.filter((w) => /[\p{L}\p{N}]{2,}/u.test(w.text)).length;

/** A reading before readPage adds what the preparation measured. */
type Reading = Omit<ReadPageOutcome, 'inkShare'>;

export async function readPage(deps: ReadPageDeps, page: PageImage): Promise<ReadPageOutcome> {
  let prepared = await deps.prepare(page);
  let reading = await readPreparedOrScanned(deps, page, prepared);
  // Joining broken strokes is right for a faint page a bitonal scanner broke into dots; a faded grey
  // page with JPEG noise was measured as broken too, and the repair's threshold took its lightest
  // strokes (blind test AO: 14 % of a letter's words, 76 % read without it). A poor reading of a
  // repaired page is read once more unrepaired, and the better reading kept.
  if (prepared.strokesRepaired && reading.result.confidence < FLIP_CHECK_BELOW) {
    const whole = await deps.prepare(page, { repairStrokes: false });
    const other = await readPreparedOrScanned(deps, page, whole);
    const reads = reading.reads + other.reads;
    if (readingScore(other.result) > readingScore(reading.result)) [prepared, reading] = [whole, other];
    reading = { ...reading, reads };
  }
  const outcome = { ...reading, inkShare: prepared.inkShare };
  return prepared.bitonal && deps.binarize ? { ...outcome, preparedPng: await deps.binarize(outcome.preparedPng) } : outcome;
}

async function readPreparedOrScanned(deps: ReadPageDeps, page: PageImage, prepared: PreparedPage): Promise<Reading> {
  try {
    const outcome = await readPrepared(deps, prepared);
    if (outcome.showThrough || plausibleWords(outcome.result) >= RESCUE_BELOW_WORDS) return outcome;
    const scanned = await readAsScanned(deps, page);
    const better = readingScore(scanned.result) > readingScore(outcome.result) ? scanned : outcome;
    return { ...better, reads: outcome.reads + 1 };
  } catch (err) {
    // A sparse page on grey, grainy paper (a signature alone) can come out of the contrast stretch
    // as thousands of specks that keep the engine past its timeout (in the first read or in the
    // 180° check), retry after retry; the page as scanned reads in seconds (measured: 1 s against
    // over 120 s). Only after such a timeout.
    if (!(err instanceof TransientError && err.code === 'ocr_timeout')) throw err;
    return readAsScanned(deps, page);
  }
}

async function readPrepared(deps: ReadPageDeps, prepared: PreparedPage): Promise<Reading> {
  const opts = { dpi: prepared.dpi };
  // The engine reads the page without its rules where it has any; people see them.
  const read = prepared.ocrPng ?? prepared.png;
  let reading = await deps.engine.recognize(read, opts);
  let png = prepared.png;
  let rotation: Rotation = prepared.rotation;
  let reads = 1;
  if (reading.confidence < FLIP_CHECK_BELOW && reading.words.length >= MIN_WORDS_FOR_FLIP_CHECK) {
    const turned = await deps.rotate180(read);
    const other = await deps.engine.recognize(turned, opts);
    reads++;
    if (readingScore(other) > readingScore(reading)) {
      reading = other;
      png = prepared.ocrPng ? await deps.rotate180(prepared.png) : turned;
      rotation = ((prepared.rotation + 180) % 360) as Rotation;
    }
  }
  let showThrough = false;
  // Only faint pages: hand-writing read poorly in dark ink would cost two reads for nothing.
  if (prepared.faint && reading.confidence < FLIP_CHECK_BELOW && reading.words.length > 0) {
    const mirrored = await readsMirrored(deps, prepared, reading);
    showThrough = mirrored.better;
    reads += mirrored.reads;
  }
  return {
    ...(showThrough ? { showThrough } : {}),
    result: {
      text: showThrough ? '' : reading.text,
      confidence: showThrough ? 0 : reading.confidence,
      words: showThrough ? [] : reading.words,
      rotation,
      skewDegrees: prepared.skewDegrees,
      width: prepared.width,
      height: prepared.height,
      dpi: prepared.dpi,
    },
    preparedPng: png,
    reads,
  };
}

/** Whether the page reads clearly better mirrored, either way up, than it did as it lies. */
async function readsMirrored(deps: ReadPageDeps, prepared: PreparedPage, reading: RecognizeOutput): Promise<{ better: boolean; reads: number }> {
  if (!deps.mirror) return { better: false, reads: 0 };
  const mirrored = await deps.mirror(prepared.ocrPng ?? prepared.png);
  const clearer = async (png: Buffer) => {
    const other = await deps.engine.recognize(png, { dpi: prepared.dpi });
    return other.confidence >= SHOW_THROUGH_CONFIDENCE && readingScore(other) > 1.5 * readingScore(reading);
  };
  // Turned 180° only when the mirror as it lies did not read: the other way up costs a read.
  if (await clearer(mirrored)) return { better: true, reads: 1 };
  return { better: await clearer(await deps.rotate180(mirrored)), reads: 2 };
}

/** The page read without preparation: its own image, upright as decoded, at its own resolution. */
async function readAsScanned(deps: ReadPageDeps, page: PageImage): Promise<Reading> {
  const dpi = page.dpi ?? 300;
  const reading = await deps.engine.recognize(page.png, { dpi });
  return {
    result: { text: reading.text, confidence: reading.confidence, words: reading.words, rotation: 0, skewDegrees: 0, width: page.width, height: page.height, dpi },
    preparedPng: page.png,
    reads: 2,
  };
}
