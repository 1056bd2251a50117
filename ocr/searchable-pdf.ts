// Builds the archived searchable PDF of a document: each page is the scan drawn full-page with the
// OCR words laid over it as invisible text (render mode 3), so selecting and searching work.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument, PDFPage, StandardFonts, TextRenderingMode, beginText, concatTransformationMatrix, drawObject,
  endText, popGraphicsState, pushGraphicsState,
  setCharacterSqueeze, setFontAndSize, setTextMatrix, setTextRenderingMode, showText, type PDFFont,
} from 'pdf-lib';
import type { OcrWord } from '../core/types.js';
import { placeWords } from './text-lines.js';

export interface PdfPageInput {
  image: Buffer; // PNG (8-bit grey ones copied undecoded), JPEG or binary PBM (P4, from page-preparer's encodeForPdf)
  width: number;
  height: number;
  dpi: number;
  words: OcrWord[];
}

const require = createRequire(import.meta.url);

/** Unicode fonts tried in order: the system's DejaVu, then the Liberation Sans that pdfjs-dist ships. */
function fontCandidates(): string[] {
  const list = [process.env.MAILROOM_PDF_FONT, '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];
  try {
    const pdfjs = dirname(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    list.push(join(pdfjs, '..', '..', 'standard_fonts', 'LiberationSans-Regular.ttf'));
  } catch {
    // pdfjs-dist absent: the standard-font fallback below still works.
  }
  return list.filter((p): p is string => !!p);
}

interface TextFont {
  font: PDFFont;
  /** Maps text to what the font can draw (diacritics dropped when it has no glyph for them). */
  fit: (text: string) => string;
}

const ASCII_FOLD: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss' };
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, (c) => ASCII_FOLD[c] ?? '?');
}

let warned = false;
type Face = { hasGlyphForCodePoint(cp: number): boolean };
// Read and parsed once per process: the font file does not change between letters.
let unicodeFont: Promise<{ bytes: Buffer; face: Face } | null> | null = null;
async function findUnicodeFont(): Promise<{ bytes: Buffer; face: Face } | null> {
  for (const path of fontCandidates()) {
    const bytes = await readFile(path).catch(() => null);
    if (!bytes) continue;
    const face = fontkit.create(bytes);
    if ('hasGlyphForCodePoint' in face) return { bytes, face: face as Face };
  }
  return null;
}

// pdf-lib parses the font file again for every document (fontkit.create), 0.1 s of CPU per letter
// with DejaVu Sans. A parsed face is not changed by subsetting (each document builds its own subset
// from it), so the one parsed face is handed to every document.
const parsedFaces = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const sharedFontkit: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let face = parsedFaces.get(bytes);
    if (!face) parsedFaces.set(bytes, (face = withGlyphsMapped(fontkit.create(bytes))));
    return face;
  },
};

/**
 * The face keeps the first glyph object it makes for a glyph id. Subsetting makes the base glyphs
 * of composites ("o" in "ó") without their characters; shared, such a glyph then stood in a later
 * document's text without a Unicode mapping, and its "o" could not be searched (found under blind
 * test AD: after a letter with "ó" and no "o", every later PDF of the process). Made once from the
 * character map, every glyph carries its characters from the start.
 */
function withGlyphsMapped<T>(face: T): T {
  const f = face as unknown as { characterSet?: number[]; glyphForCodePoint?: (cp: number) => unknown };
  for (const cp of f.characterSet ?? []) if (cp < 0x3000) f.glyphForCodePoint?.(cp);
  return face;
}

// The text layer is invisible: ligatures, kerning and mark positioning change nothing a reader
// selects or searches, and running the font's OpenType lookups for every word was most of the
// remaining cost of a PDF.
const NO_SHAPING = Object.fromEntries(
  ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'rclt', 'dlig'].map((f) => [f, false]),
);

async function loadTextFont(pdf: PDFDocument): Promise<TextFont> {
  pdf.registerFontkit(sharedFontkit);
  unicodeFont ??= findUnicodeFont();
  const found = await unicodeFont;
  if (found) {
    const { bytes, face } = found;
    const font = await pdf.embedFont(bytes, { subset: true, features: NO_SHAPING });
    const fit = (t: string) =>
      [...t].map((c) => (face.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : foldToAscii(c))).join('');
    return { font, fit };
  }
  if (!warned) {
    warned = true;
    process.emitWarning('no Unicode TTF found: searchable PDF text layer drops Polish diacritics');
  }
  return { font: await pdf.embedFont(StandardFonts.Helvetica), fit: foldToAscii };
}

/** An 8-bit grey, non-interlaced PNG: its compressed rows are valid PDF FlateDecode data as they are. */
export function isPlainGreyPng(b: Buffer): boolean {
  return b.length > 33 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR' && b[24] === 8 && b[25] === 0 && b[28] === 0;
}

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8;

/** Draws a binary PBM full-page as a 1-bit image, deflated natively (pdf-lib would use pako). */
function drawPbm(pdf: PDFDocument, page: PDFPage, pbm: Buffer): boolean {
  const head = /^P4\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s/.exec(pbm.toString('latin1', 0, 128));
  if (!head) return false;
  const [, w, h] = head;
  const stream = pdf.context.stream(deflateSync(pbm.subarray(head[0].length), { level: 6 }), {
    Type: 'XObject', Subtype: 'Image', Width: Number(w), Height: Number(h),
    ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode',
    Decode: [1, 0], // PBM stores ink as 1; DeviceGray 1 would be white
  });
  drawFullPage(page, page.node.newXObject('Im', pdf.context.register(stream)));
  return true;
}

/**
 * Draws an 8-bit grey PNG full-page without decoding it: its IDAT data is the zlib stream of
 * PNG-filtered rows, which PDF reads as FlateDecode with the PNG predictor (what img2pdf does).
 */
function drawPlainPng(pdf: PDFDocument, page: PDFPage, png: Buffer): boolean {
  if (!isPlainGreyPng(png)) return false;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (at + 12 + len > png.length) return false; // truncated: let pdf-lib's decoder report it
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    if (type === 'IEND') break;
    at += 12 + len;
  }
  if (!idat.length) return false;
  const stream = pdf.context.stream(Buffer.concat(idat), {
    Type: 'XObject', Subtype: 'Image', Width: width, Height: height,
    ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: 8, Columns: width },
  });
  drawFullPage(page, page.node.newXObject('Im', pdf.context.register(stream)));
  return true;
}

function drawFullPage(page: PDFPage, name: ReturnType<PDFPage['node']['newXObject']>): void {
  const { width, height } = page.getSize();
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
}

export interface PdfOptions {
  /** Re-encodes each page image before embedding (e.g. page-preparer's encodeForPdf: grey to JPEG). */
  encodeImage?: (image: Buffer) => Promise<Buffer>;
}

export async function buildSearchablePdf(pages: PdfPageInput[], options: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setProducer('mailroom');
  const text = pages.some((p) => p.words.length) ? await loadTextFont(pdf) : null;
  for (const p of pages) {
    const k = 72 / p.dpi; // pixels to points
    const pageW = p.width * k;
    const pageH = p.height * k;
    const page = pdf.addPage([pageW, pageH]);
    const bytes = options.encodeImage ? await options.encodeImage(p.image) : p.image;
    if (bytes[0] === 0x50 && bytes[1] === 0x34) {
      if (!drawPbm(pdf, page, bytes)) throw new Error('page image is a malformed PBM');
    } else if (!drawPlainPng(pdf, page, bytes)) {
      const img = isJpeg(bytes) ? await pdf.embedJpg(bytes) : await pdf.embedPng(bytes);
      page.drawImage(img, { x: 0, y: 0, width: pageW, height: pageH });
    }
    if (!text || p.words.length === 0) continue;
    const fontKey = page.node.newFontDictionary(text.font.name, text.font.ref);
    // Ascender-to-descender height of the font per point of size.
    const emHeight = text.font.heightAtSize(1, { descender: true });
    const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
    for (const w of placeWords(p.words)) {
      const s = text.fit(w.text);
      if (!s.trim()) continue;
      // One size and one baseline per line (ocr/text-lines.ts), so extractors keep the line whole.
      const size = Math.max(1, (w.lineHeight * k) / emHeight);
      const natural = text.font.widthOfTextAtSize(s, size);
      const squeeze = natural > 0 ? (100 * (w.x1 - w.x0) * k) / natural : 100;
      ops.push(
        setFontAndSize(fontKey, size),
        setCharacterSqueeze(squeeze),
        setTextMatrix(1, 0, 0, 1, w.x0 * k, pageH - w.baseline * k),
        // The trailing space keeps words apart when viewers extract or search the text.
        showText(text.font.encodeText(`${s} `)),
      );
    }
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }
  return pdf.save();
}
