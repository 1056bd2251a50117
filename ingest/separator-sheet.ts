// Printable A4 separator sheet: a large QR code carrying SEPARATOR_TEXT plus a caption.
// The QR is drawn as vector rectangles so it stays sharp at any printer resolution.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { SEPARATOR_TEXT } from './separator-text.js';

const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;
/** Fonts with Polish glyphs commonly present on Linux servers; ASCII caption when none is. */
const UNICODE_FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/freefont/FreeSansBold.ttf',
];

async function captionFont(doc: PDFDocument): Promise<{ font: PDFFont; polish: boolean }> {
  doc.registerFontkit(fontkit);
  for (const path of UNICODE_FONTS) {
    try {
      return { font: await doc.embedFont(await readFile(path), { subset: true }), polish: true };
    } catch {
      // not installed here: try the next one
    }
  }
  return { font: await doc.embedFont(StandardFonts.HelveticaBold), polish: false };
}

export async function separatorSheetPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Mailroom separator sheet');
  doc.setCreator('mailroom');
  const page = doc.addPage(A4);
  const [pw, ph] = A4;

  // Error correction H survives staples, pen marks and coffee rings on a reused sheet.
  const qr = QRCode.create(SEPARATOR_TEXT, { errorCorrectionLevel: 'H' });
  const n = qr.modules.size;
  const side = 110 * MM; // ~4 mm modules: readable even from a 100 dpi downscale or a skewed feed
  const cell = side / n;
  const x0 = (pw - side) / 2;
  const y0 = (ph - side) / 2;
  // One filled path of merged horizontal runs: separate rectangles leave anti-aliased seams
  // between rows that a reader's binariser can see as light lines.
  let path = '';
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) { col++; continue; }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      path += `M${(start * cell).toFixed(3)} ${(row * cell).toFixed(3)}h${((col - start) * cell).toFixed(3)}v${cell.toFixed(3)}h${(-(col - start) * cell).toFixed(3)}Z`;
    }
  }
  // drawSvgPath uses SVG orientation: origin at (x, y) = top-left of the symbol, y growing down.
  page.drawSvgPath(path, { x: x0, y: y0 + side, color: rgb(0, 0, 0), borderWidth: 0 });

  const { font, polish } = await captionFont(doc);
  const title = polish ? 'ARKUSZ SEPARUJĄCY / SEPARATOR SHEET' : 'ARKUSZ SEPARUJACY / SEPARATOR SHEET';
  const note = polish ? 'mailroom — włóż przed każdym pismem' : 'mailroom - place before each letter';
  const centred = (text: string, size: number, y: number): void => {
    page.drawText(text, { x: (pw - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: rgb(0, 0, 0) });
  };
  centred(title, 20, ph - 40 * MM);
  centred(note, 14, ph - 50 * MM);
  centred(title, 20, 40 * MM);
  centred(note, 14, 30 * MM);
  return doc.save();
}
