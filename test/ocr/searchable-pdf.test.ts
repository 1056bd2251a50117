import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { undoPngPredictor } from '../../ingest/raw-pixels.js';
import type { OcrWord } from '../../core/types.js';
import { encodeForPdf } from '../../ocr/page-image.js';
import { buildSearchablePdf, foldToAscii } from '../../ocr/searchable-pdf.js';
import { extractPdf, meanGrey, renderFirstPage } from './pdf-inspect.js';
import { degrade, renderLetter } from './render-test-page.js';

/** PNG-predicted 8-bit grey rows back to pixels (ingest's PDF image decoder does the same). */
const unfilterRows = (rows: Buffer, width: number, height: number) => undoPngPredictor(rows, width, height, 1);

const w = (text: string, x0: number, y0: number, x1: number, y1: number): OcrWord => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });

describe('buildSearchablePdf', () => {
  it('sizes pages from pixels and dpi, and lays extractable Polish words at their boxes', async () => {
    const page = await renderLetter(['Źródlana łąka', 'Reklamacja faktury'], 300);
    const words = [w('Źródlana', 270, 300, 520, 345), w('łąka', 545, 300, 660, 345), w('Reklamacja', 270, 370, 560, 415), w('faktury', 580, 370, 760, 415)];
    const image = await encodeForPdf(page.png);
    const pdf = await buildSearchablePdf([
      { image, width: page.width, height: page.height, dpi: 300, words },
      { image, width: page.width, height: page.height, dpi: 200, words: [] },
    ]);
    const { pages } = await extractPdf(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.width).toBeCloseTo((page.width * 72) / 300, 1);
    expect(pages[1]!.height).toBeCloseTo((page.height * 72) / 200, 1);
    const text = pages[0]!.items.map((i) => i.str).join(' ');
    for (const word of ['Źródlana', 'łąka', 'Reklamacja', 'faktury']) expect(text).toContain(word);
    const k = 72 / 300;
    for (const word of words) {
      // pdfjs joins words of one line into one item; each word must still sit on its own box.
      const item = pages[0]!.items.find((i) => i.str.includes(word.text));
      expect(item, word.text).toBeDefined();
      if (item!.str.startsWith(word.text)) expect(item!.x).toBeCloseTo(word.bbox.x0 * k, 0);
      // PDF y runs upwards: the baseline must sit inside the word's box (on its bottom, for words without descenders).
      expect(item!.y).toBeGreaterThanOrEqual(pages[0]!.height - word.bbox.y1 * k - 0.01);
      expect(item!.y).toBeLessThan(pages[0]!.height - word.bbox.y0 * k);
    }
    expect(pages[1]!.items).toHaveLength(0);
  });

  it('embeds grey pages as PNG (copied undecoded) or JPEG, whichever is smaller, and bitonal pages as 1-bit images, ink dark and paper white', async () => {
    const page = await renderLetter(undefined, 300);
    const words = [w('Anna', 270, 300, 400, 345)];
    // A clean page compresses better losslessly; grain makes the PNG several times the JPEG.
    const clean = await encodeForPdf(page.png);
    expect(clean.equals(page.png)).toBe(true);
    const noisyPng = (await degrade(page, { noise: 0.02 })).png;
    const noisy = await encodeForPdf(noisyPng);
    expect(noisy[0]).toBe(0xff);
    expect(noisy.length).toBeLessThan(noisyPng.length);
    const bitonal = await encodeForPdf((await degrade(page, { bitonal: true })).png);
    expect(bitonal.subarray(0, 2).toString()).toBe('P4');
    const cleanPixels = await sharp(page.png).extractChannel(0).raw().toBuffer();
    type Region = [number, number, number, number];
    const regions: Region[] = [[0.08, 0.09, 0.3, 0.16], [0.1, 0.6, 0.9, 0.95]]; // sender block (ink), lower half (paper)
    for (const [image, source] of [[clean, page.png], [noisy, noisyPng], [bitonal, (await degrade(page, { bitonal: true })).png]] as const) {
      const pdf = await buildSearchablePdf([{ image, width: page.width, height: page.height, dpi: 300, words }]);
      // The page's own bytes plus the text layer, nothing re-encoded larger.
      expect(pdf.length).toBeLessThan(image.length + 60_000);
      const pixels = await renderFirstPage(pdf);
      const { data, info } = await sharp(source).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const original = { data: new Uint8ClampedArray(data), width: info.width, height: info.height };
      // Drawn as scanned: an inverted or misread image would be far off in both regions.
      for (const r of regions) expect(Math.abs(meanGrey(pixels, ...r) - meanGrey(original, ...r))).toBeLessThan(4);
      expect(meanGrey(pixels, ...regions[0]!)).toBeLessThan(meanGrey(pixels, ...regions[1]!) - 10);
    }
    // The PNG's compressed rows go into the PDF as they are: the image read back is the page, pixel for pixel.
    const pdf = await PDFDocument.load(await buildSearchablePdf([{ image: clean, width: page.width, height: page.height, dpi: 300, words: [] }]));
    const stream = pdf.context.enumerateIndirectObjects().map(([, o]) => o).find((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))!;
    expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    const rows = inflateSync(stream.contents);
    expect(unfilterRows(rows, page.width, page.height).equals(cleanPixels)).toBe(true);
  });

  it('lays a line with one size and one baseline, and starts no word inside the one before (blind test AD)', async () => {
    const page = await renderLetter(['x'], 300);
    const image = await encodeForPdf(page.png);
    // A typewritten line as the engine boxes it: x-height words lower and shorter than capitals and
    // descenders, and a one-letter word boxed into the gap before it.
    const words = [w('Prosta', 100, 300, 260, 345), w('ocena', 280, 312, 420, 345), w('gdy', 440, 312, 520, 356), w('zawyżona', 540, 305, 760, 356), w('o', 750, 315, 775, 345), w('5%', 795, 302, 850, 346)];
    const { pages } = await extractPdf(await buildSearchablePdf([{ image, width: page.width, height: page.height, dpi: 300, words }]));
    const items = pages[0]!.items.filter((i) => i.str.trim());
    // pdfjs makes one item of words on one baseline and size: the line comes back whole.
    expect(new Set(items.map((i) => i.y.toFixed(2))).size).toBe(1);
    expect(items.map((i) => i.str).join(' ').replace(/\s+/g, ' ').trim()).toBe('Prosta ocena gdy zawyżona o 5%');
  });

  it('keeps every letter searchable in a later document after one whose "ó" and "ż" came without "o" and "z"', async () => {
    const page = await renderLetter(['x'], 300);
    const image = await encodeForPdf(page.png);
    const build = (texts: string[]) => buildSearchablePdf([{ image, width: page.width, height: page.height, dpi: 300, words: texts.map((t, i) => w(t, 270, 300 + i * 80, 500, 345 + i * 80)) }]);
    await build(['Kraków', 'żółć', 'Łęg']);
    const later = (await extractPdf(await build(['ocena', 'zakaz', 'noc', 'Lego']))).pages[0]!.items.map((i) => i.str).join(' ');
    for (const word of ['ocena', 'zakaz', 'noc', 'Lego']) expect(later).toContain(word);
  });

  it('gives each document its own font subset although the parsed font is shared', async () => {
    const page = await renderLetter(['x'], 300);
    const image = await encodeForPdf(page.png);
    const build = (words: OcrWord[]) => buildSearchablePdf([{ image, width: page.width, height: page.height, dpi: 300, words }]);
    // Built together, as the assemble worker does for concurrent letters.
    const [first, second] = await Promise.all([build([w('Ćma', 270, 300, 400, 345)]), build([w('żółw', 270, 300, 400, 345), w('QXJ', 420, 300, 520, 345)])]);
    const text = async (pdf: Uint8Array) => (await extractPdf(pdf)).pages[0]!.items.map((i) => i.str).join(' ');
    expect(await text(first)).toContain('Ćma');
    const later = await text(second);
    expect(later).toContain('żółw');
    expect(later).toContain('QXJ');
    expect(later).not.toContain('Ćma');
  });

  it('folds text to ASCII for the no-Unicode-font fallback', () => {
    expect(foldToAscii('Łukasz Wiśniewski, Źródlana 5/ą')).toBe('Lukasz Wisniewski, Zrodlana 5/a');
  });
});
