// Shared limits and the single place where any decoded picture becomes a PageImage.
import sharp from 'sharp';

export type Sharp = ReturnType<typeof sharp>;
import { PermanentError } from '../core/errors.js';
import type { PageImage } from '../core/types.js';
import { colourToGrey, dropsColourInk, inkCensus } from './colour-dropout.js';
import { clearIsolatedPixels } from './fax-specks.js';

/** More pages than any real letter stack: beyond this the file is hostile or a mistake. */
export const MAX_PAGES = 500;
/** A3 at 600 dpi is ~70 Mpx; anything larger per page is refused before decoding. */
export const MAX_PIXELS = 100_000_000;
/** Resolution used when a PDF page has to be rendered instead of extracted. */
export const RENDER_DPI = 300;

export const sharpInput = { limitInputPixels: MAX_PIXELS } as const;

/** 72 dpi is what software writes when it knows nothing; other nonsense values carry no information either. */
export function usableDpi(density: number | undefined | null): number | null {
  if (density === undefined || density === null || !Number.isFinite(density)) return null;
  if (density < 50 || density > 2400 || Math.abs(density - 72) < 0.5) return null;
  return Math.round(density);
}

export function checkPixels(width: number, height: number, where: string): void {
  if (!(width > 0 && height > 0)) throw new PermanentError('CORRUPT_FILE', `${where}: image has no pixels (${width}x${height})`);
  if (width * height > MAX_PIXELS) {
    throw new PermanentError(
      'IMAGE_TOO_LARGE',
      `${where}: ${width}x${height} pixels exceeds the ${MAX_PIXELS / 1e6} Mpx limit per page`,
    );
  }
}

/**
 * Flattens alpha onto white, converts to 8-bit grey PNG and records the resolution in the PNG too.
 * Colour pictures go through colourToGrey (receipt stamps and pen marks dropped); grey and bitonal
 * ones, told apart by their header alone, keep libvips' greyscale with no extra pass.
 */
export async function finishPage(img: Sharp, dpi: number | null, rotateDegrees = 0): Promise<PageImage> {
  let pipeline = img.flatten({ background: '#ffffff' });
  if (rotateDegrees % 360 !== 0) pipeline = pipeline.rotate(rotateDegrees);
  const meta = await img.metadata();
  if ((meta.channels ?? 1) - (meta.hasAlpha ? 1 : 0) >= 3) {
    const { data, info } = await pipeline.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 && info.channels !== 4) throw new Error(`unexpected ${info.channels}-channel colour pixels`);
    pipeline = rawGrey(await colourPixelsToGrey(data, info.channels, info.width, info.height), info.width, info.height);
  } else pipeline = pipeline.greyscale();
  pipeline = pipeline.toColourspace('b-w');
  if (dpi !== null) pipeline = pipeline.withDensity(dpi);
  // Level 3 is ~3x faster than the default 6 and only slightly larger on scanned paper.
  const { data, info } = await pipeline.png({ compressionLevel: 3 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, dpi };
}

/**
 * Resamples a picture whose pixels are `stretch` times taller than wide (a standard-mode fax,
 * 204 × 98 dpi) to square pixels, so text has its real shape. Stretches beyond 4× are nonsense tags.
 * A black-and-white picture (a fax is) has its line noise cleared first, at its own resolution
 * (fax-specks.ts), then its rows repeated, so it stays black and white: a cubic stretch drew each
 * one-row speck into a grey-fringed blob three rows tall that no speckle filter saw as a speck.
 */
export async function squarePixels(img: Sharp, stretch: number): Promise<Sharp> {
  const f = Math.min(4, Math.max(0.25, stretch));
  const meta = await img.metadata();
  const width = meta.width ?? 0;
  const height = Math.max(1, Math.round((meta.height ?? 0) * f));
  checkPixels(width, height, 'the page resampled to square pixels');
  const src = await img.clone().extractChannel(0).raw().toBuffer();
  const bitonal = (meta.channels ?? 1) === 1 && src.every((v) => v === 0 || v === 255);
  if (bitonal && clearIsolatedPixels(src, meta.width ?? 0, meta.height ?? 0) > 0) {
    img = sharp(src, { raw: { width: meta.width ?? 0, height: meta.height ?? 0, channels: 1 } });
  }
  let resized = img.resize({ width, height, fit: 'fill', kernel: bitonal ? 'nearest' : 'cubic' });
  // libvips hands a resampled one-band picture out as sRGB: keep a grey page grey.
  if ((meta.channels ?? 1) - (meta.hasAlpha ? 1 : 0) < 3) resized = resized.toColourspace('b-w');
  const { data, info } = await resized.raw().toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels }, limitInputPixels: MAX_PIXELS });
}

/**
 * Interleaved RGB/RGBA pixels to grey. Most colour scans are black-and-white letters scanned in
 * colour, with no coloured ink to drop: those get libvips' luma, which colourToGrey's per-pixel
 * JavaScript reproduces to within 1 (the same on neutral pixels) at several times the cost (94 ms
 * of the main thread for an A4 300 dpi page, 63 of the OCR benchmark's 129 files).
 */
export async function colourPixelsToGrey(px: Buffer, channels: 3 | 4, width: number, height: number): Promise<Buffer> {
  const drop = dropsColourInk(inkCensus(px, channels, width));
  if (drop) return colourToGrey(px, channels, width, true);
  let img = sharp(px, { raw: { width, height, channels }, limitInputPixels: MAX_PIXELS });
  if (channels === 4) img = img.removeAlpha();
  const { data } = await img.greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return data;
}

/** Converts raw greyscale bytes (one byte per pixel) to a PageImage. */
export function rawGrey(data: Buffer, width: number, height: number): Sharp {
  return sharp(data, { raw: { width, height, channels: 1 }, limitInputPixels: MAX_PIXELS });
}

/** Maps a sharp/libvips failure to the operator-facing error. */
export function decodeFailure(fileName: string, what: string, err: unknown): PermanentError {
  if (err instanceof PermanentError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(msg)) {
    return new PermanentError('IMAGE_TOO_LARGE', `${fileName}: ${what} is larger than the ${MAX_PIXELS / 1e6} Mpx limit per page`, { cause: err });
  }
  return new PermanentError('CORRUPT_FILE', `${fileName}: ${what} could not be decoded (damaged or truncated file): ${msg}`, { cause: err });
}
