// Simulated OCR damage for training and benchmarking: what tesseract does to a degraded scan of a
// Polish letter. Deterministic for a given rng so benchmarks are reproducible.
import type { Rng } from '../fixtures/generator/rng.js';
import { stripDiacritics } from './normalize.js';

export interface OcrNoiseLevel {
  /** Per-character chance of a look-alike substitution. */
  confusion: number;
  /** Chance the whole page lost its diacritics (a common failure with the wrong language data). */
  dropAllDiacritics: number;
  /** Per-diacritic chance of losing it otherwise. */
  dropDiacritic: number;
  /** Per-word chance of a space inserted inside the word. */
  splitWord: number;
  /** Per-space chance of the space vanishing (words run together). */
  mergeWords: number;
  /** Per-line-break chance of the break vanishing (columns read across). */
  mergeLines: number;
  /** Per-character chance of a character dropped or a speck read as punctuation. */
  dropChar: number;
}

export const OCR_NOISE: Record<'light' | 'heavy', OcrNoiseLevel> = {
  light: { confusion: 0.01, dropAllDiacritics: 0.2, dropDiacritic: 0.1, splitWord: 0.01, mergeWords: 0.01, mergeLines: 0.1, dropChar: 0.003 },
  heavy: { confusion: 0.04, dropAllDiacritics: 0.4, dropDiacritic: 0.3, splitWord: 0.04, mergeWords: 0.03, mergeLines: 0.3, dropChar: 0.01 },
};

// Shapes tesseract confuses on noisy, low-resolution print.
const CONFUSIONS: Record<string, string[]> = {
  a: ['o', 'e', 'ą'], e: ['c', 'o', 'ę'], o: ['0', 'a', 'ó'], i: ['l', '1', 'í', 'j'], l: ['1', 'I', 'i', 't', 'ł'],
  n: ['m', 'u', 'ri', 'ń'], m: ['rn', 'nn', 'in'], u: ['n', 'v', 'ii'], c: ['e', 'ć', '('], t: ['l', 'f', 'ł'],
  r: ['n', 'f'], s: ['5', 'ś', 'a'], z: ['ż', 'ź', '2'], h: ['b', 'li'], w: ['vv', 'W'], y: ['v', 'j'],
  ł: ['l', 't', 'h'], ą: ['a', 'q'], ę: ['e', 'c'], ó: ['o', 'ò'], ś: ['s', 'ść'], ż: ['z', 'Z'], k: ['lc', 'h'],
  d: ['cl', 'ol'], f: ['t', 'l'], g: ['q', '9'], b: ['h', '6'], p: ['o', 'n'], j: ['i', 'l'],
  '0': ['O', 'o', '8'], '1': ['l', 'I', '7'], '5': ['S', '6'], '8': ['B', '3', '0'], '6': ['b', '5'], '2': ['Z'],
  '3': ['8'], '7': ['1'], '9': ['g', '8'], ',': ['.', ''], '.': [',', ''],
};

function damageWord(rng: Rng, word: string, lvl: OcrNoiseLevel): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    if (rng.chance(lvl.dropChar)) {
      if (rng.chance(0.6)) continue;
      out += ch + rng.pick(['.', ',', "'", '`']);
      continue;
    }
    const options = CONFUSIONS[lower];
    if (options && rng.chance(lvl.confusion)) {
      const sub = rng.pick(options);
      out += ch === lower ? sub : sub.toUpperCase();
      continue;
    }
    out += ch;
  }
  if (out.length >= 4 && rng.chance(lvl.splitWord)) {
    const at = rng.int(1, out.length - 1);
    out = `${out.slice(0, at)} ${out.slice(at)}`;
  }
  return out;
}

/** Applies simulated OCR damage to a letter's text. */
export function applyOcrNoise(rng: Rng, text: string, lvl: OcrNoiseLevel = OCR_NOISE.light): string {
  let t = rng.chance(lvl.dropAllDiacritics) ? stripDiacritics(text) : text;
  if (lvl.dropDiacritic > 0) t = t.replace(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/g, (ch) => (rng.chance(lvl.dropDiacritic) ? stripDiacritics(ch) : ch));
  const lines = t.split('\n').map((line) =>
    line
      .split(' ')
      .map((w) => damageWord(rng, w, lvl))
      .reduce((acc, w, i) => (i === 0 ? w : acc + (rng.chance(lvl.mergeWords) ? '' : ' ') + w), ''),
  );
  return lines.reduce((acc, line, i) => (i === 0 ? line : acc + (rng.chance(lvl.mergeLines) ? ' ' : '\n') + line), '');
}
