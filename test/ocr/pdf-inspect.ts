// Reads back the PDFs the OCR stage writes: text items with positions, and rendered pixels.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Pixels { data: Uint8ClampedArray; width: number; height: number }

export async function renderFirstPage(bytes: Uint8Array): Promise<Pixels> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 0.5 });
  // pdfjs' own canvas factory (backed by @napi-rs/canvas): a foreign canvas crashes the renderer.
  type Ctx = { getImageData(x: number, y: number, w: number, h: number): Pixels };
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: Ctx } } }).canvasFactory;
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
  const { data, width, height } = context.getImageData(0, 0, viewport.width, viewport.height);
  await doc.destroy();
  return { data, width, height };
}

/** Mean red channel over a region given as fractions of the page. */
export function meanGrey(p: Pixels, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * p.height); y < y1 * p.height; y++)
    for (let x = Math.floor(x0 * p.width); x < x1 * p.width; x++, n++) sum += p.data[(y * p.width + x) * 4]!;
  return sum / n;
}

export interface Item { str: string; x: number; y: number }

export async function extractPdf(bytes: Uint8Array): Promise<{ pages: { width: number; height: number; items: Item[] }[] }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items
      .filter((i): i is typeof i & { str: string; transform: number[] } => 'str' in i)
      .map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]! }));
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return { pages };
}
