// Second-annotator labels for a sample of the hand-written corpus: a person who saw neither the
// corpus labels nor the classifier labelled 270 letters (30 per category) from a one-page guide.
// Their agreement with the authors' labels is the ceiling any classifier can be judged against on
// this corpus, and the letters both agree on are the unambiguous ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../core/types.js';
import { CORPUS_DIR, type CorpusLetter } from './letter-corpus.js';
import { evaluate, type EvalReport, type EvalRow } from './metrics.js';

export const SECOND_ANNOTATOR_FILE = 'second-annotator.jsonl';

export interface SecondLabel {
  id: string;
  category: Category;
  secondary: Category[];
  /** The annotator's own judgement that any careful adviser would pick the same main category. */
  sure: boolean;
}

const isCategory = (c: unknown): c is Category => (CATEGORIES as readonly unknown[]).includes(c);

/** Empty when the file is absent; a malformed line throws, as a silently shrunk sample would mislead. */
export function loadSecondAnnotator(dir = CORPUS_DIR): Map<string, SecondLabel> {
  const path = join(dir, SECOND_ANNOTATOR_FILE);
  const out = new Map<string, SecondLabel>();
  if (!existsSync(path)) return out;
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const r = JSON.parse(line) as Partial<SecondLabel>;
    if (typeof r.id !== 'string' || !isCategory(r.category) || !Array.isArray(r.secondary) || !r.secondary.every(isCategory) || typeof r.sure !== 'boolean') {
      throw new Error(`${SECOND_ANNOTATOR_FILE}:${i + 1}: expected {id, category, secondary, sure}`);
    }
    if (out.has(r.id)) throw new Error(`${SECOND_ANNOTATOR_FILE}:${i + 1}: duplicate id ${r.id}`);
    out.set(r.id, r as SecondLabel);
  });
  return out;
}

/** Cohen's kappa of two labelings over the same letters. */
export function cohenKappa(rows: readonly { truth: Category; predicted: Category }[]): number {
  const n = rows.length;
  if (n === 0) return 0;
  const observed = rows.filter((r) => r.truth === r.predicted).length / n;
  const expected = CATEGORIES.reduce((s, c) => s + (rows.filter((r) => r.truth === c).length / n) * (rows.filter((r) => r.predicted === c).length / n), 0);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

export interface AgreementFigures {
  /** The second annotator scored against the authors' labels. */
  human: EvalReport;
  kappa: number;
  /** Ids both annotators gave the same main category. */
  agreed: Set<string>;
}

export function annotatorAgreement(letters: readonly CorpusLetter[], second: Map<string, SecondLabel>): AgreementFigures {
  const rows: EvalRow[] = [];
  const agreed = new Set<string>();
  for (const l of letters) {
    const s = second.get(l.id);
    if (!s) continue;
    if (s.category === l.category) agreed.add(l.id);
    rows.push({
      truth: l.category, predicted: s.category, confidence: s.sure ? 1 : 0.5, truthSecondary: l.secondary,
      predictedSecondary: s.secondary, truthTerm: null, predictedTerm: null,
    });
  }
  return { human: evaluate(rows), kappa: cohenKappa(rows), agreed };
}

/** One summary line: the human ceiling, and the classifier on the same sample and on its agreed part. */
export function formatAgreement(title: string, a: AgreementFigures, classifierRows: Map<string, EvalRow>, sample: Iterable<string>): string {
  const ids = [...sample].filter((id) => classifierRows.has(id));
  const on = (keep: (id: string) => boolean) => evaluate(ids.filter(keep).map((id) => classifierRows.get(id)!));
  const all = on(() => true);
  const agreed = on((id) => a.agreed.has(id));
  return `${title}: second annotator vs authors macro-F1 ${a.human.macroF1.toFixed(3)} (accuracy ${(a.human.accuracy * 100).toFixed(1)}%, ` +
    `kappa ${a.kappa.toFixed(3)}, n=${a.human.n}); classifier on the same letters ${all.macroF1.toFixed(3)}, ` +
    `on the ${agreed.n} both annotators agree on ${agreed.macroF1.toFixed(3)}`;
}
