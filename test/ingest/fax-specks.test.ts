import { describe, expect, it } from 'vitest';
import { clearIsolatedPixels } from '../../ingest/fax-specks.js';

/** A white picture with a 3x2 block of ink (a letter's dot at fax resolution) and `specks` single pixels. */
function picture(specks: number): { px: Uint8Array; width: number; height: number } {
  const width = 200, height = 100;
  const px = new Uint8Array(width * height).fill(255);
  for (const [x, y] of [[10, 10], [11, 10], [12, 10], [10, 11], [11, 11], [12, 11]] as const) px[y * width + x] = 0;
  px[50 * width + 60] = px[50 * width + 61] = 0; // a two-pixel piece: not a speck
  for (let k = 0; k < specks; k++) px[(20 + 3 * Math.floor(k / 50)) * width + 20 + 3 * (k % 50)] = 0;
  return { px, width, height };
}

describe('clearIsolatedPixels (a fax\'s line noise, at its own resolution)', () => {
  it('whitens single-pixel specks on a noisy page and nothing bigger', () => {
    const { px, width, height } = picture(200);
    expect(clearIsolatedPixels(px, width, height)).toBe(200);
    expect(px.filter((v) => v === 0).length).toBe(8);
    expect(px[10 * width + 10]).toBe(0);
    expect(px[50 * width + 61]).toBe(0);
  });

  it('leaves a page with a few isolated pixels as it is: they may be dots of its letters', () => {
    const { px, width, height } = picture(5);
    expect(clearIsolatedPixels(px, width, height)).toBe(0);
    expect(px.filter((v) => v === 0).length).toBe(13);
  });
});
