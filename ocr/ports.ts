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
  /** The same page with its frames erased, for the engine only (rule-lines.ts); absent: it has none. */
  ocrPng?: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** Clockwise rotation already applied to the scan. */
  rotation: Rotation;
  /** Skew measured in the scan and corrected, degrees (positive = text ran clockwise). */
  skewDegrees: number;
  /** Share of the page that is ink as scanned (page-preparer.ts scannedInkShare). */
  inkShare: number;
  /** The scan was black and white only (a G4 or fax page): its archived image can stay 1-bit. */
  bitonal: boolean;
  /** Its darkest ink is faint (page-preparer.ts FAINT_CONTRAST): show-through is worth a look. */
  faint: boolean;
  /** Measured as broken into pieces, its strokes were joined (stroke-repair.ts). */
  strokesRepaired?: boolean;
}

export type PreparePage = (page: PageImage, options?: { repairStrokes?: boolean }) => Promise<PreparedPage>;

// Settings both engines (tesseract.js and the native program) read pages with.

/**
 * Page segmentation mode. On prepared pages PSM 3, 4 and 6 read our rendered letters identically
 * (mean CER 0.0031 over five variants), but on a speckled page that preparation failed to clean,
 * PSM 6 (one uniform block) fell apart (CER 0.31 vs 0.09 for 3 and 4), and PSM 3 keeps side-by-side
 * sender/date/recipient blocks apart. Figures: ocr/README.md.
 */
export const DEFAULT_PSM = '3';
/**
 * tesseract 5 reads every poorly recognised line a second time inverted (light on dark); prepared
 * pages are always dark on light. Measured: the same text on 41 bench pages and 16 samples, engine
 * CPU -4 % on the samples (whose broken and speckled lines trigger it), unchanged on the bench pages;
 * the native program: -35 % time on 11 prepared pages, only signature scrawl read differently.
 */
export const ENGINE_PARAMETERS: Readonly<Record<string, string>> = { tessedit_do_invert: '0' };
