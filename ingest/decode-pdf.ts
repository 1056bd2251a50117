// Scanner PDFs hold one image per page: extract it at its scanned resolution (faster and sharper
// than rendering). Anything else on a page (text, vectors, strips) goes to the pdf.js renderer.
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { PermanentError } from '../core/errors.js';
import type { PageImage } from '../core/types.js';
import { summariseContent, type ImageDraw } from './pdf-content.js';
import { decodeImageXObject } from './pdf-image.js';
import { openPdfRenderer, type PdfRenderer } from './pdf-render.js';
import { MAX_PAGES, checkPixels, decodeFailure, finishPage, squarePixels, usableDpi } from './page-output.js';
import { verticalStretch } from './tiff-resolution.js';

/** Share of the visible page an image must cover to count as "the scan of this page". */
const FULL_PAGE_COVERAGE = 0.85;

export async function* decodePdf(bytes: Buffer, fileName: string): AsyncGenerator<PageImage> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    // pdf-lib cannot decrypt (EncryptedPDFError); pdf.js opens files encrypted with an empty user
    // password and reports a real password requirement. It also reads some files pdf-lib rejects.
    yield* renderAll(bytes, fileName);
    return;
  }
  let pages: PDFPage[];
  try {
    pages = doc.getPages();
  } catch {
    yield* renderAll(bytes, fileName);
    return;
  }
  if (pages.length === 0) throw new PermanentError('NO_PAGES', `${fileName}: the PDF has no pages`);
  if (pages.length > MAX_PAGES) {
    throw new PermanentError('TOO_MANY_PAGES', `${fileName}: ${pages.length} pages exceeds the limit of ${MAX_PAGES} per file`);
  }
  let renderer: PdfRenderer | null = null;
  try {
    for (let i = 0; i < pages.length; i++) {
      const where = `${fileName} page ${i + 1}`;
      const extracted = await extractScannedImage(pages[i]!, where);
      if (extracted) yield extracted;
      else {
        assertImagesWithinLimit(pages[i]!, where);
        renderer ??= await openPdfRenderer(bytes, fileName);
        yield await renderer.render(i);
      }
    }
  } finally {
    await renderer?.close();
  }
}

async function* renderAll(bytes: Buffer, fileName: string): AsyncGenerator<PageImage> {
  const renderer = await openPdfRenderer(bytes, fileName);
  try {
    if (renderer.pageCount === 0) throw new PermanentError('NO_PAGES', `${fileName}: the PDF has no pages`);
    for (let i = 0; i < renderer.pageCount; i++) yield await renderer.render(i);
  } finally {
    await renderer.close();
  }
}

/** pdf.js decodes images without any size limit: check the page's images before handing it over. */
function assertImagesWithinLimit(page: PDFPage, where: string): void {
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return;
  for (const key of xobjects.keys()) {
    const x = xobjects.lookup(key);
    if (!(x instanceof PDFRawStream) || x.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const size = (k: string): number => {
      const v = x.dict.lookup(PDFName.of(k));
      return v instanceof PDFNumber ? v.asNumber() : 0;
    };
    checkPixels(size('Width'), size('Height'), where);
  }
}

function contentBytes(page: PDFPage): Uint8Array[] | null {
  const contents = page.node.Contents();
  const streams = contents === undefined ? [] : 'asArray' in contents ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  const out: Uint8Array[] = [];
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) return null;
    out.push(decodePDFRawStream(s).decode());
  }
  return out;
}

/** Returns the page's single full-page image, or null when the page must be rendered. */
async function extractScannedImage(page: PDFPage, where: string): Promise<PageImage | null> {
  let draws: ImageDraw[];
  try {
    const parts = contentBytes(page);
    if (parts === null) return null;
    // Content arrays are one stream split at arbitrary token boundaries; join with a space.
    const joined = Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from(' ')]));
    const summary = summariseContent(joined);
    if (summary.otherPainting || summary.draws.length !== 1) return null;
    draws = summary.draws;
  } catch {
    return null; // unreadable content stream: let pdf.js try
  }
  const draw = draws[0]!;
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  const stream = xobjects instanceof PDFDict ? xobjects.lookup(PDFName.of(draw.name)) : undefined;
  if (!(stream instanceof PDFRawStream)) return null;
  const subtype = stream.dict.lookup(PDFName.of('Subtype'));
  if (!(subtype instanceof PDFName) || subtype.decodeText() !== 'Image') return null; // form XObject
  const [a, b, c, d, e, f] = draw.ctm;
  // Only upright, unmirrored placement: rotated or flipped images are rare and pdf.js gets them right.
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return null;
  const box = page.getCropBox();
  const ix = Math.max(0, Math.min(e + a, box.x + box.width) - Math.max(e, box.x));
  const iy = Math.max(0, Math.min(f + d, box.y + box.height) - Math.max(f, box.y));
  if ((ix * iy) / (box.width * box.height) < FULL_PAGE_COVERAGE) return null;

  const decoded = await decodeImageXObject(stream, where);
  if (decoded === null) return null;
  const dpi = usableDpi(decoded.width / (a / 72));
  // A fax image placed on the page at 204 × 98 dpi has pixels twice as tall as wide.
  const stretch = verticalStretch({ x: decoded.width / (a / 72), y: decoded.height / (d / 72) });
  try {
    const rotation = ((page.getRotation().angle % 360) + 360) % 360;
    return await finishPage(stretch === null ? decoded.img : await squarePixels(decoded.img, stretch), dpi, rotation);
  } catch (err) {
    throw decodeFailure(where, 'the scanned image', err);
  }
}
