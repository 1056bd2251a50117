import { createTesseractPool } from './tesseract-engine.js';
import { preparePage, rotatePng180 } from './page-preparer.js';
import { readPage } from './read-page.js';
import type { OcrPageResult, PageImage } from '../core/types.js';

// Wires the real engine pool and image preparation into the read-page core for the OCR worker.
export function createOcrReader(o: { poolSize: number; recycleAfterPages?: number }): {
  readPage(page: PageImage): Promise<{ result: OcrPageResult; preparedPng: Buffer }>;
  close(): Promise<void>;
} {
  const engine = createTesseractPool({ size: o.poolSize, recycleAfterPages: o.recycleAfterPages });
  const deps = { engine, prepare: (p: PageImage) => preparePage(p), rotate180: rotatePng180 };
  return {
    readPage: (page) => readPage(deps, page),
    close: () => engine.close(),
  };
}
