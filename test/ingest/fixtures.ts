// Builds real scan-like files for the ingest tests: rendered letters, noise, PDFs, TIFFs.
import sharp from 'sharp';
import type { PageImage } from '../../core/types.js';

export const LETTER_LINES = [
  'Jan Kowalski',
  'ul. Długa 15 m. 4',
  '00-950 Warszawa',
  'Warszawa, 12 października 2026 r.',
  'Reklamacja faktury nr FV/2026/10/123456',
  'Szanowni Państwo,',
  'zwracam się z prośbą o ponowne przeliczenie faktury za październik,',
  'ponieważ naliczono opłatę za usługi, których nie zamawiałem.',
  'Numer klienta: 1234567890, telefon 601 234 567.',
  'Proszę o korektę i zwrot nadpłaty na mój rachunek bankowy.',
  'Z poważaniem',
  'Jan Kowalski',
];

export interface LetterOptions {
  dpi: number;
  lines?: string[];
  fontPt?: number;
  ink?: string;
  paper?: string;
  /** Left/top offset of the text block in mm (move it off the page to simulate a cut-off scan). */
  xMm?: number;
  yMm?: number;
  italic?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A4 page rendered by librsvg at the given resolution, as raw 8-bit grey. */
export async function renderLetterRaw(o: LetterOptions): Promise<{ data: Buffer; width: number; height: number }> {
  const w = Math.round((210 / 25.4) * o.dpi);
  const h = Math.round((297 / 25.4) * o.dpi);
  const px = o.dpi / 25.4;
  const size = ((o.fontPt ?? 11) / 72) * o.dpi;
  const lines = o.lines ?? LETTER_LINES;
  const text = lines
    .map((l, i) => `<text x="${(o.xMm ?? 25) * px}" y="${(o.yMm ?? 30) * px + i * size * 1.9}">${esc(l)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="100%" height="100%" fill="${o.paper ?? '#ffffff'}"/>
<g font-family="DejaVu Sans" font-size="${size}" fill="${o.ink ?? '#000000'}" font-style="${o.italic ? 'italic' : 'normal'}">${text}</g></svg>`;
  const { data, info } = await sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export function rawToSharp(r: { data: Buffer; width: number; height: number }): ReturnType<typeof sharp> {
  // Raw one-band input counts as "multiband" for libvips, which would write RGB PNGs: declare grey.
  return sharp(r.data, { raw: { width: r.width, height: r.height, channels: 1 } }).toColourspace('b-w');
}

export async function toPage(r: { data: Buffer; width: number; height: number }, dpi: number | null): Promise<PageImage> {
  const png = await rawToSharp(r).png().toBuffer();
  return { png, width: r.width, height: r.height, dpi };
}

/** Deterministic PRNG so noisy fixtures are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Scanner-like degradation: grey level shift, gaussian-ish sensor noise, salt-and-pepper specks, dust. */
export function degrade(r: { data: Buffer; width: number; height: number }, o: { seed: number; sigma?: number; specks?: number; dust?: number }): Buffer {
  const rand = rng(o.seed);
  const out = Buffer.from(r.data);
  const sigma = o.sigma ?? 8;
  for (let i = 0; i < out.length; i++) {
    const n = (rand() + rand() + rand() - 1.5) * 2 * sigma;
    out[i] = Math.max(0, Math.min(255, out[i]! + n));
  }
  for (let k = 0; k < (o.specks ?? 0); k++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 60);
  for (let k = 0; k < (o.dust ?? 0); k++) {
    // dust/hair: a small dark blob 2-4 px across at 300 dpi
    const cx = Math.floor(rand() * r.width), cy = Math.floor(rand() * r.height), rad = 1 + Math.floor(rand() * 2);
    for (let y = cy - rad; y <= cy + rad; y++) for (let x = cx - rad; x <= cx + rad; x++) {
      if (x >= 0 && y >= 0 && x < r.width && y < r.height) out[y * r.width + x] = 40;
    }
  }
  return out;
}

/** Reads one IFD tag's values (SHORT/LONG) from a TIFF: enough to pull the G4 data out of a sharp TIFF. */
export function tiffTag(tif: Buffer, tag: number): number[] {
  const le = tif.readUInt16LE(0) === 0x4949;
  const r16 = (o: number): number => (le ? tif.readUInt16LE(o) : tif.readUInt16BE(o));
  const r32 = (o: number): number => (le ? tif.readUInt32LE(o) : tif.readUInt32BE(o));
  const ifd = r32(4);
  for (let i = 0; i < r16(ifd); i++) {
    const at = ifd + 2 + i * 12;
    if (r16(at) !== tag) continue;
    const type = r16(at + 2), count = r32(at + 4), size = type === 3 ? 2 : 4;
    const base = count * size > 4 ? r32(at + 8) : at + 8;
    return Array.from({ length: count }, (_, k) => (size === 2 ? r16(base + k * 2) : r32(base + k * 4)));
  }
  return [];
}
