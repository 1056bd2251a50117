// Renders real letter-like page images for the OCR tests, and degrades them the way a post room
// scanner does (upside down, skewed, speckled, 200 dpi, bitonal), so tests run on pixels, not mocks.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { PageImage } from '../../core/types.js';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
let fontsReady = false;

function ensureFonts(): void {
  if (fontsReady) return;
  GlobalFonts.registerFromPath(`${FONT_DIR}/DejaVuSerif.ttf`, 'TestSerif');
  GlobalFonts.registerFromPath(`${FONT_DIR}/DejaVuSans.ttf`, 'TestSans');
  // A thin-stroked monospace face, the nearest installed thing to a typewriter.
  const mono = ['/usr/share/fonts/truetype/freefont/FreeMono.ttf', `${FONT_DIR}/DejaVuSansMono.ttf`].find((f) => existsSync(f))!;
  GlobalFonts.registerFromPath(mono, 'TestMono');
  fontsReady = true;
}

export const SAMPLE_LETTER: string[] = [
  'Anna Kowalczyk',
  'ul. Źródlana 14/3',
  '31-552 Kraków',
  'tel. 601 234 567',
  '',
  'Kraków, 12 października 2026 r.',
  '',
  'Dział Obsługi Klienta',
  'Telekomunikacja Polska S.A.',
  '',
  'Reklamacja faktury nr FV/2026/10/48213',
  '',
  'Szanowni Państwo,',
  'zwracam się z prośbą o ponowne sprawdzenie faktury za wrzesień. Naliczono',
  'mi opłatę za usługi, których nie zamawiałam, a kwota 189,47 zł jest wyższa',
  'niż zwykle. Mój numer klienta to 4402 1187. Proszę o korektę rachunku',
  'oraz zwrot nadpłaty na rachunek bankowy wskazany w umowie.',
  'Jeżeli reklamacja nie zostanie uwzględniona w ciągu trzydziestu dni,',
  'będę zmuszona zwrócić się do Urzędu Komunikacji Elektronicznej.',
  '',
  'Z poważaniem,',
  'Anna Kowalczyk',
];

/** Lines starting with a tab are set in the right half, as address blocks and dates often are. */
export const BUSINESS_LETTER: string[] = [
  'BUDMAX Sp. z o.o.',
  'ul. Przemysłowa 7',
  '60-115 Poznań',
  'NIP 7792345618',
  '',
  '\tPoznań, 3 listopada 2026 r.',
  '',
  '\tBiuro Obsługi Klienta Biznesowego',
  '\tskr. pocztowa 1200',
  '\t00-950 Warszawa',
  '',
  'Dotyczy: wypowiedzenie umowy nr 2024/B/55719',
  '',
  'Niniejszym wypowiadamy umowę o świadczenie usług telekomunikacyjnych',
  'dla numerów 612 440 118 oraz 612 440 119 z zachowaniem okresu',
  'wypowiedzenia. Prosimy o potwierdzenie rozwiązania umowy na piśmie',
  'oraz o przesłanie końcowego rozliczenia. Urządzenia zwrócimy kurierem.',
  '',
  '\tZa zarząd:',
  '\tŁukasz Wiśniewski',
];

export interface RenderedPage extends PageImage {
  dpi: number;
  truth: string;
}

/** Draws an A4 letter at `dpi` (11 pt type) and returns an 8-bit grey PNG plus its ground truth. */
export async function renderLetter(lines: string[] = SAMPLE_LETTER, dpi = 300, font = 'TestSerif', ink = '#111'): Promise<RenderedPage> {
  ensureFonts();
  const width = Math.round((210 / 25.4) * dpi);
  const height = Math.round((297 / 25.4) * dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = ink;
  const px = (11 * dpi) / 72;
  ctx.font = `${px.toFixed(1)}px ${font}`;
  const left = Math.round(dpi * 0.9);
  let y = Math.round(dpi * 1.1);
  for (const line of lines) {
    if (line.startsWith('\t')) ctx.fillText(line.slice(1), Math.round(width * 0.55), y);
    else if (line) ctx.fillText(line, left, y);
    y += Math.round(px * 1.45);
  }
  const rgba = canvas.toBuffer('image/png');
  // sharp 0.35 writes 3-channel PNGs unless told the colour space: b-w keeps the promised 8-bit grey.
  const png = await sharp(rgba).flatten({ background: '#fff' }).toColourspace('b-w').png().toBuffer();
  return { png, width, height, dpi, truth: lines.filter((l) => l).map((l) => l.replace(/^\t/, '')).join('\n') };
}

export interface Degradation {
  /** Clockwise rotation in degrees; arbitrary angles model skew, the canvas grows to fit. */
  rotate?: number;
  /** Fraction of pixels flipped to random black/white speckle, plus a grey background. */
  noise?: number;
  /** Resample to this resolution. */
  dpi?: number;
  /** Threshold to pure black/white, as fax-like bitonal scanners deliver. */
  bitonal?: boolean;
  /** Grey level below which a bitonal scan keeps a pixel as ink (150 unless told). */
  threshold?: number;
  seed?: number;
}

export async function degrade(page: RenderedPage, d: Degradation): Promise<RenderedPage> {
  let img = sharp(page.png).toColourspace('b-w');
  if (d.rotate) img = img.rotate(d.rotate, { background: '#fff' });
  let { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  let { width, height } = info;
  let dpi = page.dpi;
  if (d.dpi && d.dpi !== dpi) {
    width = Math.round((width * d.dpi) / dpi);
    height = Math.round((height * d.dpi) / dpi);
    data = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
      .resize(width, height, { kernel: 'lanczos3' })
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    dpi = d.dpi;
  }
  if (d.noise) {
    let s = d.seed ?? 12345;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < data.length; i++) {
      const v = data[i]! * 0.8 + 30; // grey paper, washed-out ink
      const r = rand();
      data[i] = r < d.noise / 2 ? 20 : r < d.noise ? 255 : Math.min(255, Math.max(0, v + (rand() - 0.5) * 40));
    }
  }
  const cut = d.threshold ?? 150;
  if (d.bitonal) for (let i = 0; i < data.length; i++) data[i] = data[i]! < cut ? 0 : 255;
  const png = await sharp(data, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png().toBuffer();
  return { png, width, height, dpi, truth: page.truth };
}

/**
 * A faint typewriter page as a bitonal 200 dpi scanner delivers it: thin monospace strokes in
 * grey ink, thresholded darker than the ink, so most strokes break into dots and short dashes.
 */
export async function renderBrokenStrokes(lines: string[], rotate = 0, ink = '#666', threshold = 145): Promise<RenderedPage> {
  const page = await renderLetter(lines, 300, 'TestMono', ink);
  return degrade(page, { dpi: 200, bitonal: true, threshold, rotate });
}

async function mapPixels(page: RenderedPage, f: (v: number, x: number, y: number) => number): Promise<RenderedPage> {
  const { data, info } = await sharp(page.png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(f(data[i]!, i % info.width, Math.floor(i / info.width)))));
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).toColourspace('b-w').png().toBuffer();
  return { ...page, png };
}

/** Grey recycled paper: black ink comes out at `ink`, white at `paper`, plus grain of about ±`grain`. */
export function greyPaper(page: RenderedPage, ink = 120, paper = 201, grain = 14, seed = 7): Promise<RenderedPage> {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return mapPixels(page, (v) => ink + (v / 255) * (paper - ink) + (rand() + rand() + rand() - 1.5) * grain);
}

/** A scanner-lid shadow along one long edge: near black at the edge, fading to paper over `share` of the width. */
export function edgeShadow(page: RenderedPage, side: 'left' | 'right', share = 0.04): Promise<RenderedPage> {
  return mapPixels(page, (v, x) => {
    const band = page.width * share;
    const d = side === 'left' ? x : page.width - 1 - x;
    return d < band ? Math.min(v, 30 + (d / band) * 200) : v;
  });
}

/** A coffee stain: a round patch of `level` grey multiplied over the page (ink stays as dark as it was), centred at (cx, cy) in shares of the page. */
export function stain(page: RenderedPage, cx: number, cy: number, radiusInch = 0.9, level = 150): Promise<RenderedPage> {
  const r = radiusInch * page.dpi!;
  return mapPixels(page, (v, x, y) => (Math.hypot(x - cx * page.width, y - cy * page.height) < r ? (v * level) / 255 : v));
}

/**
 * The page with another letter's text mirrored under it at `strength` of its darkness (0.2: ~205
 * on white), as thin paper shows its back.
 */
export async function showingThrough(page: RenderedPage, strength = 0.2): Promise<RenderedPage> {
  const back = await renderLetter(BUSINESS_LETTER, 300, 'TestSerif');
  const mirrored = await sharp(back.png).flop().linear(strength, 255 * (1 - strength)).toBuffer();
  const png = await sharp(page.png).composite([{ input: mirrored, blend: 'darken' }]).toColourspace('b-w').png().toBuffer();
  return { ...page, png };
}
