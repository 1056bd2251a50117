// Colour to grey for OCR, with stamp and pen dropout, for every colour picture (scanned
// JPEG/PNG/TIFF, RGB images inside PDFs, rendered PDF pages) through page-output's
// colourPixelsToGrey, which takes the census here and leaves pages with nothing to drop to libvips.
// Plain luma turns a red or blue receipt stamp into a mid-dark grey that merges with the typing
// under it. Here neutral ink keeps its luma while strongly coloured ink becomes max(R,G,B), lifted
// to paper white when that is already light: the stamp falls on the paper side of the binarisation.
// Black typing under a stamp stays black, since max(R,G,B) of a dark pixel is dark whatever its tint.
// Typing that a covering stamp tints is kept by its shade against the stamp (under-stamp.ts).
// Dropout is local (dropoutMask): coloured print away from the typing (letterhead, red heading, logo)
// keeps its luma, so the customer's name or NIP printed in colour still reaches OCR.
import { liftUnderStamp, stampBrightness } from './under-stamp.js';

/**
 * Chroma (max - min of R,G,B) below which a pixel is neutral and above which it is ink colour.
 * Measured on generated colour scans (red/blue/violet stamps over typing, blur, noise, JPEG q60-85
 * with 4:2:0 chroma): black typing off the stamp has chroma <= 14 at its 99th percentile (JPEG
 * chroma bleed next to the stamp reaches 57 at the 99.9th, but those pixels are dark in every
 * channel so max() keeps them dark); stamp ink has chroma >= 53 at its 5th percentile, 110 median.
 * Line CER with max() hardly moved between 16/40 and 24/56 (3.08 / 3.22 %); 32/80 was worse (3.59 %).
 */
export const CHROMA_NEUTRAL = 24;
export const CHROMA_COLOURED = 56;
/**
 * max(R,G,B) from which coloured ink is lifted towards white (fully at LIFT_FULL). max() alone left
 * blue stamps at 170-190 grey, which preparation's contrast stretch turned back into ink: on the 6
 * of 16 measured letters where the stamp hurt, line CER was 6.30 % with luma, 3.22 % with max(),
 * 0.22 % lifted from 130-170 (1.14 % from 150-190). Typing under a stamp keeps max() <= 132 at its
 * 99th percentile (JPEG chroma bleed), stamp ink has max() >= 157 at its 1st.
 */
const LIFT_FROM = 130;
const LIFT_FULL = 170;
/** Luma below which a pixel counts as ink for the page census (stamp ink is 86-198 luma, 5-95 %). */
const INK_LUMA = 200;
/**
 * Coloured share of the page's ink above which the colour ink is the content (a letter in blue pen,
 * a colour brochure) and is kept. Measured: stamped typed letters 9-21 %, letters in blue pen 96-100 %.
 */
export const COLOURED_INK_IS_CONTENT = 0.5;
/** Below this coloured share there is nothing to drop (colour fringes of a black-and-white scan). */
const COLOURED_INK_MIN = 0.002;
/** Census sample: every 7th pixel (odd, so columns do not alias with stroke widths). */
const SAMPLE_STEP = 7;

// Luma as libvips computes it for greyscale(): sRGB -> linear light, Rec.709 weights, back to
// sRGB. Integer tables keep the loop tight; results are within 1 of libvips, exact on neutral pixels.
const Y_SCALE = 1 << 16;
const LIN_R = new Uint32Array(256);
const LIN_G = new Uint32Array(256);
const LIN_B = new Uint32Array(256);
for (let v = 0; v < 256; v++) {
  const s = v / 255;
  const lin = s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  LIN_R[v] = Math.round(lin * 0.2126 * Y_SCALE);
  LIN_G[v] = Math.round(lin * 0.7152 * Y_SCALE);
  LIN_B[v] = Math.round(lin * 0.0722 * Y_SCALE);
}
const ENCODE = new Uint8Array(Y_SCALE + 2);
for (let i = 0; i < ENCODE.length; i++) {
  const y = Math.min(1, i / Y_SCALE);
  ENCODE[i] = Math.round(255 * (y <= 0.0031308 ? y * 12.92 : 1.055 * y ** (1 / 2.4) - 0.055));
}
/** Weight of the lifted max(R,G,B) against luma by chroma, in 1/256: 0 when neutral, 256 when coloured, a ramp between. */
const TOWARDS_MAX = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  TOWARDS_MAX[c] = Math.round(256 * Math.min(1, Math.max(0, (c - CHROMA_NEUTRAL) / (CHROMA_COLOURED - CHROMA_NEUTRAL))));
}

/** What coloured ink becomes, by its max(R,G,B). */
const LIFTED = new Uint8Array(256);
for (let m = 0; m < 256; m++) LIFTED[m] = Math.round(m + (255 - m) * Math.min(1, Math.max(0, (m - LIFT_FROM) / (LIFT_FULL - LIFT_FROM))));

export interface InkCensus {
  /** Sampled ink pixels that are neutral (black, grey typing). */
  neutral: number;
  /** Sampled ink pixels that are coloured (stamp, pen, printed colour). */
  coloured: number;
}

/** Counts neutral and coloured ink on a subsample of interleaved pixels (`channels` 3 or 4, RGB first). */
export function inkCensus(px: Uint8Array, channels: number): InkCensus {
  let neutral = 0;
  let coloured = 0;
  const step = SAMPLE_STEP * channels;
  for (let i = 0; i + 2 < px.length; i += step) {
    const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
    if (r === g && g === b) {
      if (r < INK_LUMA) neutral++;
      continue;
    }
    if (ENCODE[LIN_R[r]! + LIN_G[g]! + LIN_B[b]!]! >= INK_LUMA) continue;
    const chroma = Math.max(r, g, b) - Math.min(r, g, b);
    if (chroma < CHROMA_NEUTRAL) neutral++;
    else if (chroma >= (CHROMA_NEUTRAL + CHROMA_COLOURED) >> 1) coloured++;
  }
  return { neutral, coloured };
}

/** Whether a page's coloured ink is a receipt stamp or pen marks to drop, rather than nothing or the content. */
export function dropsColourInk(c: InkCensus): boolean {
  const ink = c.neutral + c.coloured;
  return ink > 0 && c.coloured / ink >= COLOURED_INK_MIN && c.coloured / ink <= COLOURED_INK_IS_CONTENT;
}

/**
 * Where dropout applies: tiles of 32 px (2.7 mm at 300 dpi) holding both neutral and coloured ink,
 * grown by SPREAD tiles, then along coloured tiles. A stamp or pen stroke only harms OCR where it
 * meets typing; coloured print in its own area keeps its luma and stays readable. SPREAD 2 without
 * the growth left stamp frames in the gaps between paragraphs; 1 with it drops the same stamp ink
 * as page-wide dropout on the benchmark's 16 stamped-over-text letters but for under 15 pixels.
 */
const TILE_SHIFT = 5;
const SPREAD = 1;
/** Sampled ink pixels (every 2nd of every 2nd row: 256 per tile) of each kind that make a tile mixed. */
const MIXED_MIN = 6;
/** Sampled coloured pixels through which the mask grows, and how many tiles far (a stamp is 44 x 16 mm). */
const GROW_MIN = 2;
const REACH = 16;

/** One byte per TILE x TILE tile: 1 where coloured ink is to be dropped. */
export function dropoutMask(px: Uint8Array, channels: number, width: number): { mask: Uint8Array; cols: number } {
  const height = Math.floor(px.length / channels / width);
  const cols = (width + (1 << TILE_SHIFT) - 1) >> TILE_SHIFT;
  const rows = (height + (1 << TILE_SHIFT) - 1) >> TILE_SHIFT;
  const neutral = new Uint16Array(cols * rows);
  const coloured = new Uint16Array(cols * rows);
  const colouredFrom = (CHROMA_NEUTRAL + CHROMA_COLOURED) >> 1;
  for (let y = 0; y < height; y += 2) {
    const t0 = (y >> TILE_SHIFT) * cols;
    for (let x = 0, i = y * width * channels; x < width; x += 2, i += 2 * channels) {
      const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      const t = t0 + (x >> TILE_SHIFT);
      if (max - min >= colouredFrom) coloured[t] = coloured[t]! + 1;
      else if (max - min < CHROMA_NEUTRAL && max < INK_LUMA) neutral[t] = neutral[t]! + 1;
    }
  }
  // Mixed tiles, then a square dilation (a row pass and a column pass) for stamp ink beside typing.
  const a = new Uint8Array(cols * rows);
  for (let t = 0; t < a.length; t++) a[t] = neutral[t]! >= MIXED_MIN && coloured[t]! >= MIXED_MIN ? 1 : 0;
  const b = new Uint8Array(cols * rows);
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++)
      if (a[ty * cols + tx]) for (let d = Math.max(0, tx - SPREAD); d <= Math.min(cols - 1, tx + SPREAD); d++) b[ty * cols + d] = 1;
  const mask = new Uint8Array(cols * rows);
  for (let ty = 0; ty < rows; ty++)
    for (let tx = 0; tx < cols; tx++)
      if (b[ty * cols + tx]) for (let d = Math.max(0, ty - SPREAD); d <= Math.min(rows - 1, ty + SPREAD); d++) mask[d * cols + tx] = 1;
  // Then along coloured ink: a stamp's frame and lines off the typing go with the rest of it, up to
  // REACH tiles from the mask; coloured print apart from the typing touches no masked tile.
  for (let k = 0; k < REACH; k++) {
    for (let t = 0; t < mask.length; t++) {
      if (mask[t] || coloured[t]! < GROW_MIN) continue;
      const tx = t % cols;
      if ((tx > 0 && mask[t - 1] === 1) || (tx < cols - 1 && mask[t + 1] === 1) || mask[t - cols] === 1 || mask[t + cols] === 1) mask[t] = 2;
    }
    for (let t = 0; t < mask.length; t++) if (mask[t] === 2) mask[t] = 1;
  }
  return { mask, cols };
}

/** Histogram of max(R,G,B) of fully coloured pixels in masked tiles, every 2nd of every 2nd row. */
function colouredMaxima(px: Uint8Array, channels: number, width: number, mask: Uint8Array, cols: number): Uint32Array {
  const hist = new Uint32Array(256);
  const height = Math.floor(px.length / channels / width);
  for (let y = 0; y < height; y += 2) {
    const t0 = (y >> TILE_SHIFT) * cols;
    for (let x = 0, i = y * width * channels; x < width; x += 2, i += 2 * channels) {
      if (!mask[t0 + (x >> TILE_SHIFT)]) continue;
      const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      if (max - min >= CHROMA_COLOURED) hist[max] = hist[max]! + 1;
    }
  }
  return hist;
}

/**
 * One grey byte per pixel from interleaved RGB (3) or RGBA/RGBX (4) samples; alpha is ignored.
 * With `width`, coloured ink is dropped only near neutral ink (dropoutMask); without, page-wide.
 */
export function colourToGrey(px: Uint8Array, channels: 3 | 4, width?: number, drop = dropsColourInk(inkCensus(px, channels))): Buffer {
  const n = Math.floor(px.length / channels);
  const out = Buffer.allocUnsafe(n);
  const w = width || n;
  const { mask, cols } = drop && width ? dropoutMask(px, channels, width) : { mask: null, cols: 0 };
  const lifted = mask ? liftUnderStamp(LIFTED, stampBrightness(colouredMaxima(px, channels, w, mask, cols))) : LIFTED;
  for (let p = 0, i = 0, x = 0, row = 0; p < n; p++, i += channels, x++) {
    if (x === w) {
      x = 0;
      row++;
    }
    const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
    if (r === g && g === b) {
      out[p] = r;
      continue;
    }
    if (mask ? mask[(row >> TILE_SHIFT) * cols + (x >> TILE_SHIFT)] : drop) {
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      const t = TOWARDS_MAX[max - min]!;
      // Fully coloured ink needs no luma: most stamp pixels end here.
      if (t === 256) {
        out[p] = lifted[max]!;
        continue;
      }
      const luma = ENCODE[LIN_R[r]! + LIN_G[g]! + LIN_B[b]!]!;
      out[p] = t === 0 ? luma : luma + (((lifted[max]! - luma) * t) >> 8);
      continue;
    }
    out[p] = ENCODE[LIN_R[r]! + LIN_G[g]! + LIN_B[b]!]!;
  }
  return out;
}
