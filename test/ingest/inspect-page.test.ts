import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageImage } from '../../core/types.js';
import { decodeScan } from '../../ingest/decode-scan.js';
import { inspectPage } from '../../ingest/inspect-page.js';
import { separatorSheetPdf } from '../../ingest/separator-sheet.js';
import { LETTER_LINES, degrade, renderLetterRaw, toPage } from './fixtures.js';

const BODY = [
  'W nawiązaniu do rozmowy z konsultantem z dnia 3 października 2026 r.',
  'informuję, że od kilku tygodni usługa internetu światłowodowego działa',
  'z przerwami, a prędkość wielokrotnie spada poniżej gwarantowanej w umowie.',
  'Zgłoszenia nr 556677 i 556701 zostały zamknięte bez usunięcia usterki.',
  'Wnoszę o obniżenie abonamentu za okres niedziałania usługi oraz o',
  'przysłanie technika. W razie braku reakcji w terminie 30 dni skieruję',
  'sprawę do Prezesa UKE oraz rzecznika konsumentów w moim mieście.',
];
const FULL_LETTER = [...LETTER_LINES.slice(0, 8), ...BODY, ...BODY, ...BODY, ...LETTER_LINES.slice(8)];

async function page300(o: Parameters<typeof renderLetterRaw>[0], noise?: Parameters<typeof degrade>[1]): Promise<PageImage> {
  const raw = await renderLetterRaw(o);
  return toPage(noise ? { ...raw, data: degrade(raw, noise) } : raw, o.dpi);
}

async function rotated(page: PageImage, angle: number, scale = 1): Promise<PageImage> {
  const { data, info } = await sharp(page.png)
    .resize(Math.round(page.width * scale))
    .rotate(angle, { background: '#ffffff' })
    .extractChannel(0)
    .png()
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, dpi: Math.round((page.dpi ?? 300) * scale) };
}

describe('inspectPage: blank back sides', () => {
  it('a noisy grey blank page is blank', async () => {
    const p = await page300({ dpi: 300, lines: [], paper: '#e4e4e4' }, { seed: 1, sigma: 12, specks: 20000, dust: 40 });
    expect(await inspectPage(p)).toMatchObject({ blank: true, separator: false, issues: [] });
  });

  it('dust blobs and punch holes do not make a page content', async () => {
    const raw = await renderLetterRaw({ dpi: 300, lines: [] });
    const data = degrade(raw, { seed: 5, sigma: 10 });
    for (let k = 0; k < 30; k++) {
      const cx = 100 + ((k * 997) % 2200), cy = 150 + ((k * 1543) % 3200);
      for (let y = cy - 6; y <= cy + 6; y++) for (let x = cx - 6; x <= cx + 6; x++) data[y * raw.width + x] = 30;
    }
    for (const cy of [1200, 2300]) {
      for (let y = cy - 35; y <= cy + 35; y++) for (let x = 105; x <= 175; x++) if ((x - 140) ** 2 + (y - cy) ** 2 < 35 ** 2) data[y * raw.width + x] = 10;
    }
    expect((await inspectPage(await toPage({ ...raw, data }, 300))).blank).toBe(true);
  });

  it('one short handwritten-size line on a noisy page is not blank', async () => {
    const p = await page300({ dpi: 300, lines: ['Proszę o kontakt'], fontPt: 14, italic: true, xMm: 40, yMm: 150 }, { seed: 2, sigma: 12, specks: 20000, dust: 40 });
    const r = await inspectPage(p);
    expect(r.blank).toBe(false);
    expect(r.issues).toEqual([]);
  });

  it('a single short word is not blank either', async () => {
    expect((await inspectPage(await page300({ dpi: 300, lines: ['Tak'], fontPt: 12, xMm: 60, yMm: 200 }))).blank).toBe(false);
  });
});

describe('inspectPage: quality gate', () => {
  it('passes a clean full letter, and measures the time per A4 300 dpi page', async () => {
    const raw = await renderLetterRaw({ dpi: 300, lines: FULL_LETTER });
    const jpeg = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 1 } }).jpeg({ quality: 85 }).withDensity(300).toBuffer();
    const t0 = performance.now();
    const [page] = await decodeScan(jpeg, 'letter.jpg');
    const t1 = performance.now();
    const r = await inspectPage(page!);
    const t2 = performance.now();
    console.log(`A4 300 dpi JPEG page: decode ${(t1 - t0).toFixed(0)} ms, inspect ${(t2 - t1).toFixed(0)} ms`);
    expect(r).toMatchObject({ blank: false, separator: false, issues: [] });
    expect(r.inkRatio).toBeGreaterThan(0.01);
  });

  it('flags a very dark scan', async () => {
    const raw = await renderLetterRaw({ dpi: 300 });
    const dark = await toPage({ ...raw, data: Buffer.from(raw.data.map((v) => v * 0.3)) }, 300);
    expect((await inspectPage(dark)).issues).toContain('too_dark');
  });

  it('flags a very faint scan instead of calling it blank', async () => {
    const r = await inspectPage(await page300({ dpi: 300, ink: '#c8c8c8' }, { seed: 9, sigma: 6 }));
    expect(r.blank).toBe(false);
    expect(r.issues).toEqual(['too_light']);
  });

  it('flags 100 dpi pages, whether the dpi is recorded or estimated from the size, and 150 dpi recorded', async () => {
    const raw = await renderLetterRaw({ dpi: 100 });
    expect((await inspectPage(await toPage(raw, 100))).issues).toEqual(['low_resolution']);
    expect((await inspectPage(await toPage(raw, null))).issues).toEqual(['low_resolution']);
    expect((await inspectPage(await page300({ dpi: 200 }))).issues).toEqual([]);
    // A scanner set to 150 dpi says so in the file: worth a rescan (blind test S).
    expect((await inspectPage(await toPage(await renderLetterRaw({ dpi: 150 }), 150))).issues).toEqual(['low_resolution']);
  });

  it('flags a page as tall as A4 but far narrower (a strip lost to a crop), not a full A4 or A5 page', async () => {
    const raw = await renderLetterRaw({ dpi: 300, lines: FULL_LETTER });
    const narrow = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 1 } })
      .extract({ left: 0, top: 0, width: Math.round((126 / 25.4) * 300), height: raw.height }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect((await inspectPage(await toPage({ data: narrow.data, width: narrow.info.width, height: narrow.info.height }, 300))).issues).toContain('cut_off');
    expect((await inspectPage(await toPage(raw, 300))).issues).toEqual([]);
    // An A5 note is whole; without a recorded resolution the size says nothing.
    const a5 = await renderLetterRaw({ dpi: 150 });
    expect((await inspectPage(await toPage({ ...a5 }, 212))).issues).not.toContain('cut_off');
  });

  it('flags a page of A4 width cut short between two lines, not a shorter sheet with its bottom margin (blind test AY)', async () => {
    const crop = async (raw: { data: Buffer; width: number; height: number }, heightMm: number) => {
      const cut = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 1 } })
        .extract({ left: 0, top: 0, width: raw.width, height: Math.round((heightMm / 25.4) * 300) }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      return toPage({ data: cut.data, width: cut.info.width, height: cut.info.height }, 300);
    };
    // Baselines every 7.4 mm from 30 mm: the 16th at 140.6 mm, the next line's capitals from about 145 mm.
    const letter = await renderLetterRaw({ dpi: 300, lines: FULL_LETTER });
    expect((await inspectPage(await crop(letter, 143.5))).issues).toEqual(['cut_off']);
    // A5 landscape (210 x 148 mm) holding a whole short letter.
    const note = await renderLetterRaw({ dpi: 300, lines: LETTER_LINES, yMm: 20 });
    expect((await inspectPage(await crop(note, 148))).issues).toEqual([]);
  });

  it('flags a page half off the glass (text running off the edge)', async () => {
    expect((await inspectPage(await page300({ dpi: 300, lines: FULL_LETTER, xMm: 90 }))).issues).toEqual(['cut_off']);
    expect((await inspectPage(await page300({ dpi: 300, lines: FULL_LETTER, yMm: 150, fontPt: 13 }))).issues).toEqual(['cut_off']);
  });

  it('a light receipt stamp close to the top edge is not a cut-off page', async () => {
    // A tilted thin grey border near the edge breaks into many short ink runs at 100 dpi, which
    // looked like cut text until runs had to cross the edge band (measured: 17 of 24 variants).
    const dpi = 200;
    const raw = await renderLetterRaw({ dpi, lines: FULL_LETTER, yMm: 40 });
    const mm = (v: number): number => (v / 25.4) * dpi;
    for (const [rot, topMm] of [[-3, 0.5], [5, 1.5], [-6, 2.5]] as const) {
      const canvas = createCanvas(raw.width, raw.height);
      const ctx = canvas.getContext('2d');
      ctx.translate(raw.width - mm(60), mm(topMm + 9));
      ctx.rotate((rot * Math.PI) / 180);
      ctx.strokeStyle = 'rgb(130,130,130)';
      ctx.lineWidth = mm(0.6);
      ctx.strokeRect(-mm(22), -mm(9), mm(44), mm(18));
      const alpha = ctx.getImageData(0, 0, raw.width, raw.height).data;
      const data = Buffer.from(raw.data);
      for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i]! + (130 - data[i]!) * (alpha[i * 4 + 3]! / 255));
      const jpeg = await sharp(data, { raw: { width: raw.width, height: raw.height, channels: 1 } }).jpeg({ quality: 70 }).withDensity(dpi).toBuffer();
      const [page] = await decodeScan(jpeg, 'stamped.jpg');
      expect((await inspectPage(page!)).issues).toEqual([]);
    }
  });
});

describe('inspectPage: separator sheets', () => {
  let sheet: PageImage;
  beforeAll(async () => {
    const pages = await decodeScan(Buffer.from(await separatorSheetPdf()), 'separator.pdf');
    expect(pages).toHaveLength(1);
    sheet = pages[0]!;
    expect(sheet.dpi).toBe(300);
  });

  it.each([
    ['upright', 0, 1],
    ['skewed 8°', 8, 1],
    ['skewed -10°', -10, 1],
    ['upside down', 180, 1],
    ['200 dpi, skewed 6°', 6, 2 / 3],
  ])('finds the separator %s', async (_n, angle, scale) => {
    const r = await inspectPage(await rotated(sheet, angle, scale));
    expect(r).toMatchObject({ separator: true, blank: false, issues: [] });
  });

  it('a QR code with other text is not a separator', async () => {
    const QRCode = (await import('qrcode')).default;
    const qr = await QRCode.toBuffer('https://example.com/faktura/123', { width: 600, margin: 4 });
    const base = await renderLetterRaw({ dpi: 300 });
    const png = await sharp(base.data, { raw: { width: base.width, height: base.height, channels: 1 } })
      .composite([{ input: qr, left: 1500, top: 2500 }])
      .extractChannel(0)
      .png()
      .toBuffer();
    const r = await inspectPage({ png, width: base.width, height: base.height, dpi: 300 });
    expect(r.separator).toBe(false);
    expect(r.blank).toBe(false);
  });
});
