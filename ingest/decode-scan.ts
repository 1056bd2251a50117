// Turns an uploaded scan file (PDF, TIFF, JPEG, PNG, WebP) into greyscale page images.
// The format is taken from the bytes: scanners and users name files carelessly.
import sharp from 'sharp';
import { PermanentError } from '../core/errors.js';
import type { PageImage } from '../core/types.js';
import { MAX_PAGES, decodeFailure, finishPage, sharpInput, squarePixels, usableDpi } from './page-output.js';
import { tiffResolutions, verticalStretch } from './tiff-resolution.js';
import { decodePdf } from './decode-pdf.js';

export type ScanFormat = 'pdf' | 'tiff' | 'jpeg' | 'png' | 'webp';

export function detectFormat(bytes: Buffer): ScanFormat | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 4) {
    const head = b.subarray(0, 4).toString('latin1');
    // Classic TIFF and BigTIFF, both byte orders.
    if (head === 'II*\0' || head === 'MM\0*' || head === 'II+\0' || head === 'MM\0+') return 'tiff';
  }
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }
  // The PDF spec tolerates junk before the header; readers look in the first kilobyte.
  if (b.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  return null;
}

/** Printable characters and line breaks only, in the first kilobyte: a text file, not a scan. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc0 || (b >= 0x80 && b < 0xc0));
}

export async function decodeScan(bytes: Buffer, fileName: string): Promise<PageImage[]> {
  const pages: PageImage[] = [];
  for await (const page of decodeScanPages(bytes, fileName)) pages.push(page);
  return pages;
}

/**
 * Same pages one at a time, so a caller can store each page before the next is decoded
 * (a 500-page stack as PNGs would otherwise sit in memory at once).
 */
export async function* decodeScanPages(bytes: Buffer, fileName: string): AsyncGenerator<PageImage> {
  if (bytes.length === 0) throw new PermanentError('EMPTY_FILE', `${fileName}: the file is empty (0 bytes)`);
  const format = detectFormat(bytes);
  if (format === null) {
    throw new PermanentError(
      'UNSUPPORTED_FORMAT',
      `${fileName}: not a PDF, TIFF, JPEG, PNG or WebP file (${looksLikeText(bytes) ? 'it is text, ' : ''}starts with bytes ${bytes.subarray(0, 8).toString('hex')})`,
    );
  }
  if (format === 'pdf') yield* decodePdf(bytes, fileName);
  else yield* decodeRaster(bytes, fileName, format);
}

async function* decodeRaster(bytes: Buffer, fileName: string, format: ScanFormat): AsyncGenerator<PageImage> {
  let pageCount = 1;
  let density: number | undefined;
  try {
    const meta = await sharp(bytes, sharpInput).metadata();
    // Animated WebP is not a page stack; only TIFF pages are separate sheets.
    if (format === 'tiff') pageCount = meta.pages ?? 1;
    density = meta.density;
  } catch (err) {
    throw decodeFailure(fileName, `${format.toUpperCase()} header`, err);
  }
  if (pageCount > MAX_PAGES) {
    throw new PermanentError('TOO_MANY_PAGES', `${fileName}: ${pageCount} pages exceeds the limit of ${MAX_PAGES} per file`);
  }
  const resolutions = format === 'tiff' ? tiffResolutions(bytes, pageCount) : null;
  for (let i = 0; i < pageCount; i++) {
    let page: PageImage;
    try {
      let img = sharp(bytes, { ...sharpInput, page: i });
      // Pages of a TIFF may differ in resolution (mixed duplex settings), so read each one's own.
      const dpi = pageCount > 1 ? usableDpi((await img.metadata()).density) : usableDpi(density);
      const stretch = verticalStretch(resolutions?.[i]);
      // A fax's tall pixels made square; such files carry no orientation tag worth keeping.
      if (stretch !== null) img = await squarePixels(img, stretch);
      // autoOrient applies the EXIF/TIFF orientation tag so the page is upright as the scanner meant.
      page = await finishPage(img.autoOrient(), dpi);
    } catch (err) {
      throw decodeFailure(fileName, pageCount > 1 ? `page ${i + 1} of ${pageCount}` : 'the image', err);
    }
    yield page;
  }
}
