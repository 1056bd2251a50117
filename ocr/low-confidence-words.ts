// Which words of a reading the rest of the pipeline should not take on trust. Only words that can
// carry an identifier matter (digits, an e-mail's '@'): a misread name is compared fuzzily anyway,
// but a misread number can be exactly another customer's.
import type { LowConfidenceWord, OcrWord } from '../core/types.js';

/**
 * Word confidence under which an identifier's word counts as possibly misread (docs/benchmarks.md,
 * fifteenth session). On 90 degraded typed bench pages no rightly read word of three or more digits
 * came under 73, so typed post is not held back by it. Misreads are often confident (typed: 0, 30,
 * then 71–89; three hand-writing fonts: 0–62, but also 84–96), so this catches the worst readings
 * only; hand-writing read right came at 70–96.
 */
export const LOW_WORD_CONFIDENCE = 65;

const identifierish = (text: string) => /\d.*\d/.test(text) || text.includes('@');

export function lowConfidenceWords(words: readonly OcrWord[], below = LOW_WORD_CONFIDENCE): LowConfidenceWord[] {
  return words
    .filter((w) => w.confidence < below && identifierish(w.text))
    .map((w) => ({ text: w.text, confidence: Math.round(w.confidence) }));
}
