// Converts the sample layouts a PDF image can hold into one byte of grey per pixel.
import { colourPixelsToGrey } from './page-output.js';

export interface RawLayout {
  width: number;
  height: number;
  comps: number; // 1 grey, 3 RGB, 4 CMYK
  bpc: number; // 1, 2, 4, 8, 16
  rowBytes: number;
  /** /Decode [1 0]: sample maximum means black instead of white (additive spaces). */
  inverted: boolean;
}

/** Reverses PNG row filters (PDF Predictor >= 10): each row starts with its filter type byte. */
export function undoPngPredictor(src: Buffer, rowBytes: number, rows: number, bpp: number): Buffer {
  const out = Buffer.alloc(rowBytes * rows);
  for (let y = 0; y < rows; y++) {
    const type = src[y * (rowBytes + 1)]!;
    const inAt = y * (rowBytes + 1) + 1;
    const at = y * rowBytes;
    const prev = y * rowBytes - rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const raw = src[inAt + x]!;
      const a = x >= bpp ? out[at + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = y > 0 && x >= bpp ? out[prev + x - bpp]! : 0;
      let v: number;
      switch (type) {
        case 1: v = raw + a; break;
        case 2: v = raw + b; break;
        case 3: v = raw + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v = raw + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: v = raw;
      }
      out[at + x] = v & 0xff;
    }
  }
  return out;
}

/** One grey byte per pixel; RGB goes through the shared colour conversion (stamp and pen dropout). */
export async function toGrey(src: Buffer, l: RawLayout): Promise<Buffer> {
  const { width, height, comps, bpc, rowBytes, inverted } = l;
  if (comps === 1 && bpc === 8 && !inverted && rowBytes === width) return Buffer.from(src.subarray(0, width * height));
  if (comps === 3 && bpc === 8 && !inverted && rowBytes === width * 3) return colourPixelsToGrey(src.subarray(0, width * height * 3), 3, width, height);
  const samples = unpack(src, l);
  if (comps === 1) return samples;
  if (comps === 3) return colourPixelsToGrey(samples, 3, width, height);
  const out = Buffer.alloc(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += comps) {
    // CMYK is subtractive: ink darkens, so grey = white minus weighted ink.
    const ink = ((77 * samples[i]! + 150 * samples[i + 1]! + 29 * samples[i + 2]!) >> 8) + samples[i + 3]!;
    out[p] = 255 - Math.min(255, ink);
  }
  return out;
}

/** Every sample as one byte, rows packed, /Decode inversion applied. */
function unpack(src: Buffer, l: RawLayout): Buffer {
  const { width, height, comps, bpc, rowBytes, inverted } = l;
  const out = Buffer.alloc(width * height * comps);
  const max = (1 << Math.min(bpc, 8)) - 1;
  const scale = 255 / max;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const rowAt = y * rowBytes;
    let bit = 0; // bit position within the row
    for (let k = 0; k < width * comps; k++) {
      let v: number;
      if (bpc === 8) v = src[rowAt + (bit >> 3)]!;
      else if (bpc === 16) v = src[rowAt + (bit >> 3)]!; // high byte is enough for 8-bit output
      else v = Math.round(((src[rowAt + (bit >> 3)]! >> (8 - bpc - (bit & 7))) & max) * scale);
      bit += bpc;
      out[o++] = inverted ? 255 - v : v;
    }
  }
  return out;
}
