import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greyHistogram, inkThreshold } from '../../core/grey-pixels.js';
import { toRaw, type Raw } from '../../ocr/page-image.js';
import { preparePage, rotatePng180 } from '../../ocr/page-preparer.js';
import { readPage } from '../../ocr/read-page.js';
import { eraseRules } from '../../ocr/rule-lines.js';
import type { OcrEngine } from '../../ocr/ports.js';
import { createTesseractEngine } from '../../ocr/tesseract-engine.js';
import { renderLetter, SAMPLE_LETTER, type RenderedPage } from './render-test-page.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;

/** The page with something drawn over it, as a scan of the drawn-on paper. */
async function drawnOn(page: RenderedPage, draw: (ctx: SKRSContext2D, mm: number) => void): Promise<RenderedPage> {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(await loadImage(page.png), 0, 0);
  draw(ctx, page.dpi / 25.4);
  const png = await sharp(canvas.toBuffer('image/png')).flatten({ background: '#fff' }).toColourspace('b-w').png().toBuffer();
  return { ...page, png };
}

/** Where the n-th line of SAMPLE_LETTER sits: 1.1 in + n * 1.45 * 11 pt. */
const lineY = (page: RenderedPage, n: number) => page.dpi * 1.1 + n * Math.round(((11 * page.dpi) / 72) * 1.45);

/** A receipt stamp's frame laid over three lines of the body, as a post room stamps a letter. */
const stamped = (page: RenderedPage) => drawnOn(page, (ctx, mm) => {
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 0.5 * mm;
  ctx.strokeRect(95 * mm, lineY(page, 13) - 2 * mm, 55 * mm, lineY(page, 16) - lineY(page, 13));
});

const raw = async (page: RenderedPage) => toRaw(sharp(page.png).greyscale());
const inkCount = (r: Raw, t: number) => r.data.reduce((n, v) => n + (v <= t ? 1 : 0), 0);

describe('frames erased for the engine', () => {
  it('takes a stamp frame off the typing and leaves the letters', async () => {
    const plain = await renderLetter(SAMPLE_LETTER, 300, 'TestSans');
    const a = await raw(plain);
    const b = await raw(await stamped(plain));
    const t = inkThreshold(greyHistogram(b.data));
    const frame = inkCount(b, t) - inkCount(a, t);
    expect(eraseRules(b, 300, t)).toBeGreaterThan(0.9 * frame);
    let leftOfFrame = 0, textLost = 0;
    for (let i = 0; i < a.data.length; i++) {
      if (b.data[i]! <= t && a.data[i]! > t) leftOfFrame++;
      if (a.data[i]! <= t && b.data[i]! > t) textLost++;
    }
    // Corners and the frame where it touches a letter stay (13 % measured); the letters lose the
    // tops it ran along (1.7 % of the page's ink), which the reading below survives.
    expect(leftOfFrame).toBeLessThan(0.2 * frame);
    expect(textLost).toBeLessThan(0.03 * inkCount(a, t));
  });

  it('leaves a fold or an underline along a line of typing: it reads well, and erasing it takes the tops off the letters', async () => {
    const plain = await renderLetter(SAMPLE_LETTER, 300, 'TestSans');
    // A fold across the page through a line of the body, and an underline under the subject.
    const r = await raw(await drawnOn(plain, (ctx) => {
      ctx.fillStyle = '#555';
      ctx.fillRect(0, lineY(plain, 14) - 20, plain.width, 3);
      ctx.fillRect(plain.dpi * 0.9, lineY(plain, 10) + 8, plain.dpi * 3, 4);
    }));
    expect(eraseRules(r, 300, inkThreshold(greyHistogram(r.data)))).toBe(0);
  });

  it('finds nothing to erase in plain typing, serif or monospace, or at 200 dpi', async () => {
    for (const [font, dpi] of [['TestSerif', 300], ['TestMono', 300], ['TestSans', 200]] as const) {
      const r = await raw(await renderLetter(SAMPLE_LETTER, dpi, font));
      expect(eraseRules(r, dpi, inkThreshold(greyHistogram(r.data))), `${font} ${dpi}`).toBe(0);
    }
  });
});

slow('a stamped letter read', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createTesseractEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('keeps the lines a stamp frame crosses, and the archived image keeps the frame', async () => {
    const page = await stamped(await renderLetter(SAMPLE_LETTER, 300, 'TestSans'));
    const outcome = await readPage({ engine, prepare: preparePage, rotate180: rotatePng180 }, page);
    const text = outcome.result.text.replace(/\s+/g, ' ');
    expect(text).toContain('Mój numer klienta to 4402 1187');
    expect(text).toContain('mi opłatę za usługi');
    const archived = await toRaw(sharp(outcome.preparedPng).greyscale());
    const t = inkThreshold(greyHistogram(archived.data));
    expect(inkCount(archived, t)).toBeGreaterThan(inkCount(await raw(page), t) * 0.95);
  }, 60_000);
});
