// Horizontal and vertical resolution of each page of a TIFF, read from its tags. sharp reports one
// density (libvips' horizontal one), but a standard-mode fax is 204 × 98 dpi: its pixels are twice
// as tall as wide, and read as square pixels the page comes out squashed to half height, which the
// OCR engine cannot read. Only classic TIFF is read; BigTIFF and damaged headers give no answer.

export interface PageResolution {
  x: number | null;
  y: number | null;
}

const X_RESOLUTION = 282;
const Y_RESOLUTION = 283;
const RESOLUTION_UNIT = 296;
const RATIONAL = 5;
const SHORT = 3;

/** Resolution of each page in dots per inch (null where a tag is missing or says nothing), or null. */
export function tiffResolutions(bytes: Buffer, maxPages: number): PageResolution[] | null {
  if (bytes.length < 8) return null;
  const order = bytes.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const pages: PageResolution[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0 && pages.length < maxPages) {
    // A loop in the IFD chain or an offset past the end: a damaged file, let the decoder say so.
    if (seen.has(ifd) || ifd + 2 > bytes.length) return null;
    seen.add(ifd);
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > bytes.length) return null;
    let x: number | null = null;
    let y: number | null = null;
    let unit = 2; // the TIFF default: inches
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const tag = u16(at);
      const type = u16(at + 2);
      if ((tag === X_RESOLUTION || tag === Y_RESOLUTION) && type === RATIONAL) {
        const off = u32(at + 8);
        if (off + 8 > bytes.length) continue;
        const den = u32(off + 4);
        const value = den === 0 ? null : u32(off) / den;
        if (tag === X_RESOLUTION) x = value;
        else y = value;
      } else if (tag === RESOLUTION_UNIT && type === SHORT) unit = u16(at + 8);
    }
    const perInch = (v: number | null) => (v === null || unit === 1 ? null : unit === 3 ? v * 2.54 : v);
    pages.push({ x: perInch(x), y: perInch(y) });
    ifd = u32(ifd + 2 + count * 12);
  }
  return pages;
}

/**
 * How much taller each pixel is than wide (y stretch to square pixels), or null when the pixels are
 * square enough (within 5 %) or the resolutions are unknown or implausible.
 */
export function verticalStretch(r: PageResolution | undefined): number | null {
  if (!r || r.x === null || r.y === null || r.x < 50 || r.y < 50 || r.x > 2400 || r.y > 2400) return null;
  const f = r.x / r.y;
  return Math.abs(f - 1) <= 0.05 ? null : f;
}
