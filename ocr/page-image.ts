// Small sharp helpers shared by page preparation and archiving: raw grey buffers in and out,
// the 180° turn for read-page, and the image format handed to the searchable PDF.
import sharp, { type Sharp } from 'sharp';
import { isPlainGreyPng } from './searchable-pdf.js';

export interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

export async function toRaw(img: Sharp): Promise<Raw> {
  const { data, info } = await img.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export const fromRaw = (r: Raw) => sharp(r.data, { raw: { width: r.width, height: r.height, channels: 1 } });

/** Sets the rectangle [x0, x1] × [y0, y1] (inclusive, clipped to the page) to paper white. */
export function whiten(r: Raw, x0: number, x1: number, y0: number, y1: number): void {
  const a = Math.max(0, x0), b = Math.min(r.width - 1, x1);
  for (let y = Math.max(0, y0); y <= Math.min(r.height - 1, y1); y++) r.data.fill(255, y * r.width + a, y * r.width + b + 1);
}

/** Turns a prepared page upside down (for the 180° check in read-page). */
export async function rotatePng180(png: Buffer): Promise<Buffer> {
  return sharp(png).rotate(180).toColourspace('b-w').png({ compressionLevel: 3 }).toBuffer();
}

/** Mirrored left to right (for the show-through check in read-page). */
export async function mirrorPng(png: Buffer): Promise<Buffer> {
  return sharp(png).flop().toColourspace('b-w').png({ compressionLevel: 3 }).toBuffer();
}

/** Black and white at mid-grey: a deskewed bitonal scan back to two levels. */
export async function binarizePng(png: Buffer): Promise<Buffer> {
  return sharp(png).threshold(128).toColourspace('b-w').png({ compressionLevel: 3 }).toBuffer();
}

/**
 * JPEG settings of the archived page: mozjpeg's quantisation table with Huffman tables optimised
 * per page, but no trellis quantisation or progressive scans. On 21 prepared grey bench pages
 * (A4, 300 dpi) `mozjpeg: true` took 488 ms a page for 103 KB; these settings 55 ms for 153 KB,
 * and trellis alone 268 ms for 124 KB. The searchable PDF is a reading copy (the original scan is
 * archived as it came), so half a second of a core per page buys too little.
 */
export const PDF_JPEG = { quantisationTable: 3, optimiseCoding: true } as const;

/**
 * The page image to archive in the searchable PDF. pdf-lib decodes and re-compresses PNGs in
 * JavaScript (measured 1.6 s for a bitonal and 12 s for a speckled grey A4 page), so it never gets
 * one: bitonal pages become 1-bit PBM (searchable-pdf deflates it natively, ~70 KB a page), grey
 * pages keep their 8-bit PNG when it is smaller than its JPEG (clean pages: lossless and ~140 KB;
 * searchable-pdf copies its compressed data as it is) and become JPEG otherwise (grain and noise
 * make the PNG 0.4-1 MB, the JPEG 0.1-0.3 MB).
 */
export async function encodeForPdf(png: Buffer, quality = 70): Promise<Buffer> {
  const { data, width, height } = await toRaw(sharp(png));
  let bitonal = true;
  for (let i = 0; i < data.length && bitonal; i++) if (data[i] !== 0 && data[i] !== 255) bitonal = false;
  if (!bitonal) {
    // Encode from the pixels already decoded for the bitonal test, not from the PNG again.
    const jpeg = await fromRaw({ data, width, height }).toColourspace('b-w').jpeg({ quality, ...PDF_JPEG }).toBuffer();
    return isPlainGreyPng(png) && png.length <= jpeg.length ? png : jpeg;
  }
  const rowBytes = Math.ceil(width / 8);
  const header = Buffer.from(`P4\n${width} ${height}\n`, 'ascii');
  const bits = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + (x >> 3);
      if (data[y * width + x] === 0) bits[at] = bits[at]! | (0x80 >> (x & 7));
    }
  return Buffer.concat([header, bits]);
}
