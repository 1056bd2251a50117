// OCR quality metrics against a ground truth: character and word error rates.
// Whitespace is collapsed before comparing, because line breaks and column gaps are layout,
// not reading errors; letters, digits, punctuation and diacritics all count.

/** Levenshtein distance between two sequences (strings compare by UTF-16 unit, arrays by item). */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Two rows keep memory linear: pages are a few thousand characters.
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

export function normaliseForMetrics(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Character error rate of `hypothesis` against `truth`: edits / truth length (can exceed 1). */
export function cer(hypothesis: string, truth: string): number {
  const h = normaliseForMetrics(hypothesis);
  const t = normaliseForMetrics(truth);
  if (t.length === 0) return h.length === 0 ? 0 : 1;
  return editDistance(h, t) / t.length;
}

/** Word error rate: word-level edits / number of truth words. */
export function wer(hypothesis: string, truth: string): number {
  const h = normaliseForMetrics(hypothesis).split(' ').filter(Boolean);
  const t = normaliseForMetrics(truth).split(' ').filter(Boolean);
  if (t.length === 0) return h.length === 0 ? 0 : 1;
  return editDistance(h, t) / t.length;
}

/**
 * Order-free word recall: share of truth words (as a multiset, case-sensitive) found in the
 * hypothesis. CER and WER punish a correct reading whose blocks come out in another order (a
 * date read after the address block, a stamp read first); downstream extraction mostly does not care.
 */
export function wordRecall(hypothesis: string, truth: string): number {
  const words = (s: string) => normaliseForMetrics(s).split(' ').filter(Boolean);
  const have = new Map<string, number>();
  for (const w of words(hypothesis)) have.set(w, (have.get(w) ?? 0) + 1);
  const want = words(truth);
  if (want.length === 0) return 1;
  let found = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      found++;
      have.set(w, n - 1);
    }
  }
  return found / want.length;
}
