import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeScan } from '../../ingest/decode-scan.js';
import { inspectPage } from '../../ingest/inspect-page.js';
import { separatorSheetPdf } from '../../ingest/separator-sheet.js';
import { degrade } from './fixtures.js';

describe('separatorSheetPdf', () => {
  it('is one A4 page that reads back as a separator after a simulated print-and-scan', async () => {
    const pdf = await separatorSheetPdf();
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 0);
    expect(height).toBeCloseTo(841.89, 0);

    const [page] = await decodeScan(Buffer.from(pdf), 'separator.pdf');
    expect(await inspectPage(page!)).toMatchObject({ separator: true, blank: false });

    // Office scanner: 200 dpi, slight skew, grey paper, sensor noise, strong JPEG compression.
    const { data, info } = await sharp(page!.png)
      .resize(Math.round((page!.width * 2) / 3))
      .rotate(-4, { background: '#ffffff' })
      .linear(0.8, 30)
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const noisy = degrade({ data, width: info.width, height: info.height }, { seed: 3, sigma: 10, specks: 3000 });
    const jpeg = await sharp(noisy, { raw: { width: info.width, height: info.height, channels: 1 } }).jpeg({ quality: 50 }).withDensity(200).toBuffer();
    const [scanned] = await decodeScan(jpeg, 'scan.jpg');
    expect(scanned!.dpi).toBe(200);
    expect((await inspectPage(scanned!)).separator).toBe(true);
  });
});

describe('a damaged separator sheet', () => {
  // A reused sheet (blind test AQ): a coffee ring over the codes, the bottom half torn off, skew and
  // specks. One damaged symbol must neither hide the others nor use up the reader's symbol budget.
  const mm = 300 / 25.4;
  const ring = (cx: number, cy: number, r: number, width: number, grey: number): string =>
    `<circle cx="${cx * mm}" cy="${cy * mm}" r="${r * mm}" fill="rgb(${grey + 40},${grey + 40},${grey + 40})" fill-opacity="0.25" stroke="rgb(${grey},${grey},${grey})" stroke-width="${width * mm}" stroke-opacity="0.85"/>`;
  const damages: Record<string, string> = {
    'a dark coffee ring over the middle': ring(105, 148, 45, 8, 60),
    'a coffee ring over one corner': ring(85, 120, 45, 6, 90),
    'the bottom half torn off': `<polygon points="0,${160 * mm} ${210 * mm},${150 * mm} ${210 * mm},${297 * mm} 0,${297 * mm}" fill="#ffffff"/>`,
    'a ring and the bottom quarter torn off': ring(100, 130, 40, 5, 100) + `<polygon points="0,${225 * mm} ${210 * mm},${210 * mm} ${210 * mm},${297 * mm} 0,${297 * mm}" fill="#ffffff"/>`,
  };
  it.each(Object.entries(damages))('still reads as a separator with %s', async (_name, overlay) => {
    const [page] = await decodeScan(Buffer.from(await separatorSheetPdf()), 'separator.pdf');
    expect(page!.dpi).toBe(300);
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${page!.width}" height="${page!.height}">${overlay}</svg>`);
    const png = await sharp(page!.png).composite([{ input: svg }]).rotate(2.5, { background: '#ffffff' }).greyscale().png().withDensity(300).toBuffer();
    const [scanned] = await decodeScan(png, 'scan.png');
    expect(await inspectPage(scanned!)).toMatchObject({ separator: true, blank: false });
  });
});
