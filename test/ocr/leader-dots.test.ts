import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageImage } from '../../core/types.js';
import { greyHistogram, inkThreshold } from '../../core/grey-pixels.js';
import { eraseLeaderDots } from '../../ocr/leader-dots.js';
import { toRaw } from '../../ocr/page-image.js';
import { preparePage } from '../../ocr/page-preparer.js';
import type { OcrEngine } from '../../ocr/ports.js';
import { createTesseractEngine } from '../../ocr/tesseract-engine.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;
const DPI = 300;
const FIELDS: [string, string][] = [
  ['Imię i nazwisko:', 'Halina Wróblewska'],
  ['Numer klienta:', '4601238845'],
  ['Adres korespondencyjny:', 'ul. Kasztanowa 14 m. 3, 87-100 Toruń'],
  ['Telefon kontaktowy:', '604 218 377'],
];
// Prose with an ellipsis and many i-dots: none of it is a line to write on.
const PROSE = 'Proszę o wyjaśnienie... Inni mieli internet, i ja nie miałam internetu ani informacji.';

/** An operator's form: each field's value written (italic) on a grey dotted line running to the right margin. */
async function formPage(): Promise<PageImage & { proseTop: number; proseBottom: number }> {
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'LeaderSans');
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf', 'LeaderItalic');
  const mm = DPI / 25.4;
  const pt = (n: number) => ((n * DPI) / 72).toFixed(1);
  const width = Math.round(210 * mm), height = Math.round(297 * mm);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  let y = Math.round(40 * mm);
  for (const [label, value] of FIELDS) {
    ctx.fillStyle = '#111';
    ctx.font = `${pt(10)}px LeaderSans`;
    ctx.fillText(label, 20 * mm, y);
    const x = 20 * mm + ctx.measureText(label).width + 2 * mm;
    ctx.font = `${pt(13)}px LeaderItalic`;
    ctx.fillText(value, x + 2 * mm, y - 0.3 * mm);
    ctx.fillStyle = '#888';
    for (let dx = x; dx < 190 * mm; dx += 0.85 * mm) ctx.fillRect(dx, y + 0.5 * mm, 0.2 * mm, 0.2 * mm);
    y += Math.round(9 * mm);
  }
  ctx.fillStyle = '#111';
  ctx.font = `${pt(10)}px LeaderSans`;
  ctx.fillText(PROSE, 20 * mm, y);
  const png = await sharp(canvas.toBuffer('image/png')).flatten({ background: '#fff' }).toColourspace('b-w').png().toBuffer();
  return { png, width, height, dpi: DPI, proseTop: Math.round(y - 6 * mm), proseBottom: Math.round(y + 2 * mm) };
}

describe('dotted writing lines of a form', () => {
  it('are erased, and an ellipsis and the dots of i in prose are not', async () => {
    const page = await formPage();
    const r = await toRaw(sharp(page.png).greyscale());
    const before = Buffer.from(r.data);
    const erased = eraseLeaderDots(r, DPI, inkThreshold(greyHistogram(r.data)));
    // Four lines of 110-150 mm at 0.85 mm a dot, less what the values' strokes touch.
    expect(erased).toBeGreaterThan(400);
    const prose = (d: Uint8Array) => d.subarray(page.proseTop * r.width, page.proseBottom * r.width);
    expect(Buffer.compare(prose(r.data), prose(before))).toBe(0);
  });
});

slow('a form read with its dotted lines', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createTesseractEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('keeps the fields written on them (tesseract dropped such lines whole, label and value)', async () => {
    const prepared = await preparePage(await formPage());
    const { text } = await engine.recognize(prepared.png, { dpi: prepared.dpi });
    for (const [, value] of FIELDS) expect(text).toContain(value);
  }, 60_000);
});
