// Line noise on a black-and-white fax, cleared at the fax's own resolution. A standard-mode fax is
// 204 x 98 dpi; made square, each one-pixel speck becomes two pixels tall, which OCR preparation's
// speckle measure (isolated single pixels, ocr/page-preparer.ts) no longer sees, so it kept the
// specks and tesseract read three such faxes of blind test AO at 29-89 % of their words. Counting
// specks of two pixels there instead took the broken strokes of faint typewriter pages with them.
import { SPECKLE_SHARE } from '../core/grey-pixels.js';

/**
 * Whitens ink pixels (0) with no ink among their eight neighbours, in place, when they are
 * more than SPECKLE_SHARE of the picture (a noisy page); returns how many it whitened.
 * `px`: one byte per pixel, 0 or 255.
 */
export function clearIsolatedPixels(px: Uint8Array, width: number, height: number): number {
  const isolated: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (px[i] !== 0) continue;
      let alone = true;
      for (let dy = -1; dy <= 1 && alone; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if ((dx || dy) && xx >= 0 && xx < width && px[yy * width + xx] === 0) {
            alone = false;
            break;
          }
        }
      }
      if (alone) isolated.push(i);
    }
  }
  if (isolated.length <= SPECKLE_SHARE * width * height) return 0;
  for (const i of isolated) px[i] = 255;
  return isolated.length;
}
