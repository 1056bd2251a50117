// Fallback for PDF pages that are not one scanned image: rasterise with pdf.js at RENDER_DPI.
import { createRequire } from 'node:module';
import { PermanentError } from '../core/errors.js';
import type { PageImage } from '../core/types.js';
import { MAX_PAGES, MAX_PIXELS, RENDER_DPI, colourPixelsToGrey, finishPage, rawGrey } from './page-output.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
interface CanvasAndContext {
  canvas: { width: number; height: number };
  context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

const require = createRequire(import.meta.url);
let pdfjsPromise: Promise<PdfJs> | null = null;

export interface PdfRenderer {
  pageCount: number;
  render(index: number): Promise<PageImage>;
  close(): Promise<void>;
}

export async function openPdfRenderer(bytes: Buffer, fileName: string): Promise<PdfRenderer> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await pdfjsPromise;
  const root = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  // pdf.js finds its data beside itself only in a browser. Without wasmUrl a JPEG 2000 image (some
  // scanners' "high quality" PDFs) decodes to nothing and the page reads as blank, losing the letter.
  const data = { standardFontDataUrl: `${root}standard_fonts/`, wasmUrl: `${root}wasm/`, iccUrl: `${root}iccs/`, cMapUrl: `${root}cmaps/` };
  let doc: PdfDoc;
  try {
    // pdf.js may detach the buffer it is given, so it gets its own copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...data, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new PermanentError('ENCRYPTED_PDF', `${fileName}: the PDF is password-protected; export it again without a password`, { cause: err });
    }
    throw new PermanentError('CORRUPT_FILE', `${fileName}: the PDF is damaged and cannot be read (${(err as Error).message})`, { cause: err });
  }
  if (doc.numPages > MAX_PAGES) {
    await doc.destroy();
    throw new PermanentError('TOO_MANY_PAGES', `${fileName}: ${doc.numPages} pages exceeds the limit of ${MAX_PAGES} per file`);
  }
  return {
    pageCount: doc.numPages,
    close: () => doc.destroy(),
    async render(index: number): Promise<PageImage> {
      try {
        const page = await doc.getPage(index + 1);
        const base = page.getViewport({ scale: 1 });
        // Absurd page sizes (hostile or broken MediaBox) get a lower resolution instead of exhausting memory.
        let scale = RENDER_DPI / 72;
        const pixels = base.width * base.height * scale * scale;
        if (pixels > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixels);
        const vp = page.getViewport({ scale });
        const w = Math.max(1, Math.round(vp.width));
        const h = Math.max(1, Math.round(vp.height));
        // The canvas must come from pdf.js's own factory: its Path2D polyfill is bound to that canvas build.
        const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): CanvasAndContext } }).canvasFactory;
        const { canvas, context } = factory.create(w, h);
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, w, h);
        await page.render({ canvasContext: context as never, canvas: canvas as never, viewport: vp }).promise;
        const rgba = Buffer.from(context.getImageData(0, 0, w, h).data.buffer);
        page.cleanup();
        const dpi = Math.round(scale * 72);
        // The canvas was filled white first, so alpha is opaque: straight to the shared colour conversion.
        return finishPage(rawGrey(await colourPixelsToGrey(rgba, 4, w, h), w, h), dpi);
      } catch (err) {
        if (err instanceof PermanentError) throw err;
        throw new PermanentError('CORRUPT_FILE', `${fileName}: page ${index + 1} cannot be rendered (${(err as Error).message})`, { cause: err });
      }
    },
  };
}
