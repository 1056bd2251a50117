// Ports of the OCR stage: the stage core (read-page.ts) depends on these shapes only, so it can be
// tested and reused without loading sharp or the tesseract WASM.
import type { OcrWord, PageImage } from '../core/types.js';

export interface RecognizeOutput {
  text: string;
  /** Mean word confidence 0..100 as reported by the engine (0 when no words were found). */
  confidence: number;
  words: OcrWord[];
}

export interface OcrEngine {
  /** Reads one page image (PNG/JPEG). `dpi` tells the engine the scale of the text. */
  recognize(png: Buffer, opts?: { dpi?: number }): Promise<RecognizeOutput>;
  close(): Promise<void>;
}

export type Rotation = 0 | 90 | 180 | 270;

/** A page after geometric and photometric clean-up, ready for the engine. */
export interface PreparedPage {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** Clockwise rotation already applied to the scan. */
  rotation: Rotation;
  /** Skew measured in the scan and corrected, degrees (positive = text ran clockwise). */
  skewDegrees: number;
}

export type PreparePage = (page: PageImage) => Promise<PreparedPage>;
