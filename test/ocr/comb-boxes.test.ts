import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageImage } from '../../core/types.js';
import { greyHistogram, inkThreshold } from '../../core/grey-pixels.js';
import { eraseCombBoxes } from '../../ocr/comb-boxes.js';
import { toRaw } from '../../ocr/page-image.js';
import { preparePage, rotatePng180 } from '../../ocr/page-preparer.js';
import { readPage } from '../../ocr/read-page.js';
import type { OcrEngine } from '../../ocr/ports.js';
import { createTesseractEngine } from '../../ocr/tesseract-engine.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;
const DPI = 300;
const FIELDS: [string, string, number][] = [['Nazwisko', 'KOŁODZIEJCZYK', 18], ['Numer klienta', '4603350718', 10], ['PESEL', '58112311831', 11]];

/** A data-change form: each value one capital per box, the row longer than the value, and a checkbox. */
async function boxedForm(): Promise<PageImage> {
  GlobalFonts.registerFromPath('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'CombSans');
  const mm = DPI / 25.4;
  const width = Math.round(210 * mm), height = Math.round(297 * mm);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const box = 6 * mm;
  let y = 40 * mm;
  for (const [label, value, boxes] of FIELDS) {
    ctx.fillStyle = '#222';
    ctx.font = `${((9 * DPI) / 72).toFixed(1)}px CombSans`;
    ctx.fillText(label, 20 * mm, y);
    const top = y + 2 * mm;
    ctx.strokeStyle = '#555';
    ctx.lineWidth = 0.25 * mm;
    for (let i = 0; i < boxes; i++) ctx.strokeRect(20 * mm + i * box, top, box, 1.3 * box);
    ctx.font = `${((16 * DPI) / 72).toFixed(1)}px CombSans`;
    [...value].forEach((ch, i) => ctx.fillText(ch, 20 * mm + i * box + 1.2 * mm, top + 1.3 * box - 1.8 * mm));
    y += 20 * mm;
  }
  ctx.strokeRect(20 * mm, y, 4 * mm, 4 * mm); // a lone checkbox: no row of boxes
  const png = await sharp(canvas.toBuffer('image/png')).flatten({ background: '#fff' }).toColourspace('b-w').png().toBuffer();
  return { png, width, height, dpi: DPI };
}

describe('rows of boxes for block capitals', () => {
  it('lose their rules and uprights, and the letters in them stay', async () => {
    const page = await boxedForm();
    const r = await toRaw(sharp(page.png).greyscale());
    const t = inkThreshold(greyHistogram(r.data));
    const inkOf = (d: Uint8Array) => d.reduce((n, v) => n + (v <= t ? 1 : 0), 0);
    const before = inkOf(r.data);
    const uprights = eraseCombBoxes(r, DPI, t);
    // Every box side of the three rows: 19 + 11 + 12.
    expect(uprights).toBe(42);
    // What is left is the letters and labels (and the checkbox): a third or more of the ink.
    const after = inkOf(r.data);
    expect(after).toBeLessThan(before * 0.7);
    expect(after).toBeGreaterThan(before * 0.3);
  });
});

slow('a boxed form read', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createTesseractEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('gives the values whole (the box sides were read as letters and digits), also from a skewed scan', async () => {
    const form = await boxedForm();
    // A skewed rule is a thick band row by row: the rows of boxes are looked for again once level.
    const skewed = await sharp(form.png).rotate(1.2, { background: '#fff' }).toColourspace('b-w').png().toBuffer({ resolveWithObject: true });
    const read = async (page: PageImage) => (await readPage({ engine, prepare: preparePage, rotate180: rotatePng180 }, page)).result.text;
    const level = await read(form);
    for (const [, value] of FIELDS) expect(level.replace(/ /g, '')).toContain(value);
    // As the OCR stage reads it: the half-turn cue takes a skewed box form for upside down (as it
    // did before boxes were erased), and read-page's confidence check turns it back. A box side
    // resampled by the deskew may survive as a bracket between two digits.
    const tilted = await read({ png: skewed.data, width: skewed.info.width, height: skewed.info.height, dpi: DPI });
    for (const [, value] of FIELDS) expect(tilted.replace(/[^\p{L}\d]/gu, '')).toContain(value);
  }, 90_000);
});
