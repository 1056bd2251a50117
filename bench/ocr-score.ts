// Scoring an OCR reading against the generator's ground truth, in two ways:
// - strict: ocr/text-metrics `cer`/`wer` on the whole text in reading order, so a block read in
//   another order than the truth's layout order and a receipt stamp (not in the truth) count as errors;
// - line-matched (order-robust): every truth line is aligned to the stretch of the reading where it
//   fits best (semi-global edit distance); edits there count, text outside every matched stretch
//   (stamps, speckle read as letters) does not. WER likewise as a bag of words.
import { cer, normaliseForMetrics, wer } from '../ocr/text-metrics.js';

export interface Score {
  truthChars: number;
  /** Characters of the truth lines alone (the line-matched rate's denominator: no joins between lines). */
  lineChars: number;
  truthWords: number;
  /** Edit counts; rates are these divided by truthChars / truthWords (summed before dividing). */
  strictCharEdits: number;
  strictWordEdits: number;
  lineCharEdits: number;
  bagWordEdits: number;
}

/** Fewest edits turning `needle` into some substring of `hay` (start and end in `hay` are free). */
export function bestSubstringDistance(needle: string, hay: string): number {
  if (needle.length === 0) return 0;
  let prev = new Uint32Array(hay.length + 1); // row 0: empty needle matches anywhere at cost 0
  let cur = new Uint32Array(hay.length + 1);
  for (let i = 1; i <= needle.length; i++) {
    cur[0] = i;
    const c = needle.charCodeAt(i - 1);
    for (let j = 1; j <= hay.length; j++) {
      const sub = prev[j - 1]! + (hay.charCodeAt(j - 1) === c ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = needle.length;
  for (let j = 0; j <= hay.length; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

function bagWordEdits(hyp: string[], truth: string[]): number {
  const counts = new Map<string, number>();
  for (const w of truth) counts.set(w, (counts.get(w) ?? 0) + 1);
  let extra = 0;
  for (const w of hyp) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else extra++;
  }
  let missing = 0;
  for (const n of counts.values()) missing += n;
  // A misread word is one missing plus one extra: count it once, like a substitution.
  return Math.max(missing, extra);
}

export function scoreReading(hypothesis: string, truth: string): Score {
  const t = normaliseForMetrics(truth);
  const h = normaliseForMetrics(hypothesis);
  const tWords = t.split(' ').filter(Boolean);
  const hWords = h.split(' ').filter(Boolean);
  let lineCharEdits = 0;
  let lineChars = 0;
  for (const raw of truth.split('\n')) {
    const line = normaliseForMetrics(raw);
    lineChars += line.length;
    lineCharEdits += bestSubstringDistance(line, h);
  }
  return {
    truthChars: t.length,
    lineChars,
    truthWords: tWords.length,
    strictCharEdits: Math.round(cer(hypothesis, truth) * t.length),
    strictWordEdits: Math.round(wer(hypothesis, truth) * tWords.length),
    lineCharEdits,
    bagWordEdits: bagWordEdits(hWords, tWords),
  };
}

export interface Rates {
  n: number;
  strictCer: number;
  strictWer: number;
  lineCer: number;
  bagWer: number;
}

/** Pooled rates (edits summed over the group, divided by the group's truth size). */
export function rates(scores: Score[]): Rates {
  const sum = (k: keyof Score) => scores.reduce((a, s) => a + s[k], 0);
  const chars = Math.max(1, sum('truthChars'));
  const words = Math.max(1, sum('truthWords'));
  return {
    n: scores.length,
    strictCer: sum('strictCharEdits') / chars,
    strictWer: sum('strictWordEdits') / words,
    lineCer: sum('lineCharEdits') / Math.max(1, sum('lineChars')),
    bagWer: sum('bagWordEdits') / words,
  };
}

export const lineCerOf = (s: Score) => s.lineCharEdits / Math.max(1, s.lineChars);
