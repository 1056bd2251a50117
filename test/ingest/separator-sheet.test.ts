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
