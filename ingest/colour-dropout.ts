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
import { CHROMA_COLOURED, CHROMA_NEUTRAL, INK_LUMA, TILE_SHIFT, dropoutMask } from './dropout-mask.js';
import { hueOf, inkOfHue, shadeAgainstStamp, stampInks, type StampInk } from './under-stamp.js';
import { BANDS, WRITING_RUNS, bandOf, isWriting, rowRuns, writingInks } from './writing-ink.js';

/**
 * max(R,G,B) from which coloured ink is lifted towards white (fully at LIFT_FULL). max() alone left
 * blue stamps at 170-190 grey, which preparation's contrast stretch turned back into ink: on the 6
 * of 16 measured letters where the stamp hurt, line CER was 6.30 % with luma, 3.22 % with max(),
 * 0.22 % lifted from 130-170 (1.14 % from 150-190). Typing under a stamp keeps max() <= 132 at its
 * 99th percentile (JPEG chroma bleed), stamp ink has max() >= 157 at its 1st.
 */
const LIFT_FROM = 130;
const LIFT_FULL = 170;
/**
 * Coloured share of the page's ink above which the colour ink is the content (a letter in blue pen,
 * a colour brochure) and is kept. Measured: stamped typed letters 9-21 %, letters in blue pen 96-100 %.
 */
export const COLOURED_INK_IS_CONTENT = 0.5;
/** Below this coloured share there is nothing to drop (colour fringes of a black-and-white scan). */
const COLOURED_INK_MIN = 0.002;
/** How far from paper (px, either axis) a pixel of the stamp's hue is its stroke's rim: JPEG's ringing reaches 2-3 px. */
const RIM_PX = 3;

/** Paper (luma at least INK_LUMA) within RIM_PX of the pixel at `i`, along a row or a column. */
function besidePaper(px: Uint8Array, i: number, channels: number, stride: number): boolean {
  const paper = (j: number) => j >= 0 && j + 2 < px.length && lumaOf(px[j]!, px[j + 1]!, px[j + 2]!) >= INK_LUMA;
  for (let k = 1; k <= RIM_PX; k++) {
    if (paper(i - k * channels) || paper(i + k * channels) || paper(i - k * stride) || paper(i + k * stride)) return true;
  }
  return false;
}

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
const lumaOf = (r: number, g: number, b: number): number => ENCODE[LIN_R[r]! + LIN_G[g]! + LIN_B[b]!]!;

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
  /** Separate runs of row bands the coloured strokes occupy (writing-ink.ts rowRuns); counted with the page's width only. */
  colouredRuns?: number;
}

/** Census samples in a row band (1.5 mm) that occupy it: writing-ink.ts's 6 at a quarter of the pixels, here a seventh. */
const CENSUS_BAND_SAMPLES = 3;

/**
 * Pixels away from a sample, on both sides, that must be paper for it to count as a stroke (1 mm at 300 dpi):
 * a coloured letterhead band or a filled logo is no ink in this sense. Counted, the blue bands of
 * blind test AK's letterheads made 80 % of the pages' ink "coloured", so their stamps were taken for
 * the letters' content and kept over the typing (a quarter of the words under blue stamps read).
 */
const STROKE_REACH = 12;

const isPaper = (px: Uint8Array, j: number) => j >= 0 && j + 2 < px.length && lumaOf(px[j]!, px[j + 1]!, px[j + 2]!) >= INK_LUMA;
/** Thin in one direction at least: paper on both sides of it (a band's edge has paper on one side only). */
function isStroke(px: Uint8Array, i: number, channels: number, width: number): boolean {
  const across = STROKE_REACH * channels;
  const down = across * width;
  return (isPaper(px, i - across) && isPaper(px, i + across)) || (isPaper(px, i - down) && isPaper(px, i + down));
}

/**
 * Counts neutral and coloured ink on a subsample of interleaved pixels (`channels` 3 or 4, RGB
 * first); with the page's `width`, only strokes (ink with paper STROKE_REACH away on both sides) count.
 */
export function inkCensus(px: Uint8Array, channels: number, width?: number): InkCensus {
  let neutral = 0;
  let coloured = 0;
  const step = SAMPLE_STEP * channels;
  const stroke = (i: number) => !width || isStroke(px, i, channels, width);
  const rowLength = (width ?? 0) * channels;
  const height = width ? Math.floor(px.length / rowLength) : 0;
  const bands = new Uint16Array(BANDS);
  for (let i = 0; i + 2 < px.length; i += step) {
    const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
    if (r === g && g === b) {
      if (r < INK_LUMA && stroke(i)) neutral++;
      continue;
    }
    if (lumaOf(r, g, b) >= INK_LUMA || !stroke(i)) continue;
    const chroma = Math.max(r, g, b) - Math.min(r, g, b);
    if (chroma < CHROMA_NEUTRAL) neutral++;
    else if (chroma >= (CHROMA_NEUTRAL + CHROMA_COLOURED) >> 1) {
      coloured++;
      if (width) bands[bandOf(Math.floor(i / rowLength), height)]!++;
    }
  }
  return width ? { neutral, coloured, colouredRuns: rowRuns(bands, CENSUS_BAND_SAMPLES) } : { neutral, coloured };
}

/**
 * Whether a page's coloured ink is a receipt stamp or pen marks to drop, rather than nothing or the
 * content. Past COLOURED_INK_IS_CONTENT, ink in fewer than WRITING_RUNS separate row runs is still a
 * mark: a big stamp outweighs a short letter's typing (blind test AT: a violet stamp was 53 % and a
 * blue one 66 % of four-line letters' ink, kept over the typing, and three of four lines were lost).
 * Dropping stays local (dropoutMask), so a short note wholly in pen keeps its ink.
 */
export function dropsColourInk(c: InkCensus): boolean {
  const ink = c.neutral + c.coloured;
  if (ink === 0 || c.coloured / ink < COLOURED_INK_MIN) return false;
  return c.coloured / ink <= COLOURED_INK_IS_CONTENT || (c.colouredRuns !== undefined && c.colouredRuns < WRITING_RUNS);
}

/**
 * The inks among fully coloured pixels of the masked tiles (stamps, signatures: judged against
 * their own luma) and the page's writing inks (pen values: kept), every 2nd of every 2nd row.
 */
function sampleInks(px: Uint8Array, channels: number, width: number, mask: Uint8Array, cols: number): { stamps: StampInk[]; writing: number[] } {
  const height = Math.floor(px.length / channels / width);
  let hues = new Float32Array(1 << 16);
  let lumas = new Uint8Array(hues.length);
  let count = 0;
  let pageHues = new Float32Array(1 << 16);
  let pageRows = new Uint16Array(pageHues.length);
  let pageFull = new Uint8Array(pageHues.length);
  let pageCount = 0;
  for (let y = 0; y < height; y += 2) {
    const t0 = (y >> TILE_SHIFT) * cols;
    for (let x = 0, i = y * width * channels; x < width; x += 2, i += 2 * channels) {
      const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      if (max - min < CHROMA_NEUTRAL) continue;
      const luma = lumaOf(r, g, b);
      if (luma >= INK_LUMA) continue;
      const hue = hueOf(r, g, b, max, min);
      const full = max - min >= CHROMA_COLOURED;
      // Writing is told by where its strokes lie on the page (a band or a logo is no stroke).
      if (isStroke(px, i, channels, width)) {
        if (pageCount === pageHues.length) {
          pageHues = grow(pageHues);
          pageRows = grow(pageRows);
          pageFull = grow(pageFull);
        }
        pageHues[pageCount] = hue;
        pageFull[pageCount] = full ? 1 : 0;
        pageRows[pageCount++] = y >> 1;
      }
      if (!full || !mask[t0 + (x >> TILE_SHIFT)]) continue;
      if (count === hues.length) {
        hues = grow(hues);
        lumas = grow(lumas);
      }
      hues[count] = hue;
      lumas[count++] = luma;
    }
  }
  return { stamps: stampInks(hues, lumas, count), writing: writingInks(pageHues, pageRows, pageFull, pageCount, height) };
}
/** A typed array twice as long, holding the same values first. */
function grow<T extends Float32Array | Uint8Array | Uint16Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * One grey byte per pixel from interleaved RGB (3) or RGBA/RGBX (4) samples; alpha is ignored.
 * With `width`, coloured ink is dropped only near neutral ink (dropoutMask); without, page-wide.
 */
export function colourToGrey(px: Uint8Array, channels: 3 | 4, width?: number, drop = dropsColourInk(inkCensus(px, channels, width))): Buffer {
  const n = Math.floor(px.length / channels);
  const out = Buffer.allocUnsafe(n);
  const w = width || n;
  const { mask, cols } = drop && width ? dropoutMask(px, channels, width) : { mask: null, cols: 0 };
  const { stamps: inks, writing } = mask ? sampleInks(px, channels, w, mask, cols) : { stamps: [], writing: [] };
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
      const hue = t > 0 && (inks.length || writing.length) ? hueOf(r, g, b, max, min) : -1;
      if (hue >= 0 && isWriting(writing, hue)) {
        out[p] = lumaOf(r, g, b);
        continue;
      }
      const ink = hue >= 0 ? inkOfHue(inks, hue) : null;
      if (ink) {
        const shade = shadeAgainstStamp(ink, lumaOf(r, g, b));
        // Typing a covering stamp tints lies inside its ink; a darker rim beside the paper is the stamp's
        // own stroke edge (JPEG rings there), lifted with the stamp (blind test AY: a red stamp's rim
        // stayed as a grey outline, and the engine dropped the typed line it framed).
        if (shade === 255 || !besidePaper(px, i, channels, w * channels)) {
          out[p] = shade;
          continue;
        }
      }
      // Fully coloured ink needs no luma: most pixels of a second ink end here.
      if (t === 256) {
        out[p] = LIFTED[max]!;
        continue;
      }
      const luma = lumaOf(r, g, b);
      out[p] = t === 0 ? luma : luma + (((LIFTED[max]! - luma) * t) >> 8);
      continue;
    }
    out[p] = lumaOf(r, g, b);
  }
  return out;
}
