// Where each word of the invisible text layer goes. Word by word, sizes followed each word's box:
// "ocena" (x-height only) came out at half the size of "Prosta" beside it, and text extractors
// (pdftotext, search in viewers) broke a typewritten line into fragments; a one-letter word whose
// box the engine placed in the gap before it ran into the previous word ("zawyżonao", blind test AD).
// So words are laid out by line: one size and one baseline per line, and no word starting inside
// the one before it.
import type { OcrWord } from '../core/types.js';

export interface PlacedWord {
  text: string;
  /** Pixels of the page: left and right edge, the line's baseline, and the line's height (top to bottom). */
  x0: number;
  x1: number;
  baseline: number;
  lineHeight: number;
}

/** Share of the smaller height two boxes must overlap by to stand on one line. */
const SAME_LINE_OVERLAP = 0.5;
/** Gap kept after the previous word, in line heights, when a box begins inside it. */
const MIN_GAP = 0.15;

/** Words in reading order grouped into lines, each with its top (y0) and bottom (y1). */
function lines(words: readonly OcrWord[]): { words: OcrWord[]; y0: number; y1: number }[] {
  const out: { words: OcrWord[]; y0: number; y1: number }[] = [];
  for (const w of words) {
    const h = w.bbox.y1 - w.bbox.y0;
    const line = out.at(-1);
    const overlap = line ? Math.min(line.y1, w.bbox.y1) - Math.max(line.y0, w.bbox.y0) : -1;
    if (line && overlap >= SAME_LINE_OVERLAP * Math.min(h, line.y1 - line.y0)) {
      line.words.push(w);
      line.y0 = Math.min(line.y0, w.bbox.y0);
      line.y1 = Math.max(line.y1, w.bbox.y1);
    } else out.push({ words: [w], y0: w.bbox.y0, y1: w.bbox.y1 });
  }
  return out;
}

export function placeWords(words: readonly OcrWord[]): PlacedWord[] {
  const placed: PlacedWord[] = [];
  for (const line of lines(words.filter((w) => w.text.trim() && w.bbox.x1 > w.bbox.x0 && w.bbox.y1 > w.bbox.y0))) {
    // Most words end on the baseline, those with descenders below it, punctuation above: the
    // highest bottom of a real word (two letters or digits) is the baseline.
    const real = line.words.filter((w) => /[\p{L}\p{N}]{2,}/u.test(w.text));
    const baseline = real.length ? Math.min(...real.map((w) => w.bbox.y1)) : line.y1;
    const lineHeight = line.y1 - line.y0;
    let end = -Infinity;
    for (const w of [...line.words].sort((a, b) => a.bbox.x0 - b.bbox.x0)) {
      const x0 = Math.max(w.bbox.x0, end + MIN_GAP * lineHeight);
      const x1 = Math.max(w.bbox.x1, x0 + 1);
      placed.push({ text: w.text, x0, x1, baseline, lineHeight });
      end = x1;
    }
  }
  return placed;
}
