// OCR-tolerant comparison of folded names and street names. Trigram similarity forgives a slip in
// a long word but not in a short one ("krawczylc" vs "krawczyk" is 0.5), and OCR writes "rn" for
// "m", "vv" for "w", "lc" for "k" in exactly the words that must agree. A letter's surname that
// differs from the master's only that way is the same surname, not a stranger's.

// Multi-letter shapes first (they would otherwise be split by the single-letter classes below).
const SHAPES: [RegExp, string][] = [
  [/rn|nn|in(?=[^aeiouy]|$)/g, 'm'], [/vv/g, 'w'], [/lc|ic/g, 'k'], [/cl|ol(?=[^aeiouy]|$)/g, 'd'], [/ii/g, 'u'],
];
// Single characters tesseract swaps with one another on degraded print, each to one representative.
const CLASSES: Record<string, string> = {
  '1': 'i', l: 'i', j: 'i', '0': 'o', '5': 's', '8': 'b', '6': 'b', '2': 'z', v: 'u', q: 'g', '9': 'g',
};

/** A folded word with the usual OCR confusions collapsed, for comparison only. */
export function ocrShape(folded: string): string {
  let s = folded;
  for (const [re, to] of SHAPES) s = s.replace(re, to);
  return [...s].map((ch) => CLASSES[ch] ?? ch).join('');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** First names are shorter and relatives share a surname: Marta is not Maria, Anna is not Anita. */
export function ocrSameFirstName(a: string, b: string): boolean {
  if (a === b) return true;
  const x = ocrShape(a);
  const y = ocrShape(b);
  return x === y || (Math.min(x.length, y.length) >= 6 && editDistance(x, y, 1) <= 1);
}

/**
 * Same word read through OCR damage: equal once confusable shapes are collapsed, or one edit apart
 * (two for words of eight letters or more: a dropped letter plus a swapped one). Words under four
 * letters must agree exactly: "Lis" and "Lin" are different people.
 */
export function ocrSame(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  const x = ocrShape(a);
  const y = ocrShape(b);
  const max = Math.min(x.length, y.length) >= 8 ? 2 : 1;
  return editDistance(x, y, max) <= max;
}

/** An e-mail address as read from a letter, with its OCR shape computed once per letter. */
export interface ReadEmail {
  length: number;
  shape: string;
}

export function readEmail(address: string): ReadEmail {
  return { length: address.length, shape: ocrShape(address) };
}

/**
 * How close the e-mail addresses read from a letter come to the master's: 'same' once OCR
 * look-alikes are collapsed ("marcin.wr0bel@", "adamczykb73@" for "adamczyk673@"), 'near' one
 * further edit apart ("@oxample.com"), else null. Only ever compared with a candidate found by
 * other evidence: e-mails are looked up exactly, never fuzzily across the master.
 */
export function ocrEmailAgreement(letter: readonly ReadEmail[], master: string): 'same' | 'near' | null {
  if (letter.length === 0 || master.length < 10) return null;
  const y = ocrShape(master);
  let best: 'same' | 'near' | null = null;
  for (const e of letter) {
    if (e.length < 10) continue;
    if (e.shape === y) return 'same';
    if (editDistance(e.shape, y, 1) <= 1) best = 'near';
  }
  return best;
}
