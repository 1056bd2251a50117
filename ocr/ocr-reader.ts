import { createTesseractPool } from './tesseract-engine.js';
import { createNativeTesseractPool } from './native-tesseract-engine.js';
import { binarizePng, mirrorPng, preparePage, rotatePng180 } from './page-preparer.js';
import { readPage, type ReadPageOutcome } from './read-page.js';
import type { OcrEngineName } from '../core/config.js';
import type { PageImage } from '../core/types.js';
import type { OcrEngine } from './ports.js';

export interface OcrReaderOptions {
  poolSize: number;
  /** tesseract.js (default, from npm) or the installed `tesseract` program (MAILROOM_OCR_ENGINE). */
  engine?: OcrEngineName;
  recycleAfterPages?: number;
}

/** The engine pool behind the OcrEngine port; the native one throws a ConfigError when it is not installed. */
export function createOcrEngine(o: OcrReaderOptions): OcrEngine {
  if (o.engine === 'native') return createNativeTesseractPool({ size: o.poolSize });
  return createTesseractPool({ size: o.poolSize, recycleAfterPages: o.recycleAfterPages });
}

// Wires the chosen engine pool and image preparation into the read-page core for the OCR worker.
export function createOcrReader(o: OcrReaderOptions): {
  readPage(page: PageImage): Promise<ReadPageOutcome>;
  close(): Promise<void>;
} {
  const engine = createOcrEngine(o);
  const deps = { engine, prepare: (p: PageImage, opts?: { repairStrokes?: boolean }) => preparePage(p, opts), rotate180: rotatePng180, binarize: binarizePng, mirror: mirrorPng };
  return {
    readPage: (page) => readPage(deps, page),
    close: () => engine.close(),
  };
}
