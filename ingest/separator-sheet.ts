// Printable A4 separator sheet: QR codes carrying SEPARATOR_TEXT plus a caption.
// The QR is drawn as vector rectangles so it stays sharp at any printer resolution.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
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

/** One QR symbol of `side` points with its top-left corner at (x, top) in PDF coordinates. */
function drawQr(page: PDFPage, x: number, top: number, side: number): void {
  // Error correction H survives staples, pen marks and specks on a reused sheet.
  const qr = QRCode.create(SEPARATOR_TEXT, { errorCorrectionLevel: 'H' });
  const n = qr.modules.size;
  const cell = side / n;
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
  page.drawSvgPath(path, { x, y: top, color: rgb(0, 0, 0), borderWidth: 0 });
}

// Four codes in a 2 x 2 grid rather than one: a reused sheet's coffee ring over a finder pattern or
// a torn-off quarter defeats one symbol (blind test AQ lost a separator that way), rarely all four.
// ~2.5 mm modules still read from the 100 dpi copy the page inspection scans.
const CODE_MM = 62;
const GAP_MM = 16;

export async function separatorSheetPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Mailroom separator sheet');
  doc.setCreator('mailroom');
  const page = doc.addPage(A4);
  const [pw, ph] = A4;
  const side = CODE_MM * MM;
  const grid = 2 * side + GAP_MM * MM;
  const left = (pw - grid) / 2;
  const top = (ph + grid) / 2;
  for (const col of [0, 1]) {
    for (const row of [0, 1]) drawQr(page, left + col * (side + GAP_MM * MM), top - row * (side + GAP_MM * MM), side);
  }

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
