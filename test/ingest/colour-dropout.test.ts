// Colour scans: a red or blue receipt stamp over typing drops out of the grey page, black typing
// under it stays black, a letter written in blue pen keeps its ink, grey files are untouched.
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { colourToGrey, dropsColourInk, inkCensus } from '../../ingest/colour-dropout.js';
import { decodeScan } from '../../ingest/decode-scan.js';
import { countAtOrBelow, greyHistogram, otsuFromHistogram } from '../../core/grey-pixels.js';
import { applyColourMarks, encodeColour, type ColourMarks, type RgbPage } from '../../fixtures/generator/colour-marks.js';
import { createRng } from '../../fixtures/generator/rng.js';
import { availableFonts, fontFamily, type GrayPage } from '../../fixtures/generator/render.js';
import { renderLetterRaw } from './fixtures.js';
import { flate, imagePdf } from './pdf-fixtures.js';

const DPI = 300;
let letter: GrayPage;

beforeAll(async () => {
  letter = { ...(await renderLetterRaw({ dpi: DPI })), dpi: DPI };
});

/** Decodes an encoded colour page through ingest and returns its grey pixels. */
async function ingestGrey(bytes: Buffer): Promise<Buffer> {
  const [page] = await decodeScan(bytes, 'colour.jpg');
  const meta = await sharp(page!.png).metadata();
  expect(meta.channels).toBe(1);
  return sharp(page!.png).extractChannel(0).raw().toBuffer();
}

/** Stamp-only pixels (paper in the letter, coloured on the page) and typing pixels under the stamp. */
function stampClasses(page: RgbPage): { stamp: number[]; typingUnder: number[] } {
  const stamp: number[] = [];
  const typingUnder: number[] = [];
  const inStampBox = new Uint8Array(letter.data.length);
  const d = page.data;
  for (let i = 0; i < letter.data.length; i++) {
    if (Math.max(d[i * 3]!, d[i * 3 + 1]!, d[i * 3 + 2]!) - Math.min(d[i * 3]!, d[i * 3 + 1]!, d[i * 3 + 2]!) < 40) continue;
    inStampBox[i] = 1;
    if (letter.data[i]! >= 250) stamp.push(i);
  }
  // Typing within 6 px of stamp ink: what the stamp would otherwise merge with.
  for (let i = 0; i < letter.data.length; i++) {
    if (letter.data[i]! > 60) continue;
    const x = i % letter.width;
    for (let dx = -6; dx <= 6; dx += 3) if (inStampBox[i + dx] && x + dx >= 0 && x + dx < letter.width) { typingUnder.push(i); break; }
  }
  return { stamp, typingUnder };
}

const share = (px: Buffer, idx: number[], test: (v: number) => boolean): number => idx.filter((i) => test(px[i]!)).length / idx.length;

describe('colour stamp dropout', () => {
  // Centred on the 8th typed line ('ponieważ naliczono opłatę…'), tilted as clerks stamp.
  const stampOver = (ink: 'red' | 'blue'): ColourMarks => ({ stamp: { lines: ['WPŁYNĘŁO', '20.11.2026'], ink, at: { x: 1000, y: 354 + 7 * 87 - 15 }, tiltDeg: -3 } });

  for (const ink of ['red', 'blue'] as const) {
    it(`drops a ${ink} stamp over typing to the paper side of Otsu and keeps the typing under it black`, async () => {
      const page = applyColourMarks(createRng(`stamp-${ink}`), letter, stampOver(ink));
      const jpeg = await encodeColour(page, 'jpeg', 75);
      const grey = await ingestGrey(jpeg);
      const { stamp, typingUnder } = stampClasses(page);
      expect(stamp.length).toBeGreaterThan(5000);
      expect(typingUnder.length).toBeGreaterThan(1000);
      const otsu = otsuFromHistogram(greyHistogram(grey));
      expect(share(grey, stamp, (v) => v > otsu)).toBeGreaterThan(0.97);
      expect(share(grey, stamp, (v) => v >= 200)).toBeGreaterThan(0.95);
      expect(share(grey, typingUnder, (v) => v <= otsu)).toBeGreaterThan(0.9);
      expect(share(grey, typingUnder, (v) => v < 100)).toBeGreaterThan(0.85);
      // Plain luma (what ingest did before) leaves most of the stamp as ink.
      const luma = await sharp(jpeg).greyscale().extractChannel(0).raw().toBuffer();
      const lumaOtsu = otsuFromHistogram(greyHistogram(luma));
      expect(share(luma, stamp, (v) => v > lumaOtsu)).toBeLessThan(0.3);
    });
  }

  // Blind test AY: at heavy JPEG the stamp's strokes ring darker along their rims; judged as typing the
  // stamp tints, the rims stayed as a grey outline and the engine dropped the typed line it framed.
  it('drops a red stamp over typing on a heavily compressed JPEG without leaving its outline', async () => {
    const page = applyColourMarks(createRng('stamp-red'), letter, stampOver('red'));
    const grey = await ingestGrey(await encodeColour(page, 'jpeg', 25));
    const { stamp, typingUnder } = stampClasses(page);
    expect(share(grey, stamp, (v) => v >= 200)).toBeGreaterThan(0.97);
    expect(share(grey, typingUnder, (v) => v < 100)).toBeGreaterThan(0.85);
  });

  // Blind test AT: on a four-line letter the receipt stamp was more than half the page's ink, so it
  // was taken for the letter's content and kept over the typing (three of four lines lost).
  for (const ink of ['violet', 'blue'] as const) {
    it(`drops a big ${ink} stamp that outweighs a short letter's typing, keeping the typing under it black`, async () => {
      const short = { ...(await renderLetterRaw({ dpi: DPI, lines: ['Marcin Dąbrowski', 'Czy salon w Radomiu będzie otwarty 24 grudnia?', 'Marcin Dąbrowski'] })), dpi: DPI };
      const marks: ColourMarks = { stamp: { lines: ['TELEKOMUNIKACJA', 'WPŁYNĘŁO 16 LIS 2026', 'Kancelaria Ogólna'], ink, at: { x: 900, y: 354 + 87 - 20 }, tiltDeg: -6 } };
      const page = applyColourMarks(createRng(`big-stamp-${ink}`), short, marks);
      const census = inkCensus(page.data, 3, page.width);
      expect(census.coloured / (census.coloured + census.neutral)).toBeGreaterThan(0.5);
      expect(census.colouredRuns).toBeLessThan(3);
      expect(dropsColourInk(census)).toBe(true);
      const grey = await ingestGrey(await encodeColour(page, 'jpeg', 75));
      const stamp: number[] = [];
      const typing: number[] = [];
      for (let i = 0; i < short.data.length; i++) {
        const chroma = Math.max(page.data[i * 3]!, page.data[i * 3 + 1]!, page.data[i * 3 + 2]!) - Math.min(page.data[i * 3]!, page.data[i * 3 + 1]!, page.data[i * 3 + 2]!);
        if (short.data[i]! >= 250 && chroma >= 40) stamp.push(i);
        else if (short.data[i]! < 40) typing.push(i);
      }
      expect(stamp.length).toBeGreaterThan(5000);
      expect(share(grey, stamp, (v) => v >= 200)).toBeGreaterThan(0.9);
      expect(share(grey, typing, (v) => v < 100)).toBeGreaterThan(0.85);
    });
  }

  it('keeps coloured print away from the typing (letterhead, heading) dark while the stamp on the typing drops', async () => {
    const stamped = applyColourMarks(createRng('letterhead'), letter, stampOver('red'));
    // Blue letterhead in the top margin (text starts 30 mm down), red heading well below the last line.
    const canvas = createCanvas(letter.width, letter.height);
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(letter.width, letter.height);
    for (let i = 0; i < letter.data.length; i++) for (let c = 0; c < 4; c++) img.data[i * 4 + c] = c < 3 ? stamped.data[i * 3 + c]! : 255;
    ctx.putImageData(img, 0, 0);
    ctx.font = `bold 58px ${fontFamily(availableFonts('sans')[0] ?? '')}`;
    ctx.fillStyle = 'rgb(40,75,190)';
    ctx.fillText('ENERGO-SERWIS Sp. z o.o.  NIP 527-123-45-67', 295, 150);
    ctx.fillStyle = 'rgb(205,40,55)';
    ctx.fillText('WEZWANIE DO ZAPŁATY', 295, 1600);
    const rgba = ctx.getImageData(0, 0, letter.width, letter.height).data;
    const page: RgbPage = { ...stamped, data: Buffer.alloc(letter.data.length * 3) };
    for (let i = 0; i < letter.data.length; i++) for (let c = 0; c < 3; c++) page.data[i * 3 + c] = rgba[i * 4 + c]!;
    const grey = await ingestGrey(await encodeColour(page, 'jpeg', 75));
    const otsu = otsuFromHistogram(greyHistogram(grey));
    // Print ink: strongly coloured pixels in the two printed bands (rows 90-170 and 1540-1620).
    const print = (y0: number, y1: number) => {
      const idx: number[] = [];
      for (let i = y0 * letter.width; i < y1 * letter.width; i++) {
        const [r, g, b] = [page.data[i * 3]!, page.data[i * 3 + 1]!, page.data[i * 3 + 2]!];
        if (Math.max(r, g, b) - Math.min(r, g, b) >= 100) idx.push(i);
      }
      return idx;
    };
    for (const band of [print(90, 170), print(1540, 1620)]) {
      expect(band.length).toBeGreaterThan(3000);
      expect(share(grey, band, (v) => v <= otsu)).toBeGreaterThan(0.9);
    }
    const { stamp, typingUnder } = stampClasses(page);
    expect(share(grey, stamp.filter((i) => i > 200 * letter.width && i < 1500 * letter.width), (v) => v > otsu)).toBeGreaterThan(0.97);
    expect(share(grey, typingUnder, (v) => v <= otsu)).toBeGreaterThan(0.9);
  });

  it('converts RGB images inside a PDF (Flate and DCT) exactly as the same pixels in a JPEG or PNG', async () => {
    const page = applyColourMarks(createRng('pdf'), letter, stampOver('blue'));
    const jpeg = await encodeColour(page, 'jpeg', 75);
    const a4 = { widthPt: 595.28, heightPt: 841.89 };
    const dict = { Width: letter.width, Height: letter.height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 };
    const pdf = await imagePdf([
      { data: flate(page.data), dict: { ...dict, Filter: 'FlateDecode' }, ...a4 },
      { data: jpeg, dict: { ...dict, Filter: 'DCTDecode' }, ...a4 },
    ]);
    const [flatePage, dctPage] = await decodeScan(pdf, 'colour.pdf');
    const grey = async (png: Buffer) => sharp(png).extractChannel(0).raw().toBuffer();
    expect((await grey(flatePage!.png)).equals(await ingestGrey(await encodeColour(page, 'png')))).toBe(true);
    expect((await grey(dctPage!.png)).equals(await ingestGrey(jpeg))).toBe(true);
  });

  it('keeps a letter written in blue pen as plain luma: the colour ink is the content', async () => {
    for (const textInk of ['ballpoint', 'blue'] as const) {
      const page = applyColourMarks(createRng('pen'), letter, { textInk, stamp: stampOver('red').stamp });
      expect(dropsColourInk(inkCensus(page.data, 3))).toBe(false);
      // As ingest counts it (strokes only, row runs): pen written line after line is content, however much ink it is.
      expect(inkCensus(page.data, 3, page.width).colouredRuns).toBeGreaterThanOrEqual(5);
      expect(dropsColourInk(inkCensus(page.data, 3, page.width))).toBe(false);
      const png = await encodeColour(page, 'png');
      const grey = await ingestGrey(png);
      const luma = await sharp(png).greyscale().extractChannel(0).raw().toBuffer();
      let worst = 0;
      for (let i = 0; i < grey.length; i++) worst = Math.max(worst, Math.abs(grey[i]! - luma[i]!));
      expect(worst).toBeLessThanOrEqual(1); // libvips' luma, to its rounding
      const ink = [...letter.data.keys()].filter((i) => letter.data[i]! < 40);
      const otsu = otsuFromHistogram(greyHistogram(grey));
      expect(share(grey, ink, (v) => v <= otsu)).toBeGreaterThan(0.95);
    }
  });

  // Pigment pads and synthetic scans cover the typing instead of darkening it: the typing under
  // such a stamp is a darker shade of the stamp's colour (blind test AJ lost a paragraph to it).
  for (const [ink, fill] of [['red', 'rgb(205,40,55)'], ['blue', 'rgb(40,75,190)']] as const) {
    it(`keeps typing dark under a ${ink} stamp that covers it at 75 %, on JPEG too`, async () => {
      const { width, height } = letter;
      const box = { x: 700, y: 354 + 6 * 87, w: 700, h: 260 };
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g opacity="0.75">`
        + `<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" fill="none" stroke="${fill}" stroke-width="8"/>`
        + `<text x="${box.x + 40}" y="${box.y + 110}" font-family="${fontFamily(availableFonts('sans')[0] ?? '')}" font-weight="bold" font-size="70" fill="${fill}">WPŁYNĘŁO</text>`
        + `<rect x="${box.x + 40}" y="${box.y + 150}" width="${box.w - 80}" height="60" fill="${fill}"/></g></svg>`;
      const rgb = sharp(letter.data, { raw: { width, height, channels: 1 } }).toColourspace('srgb');
      const stamped = await rgb.composite([{ input: Buffer.from(svg), blend: 'over' }]).removeAlpha().withDensity(DPI).jpeg({ quality: 80 }).toBuffer();
      const grey = await ingestGrey(stamped);
      const under = [...letter.data.keys()].filter((i) => {
        const x = i % width, y = Math.floor(i / width);
        return letter.data[i]! < 40 && x > box.x + 45 && x < box.x + box.w - 45 && y > box.y + 155 && y < box.y + 205;
      });
      expect(under.length).toBeGreaterThan(500);
      const otsu = otsuFromHistogram(greyHistogram(grey));
      // Lifted with the stamp, as before under-stamp.ts, none (red) or 7 % (blue) of it stays ink.
      expect(share(grey, under, (v) => v <= otsu)).toBeGreaterThan(0.8);
    });
  }

  it('drops a violet stamp to paper white on a page where a blue signature is the more plentiful ink', async () => {
    const { width, height } = letter;
    const y0 = 354 + 6 * 87;
    // The signature: a thick blue scrawl across three typed lines; the stamp: a violet ring over two others.
    const scrawl = Array.from({ length: 14 }, (_, k) => `${300 + k * 70},${y0 + (k % 2 ? 0 : 200)}`).join(' ');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
      + `<polyline points="${scrawl}" fill="none" stroke="rgb(35,60,170)" stroke-width="7"/>`
      + `<circle cx="900" cy="${y0 + 300}" r="170" fill="none" stroke="rgb(125,66,146)" stroke-width="9"/></svg>`;
    const ringSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="black"/>`
      + `<circle cx="900" cy="${y0 + 300}" r="170" fill="none" stroke="white" stroke-width="5"/></svg>`;
    const base = sharp(letter.data, { raw: { width, height, channels: 1 } }).toColourspace('srgb');
    const jpeg = await base.composite([{ input: Buffer.from(svg), blend: 'multiply' }]).removeAlpha().withDensity(DPI).jpeg({ quality: 80 }).toBuffer();
    const grey = await ingestGrey(jpeg);
    const ringMask = await sharp(Buffer.from(ringSvg)).greyscale().raw().toBuffer();
    const ring = [...ringMask.keys()].filter((i) => ringMask[i]! > 200 && letter.data[i]! > 200);
    expect(ring.length).toBeGreaterThan(2000);
    // Judged against the signature's ink, or lifted by max() alone, the ring stayed a grey ghost (~190).
    expect(share(grey, ring, (v) => v >= 230)).toBeGreaterThan(0.9);
  });

  it('drops a blue stamp on a letterhead with solid blue bands: a band is no ink, the stamp is not the content', async () => {
    const { width, height } = letter;
    const y0 = 354 + 6 * 87;
    const blue = 'rgb(30,70,200)';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
      + `<rect x="0" y="0" width="${width}" height="330" fill="${blue}"/><rect x="0" y="${height - 330}" width="${width}" height="330" fill="${blue}"/>`
      + `<rect x="700" y="${y0}" width="700" height="240" fill="none" stroke="${blue}" stroke-width="9"/>`
      + `<text x="740" y="${y0 + 140}" font-family="${fontFamily(availableFonts('sans')[0] ?? '')}" font-weight="bold" font-size="80" fill="${blue}">WPŁYNĘŁO</text></svg>`;
    const base = sharp(letter.data, { raw: { width, height, channels: 1 } }).toColourspace('srgb');
    const jpeg = await base.composite([{ input: Buffer.from(svg), blend: 'multiply' }]).removeAlpha().withDensity(DPI).jpeg({ quality: 90 }).toBuffer();
    const rgb = await sharp(jpeg).raw().toBuffer();
    // Counted pixel by pixel, the bands make most of the page's ink blue, as a letter in blue pen.
    expect(dropsColourInk(inkCensus(rgb, 3))).toBe(false);
    expect(dropsColourInk(inkCensus(rgb, 3, width))).toBe(true);
    const grey = await ingestGrey(jpeg);
    const stampBox = [...letter.data.keys()].filter((i) => {
      const x = i % width, y = Math.floor(i / width);
      const r = rgb[i * 3]!, b = rgb[i * 3 + 2]!;
      return x > 700 && x < 1400 && y > y0 && y < y0 + 240 && b - r > 100 && letter.data[i]! > 200;
    });
    expect(stampBox.length).toBeGreaterThan(3000);
    expect(share(grey, stampBox, (v) => v >= 200)).toBeGreaterThan(0.9);
  });

  it('keeps values written in blue pen beside a form\'s printed labels and on its dotted lines', async () => {
    const W = 1240, H = 900;
    const rows = [['Nazwisko:', 'Wierzbicka'], ['Numer klienta:', '5038172946'], ['Nowy e-mail:', 'k.lis@poczta.pl'], ['Telefon:', '602 418 937']];
    const family = fontFamily(availableFonts('sans')[0] ?? '');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="white"/>`
      + rows.map(([label, value], i) => `<text x="60" y="${150 + i * 160}" font-family="${family}" font-size="34">${label}</text>`
        + `<line x1="330" y1="${164 + i * 160}" x2="1180" y2="${164 + i * 160}" stroke="black" stroke-width="2" stroke-dasharray="6,6"/>`
        + `<text x="350" y="${150 + i * 160}" font-family="${family}" font-size="64" fill="#1c2f8c">${value}</text>`).join('')
      // The form's printed heading and consent text: most of the page's ink is black, as on real forms.
      + [0, 1, 2, 3].map((k) => `<text x="60" y="${40 + k * 20}" font-family="${family}" font-size="18">Wniosek o zmianę danych klienta. Wypełnij drukowanymi literami długopisem i podpisz wniosek.</text>`).join('')
      + [0, 1, 2, 3, 4].map((k) => `<text x="60" y="${780 + k * 24}" font-family="${family}" font-size="20">Oświadczam, że podane dane są zgodne z prawdą i wyrażam zgodę na ich aktualizację w systemie.</text>`).join('')
      + '</svg>';
    const rgb = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
    const grey = await ingestGrey(await sharp(Buffer.from(svg)).removeAlpha().withDensity(DPI).jpeg({ quality: 85 }).toBuffer());
    const pen = [...Array(W * H).keys()].filter((i) => rgb[i * 3 + 2]! - rgb[i * 3]! > 80 && rgb[i * 3 + 2]! < 160);
    expect(pen.length).toBeGreaterThan(5000);
    // As dark as the labels' ink; lifted as a stamp beside typing before crossings were asked for,
    // half of it went to 140-170 grey, which binarisation and the engine lost.
    expect(share(grey, pen, (v) => v <= 100)).toBeGreaterThan(0.95);
  });

  it('keeps a form\'s pen values in comb boxes and beside a receipt stamp: pen written row after row is content', async () => {
    const W = 1240, H = 1500;
    const family = fontFamily(availableFonts('sans')[0] ?? '');
    const values = ['Wierzbicka', 'Katarzyna', '5038172946', 'Lipowa 17/4', '31-042 Kraków', '602 418 937', 'k.lis@poczta.pl', '12.11.2026'];
    const rowY = (i: number) => 200 + i * 130;
    // Comb boxes around the customer number's digits; a dotted line under every other value.
    const comb = [...'5038172946'].map((_, k) => `<rect x="${340 + k * 44}" y="${rowY(2) - 50}" width="44" height="64" fill="none" stroke="black" stroke-width="2"/>`).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="white"/>`
      + values.map((v, i) => `<text x="60" y="${rowY(i)}" font-family="${family}" font-size="30">Pole ${i + 1}:</text>`
        + (i === 2 ? comb + [...v].map((d, k) => `<text x="${350 + k * 44}" y="${rowY(i)}" font-family="${family}" font-size="50" fill="#3f72e6">${d}</text>`).join('')
          : `<line x1="330" y1="${rowY(i) + 12}" x2="1180" y2="${rowY(i) + 12}" stroke="black" stroke-width="2" stroke-dasharray="6,6"/>`
            + `<text x="350" y="${rowY(i)}" font-family="${family}" font-size="56" fill="#3f72e6">${v}</text>`)).join('')
      + [0, 1, 2, 3, 4, 5].map((k) => `<text x="60" y="${1300 + k * 26}" font-family="${family}" font-size="22">Oświadczam, że podane dane są zgodne z prawdą i wyrażam zgodę na ich aktualizację.</text>`).join('')
      + '</svg>';
    const stamp = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect x="560" y="${rowY(1) - 60}" width="360" height="200" fill="none" stroke="rgb(205,40,55)" stroke-width="8"/>`
      + `<text x="590" y="${rowY(1) + 40}" font-family="${family}" font-weight="bold" font-size="48" fill="rgb(205,40,55)">WPŁYNĘŁO</text></svg>`;
    const rgb = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
    const page = sharp(Buffer.from(svg)).composite([{ input: Buffer.from(stamp), blend: 'multiply' }]).removeAlpha().withDensity(DPI);
    const grey = await ingestGrey(await page.jpeg({ quality: 85 }).toBuffer());
    const pen = [...Array(W * H).keys()].filter((i) => rgb[i * 3 + 2]! - rgb[i * 3]! > 100 && !(i % W > 540 && i % W < 940 && Math.floor(i / W) > rowY(1) - 80 && Math.floor(i / W) < rowY(1) + 160));
    expect(pen.length).toBeGreaterThan(5000);
    // Dropped with the stamp as a second ink, or lifted by max() where the mask grew along it, a
    // fifth of the pen went to paper white (94 % kept as ink now, 81 % before).
    expect(share(grey, pen, (v) => v <= 150)).toBeGreaterThan(0.9);
  });

  it('keeps a letter typed in dark green on speckled recycled paper, on JPEG (blind test AN: every line dropped)', async () => {
    const { width, height } = letter;
    const ink = [28, 80, 45], paper = [214, 211, 204];
    const rgb = Buffer.alloc(width * height * 3);
    const rng = createRng('speckle');
    for (let i = 0; i < letter.data.length; i++) {
      const dark = (255 - letter.data[i]!) / 255;
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(paper[c]! - dark * (paper[c]! - ink[c]!));
    }
    // Grey and violet-grey specks of recycled paper, 2-4 px, about one per 4 mm².
    for (let k = 0; k < 60_000; k++) {
      const x = rng.int(2, width - 4), y = rng.int(2, height - 4), s = rng.int(1, 3), tone = rng.int(110, 170);
      for (let dy = 0; dy < s; dy++) for (let dx = 0; dx < s; dx++) {
        const p = ((y + dy) * width + x + dx) * 3;
        rgb[p] = tone; rgb[p + 1] = tone - 8; rgb[p + 2] = tone + 12;
      }
    }
    const jpeg = await sharp(rgb, { raw: { width, height, channels: 3 } }).withDensity(DPI).jpeg({ quality: 60 }).toBuffer();
    const grey = await ingestGrey(jpeg);
    const typing = [...letter.data.keys()].filter((i) => letter.data[i]! < 40);
    const otsu = otsuFromHistogram(greyHistogram(grey));
    // Taken for a green stamp over black typing (the specks counted as the black ink), the typing
    // was shaded against its own luma and went white.
    expect(share(grey, typing, (v) => v <= otsu)).toBeGreaterThan(0.9);
  });

  it('converts single pixels: neutral exactly, light coloured ink to paper only on a stamped page', () => {
    // 90 black typing pixels, 10 red stamp pixels, one black-on-red overlap, paper.
    const px = [...Array(90).fill([20, 20, 20]), ...Array(10).fill([210, 40, 50]), [35, 5, 8], ...Array(900).fill([250, 250, 250])].flat();
    const rgb = Uint8Array.from(px);
    const dropped = colourToGrey(rgb, 3, undefined, true);
    expect(dropped[0]).toBe(20);
    expect(dropped[90]).toBe(255);
    expect(dropped[100]).toBeLessThan(40);
    expect(dropped[101]).toBe(250);
    expect(colourToGrey(rgb, 3, undefined, false)[90]).toBeLessThan(120); // plain luma: mid grey
    expect(dropsColourInk({ neutral: 90, coloured: 10 })).toBe(true);
    expect(dropsColourInk({ neutral: 10, coloured: 90 })).toBe(false);
    expect(dropsColourInk({ neutral: 1000, coloured: 0 })).toBe(false);
    // RGBA (rendered PDF pages) reads the same, alpha ignored.
    const rgba = Uint8Array.from([210, 40, 50, 255, 20, 20, 20, 255]);
    expect([...colourToGrey(rgba, 4, undefined, true)]).toEqual([255, 20]);
  });
});

describe('grey input', () => {
  /** finishPage as it was before colour dropout, for byte comparison. */
  const plainGrey = (bytes: Buffer) => sharp(bytes).flatten({ background: '#ffffff' }).greyscale().toColourspace('b-w').withDensity(DPI).png({ compressionLevel: 3 }).toBuffer();

  it('decodes grey JPEG and PNG, and grey stored as RGB, to the same bytes as plain greyscale', async () => {
    const raw = sharp(letter.data, { raw: { width: letter.width, height: letter.height, channels: 1 } });
    const rgb = Buffer.alloc(letter.data.length * 3);
    letter.data.forEach((v, i) => rgb.fill(v, i * 3, i * 3 + 3));
    const files = [
      await raw.clone().toColourspace('b-w').jpeg({ quality: 80 }).withDensity(DPI).toBuffer(),
      await raw.clone().toColourspace('b-w').png().withDensity(DPI).toBuffer(),
      await sharp(rgb, { raw: { width: letter.width, height: letter.height, channels: 3 } }).jpeg({ quality: 80 }).withDensity(DPI).toBuffer(),
      await sharp(rgb, { raw: { width: letter.width, height: letter.height, channels: 3 } }).png().withDensity(DPI).toBuffer(),
    ];
    for (const f of files) {
      const [page] = await decodeScan(f, 'grey');
      expect(page!.png.equals(await plainGrey(f))).toBe(true);
    }
  });
});
