import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseGreyStamps, greyStampBand } from '../../ocr/grey-stamp.js';
import { toRaw, type Raw } from '../../ocr/page-image.js';
import { levels, preparePage, rotatePng180 } from '../../ocr/page-preparer.js';
import { readPage } from '../../ocr/read-page.js';
import type { OcrEngine } from '../../ocr/ports.js';
import { createTesseractEngine } from '../../ocr/tesseract-engine.js';
import { renderLetter, SAMPLE_LETTER, type RenderedPage } from './render-test-page.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;

/** The page with something drawn over it in `darken` (ink over toner: the darker wins), scanned grey. */
async function drawnOn(page: RenderedPage, draw: (ctx: SKRSContext2D, mm: number) => void): Promise<RenderedPage> {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(await loadImage(page.png), 0, 0);
  ctx.globalCompositeOperation = 'darken';
  draw(ctx, page.dpi / 25.4);
  const png = await sharp(canvas.toBuffer('image/png')).flatten({ background: '#fff' }).toColourspace('b-w').png().toBuffer();
  return { ...page, png };
}

/** Where the n-th line of SAMPLE_LETTER sits: 1.1 in + n * 1.45 * 11 pt. */
const lineY = (page: RenderedPage, n: number) => page.dpi * 1.1 + n * Math.round(((11 * page.dpi) / 72) * 1.45);

/**
 * A receipt stamp in one grey over the customer number's line, as a red or blue stamp scans in grey;
 * `scale` makes it bigger and bolder (a 62 x 22 mm stamp at 1), `angle` tilts it (radians).
 */
const stamped = (page: RenderedPage, grey: string, { scale = 1, angle = -0.03 } = {}) => drawnOn(page, (ctx, mm) => {
  const u = scale * mm;
  ctx.fillStyle = grey;
  ctx.strokeStyle = grey;
  // "WPŁYNĘŁO" across the lower half of the customer number's line, the date across the next line.
  ctx.translate(100 * mm, lineY(page, 15) - 7.5 * u);
  ctx.rotate(angle);
  ctx.lineWidth = 0.6 * u;
  ctx.strokeRect(0, 0, 62 * u, 22 * u);
  ctx.font = `bold ${(6 * u).toFixed(0)}px TestSans`;
  ctx.fillText('WPŁYNĘŁO', 6 * u, 9 * u);
  ctx.fillText('15.11.2026', 8 * u, 18 * u);
});

const raw = async (page: RenderedPage) => toRaw(sharp(page.png).greyscale());
const INK = 128;
const inkCount = (r: Raw, ink = INK) => r.data.reduce((n, v) => n + (v <= ink ? 1 : 0), 0);
/** Pixels that are ink (darker than `ink`) in `a` and not in `b`. */
const inkOnlyIn = (a: Raw, b: Raw, ink = INK) => a.data.reduce((n, v, i) => n + (v <= ink && b.data[i]! > ink ? 1 : 0), 0);

describe('grey stamps erased for the engine', () => {
  it.each(['#4d4d4d', '#6a6a6a', '#8c8c8c'])('takes a stamp in %s off the typing and leaves the letters', async (grey) => {
    const plain = await raw(await renderLetter(SAMPLE_LETTER, 300, 'TestSans'));
    const r = await raw(await stamped(await renderLetter(SAMPLE_LETTER, 300, 'TestSans'), grey));
    // The stamp as anything darker than light grey: the lightest stamp is lighter than mid-grey.
    const stampInk = inkOnlyIn(r, plain, 200);
    const band = greyStampBand(r, 300);
    expect(band).not.toBeNull();
    expect(eraseGreyStamps(r, 300, band!)).toBeGreaterThan(0.9 * stampInk);
    expect(inkOnlyIn(r, plain, 200)).toBeLessThan(0.05 * stampInk);
    // The typing keeps its strokes; where the stamp crosses it, it loses the light edge lighter than halfway to the stamp.
    expect(inkOnlyIn(plain, r, 40)).toBeLessThan(0.005 * inkCount(plain, 40));
    expect(inkOnlyIn(plain, r)).toBeLessThan(0.05 * inkCount(plain));
  });

  it('takes a big bold stamp off a short letter in a thin serif, whose typing has less flat ink than the stamp (blind test AY)', async () => {
    const lines = SAMPLE_LETTER.slice(0, 18);
    const page = await renderLetter(lines, 300, 'TestSerif');
    const plain = await raw(page);
    const r = await raw(await stamped(page, '#6a6a6a', { scale: 1.6, angle: -0.12 }));
    const stampInk = inkOnlyIn(r, plain, 200);
    const band = greyStampBand(r, 300);
    expect(band).not.toBeNull();
    expect(eraseGreyStamps(r, 300, band!)).toBeGreaterThan(0.9 * stampInk);
  });

  it('finds no grey stamp on plain typing, serif or monospace, or at 200 dpi', async () => {
    for (const [font, dpi] of [['TestSerif', 300], ['TestMono', 300], ['TestSans', 200]] as const) {
      expect(greyStampBand(await raw(await renderLetter(SAMPLE_LETTER, dpi, font)), dpi), `${font} ${dpi}`).toBeNull();
    }
  });

  it('leaves a stamp in the margin, away from the typing', async () => {
    const plain = await renderLetter(SAMPLE_LETTER, 300, 'TestSans');
    const r = await raw(await drawnOn(plain, (ctx, mm) => {
      ctx.fillStyle = ctx.strokeStyle = '#6a6a6a';
      ctx.lineWidth = 0.6 * mm;
      ctx.strokeRect(120 * mm, 240 * mm, 62 * mm, 22 * mm);
      ctx.font = `bold ${(6 * mm).toFixed(0)}px TestSans`;
      ctx.fillText('WPŁYNĘŁO', 126 * mm, 249 * mm);
    }));
    const band = greyStampBand(r, 300);
    expect(band).not.toBeNull();
    expect(eraseGreyStamps(r, 300, band!)).toBe(0);
  });

  it('leaves a letter typed in grey with a black line in it: the grey is the letter', async () => {
    const lines = SAMPLE_LETTER.map((l, i) => (i === 0 ? '' : l));
    const grey = await renderLetter(lines, 300, 'TestSans', '#707070');
    const r = await raw(await drawnOn(grey, (ctx, mm) => {
      ctx.fillStyle = '#111';
      ctx.font = `${(3.9 * mm).toFixed(0)}px TestSans`;
      ctx.fillText('Anna Kowalczyk', 22.9 * mm, 26 * mm);
    }));
    const band = greyStampBand(r, 300);
    expect(band ? eraseGreyStamps(r, 300, band) : 0).toBe(0);
  });

  it('keeps the stamp grey through the contrast stretch of a sparse page', async () => {
    const r = await raw(await stamped(await renderLetter(SAMPLE_LETTER.slice(0, 16), 300, 'TestSans'), '#6a6a6a'));
    const band = greyStampBand(r, 300)!;
    // Stretched from its 1st percentile, the page's ink level would be the stamp's own grey.
    expect(levels(r.data, undefined, { typing: band.dark }).lo).toBeLessThan(band.lo - 40);
  });
});

slow('a letter with a grey stamp over the typing, read', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createTesseractEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('reads the lines under the stamp of a short letter, and the archived image keeps the stamp', async () => {
    const page = await stamped(await renderLetter(SAMPLE_LETTER.slice(0, 17), 300, 'TestSans'), '#6a6a6a');
    const outcome = await readPage({ engine, prepare: preparePage, rotate180: rotatePng180 }, page);
    const text = outcome.result.text.replace(/\s+/g, ' ');
    expect(text).toContain('Mój numer klienta to 4402 1187');
    expect(text).toContain('mi opłatę za usługi, których nie zamawiałam');
    const archived = await raw({ ...page, png: outcome.preparedPng });
    expect(inkCount(archived)).toBeGreaterThan(inkCount(await raw(page)) * 0.95);
  }, 60_000);
});
