// Counts "content" on a page: ink clusters shaped like writing. Letters of a word are joined by a
// horizontal dilation; what remains wide enough is text, a signature or a stamp. Isolated dust,
// specks and round punch holes stay small or compact and do not count.

export interface ContentOptions {
  /** Pixels per millimetre of the mask. */
  pxPerMm: number;
  /** Gap between strokes bridged horizontally, in mm (letters and words on one line). */
  joinMm?: number;
  /** Minimum cluster width in mm to count as writing. */
  minWidthMm?: number;
}

/** mask: 1 = ink, row-major, width*height. Returns the number of writing-like clusters. */
export function countContentClusters(mask: Uint8Array, width: number, height: number, o: ContentOptions): number {
  const join = Math.max(1, Math.round((o.joinMm ?? 1.5) * o.pxPerMm));
  const minWidth = Math.round((o.minWidthMm ?? 5) * o.pxPerMm);
  // Horizontal dilation by `join` px on each side, via running counts per row.
  const dil = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let lastInk = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]) lastInk = x;
      if (x - lastInk <= join) dil[row + x] = 1;
    }
    lastInk = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask[row + x]) lastInk = x;
      if (lastInk - x <= join) dil[row + x] = 1;
    }
  }
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let clusters = 0;
  for (let start = 0; start < dil.length; start++) {
    if (!dil[start] || seen[start]) continue;
    let top = 0, minX = width, maxX = -1, minY = height, maxY = -1, ink = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width, y = (p - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (mask[p]) ink++;
      const nb = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1];
      for (const q of nb) if (q >= 0 && dil[q] && !seen[q]) { seen[q] = 1; stack[top++] = q; }
    }
    // The dilation added `join` px on both sides; take it off before judging the width.
    const w = maxX - minX + 1 - 2 * join;
    const h = maxY - minY + 1;
    // Writing is wider than tall; a punch hole or a blot is about round.
    if (w >= minWidth && w >= 1.5 * h && ink >= minWidth) clusters++;
  }
  return clusters;
}
