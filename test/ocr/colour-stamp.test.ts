// A red receipt stamp landed on the typing of a colour JPEG scan: ingest drops the stamp ink, so
// tesseract reads the lines under it. Plain luma (ingest before colour dropout, or a scanner set to
// grey) merged stamp and typing and misread them until the grey-stamp eraser took such a stamp too.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageImage } from '../../core/types.js';
import { bestSubstringDistance } from '../../bench/ocr-score.js';
import { applyColourMarks, encodeColour } from '../../fixtures/generator/colour-marks.js';
import { createRng } from '../../fixtures/generator/rng.js';
import { decodeScan } from '../../ingest/decode-scan.js';
import { preparePage, rotatePng180 } from '../../ocr/page-preparer.js';
import type { OcrEngine } from '../../ocr/ports.js';
import { readPage } from '../../ocr/read-page.js';
import { createTesseractEngine } from '../../ocr/tesseract-engine.js';
import { normaliseForMetrics } from '../../ocr/text-metrics.js';
import { SAMPLE_LETTER, renderLetter } from './render-test-page.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;
const T = 180_000;

slow('OCR of a colour scan with a receipt stamp on the typing', () => {
  let engine: OcrEngine;
  let jpeg: Buffer;
  const read = async (page: PageImage) => (await readPage({ engine, prepare: preparePage, rotate180: rotatePng180 }, page)).result.text;
  /** Edits on the three lines the stamp covers ('mi opłatę…', 'niż zwykle… 4402 1187…', 'oraz zwrot…'). */
  const editsUnderStamp = (text: string) => [14, 15, 16].map((l) => bestSubstringDistance(normaliseForMetrics(SAMPLE_LETTER[l]!), normaliseForMetrics(text)));

  beforeAll(async () => {
    engine = await createTesseractEngine();
    const letter = await renderLetter();
    const { data, info } = await sharp(letter.png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    // Lines are 66 px apart from a 330 px baseline: the stamp is centred on line 14, tilted 4°.
    const stamp = { lines: ['WPŁYNĘŁO', '20.11.2026'], ink: 'red' as const, at: { x: 1100, y: 330 + 14 * 66 - 15 }, tiltDeg: -4 };
    const page = applyColourMarks(createRng('ocr'), { data, width: info.width, height: info.height, dpi: 300 }, { stamp });
    jpeg = await encodeColour(page, 'jpeg', 75);
  }, T);
  afterAll(() => engine?.close());

  it('reads the customer number under the stamp after ingest, and on the same scan made grey', async () => {
    const [page] = await decodeScan(jpeg, 'stamped.jpg');
    const after = await read(page!);
    expect(after).toContain('4402 1187');
    expect(editsUnderStamp(after).reduce((a, b) => a + b)).toBeLessThanOrEqual(2);
    // The same scan as ingest turned it grey before (libvips luma, stamp and typing one grey): once 10 or
    // more edits on these lines; the stamp's flat grey is erased for the engine now (ocr/grey-stamp.ts,
    // since its typing needs only a quarter of the stamp's flat ink).
    const png = await sharp(jpeg).greyscale().toColourspace('b-w').png().toBuffer();
    const grey = await read({ png, width: page!.width, height: page!.height, dpi: 300 });
    expect(grey).toContain('4402 1187');
    expect(editsUnderStamp(grey).reduce((a, b) => a + b)).toBeLessThanOrEqual(2);
  }, T);
});
