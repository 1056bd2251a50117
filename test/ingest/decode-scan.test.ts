import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PermanentError } from '../../core/errors.js';
import type { PageImage } from '../../core/types.js';
import { decodeScan, decodeScanPages, detectFormat } from '../../ingest/decode-scan.js';
import { summariseContent } from '../../ingest/pdf-content.js';
import { tiffResolutions, verticalStretch } from '../../ingest/tiff-resolution.js';
import { rawToSharp, renderLetterRaw, tiffTag } from './fixtures.js';
import { encryptedPdf, emptyPdf, flate, imagePdf, stripPdf, textPdf } from './pdf-fixtures.js';

type Raw = { data: Buffer; width: number; height: number };
let letter: Raw; // A4 300 dpi
let small: Raw; // A4 100 dpi: fast fixtures where resolution does not matter

async function grey(page: PageImage): Promise<Buffer> {
  const meta = await sharp(page.png).metadata();
  expect(meta.format).toBe('png');
  expect(meta.channels).toBe(1);
  expect([meta.width, meta.height]).toEqual([page.width, page.height]);
  return sharp(page.png).extractChannel(0).raw().toBuffer();
}

/** Mean absolute difference to the source: small means the right picture, upright and not inverted. */
async function diff(page: PageImage, src: Raw): Promise<number> {
  expect([page.width, page.height]).toEqual([src.width, src.height]);
  return diffRaw(await grey(page), src.data);
}

function diffRaw(px: Buffer, ref: Buffer): number {
  expect(px.length).toBe(ref.length);
  const src = { data: ref };
  let sum = 0;
  for (let i = 0; i < px.length; i++) sum += Math.abs(px[i]! - src.data[i]!);
  return sum / px.length;
}

async function permanentCode(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PermanentError);
  return (err as PermanentError).code;
}

beforeAll(async () => {
  letter = await renderLetterRaw({ dpi: 300 });
  small = await renderLetterRaw({ dpi: 100 });
});

describe('decodeScan: raster files', () => {
  it('JPEG keeps its 300 dpi and pixels', async () => {
    const jpg = await rawToSharp(letter).jpeg({ quality: 90 }).withDensity(300).toBuffer();
    const pages = await decodeScan(jpg, 'scan.pdf'); // misleading extension: bytes decide
    expect(pages).toHaveLength(1);
    expect(pages[0]!.dpi).toBe(300);
    expect(await diff(pages[0]!, letter)).toBeLessThan(3);
  });

  it('applies the EXIF orientation of a phone/scanner JPEG', async () => {
    // Pixels stored rotated 90° counter-clockwise with orientation 6 (display rotates clockwise).
    const stored = await rawToSharp(small).rotate(-90).jpeg({ quality: 92 }).withMetadata({ orientation: 6 }).toBuffer();
    const [page] = await decodeScan(stored, 'photo.jpg');
    expect(await diff(page!, small)).toBeLessThan(6);
  });

  it('PNG without a resolution gives dpi null; 72 dpi counts as none', async () => {
    const png = await rawToSharp(small).png().toBuffer();
    expect((await decodeScan(png, 'a.png'))[0]!.dpi).toBeNull();
    const png72 = await rawToSharp(small).png().withDensity(72).toBuffer();
    expect((await decodeScan(png72, 'a.png'))[0]!.dpi).toBeNull();
  });

  it.each([
    ['ccittfax4', { compression: 'ccittfax4', bitdepth: 1 }],
    ['lzw', { compression: 'lzw' }],
    ['jpeg', { compression: 'jpeg', quality: 90 }],
  ] as const)('multi-page TIFF (%s): every page, with its dpi', async (_name, opts) => {
    const pages3 = [small, small, small].map((r, i) => ({ ...r, data: i === 1 ? Buffer.from(r.data.map((v) => 255 - v)) : r.data }));
    const joined = sharp(Buffer.concat(pages3.map((p) => p.data)), { raw: { width: small.width, height: small.height * 3, channels: 1, pageHeight: small.height } } as never);
    const src = opts.compression === 'ccittfax4' ? joined.toColourspace('b-w').threshold(128) : joined;
    const tif = await src.tiff({ ...opts, xres: 200 / 25.4, yres: 200 / 25.4 } as never).toBuffer();
    const pages = await decodeScan(tif, 'stack.tif');
    expect(pages).toHaveLength(3);
    for (const [i, p] of pages.entries()) {
      expect(p.dpi).toBe(200);
      expect(await diff(p, pages3[i]!)).toBeLessThan(opts.compression === 'ccittfax4' ? 15 : 4);
    }
  });
});

describe('decodeScan: standard-mode fax (pixels twice as tall as wide)', () => {
  // A fax page: full width, every other line (204 x 98 dpi); read as square pixels it is squashed to
  // half height and unreadable. Decoded, it must come back to the letter's own shape.
  const squashed = async () => sharp(letter.data, { raw: { width: letter.width, height: letter.height, channels: 1 } })
    .resize({ width: letter.width, height: letter.height / 2, fit: 'fill' });

  it('stretches a 200 x 100 dpi G4 TIFF to square pixels', async () => {
    const tif = await (await squashed()).toColourspace('b-w').threshold(128)
      .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 100 / 25.4 } as never).toBuffer();
    const [page] = await decodeScan(tif, 'fax.tif');
    expect(page!.dpi).toBe(200);
    expect(await diff(page!, letter)).toBeLessThan(3);
    // The same pixels with square resolution tags stay as they are.
    const square = await (await squashed()).toColourspace('b-w').threshold(128)
      .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 200 / 25.4 } as never).toBuffer();
    expect((await decodeScan(square, 'fax.tif'))[0]!.height).toBe(letter.height / 2);
  });

  it('keeps a black-and-white fax black and white: rows repeated, a one-row speck two rows tall, no grey fringe', async () => {
    const base = await (await squashed()).toColourspace('b-w').threshold(128).raw().toBuffer();
    const w = letter.width;
    // One-row specks of two pixels, as a noisy line leaves them, away from the text.
    for (let k = 0; k < 50; k++) base[(40 + k * 20) * w + 30] = base[(40 + k * 20) * w + 31] = 0;
    const tif = await sharp(base, { raw: { width: w, height: letter.height / 2, channels: 1 } }).toColourspace('b-w')
      .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 100 / 25.4 } as never).toBuffer();
    const px = await grey((await decodeScan(tif, 'fax.tif'))[0]!);
    expect(px.every((v) => v === 0 || v === 255)).toBe(true);
    const speckRows = (x: number) => [...Array(letter.height).keys()].filter((y) => y >= 60 && y < 2100 && px[y * w + x] === 0).length;
    expect(speckRows(30)).toBe(100);
  });

  it('reads each page\'s resolution tags in inches or centimetres, and nothing from a damaged header', async () => {
    const cm = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#ffffff' } })
      .tiff({ xres: 8, yres: 4, resolutionUnit: 'cm' } as never).toBuffer(); // px per mm, stored per cm
    const [r] = tiffResolutions(cm, 5)!;
    expect([Math.round(r!.x!), Math.round(r!.y!)]).toEqual([203, 102]);
    expect(verticalStretch(r)).toBeCloseTo(2, 1);
    expect(verticalStretch({ x: 300, y: 296 })).toBeNull();
    expect(tiffResolutions(Buffer.from('II*\0\xff\xff\xff\x7f', 'latin1'), 5)).toBeNull();
  });

  it('stretches a fax image placed on a PDF page at 300 x 150 dpi', async () => {
    const png = await (await squashed()).extractChannel(0).raw().toBuffer();
    const spec = { data: flate(png), dict: { Width: letter.width, Height: letter.height / 2, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' },
      widthPt: (letter.width / 300) * 72, heightPt: (letter.height / 300) * 72 };
    const [page] = await decodeScan(await imagePdf([spec]), 'fax.pdf');
    expect(page!.dpi).toBe(300);
    expect(await diff(page!, letter)).toBeLessThan(3);
  });
});

describe('decodeScan: scanner PDFs', () => {
  it('extracts DCT (JPEG) page images at the scanned resolution', async () => {
    const jpeg = await rawToSharp(letter).jpeg({ quality: 90 }).toBuffer();
    // Placed as a 240 dpi scan: a rendered page would come out at 300 dpi and another size.
    const spec = { data: jpeg, dict: { Width: letter.width, Height: letter.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'DCTDecode' }, widthPt: (letter.width / 240) * 72, heightPt: (letter.height / 240) * 72 };
    const pages = await decodeScan(await imagePdf([spec, spec]), 'scan.pdf');
    expect(pages.map((p) => p.dpi)).toEqual([240, 240]);
    expect(await diff(pages[1]!, letter)).toBeLessThan(3);
  });

  it('extracts Flate RGB and 1-bit images, honouring /Decode [1 0]', async () => {
    const rgb = Buffer.alloc(small.data.length * 3);
    small.data.forEach((v, i) => rgb.fill(v, i * 3, i * 3 + 3));
    const rowBytes = Math.ceil(small.width / 8);
    const bits = Buffer.alloc(rowBytes * small.height);
    // Stored with 1 = black and /Decode [1 0], as some scanners write bilevel pages.
    small.data.forEach((v, i) => {
      const x = i % small.width, y = Math.floor(i / small.width);
      if (v < 128) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    });
    const pdf = await imagePdf([
      { data: flate(rgb), dict: { Width: small.width, Height: small.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'FlateDecode' }, widthPt: 595.28, heightPt: 841.89 },
      { data: flate(bits), dict: { Width: small.width, Height: small.height, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode', Decode: [1, 0] }, widthPt: 595.28, heightPt: 841.89 },
    ]);
    const pages = await decodeScan(pdf, 'scan.pdf');
    expect(pages.map((p) => p.dpi)).toEqual([100, 100]);
    expect(await diff(pages[0]!, small)).toBeLessThan(1);
    expect(await diff(pages[1]!, small)).toBeLessThan(20); // thresholded copy: only antialiasing differs
  });

  it('undoes PNG predictors (Predictor 15), using the IDAT stream of a real adaptive-filtered PNG', async () => {
    const png = await rawToSharp(small).png({ adaptiveFiltering: true, compressionLevel: 6 }).toBuffer();
    const idat: Buffer[] = [];
    for (let at = 8; at < png.length; ) {
      const len = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
      at += 12 + len;
    }
    const dict = { Width: small.width, Height: small.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode', DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: 8, Columns: small.width } };
    const [page] = await decodeScan(await imagePdf([{ data: Buffer.concat(idat), dict, widthPt: 595.28, heightPt: 841.89 }]), 'pred.pdf');
    expect(page!.dpi).toBe(100);
    expect(await diff(page!, small)).toBe(0);
  });

  it('decodes a CCITT G4 page taken from a real G4 TIFF', async () => {
    // Height a multiple of 16 so sharp writes the whole page as one tile: one G4 stream.
    const h = 3504;
    const src = { ...letter, height: h, data: letter.data.subarray(0, letter.width * h) };
    const tif = await rawToSharp(src).toColourspace('b-w').threshold(128).tiff({ compression: 'ccittfax4', bitdepth: 1, tile: true, tileWidth: letter.width, tileHeight: h }).toBuffer();
    const [offset] = tiffTag(tif, 324), [count] = tiffTag(tif, 325);
    expect(tiffTag(tif, 325)).toHaveLength(1);
    const photometric = tiffTag(tif, 262)[0];
    const g4 = tif.subarray(offset!, offset! + count!);
    const dict = { Width: src.width, Height: h, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'CCITTFaxDecode', DecodeParms: { K: -1, Columns: src.width, Rows: h, BlackIs1: photometric === 1 } };
    const t0 = performance.now();
    // Declared 200 dpi (page size) so extraction is told apart from the 300 dpi render fallback.
    const [page] = await decodeScan(await imagePdf([{ data: g4, dict, widthPt: (src.width / 200) * 72, heightPt: (h / 200) * 72 }]), 'g4.pdf');
    console.log(`CCITT G4 A4 300 dpi page decode: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(page!.dpi).toBe(200);
    expect(await diff(page!, src)).toBeLessThan(10);
  });

  it('extracts the image of a searchable scan (invisible OCR text layer), streaming page by page', async () => {
    const jpeg = await rawToSharp(small).jpeg({ quality: 90 }).toBuffer();
    const dict = { Width: small.width, Height: small.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'DCTDecode' };
    // 120 dpi placement: extraction reports 120, the 300 dpi renderer would not.
    const spec = { data: jpeg, dict, widthPt: (small.width / 120) * 72, heightPt: (small.height / 120) * 72, extraOps: 'BT 3 Tr /F1 12 Tf 72 700 Td (Szanowni (Panstwo) Do) Tj ET' };
    const seen: (number | null)[] = [];
    for await (const page of decodeScanPages(await imagePdf([spec, spec, spec]), 'ocr.pdf')) seen.push(page.dpi);
    expect(seen).toEqual([120, 120, 120]);
  });

  it('tells a lone image from painted content in a content stream', () => {
    const enc = (s: string): Uint8Array => Buffer.from(s, 'latin1');
    const one = summariseContent(enc('q 1 0 0 1 10 20 cm q 595 0 0 842 0 0 cm /Im0 Do Q Q'));
    expect(one).toEqual({ draws: [{ name: 'Im0', ctm: [595, 0, 0, 842, 10, 20] }], otherPainting: false });
    expect(summariseContent(enc('BT /F1 12 Tf (Hello) Tj ET')).otherPainting).toBe(true);
    expect(summariseContent(enc('0 0 m 100 100 l S')).otherPainting).toBe(true);
    expect(summariseContent(enc('0 0 100 100 re W n /Im0 Do')).otherPainting).toBe(false);
    expect(summariseContent(enc('BI /W 1 /H 1 ID x EI')).otherPainting).toBe(true);
    expect(summariseContent(enc('/Im0 Do /Im1 Do')).draws).toHaveLength(2);
  });

  it('applies the page /Rotate of an extracted image', async () => {
    const jpeg = await rawToSharp(small).rotate(-90).jpeg({ quality: 92 }).toBuffer();
    const dict = { Width: small.height, Height: small.width, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'DCTDecode' };
    const [page] = await decodeScan(await imagePdf([{ data: jpeg, dict, widthPt: 841.89, heightPt: 595.28, rotate: 90 }]), 'r.pdf');
    expect(await diff(page!, small)).toBeLessThan(6);
  });

  it('renders pages that are not one image (vector text, strips) at 300 dpi', async () => {
    const [text] = await decodeScan(await textPdf(['Szanowni Panstwo, wypowiadam umowe.']), 'digital.pdf');
    expect(text!.dpi).toBe(300);
    expect([text!.width, text!.height]).toEqual([2480, 3508]);
    const px = await grey(text!);
    const inked = px.filter((v) => v < 128).length;
    expect(inked).toBeGreaterThan(2000); // the text line is there
    expect(inked).toBeLessThan(px.length * 0.02); // on a white page

    const half = Math.floor(small.height / 2);
    const strips = await Promise.all([0, half].map((top) => rawToSharp(small).extract({ left: 0, top, width: small.width, height: half }).jpeg().toBuffer()));
    const [page] = await decodeScan(await stripPdf(strips.map((jpeg) => ({ jpeg, heightPx: half })), 595.28, 841.89), 'strips.pdf');
    expect(page!.dpi).toBe(300);
    const back = await sharp(page!.png).resize(small.width, small.height, { fit: 'fill' }).extractChannel(0).raw().toBuffer();
    expect(diffRaw(back, small.data)).toBeLessThan(12);
  });
  it('renders JPEG 2000 and JBIG2 page images (pdf.js decoders, wasm loaded from the package)', async () => {
    // Made once with opj_compress and jbig2enc (symbol mode, jbig2topdf.py) from page-strip.png: CI
    // has neither encoder. Without pdf.js's wasmUrl the JPEG 2000 page came out white.
    const dir = new URL('./scanner-pdfs/', import.meta.url);
    const src = await sharp(readFileSync(new URL('page-strip.png', dir))).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const jpx = await imagePdf([{ data: readFileSync(new URL('page-strip.jp2', dir)), widthPt: 432, heightPt: 93.6,
      dict: { Width: src.info.width, Height: src.info.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'JPXDecode' } }]);
    const inked = (px: Buffer) => px.filter((v) => v < 128).length;
    for (const [name, pdf] of [['jpx.pdf', jpx], ['jbig2.pdf', readFileSync(new URL('jbig2-symbols.pdf', dir))]] as const) {
      const [page] = await decodeScan(pdf, name);
      const back = await sharp(page!.png).resize(src.info.width, src.info.height, { fit: 'fill' }).extractChannel(0).raw().toBuffer();
      expect(inked(back) / inked(src.data), name).toBeGreaterThan(0.7);
      expect(inked(back) / inked(src.data), name).toBeLessThan(1.3);
      expect(diffRaw(back, src.data), name).toBeLessThan(8);
    }
  });
});

describe('decodeScan: bad input', () => {
  it('gives operator-readable PermanentError codes', async () => {
    expect(await permanentCode(decodeScan(Buffer.alloc(0), 'x.pdf'))).toBe('EMPTY_FILE');
    expect(await permanentCode(decodeScan(Buffer.from('PK\x03\x04 this is a zip'), 'x.pdf'))).toBe('UNSUPPORTED_FORMAT');
    expect(await permanentCode(decodeScan(Buffer.from('GIF89a....'), 'x.gif'))).toBe('UNSUPPORTED_FORMAT');
    // A text file renamed .pdf is named for what it is.
    await expect(decodeScan(Buffer.from('Szanowni Państwo,\nproszę o…'), 'list.pdf')).rejects.toThrow(/it is text/);
    await expect(decodeScan(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0x8f, 0x01]), 'x.pdf')).rejects.not.toThrow(/it is text/);
    expect(await permanentCode(decodeScan(await encryptedPdf(), 'secret.pdf'))).toBe('ENCRYPTED_PDF');
    expect(await permanentCode(decodeScan(await emptyPdf(), 'empty.pdf'))).toBe('NO_PAGES');
    expect(await permanentCode(decodeScan(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'trunc.pdf'))).toBe('CORRUPT_FILE');
    const jpg = await rawToSharp(small).jpeg().toBuffer();
    expect(await permanentCode(decodeScan(jpg.subarray(0, jpg.length / 2), 'cut.jpg'))).toBe('CORRUPT_FILE');
    const tif = await rawToSharp(small).tiff({ compression: 'lzw' }).toBuffer();
    expect(await permanentCode(decodeScan(tif.subarray(0, 200), 'cut.tif'))).toBe('CORRUPT_FILE');
  });

  it('refuses a Flate decompression bomb instead of inflating it', async () => {
    const bomb = flate(Buffer.alloc(64 * 1024 * 1024)); // 64 MB of zeros in ~64 kB
    const dict = { Width: 100, Height: 100, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' };
    const pdf = await imagePdf([{ data: bomb, dict, widthPt: 72, heightPt: 72 }]);
    expect(await permanentCode(decodeScan(pdf, 'bomb.pdf'))).toBe('CORRUPT_FILE');
  });

  it('refuses files with more pages than the limit', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 501; i++) doc.addPage([100, 100]);
    expect(await permanentCode(decodeScan(Buffer.from(await doc.save()), 'many.pdf'))).toBe('TOO_MANY_PAGES');
  });

  it('refuses images over the pixel limit before decoding them', async () => {
    const dict = { Width: 60000, Height: 60000, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode' };
    const pdf = await imagePdf([{ data: flate(Buffer.alloc(10)), dict, widthPt: 595, heightPt: 842 }]);
    expect(await permanentCode(decodeScan(pdf, 'huge.pdf'))).toBe('IMAGE_TOO_LARGE');
    // Same image on a page that must be rendered (text drawn too): checked before pdf.js sees it.
    const mixed = await imagePdf([{ data: flate(Buffer.alloc(10)), dict, widthPt: 595, heightPt: 842, extraOps: '0 0 m 100 100 l S' }]);
    expect(await permanentCode(decodeScan(mixed, 'huge2.pdf'))).toBe('IMAGE_TOO_LARGE');
  });

  it('detects formats by magic bytes', () => {
    expect(detectFormat(Buffer.from('junk\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectFormat(Buffer.from([0x49, 0x49, 0x2a, 0x00]))).toBe('tiff');
    expect(detectFormat(Buffer.from([0x4d, 0x4d, 0x00, 0x2a]))).toBe('tiff');
    expect(detectFormat(Buffer.from('hello'))).toBeNull();
  });
});
