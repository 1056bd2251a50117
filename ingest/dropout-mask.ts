// Where on a colour page the dropout applies: tiles where coloured ink (a stamp, a signature)
// crosses the typing, grown along the coloured ink around them. Coloured print or pen elsewhere
// keeps its luma (colour-dropout.ts turns the pixels grey).

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
/** Luma below which a pixel counts as ink for the page census (stamp ink is 86-198 luma, 5-95 %). */
export const INK_LUMA = 200;

/**
 * Where dropout applies: tiles of 32 px (2.7 mm at 300 dpi) holding both neutral and coloured ink,
 * grown by SPREAD tiles, then along coloured tiles. A stamp or pen stroke only harms OCR where it
 * meets typing; coloured print in its own area keeps its luma and stays readable. SPREAD 2 without
 * the growth left stamp frames in the gaps between paragraphs; 1 with it drops the same stamp ink
 * as page-wide dropout on the benchmark's 16 stamped-over-text letters but for under 15 pixels.
 */
export const TILE_SHIFT = 5;
const SPREAD = 1;
/** Sampled ink pixels (every 2nd of every 2nd row: 256 per tile) of each kind that make a tile mixed. */
const MIXED_MIN = 6;
/**
 * Cells of 8 px (0.7 mm at 300 dpi) holding both kinds of ink, of the 16 in a tile, that make it
 * mixed: a stamp or signature crosses the typing, while pen values written beside a form's printed
 * labels or above its dotted line share tiles with them but hardly cells (a form filled in blue
 * lost its surname, address and e-mail to the dropout: blind test AJ).
 */
const CELL_SHIFT = 3;
const CROSSINGS_MIN = 3;
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
  const cellCols = (width + (1 << CELL_SHIFT) - 1) >> CELL_SHIFT;
  const cellRows = (height + (1 << CELL_SHIFT) - 1) >> CELL_SHIFT;
  const cellNeutral = new Uint8Array(cellCols * cellRows);
  const cellColoured = new Uint8Array(cellCols * cellRows);
  const colouredFrom = (CHROMA_NEUTRAL + CHROMA_COLOURED) >> 1;
  for (let y = 0; y < height; y += 2) {
    const t0 = (y >> TILE_SHIFT) * cols;
    const c0 = (y >> CELL_SHIFT) * cellCols;
    for (let x = 0, i = y * width * channels; x < width; x += 2, i += 2 * channels) {
      const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      const t = t0 + (x >> TILE_SHIFT);
      const c = c0 + (x >> CELL_SHIFT);
      if (max - min >= colouredFrom) {
        coloured[t] = coloured[t]! + 1;
        cellColoured[c] = 1;
      } else if (max - min < CHROMA_NEUTRAL && max < INK_LUMA) {
        neutral[t] = neutral[t]! + 1;
        cellNeutral[c] = 1;
      }
    }
  }
  // Cells where coloured ink meets typing, counted per tile.
  const crossings = new Uint8Array(cols * rows);
  const perTile = 1 << (TILE_SHIFT - CELL_SHIFT);
  for (let cy = 0; cy < cellRows; cy++)
    for (let cx = 0; cx < cellCols; cx++)
      if (cellNeutral[cy * cellCols + cx] && cellColoured[cy * cellCols + cx]) {
        const t = Math.floor(cy / perTile) * cols + Math.floor(cx / perTile);
        crossings[t] = crossings[t]! + 1;
      }
  // Mixed tiles, then a square dilation (a row pass and a column pass) for stamp ink beside typing.
  const a = new Uint8Array(cols * rows);
  for (let t = 0; t < a.length; t++) a[t] = neutral[t]! >= MIXED_MIN && coloured[t]! >= MIXED_MIN && crossings[t]! >= CROSSINGS_MIN ? 1 : 0;
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
