// Turns page readings into per-letter scores and prints the benchmark's tables (Markdown, so a run's
// output can go into docs/benchmarks.md as it is).
import type { BenchSet } from './ocr-set.js';
import { REPORT_CONDITIONS, reportConditions } from './ocr-set.js';
import type { PageReading } from './ocr-mailroom.js';
import { lineCerOf, rates, scoreReading, type Rates, type Score } from './ocr-score.js';
import { fmtPct } from './ocr-run-pool.js';

export interface LetterScore {
  doc: number;
  pages: number;
  conditions: string[];
  score: Score;
}

export function scoreTexts(set: BenchSet, items: { doc: number; text: string }[]): LetterScore[] {
  return items.map(({ doc, text }) => {
    const d = set.documents[doc]!;
    return { doc, pages: d.pages.length, conditions: reportConditions(d), score: scoreReading(text, d.text) };
  });
}

export interface EngineResult {
  name: string;
  pages: number;
  wallMs: number;
  letters: LetterScore[];
  memory: string;
}

const fmtRates = (r: Rates) => `${fmtPct(r.lineCer)} | ${fmtPct(r.strictCer)} | ${fmtPct(r.bagWer)} | ${fmtPct(r.strictWer)}`;

export function printSummary(engines: EngineResult[], baseline: string, print: (l: string) => void): void {
  const base = engines.find((e) => e.name === baseline);
  const baseRate = base ? base.pages / (base.wallMs / 1000) : null;
  print('| engine | pages | wall s | pages/s | × native tesseract | line CER | strict CER | bag WER | strict WER | memory |');
  print('|---|---|---|---|---|---|---|---|---|---|');
  for (const e of engines) {
    const rate = e.pages / (e.wallMs / 1000);
    const ratio = baseRate ? (rate / baseRate).toFixed(2) : '-';
    const r = e.letters.length ? fmtRates(rates(e.letters.map((l) => l.score))) : '- | - | - | -';
    print(`| ${e.name} | ${e.pages} | ${(e.wallMs / 1000).toFixed(0)} | ${rate.toFixed(3)} | ${ratio} | ${r} | ${e.memory} |`);
  }
}

export function printConditions(engines: EngineResult[], print: (l: string) => void): void {
  const scored = engines.filter((e) => e.letters.length > 0);
  print(`| condition | letters | pages | ${scored.map((e) => `${e.name}: line CER / strict CER / bag WER / median letter line CER`).join(' | ')} |`);
  print(`|---|---|---|${scored.map(() => '---|').join('')}`);
  for (const c of ['all', ...REPORT_CONDITIONS]) {
    const cells = scored.map((e) => {
      const ls = e.letters.filter((l) => c === 'all' || l.conditions.includes(c));
      const r = rates(ls.map((l) => l.score));
      // The median letter shows the bulk; pooled rates are dominated by a few unread pages.
      const med = ls.map((l) => lineCerOf(l.score)).sort((a, b) => a - b)[Math.floor((ls.length - 1) / 2)] ?? 0;
      return ls.length ? `${fmtPct(r.lineCer)} / ${fmtPct(r.strictCer)} / ${fmtPct(r.bagWer)} / ${fmtPct(med)}` : '-';
    });
    const ref = scored[0]?.letters.filter((l) => c === 'all' || l.conditions.includes(c)) ?? [];
    if (ref.length === 0) continue;
    print(`| ${c} | ${ref.length} | ${ref.reduce((n, l) => n + l.pages, 0)} | ${cells.join(' | ')} |`);
  }
}

/** Upright against upside-down reading of the same page (pairs from flipPairs). */
export function printFlips(set: BenchSet, readings: PageReading[], print: (l: string) => void): { worse: number; pairs: number } {
  const byPath = new Map(readings.map((r) => [r.job.pngPath, r]));
  print('| page | upright line CER | upside-down line CER | upside-down rotation found | Δ |');
  print('|---|---|---|---|---|');
  let worse = 0;
  let pairs = 0;
  for (const r of readings) {
    if (!r.job.flipOf) continue;
    const other = byPath.get(r.job.flipOf);
    const d = set.documents[r.job.doc]!;
    if (!other || d.pages.length > 1) continue;
    const wasUpsideDown = d.conditions.includes('rotated180');
    const [down, up] = wasUpsideDown ? [other, r] : [r, other];
    const cUp = lineCerOf(scoreReading(up.text, d.text));
    const cDown = lineCerOf(scoreReading(down.text, d.text));
    pairs++;
    // One character in a letter of ~600 is noise of the reading, not a failure to turn the page.
    if (cDown > cUp + 0.002) worse++;
    const name = d.source + (wasUpsideDown ? ' (scanned upside down)' : ' (turned over)');
    print(`| ${name} | ${fmtPct(cUp)} | ${fmtPct(cDown)} | ${down.rotation}° | ${fmtPct(cDown - cUp)} |`);
  }
  return { worse, pairs };
}

/**
 * Letters with a page the OCR stage asks a rescan of (illegible: its text is not passed on), and
 * the CER of the letters it does pass on, beside the table's figures, which count every letter.
 */
export function printPassedOn(set: BenchSet, e: EngineResult, readings: PageReading[], print: (l: string) => void): void {
  const held = new Set(readings.filter((r) => r.rescan && !r.job.flipOf).map((r) => r.job.doc));
  const names = [...held].map((d) => `${set.documents[d]!.source} p.${set.documents[d]!.pages.join(',')}`);
  print(`
Letters with a page the OCR stage asks a rescan of (illegible, not passed on as text): ${held.size}${names.length ? ` (${names.join('; ')})` : ''}.`);
  if (held.size === 0) return;
  const cells = ['all', 'clean', 'noisy|skewed'].map((c) => {
    const ls = e.letters.filter((l) => !held.has(l.doc) && (c === 'all' || l.conditions.includes(c)));
    return `${c} ${fmtPct(rates(ls.map((l) => l.score)).lineCer)} (${ls.length} letters)`;
  });
  print(`Line CER of the letters passed on (${e.name}): ${cells.join(', ')}.`);
}

/** The `n` worst letters of one engine by line CER, for whoever tunes the OCR. */
export function printWorst(set: BenchSet, e: EngineResult, n: number, print: (l: string) => void): void {
  const worst = [...e.letters].sort((a, b) => lineCerOf(b.score) - lineCerOf(a.score)).slice(0, n);
  for (const l of worst) {
    const d = set.documents[l.doc]!;
    print(`- ${d.source} p.${d.pages.join(',')}: line CER ${fmtPct(lineCerOf(l.score))}, strict ${fmtPct(l.score.strictCharEdits / Math.max(1, l.score.truthChars))} — ${d.conditions.join(', ')}`);
  }
}
