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

/** Box size across the text line (`across`) and along it; swapped when the lines run down the page. */
const sizes = (w: OcrWord, transposed: boolean) => {
  const h = w.bbox.y1 - w.bbox.y0;
  const l = w.bbox.x1 - w.bbox.x0;
  return transposed ? { across: l, along: h } : { across: h, along: l };
};
const isWordish = (w: OcrWord) => /[\p{L}\p{N}]{2,}/u.test(w.text);

/**
 * Whether the words' boxes are transposed (taller than wide: text read down a page left sideways).
 * Measuring "height" there would take word lengths as the type size, and real one-letter words
 * like `o`, `w`, `z` would fall under the speck bar.
 */
function isTransposed(layout: WordLayout): boolean {
  let tall = 0;
  let wide = 0;
  for (const para of layout)
    for (const line of para)
      for (const w of line)
        if (isWordish(w) && w.text.trim().length >= 3) {
          if (w.bbox.y1 - w.bbox.y0 > w.bbox.x1 - w.bbox.x0) tall++;
          else wide++;
        }
  return tall > wide;
}

function typicalHeight(layout: WordLayout, transposed: boolean): number {
  const hs: number[] = [];
  for (const para of layout) for (const line of para) for (const w of line) if (isWordish(w)) hs.push(sizes(w, transposed).across);
  if (hs.length < 5) return 0; // too little text to tell dirt from small print
  hs.sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)]!;
}

function isSpeck(w: OcrWord, typical: number, transposed = false): boolean {
  const { across, along } = sizes(w, transposed);
  return typical > 0 && across < typical * SPECK_HEIGHT_SHARE && along < typical;
}

export function assembleReading(layout: WordLayout): RecognizeOutput {
  const transposed = isTransposed(layout);
  const typical = typicalHeight(layout, transposed);
  const words: OcrWord[] = [];
  const paragraphs: string[] = [];
  for (const para of layout) {
    const lines: string[] = [];
    for (const line of para) {
      const kept = line.filter((w) => w.text.trim() && !isSpeck(w, typical, transposed));
      words.push(...kept);
      if (kept.length) lines.push(kept.map((w) => w.text.trim()).join(' '));
    }
    if (lines.length) paragraphs.push(lines.join('\n'));
  }
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
  return { text: paragraphs.join('\n\n'), confidence, words };
}
