import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCreases } from '../../ocr/crease-lines.js';
import { toRaw, type Raw } from '../../ocr/page-image.js';
import { preparePage, rotatePng180 } from '../../ocr/page-preparer.js';
import { readPage } from '../../ocr/read-page.js';
import type { OcrEngine } from '../../ocr/ports.js';
import { createTesseractEngine } from '../../ocr/tesseract-engine.js';
import { renderLetter, SAMPLE_LETTER, type RenderedPage } from './render-test-page.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;

/** Where the n-th line of SAMPLE_LETTER has its baseline: 1.1 in + n * 1.45 * 11 pt. */
const baseline = (page: RenderedPage, n: number) => page.dpi * 1.1 + n * Math.round(((11 * page.dpi) / 72) * 1.45);

/** The page with `draw` done over it in `darken` (ink over toner: the darker wins), scanned grey. */
async function drawnOn(page: RenderedPage, draw: (ctx: SKRSContext2D) => void): Promise<RenderedPage> {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(await loadImage(page.png), 0, 0);
  ctx.globalCompositeOperation = 'darken';
  draw(ctx);
  const png = await sharp(canvas.toBuffer('image/png')).flatten({ background: '#fff' }).toColourspace('b-w').png().toBuffer();
  return { ...page, png };
}

/** A straight line from (x0, y0) to (x1, y1), `thick` px wide. */
function line(ctx: SKRSContext2D, x0: number, y0: number, x1: number, y1: number, thick: number, grey: string): void {
  ctx.strokeStyle = grey;
  ctx.lineWidth = thick;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** The page with a line drawn over it, from x0 to x1 (px), through y0 -> y1. */
const lined = (page: RenderedPage, x0: number, x1: number, y0: number, y1: number, thick: number) =>
  drawnOn(page, (ctx) => line(ctx, x0, y0, x1, y1, thick, '#3a3a3a'));

/** A fold as a flatbed sees it: a soft shadow band, then the crease's dark core, edge to edge and tilted. */
const folded = (page: RenderedPage, y: number, tilt: number) => drawnOn(page, (ctx) => {
  const shadow = ctx.createLinearGradient(0, y - 14, 0, y);
  shadow.addColorStop(0, 'rgba(255,255,255,0)');
  shadow.addColorStop(1, 'rgba(150,150,150,1)');
  ctx.fillStyle = shadow;
  ctx.fillRect(0, y - 14, page.width, 14);
  line(ctx, 0, y - tilt / 2, page.width, y + tilt / 2, 4, '#111');
});

const raw = async (page: RenderedPage) => toRaw(sharp(page.png).greyscale());
const inkCount = (r: Raw) => r.data.reduce((n, v) => n + (v <= 128 ? 1 : 0), 0);

describe('creases erased for the engine', () => {
  it('whitens a fold running edge to edge through a typed line, a little tilted, and keeps the letters', async () => {
    const page = await renderLetter(SAMPLE_LETTER, 300, 'TestSans');
    const y = baseline(page, 14) - 12;
    const plain = await raw(page);
    const r = await raw(await lined(page, 0, page.width, y - 6, y + 10, 4));
    const added = inkCount(r) - inkCount(plain);
    expect(added).toBeGreaterThan(5000);
    expect(eraseCreases(r, 300, 128)).toBeGreaterThan(0.6 * added);
    // Within a few per cent of the letters' own ink: where the fold crosses a letter it stays.
    expect(Math.abs(inkCount(r) - inkCount(plain))).toBeLessThan(0.05 * inkCount(plain));
  });

  it('leaves an underline, a table rule and the typing, none of which reaches both edges of the sheet', async () => {
    const page = await renderLetter(SAMPLE_LETTER, 300, 'TestSans');
    const y = baseline(page, 14) + 6;
    const r = await raw(await lined(page, 270, page.width - 200, y, y, 4));
    expect(eraseCreases(r, 300, 128)).toBe(0);
    expect(eraseCreases(await raw(page), 300, 128)).toBe(0);
  });
});

slow('a letter folded through a typed line, read', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createTesseractEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('reads the line the fold runs through (blind test AY: the invoice number line struck through)', async () => {
    const lines = SAMPLE_LETTER.slice(0, 17);
    const page = await renderLetter(lines, 300, 'TestSerif');
    const n = lines.findIndex((l) => l.includes('4402 1187'));
    // Read as it is, the engine dropped the whole line (measured).
    const outcome = await readPage({ engine, prepare: preparePage, rotate180: rotatePng180 }, await folded(page, baseline(page, n) - 10, 20));
    expect(outcome.result.text.replace(/\s+/g, ' ')).toMatch(/numer klienta t. 4402 1187/);
  }, 60_000);
});
