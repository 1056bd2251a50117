// Turns the engine's words (grouped in paragraphs and lines) into the page reading: specks that
// the engine read as letters are dropped, and the text is rebuilt from the words that remain.
import type { OcrWord } from '../core/types.js';
import type { RecognizeOutput } from './ports.js';

/** Paragraphs of lines of words, in reading order. */
export type WordLayout = OcrWord[][][];

/**
 * A "word" whose box is under this share of the page's typical word height is dirt: dust or
 * toner dots that tesseract reads as `ł`, `-` or `'` (seen on speckled 200 dpi scans at
 * confidence up to 87). Real punctuation sits inside words (`r.`, `81,`), so it is not affected.
 */
const SPECK_HEIGHT_SHARE = 0.3;

const height = (w: OcrWord) => w.bbox.y1 - w.bbox.y0;

function typicalHeight(layout: WordLayout): number {
  const hs: number[] = [];
  for (const para of layout)
    for (const line of para) for (const w of line) if (/[\p{L}\p{N}]{2,}/u.test(w.text)) hs.push(height(w));
  if (hs.length < 5) return 0; // too little text to tell dirt from small print
  hs.sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)]!;
}

export function isSpeck(w: OcrWord, typical: number): boolean {
  return typical > 0 && height(w) < typical * SPECK_HEIGHT_SHARE && w.bbox.x1 - w.bbox.x0 < typical;
}

export function assembleReading(layout: WordLayout): RecognizeOutput {
  const typical = typicalHeight(layout);
  const words: OcrWord[] = [];
  const paragraphs: string[] = [];
  for (const para of layout) {
    const lines: string[] = [];
    for (const line of para) {
      const kept = line.filter((w) => w.text.trim() && !isSpeck(w, typical));
      words.push(...kept);
      if (kept.length) lines.push(kept.map((w) => w.text.trim()).join(' '));
    }
    if (lines.length) paragraphs.push(lines.join('\n'));
  }
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  return { text: paragraphs.join('\n\n'), confidence, words };
}
