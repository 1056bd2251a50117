// The hand-written letter corpus (fixtures/letter-corpus/*.jsonl): letters in wording of their own,
// written independently of the fixture generator, with placeholders where personal data goes.
// Loading validates every line, so a malformed letter is reported by file and line, not trained on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category } from '../core/types.js';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/letter-corpus', import.meta.url));

export const PLACEHOLDERS = [
  'NAME', 'STREET', 'POSTAL_CITY', 'CUSTOMER_NO', 'PHONE', 'INVOICE', 'DATE', 'PESEL', 'EMAIL', 'AMOUNT', 'COMPANY', 'NIP',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface CorpusLetter {
  id: string;
  category: Category;
  secondary: Category[];
  statedTermDays: number | null;
  /** Letter text with {PLACEHOLDER} marks. */
  text: string;
  /** Placeholders the text uses. */
  uses: Set<Placeholder>;
}

export interface CorpusLoad {
  letters: CorpusLetter[];
  /** One line per malformed letter or missing file: "file:line: reason". */
  problems: string[];
}

/**
 * The writing batch a letter belongs to, from its id's number: 1–40, 41–70 and 71–120 are the first
 * three batches; from 201 on, each block of ten numbers (201–210, 211–220, 301–310, …) is one author's.
 * Leaving a whole batch out of training is the honest test of wording the model never saw: a random
 * fold keeps the held-out letter's author, and so their phrasing, in the training set.
 */
export function corpusBatch(id: string): string {
  const n = Number(/(\d+)$/.exec(id)?.[1] ?? NaN);
  if (!Number.isFinite(n)) return 'unnumbered';
  if (n <= 40) return '1-40';
  if (n <= 70) return '41-70';
  if (n <= 120) return '71-120';
  const first = Math.floor((n - 1) / 10) * 10 + 1;
  return `${first}-${first + 9}`;
}

/** File name of each category's letters. */
export function corpusFile(category: Category): string {
  return `${category.toLowerCase().replace('_', '-')}.jsonl`;
}

const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);

/** Validates one parsed line; returns the reason it is unusable, or the letter. */
export function parseCorpusLine(raw: unknown, fileCategory: Category): CorpusLetter | string {
  if (typeof raw !== 'object' || raw === null) return 'not a JSON object';
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) return 'missing id';
  if (!isCategory(r.category)) return `unknown category ${JSON.stringify(r.category)}`;
  if (r.category !== fileCategory) return `category ${r.category} in the ${fileCategory} file`;
  const secondary = r.secondary ?? [];
  if (!Array.isArray(secondary) || !secondary.every(isCategory)) return 'secondary is not a list of categories';
  if (secondary.includes(r.category)) return 'secondary repeats the primary category';
  const term = r.statedTermDays ?? null;
  if (term !== null && !(typeof term === 'number' && Number.isInteger(term) && term > 0)) return 'statedTermDays is not null or a positive integer';
  // A two-word note is a real letter too: only an empty text is unusable.
  if (typeof r.text !== 'string' || !r.text.trim()) return 'text missing or empty';
  const uses = new Set<Placeholder>();
  for (const m of r.text.matchAll(/\{([A-Z_]+)\}/g)) {
    const name = m[1] as string;
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return `unknown placeholder {${name}}`;
    uses.add(name as Placeholder);
  }
  return { id: r.id, category: r.category, secondary: [...new Set(secondary)], statedTermDays: term, text: r.text, uses };
}

/** Reads every category's file; a missing file or bad line is a problem, never a silent skip. */
export function loadLetterCorpus(dir = CORPUS_DIR): CorpusLoad {
  const letters: CorpusLetter[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const category of CATEGORIES) {
    const file = corpusFile(category);
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`${file}: missing`);
      continue;
    }
    readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        problems.push(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
        return;
      }
      const parsed = parseCorpusLine(raw, category);
      if (typeof parsed === 'string') problems.push(`${file}:${i + 1}: ${parsed}`);
      else if (ids.has(parsed.id)) problems.push(`${file}:${i + 1}: duplicate id ${parsed.id}`);
      else {
        ids.add(parsed.id);
        letters.push(parsed);
      }
    });
  }
  return { letters, problems };
}
