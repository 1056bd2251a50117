// Approximate matching for OCR-damaged words: one wrong, missing or extra letter should not hide a
// key word ("reklamacja" read as "rek1amacja", "Komornik Sądowy" as "Kornornik Sadowy").

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/**
 * Index of word-start keys found with at most one edit (symmetric-delete lookup). A key matches a
 * token when it matches the token's prefix of the key's length (+/- one letter).
 */
export class PrefixIndex<T> {
  private readonly index = new Map<string, Set<T>>();
  private readonly lengths = new Set<number>();
  // Letters repeat their words; remembering lookups keeps feature extraction cheap.
  private readonly cache = new Map<string, Set<T>>();

  constructor(entries: [string, T][], readonly minFuzzyLength = 7) {
    for (const [key, value] of entries) {
      if (key.length < minFuzzyLength || key.includes(' ')) continue;
      this.lengths.add(key.length);
      for (const v of [key, ...deletions(key)]) {
        let set = this.index.get(v);
        if (!set) this.index.set(v, (set = new Set()));
        set.add(value);
      }
    }
  }

  /** Values whose key approximately starts the token. */
  lookup(token: string): Set<T> {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const out = new Set<T>();
    for (const len of this.lengths) {
      for (const l of [len - 1, len, len + 1]) {
        if (token.length < l || l < this.minFuzzyLength - 1) continue;
        const p = token.slice(0, l);
        for (const v of [p, ...deletions(p)]) for (const hit of this.index.get(v) ?? []) out.add(hit);
      }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, out);
    return out;
  }
}

/** Sellers' approximate substring search: start offsets where pattern occurs with <= maxEdits edits. */
export function approxFind(text: string, pattern: string, maxEdits: number): number[] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  // Track where each alignment started so a match can be placed at a line start.
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const starts = new Set<number>();
  for (let j = 1; j <= text.length; j++) {
    const ch = text.charCodeAt(j - 1);
    cur[0] = 0;
    curStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = (prev[i - 1] as number) + (pattern.charCodeAt(i - 1) === ch ? 0 : 1);
      const del = (prev[i] as number) + 1;
      const ins = (cur[i - 1] as number) + 1;
      if (sub <= del && sub <= ins) {
        cur[i] = sub;
        curStart[i] = prevStart[i - 1] as number;
      } else if (del <= ins) {
        cur[i] = del;
        curStart[i] = prevStart[i] as number;
      } else {
        cur[i] = ins;
        curStart[i] = curStart[i - 1] as number;
      }
    }
    if ((cur[m] as number) <= maxEdits) starts.add(curStart[m] as number);
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return [...starts];
}
