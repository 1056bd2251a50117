// Line noise on a black-and-white fax, cleared at the fax's own resolution. A standard-mode fax is
// 204 x 98 dpi; made square, each one-pixel speck becomes two pixels tall, which OCR preparation's
// speckle measure (isolated single pixels, ocr/page-preparer.ts) no longer sees, so it kept the
// specks and tesseract read three such faxes of blind test AO at 29-89 % of their words. Counting
// specks of two pixels there instead took the broken strokes of faint typewriter pages with them.
import { SPECKLE_SHARE, isolatedInk } from '../core/grey-pixels.js';

/**
 * Whitens ink pixels (0) with no ink among their eight neighbours (isolatedInk, as the preparer's
 * speckle measure counts them), in place, when they are more than SPECKLE_SHARE of the picture (a
 * noisy page); returns how many it whitened. `px`: one byte per pixel, 0 or 255.
 */
export function clearIsolatedPixels(px: Uint8Array, width: number, height: number): number {
  const isolated: number[] = [];
  isolatedInk(px, width, height, 0, (i) => isolated.push(i));
  if (isolated.length <= SPECKLE_SHARE * width * height) return 0;
  for (const i of isolated) px[i] = 255;
  return isolated.length;
}
