// Solid patches of "ink" (a coffee stain, a photo, a black logo) are no text lines. In the
// orientation and skew measures they outweighed the lines: a stain over a clean letter's sender
// block turned the page 90° and 10° and the engine read nothing (blind test AE). Text, even bold
// headings, covers well under this share of any patch of the page a quarter inch across.

/** Side of a measuring cell, in inches. */
const CELL_INCH = 0.08;
/** Ink share above which a cell is solid; a cell counts only inside a 3x3 block of solid cells. */
const SOLID_SHARE = 0.7;

/**
 * A copy of a greyscale page (values <= threshold are ink) with solid patches set to paper. Only
 * blocks of 3x3 cells (about a quarter inch square) that are all solid are cleared.
 */
export function clearSolidInk(grey: Uint8Array, width: number, height: number, threshold: number, pxPerInch: number): Uint8Array {
  const cell = Math.max(2, Math.round(CELL_INCH * pxPerInch));
  const cw = Math.ceil(width / cell);
  const ch = Math.ceil(height / cell);
  const solid = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let ink = 0;
      let n = 0;
      for (let y = cy * cell; y < Math.min(height, (cy + 1) * cell); y++) {
        for (let x = cx * cell; x < Math.min(width, (cx + 1) * cell); x++, n++) if (grey[y * width + x]! <= threshold) ink++;
      }
      solid[cy * cw + cx] = Number(ink > SOLID_SHARE * n);
    }
  }
  // A cell is cleared when it lies in any 3x3 block of solid cells.
  const clear = new Uint8Array(cw * ch);
  for (let cy = 0; cy + 2 < ch; cy++) {
    for (let cx = 0; cx + 2 < cw; cx++) {
      let all = true;
      for (let dy = 0; dy < 3 && all; dy++) for (let dx = 0; dx < 3 && all; dx++) all = solid[(cy + dy) * cw + cx + dx] === 1;
      if (all) for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) clear[(cy + dy) * cw + cx + dx] = 1;
    }
  }
  if (!clear.includes(1)) return grey;
  const out = Uint8Array.from(grey);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cw;
    for (let x = 0; x < width; x++) if (clear[row + Math.floor(x / cell)]) out[y * width + x] = 255;
  }
  return out;
}
