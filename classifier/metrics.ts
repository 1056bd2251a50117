// Classification quality figures for the understanding benchmark.
import { CATEGORIES, type Category } from '../core/types.js';
import { expectedCalibrationError } from './calibration.js';

export interface EvalRow {
  truth: Category;
  predicted: Category;
  confidence: number;
  truthSecondary: Category[];
  predictedSecondary: Category[];
  truthTerm: number | null;
  predictedTerm: number | null;
}

export interface EvalReport {
  n: number;
  accuracy: number;
  macroF1: number;
  ece: number;
  perCategory: { category: Category; precision: number; recall: number; f1: number; support: number }[];
  secondary: { precision: number; recall: number };
  /** Share of LEGAL letters stating a term whose term was read correctly. */
  termAccuracy: number | null;
  /** confusion[truth][predicted], indices into CATEGORIES. */
  confusion: number[][];
}

export function evaluate(rows: EvalRow[]): EvalReport {
  const perCategory = CATEGORIES.map((category) => {
    const tp = rows.filter((r) => r.truth === category && r.predicted === category).length;
    const fp = rows.filter((r) => r.truth !== category && r.predicted === category).length;
    const fn = rows.filter((r) => r.truth === category && r.predicted !== category).length;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, precision, recall, f1, support: tp + fn };
  });
  let stp = 0, sfp = 0, sfn = 0;
  for (const r of rows) {
    for (const c of r.predictedSecondary) (r.truthSecondary.includes(c) ? stp++ : sfp++);
    for (const c of r.truthSecondary) if (!r.predictedSecondary.includes(c)) sfn++;
  }
  const confusion = CATEGORIES.map(() => CATEGORIES.map(() => 0));
  for (const r of rows) confusion[CATEGORIES.indexOf(r.truth)]![CATEGORIES.indexOf(r.predicted)]! += 1;
  const termRows = rows.filter((r) => r.truth === 'LEGAL' && r.truthTerm !== null);
  return {
    n: rows.length,
    accuracy: rows.filter((r) => r.truth === r.predicted).length / Math.max(1, rows.length),
    macroF1: perCategory.reduce((s, c) => s + c.f1, 0) / perCategory.length,
    ece: expectedCalibrationError(rows.map((r) => r.confidence), rows.map((r) => r.truth === r.predicted)),
    perCategory,
    secondary: { precision: stp / Math.max(1, stp + sfp), recall: stp / Math.max(1, stp + sfn) },
    termAccuracy: termRows.length ? termRows.filter((r) => r.predictedTerm === r.truthTerm).length / termRows.length : null,
    confusion,
  };
}

export function formatReport(title: string, r: EvalReport): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const lines = [
    `${title}: n=${r.n} accuracy=${pct(r.accuracy)}% macro-F1=${r.macroF1.toFixed(3)} ECE=${r.ece.toFixed(3)}` +
      ` secondary P/R=${pct(r.secondary.precision)}/${pct(r.secondary.recall)}%` +
      (r.termAccuracy === null ? '' : ` LEGAL term read=${pct(r.termAccuracy)}%`),
    '  category       precision recall   F1',
    ...r.perCategory.map((c) => `  ${c.category.padEnd(14)} ${pct(c.precision)}%   ${pct(c.recall)}%  ${c.f1.toFixed(3)}`),
    formatConfusion(r),
  ];
  return lines.join('\n');
}

/** Rows are the true category, columns the predicted one: shows which pairs the model mixes up. */
export function formatConfusion(r: EvalReport): string {
  const short = CATEGORIES.map((c) => c.slice(0, 5));
  return [
    `  truth\\pred     ${short.map((c) => c.padStart(5)).join(' ')}`,
    ...r.confusion.map((row, i) => `  ${(CATEGORIES[i] as string).padEnd(14)} ${row.map((v) => String(v).padStart(5)).join(' ')}`),
  ].join('\n');
}
