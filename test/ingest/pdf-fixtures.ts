// Scanner-like PDFs built with pdf-lib's low-level API: one image XObject drawn over the page.
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, StandardFonts, degrees } from 'pdf-lib';

export interface XObjectSpec {
  data: Uint8Array;
  dict: Record<string, unknown>; // Width, Height, ColorSpace, Filter, ...
  widthPt: number;
  heightPt: number;
  rotate?: number;
  /** Extra content operators after the image, e.g. the invisible OCR text layer of a searchable scan. */
  extraOps?: string;
}

/** One page per spec, each a single image scaled to cover the page, like a scanner writes. */
export async function imagePdf(specs: XObjectSpec[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const s of specs) {
    const page = doc.addPage([s.widthPt, s.heightPt]);
    const img = doc.context.register(doc.context.stream(s.data, { Type: 'XObject', Subtype: 'Image', ...s.dict } as never));
    page.node.setXObject(PDFName.of('Im0'), img);
    const ops = `q ${s.widthPt} 0 0 ${s.heightPt} 0 0 cm /Im0 Do Q ${s.extraOps ?? ''}`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
    if (s.rotate) page.setRotation(degrees(s.rotate));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export const flate = (b: Uint8Array): Buffer => deflateSync(b);

/** Page pictures split into horizontal strips, as some scanners write them: must be rendered. */
export async function stripPdf(jpegs: { jpeg: Buffer; heightPx: number }[], widthPt: number, heightPt: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([widthPt, heightPt]);
  const totalPx = jpegs.reduce((a, j) => a + j.heightPx, 0);
  let top = heightPt;
  for (const j of jpegs) {
    const img = await doc.embedJpg(j.jpeg);
    const h = (j.heightPx / totalPx) * heightPt;
    page.drawImage(img, { x: 0, y: top - h, width: widthPt, height: h });
    top -= h;
  }
  return Buffer.from(await doc.save());
}

/** A born-digital page: vector text only, no image at all. */
export async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 760 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save());
}

/** A PDF with a Standard security handler whose user password is not empty. */
export async function encryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  const ctx = doc.context;
  const enc = ctx.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904 });
  enc.set(PDFName.of('O'), PDFHexString.of('a5'.repeat(32)));
  enc.set(PDFName.of('U'), PDFHexString.of('3c'.repeat(32)));
  ctx.trailerInfo.Encrypt = ctx.register(enc);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export async function emptyPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false }));
}
