// Understanding benchmark on the hand-written corpus (fixtures/letter-corpus): wording written by
// people who never saw the generator's phrase banks. (a) generator-trained model on every corpus
// letter; (b) 5-fold, the model also learning from the other 4/5 of the corpus; (c) customer match
// on the same letters; (d) each writing batch tested on a model that never saw its authors. Test
// letters are always filled for other customers than training letters.
// Levels: simulated OCR noise (light, heavy) and `ocr`, the letters scanned and read by mailroom's
// OCR (classifier/corpus-ocr-level.ts); only the test text differs, the models are the same.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Customer } from '../core/types.js';
import { createRng, type Rng } from '../fixtures/generator/rng.js';
import { classify, trainClassifier, type ClassifierModel } from './model.js';
import { OCR_NOISE } from './ocr-noise.js';
import { evaluate, formatReport, type EvalReport, type EvalRow } from './metrics.js';
import { corpusBatch, loadLetterCorpus, type CorpusLetter } from './letter-corpus.js';
import { fillCorpus, type FilledLetter } from './corpus-fill.js';
import { corpusTrainingSet, generatorTrainingSet, type LabelledLetter } from './training-data.js';
import { annotatorAgreement, formatAgreement, loadSecondAnnotator } from './annotator-agreement.js';
import { formatMatch, masterDb, matchLetters } from './bench-match-letters.js';
import { ocrTestLetters, type OcrLevelOptions } from './corpus-ocr-level.js';

type Level = 'light' | 'heavy' | 'ocr';
const FOLDS = 5;

export function evalRows(model: ClassifierModel, letters: LabelledLetter[]): EvalRow[] {
  return letters.map((ex) => {
    const c = classify(model, ex.text);
    return {
      truth: ex.category, predicted: c.category, confidence: c.confidence, truthSecondary: ex.secondary,
      predictedSecondary: c.secondary, truthTerm: ex.statedTermDays, predictedTerm: c.statedTermDays,
    };
  });
}

/** Stratified: within each category, every FOLDS-th letter (by id) shares a fold. */
export function foldOf(letters: CorpusLetter[]): Map<string, number> {
  const out = new Map<string, number>();
  const byCat = new Map<string, CorpusLetter[]>();
  for (const l of letters) byCat.set(l.category, [...(byCat.get(l.category) ?? []), l]);
  for (const list of byCat.values()) [...list].sort((a, b) => a.id.localeCompare(b.id)).forEach((l, i) => out.set(l.id, i % FOLDS));
  return out;
}

export interface CorpusBenchOptions {
  rng: Rng;
  /** Generator letters the models learn from (both styles, clean and OCR-damaged). */
  base: number;
  /** Master the test letters are filled from and matched against. */
  testCustomers: Customer[];
  /** Master the training letters are filled from. */
  trainCustomers: Customer[];
  seed: number;
  /** Corpus folder; fixtures/letter-corpus when absent. */
  dir?: string;
  /** Run (c), the customer match; false skips it when only the classifier is being measured. */
  match?: boolean;
  /** Run (a), (b) and (d), the classifier; false skips them when only the match is being measured. */
  classify?: boolean;
  /** Run (d), leave one writing batch out (one training per batch); false skips it. */
  batches?: boolean;
  /** The `ocr` level (false skips it); `limit` reads a stratified subset. */
  ocr?: false | Omit<OcrLevelOptions, 'seed'>;
}

export async function runCorpusBench(o: CorpusBenchOptions): Promise<string[]> {
  const { letters, problems } = loadLetterCorpus(o.dir);
  if (problems.length) console.log(`letter corpus problems (${problems.length}):\n  ${problems.join('\n  ')}`);
  if (letters.length === 0) return ['letter corpus: no letters found in fixtures/letter-corpus, corpus runs skipped'];
  const summary: string[] = [];
  // The same letters for the same customers at every level: only the OCR damage differs.
  const fill = (noise?: (typeof OCR_NOISE)['light']) => fillCorpus(createRng(`corpus-test-${o.seed}`), letters, { customers: o.testCustomers, noise });
  const tests: Partial<Record<Level, FilledLetter[]>> = { light: fill(OCR_NOISE.light), heavy: fill(OCR_NOISE.heavy) };
  if (o.ocr !== false) {
    const ocr = await ocrTestLetters(fill(), { ...o.ocr, seed: o.seed });
    tests.ocr = ocr.letters;
    summary.push(...ocr.summary);
  }
  const LEVELS = Object.keys(tests) as Level[];
  const levelName = (level: Level) => (level === 'ocr' ? `OCR of degraded scans (${tests.ocr!.length} letters)` : `${level} OCR noise`);
  if (o.classify !== false) summary.push(...await classifierRuns(o, letters, tests, levelName));
  if (o.match === false) return summary;
  await mkdir('bench-out', { recursive: true });
  const db = await masterDb(o.testCustomers);
  try {
    for (const level of LEVELS) {
      const figures = await matchLetters(db, tests[level]!);
      const line = formatMatch(`(c) customer match, corpus letters, ${levelName(level)} (master ${o.testCustomers.length})`, figures);
      await writeFile(`bench-out/corpus-match-missed-${level}-${o.seed}.json`, JSON.stringify(figures.missed, null, 1));
      console.log(line);
      summary.push(line);
    }
  } finally {
    await db.close();
  }
  return summary;
}

/** (a) generator-trained, (b) 5-fold and (d) leave-one-batch-out classifier runs over every level. */
async function classifierRuns(o: CorpusBenchOptions, letters: CorpusLetter[], tests: Partial<Record<Level, FilledLetter[]>>,
  levelName: (level: Level) => string): Promise<string[]> {
  const generator = generatorTrainingSet(o.rng.fork('corpus-base'), o.base / 2, o.trainCustomers);

  const summary: string[] = [];
  const LEVELS = Object.keys(tests) as Level[];
  const report = (title: string, key: string, r: EvalReport) => {
    console.log(`${formatReport(title, r)}\n`);
    summary.push(`${key}: macro-F1 ${r.macroF1.toFixed(3)}, accuracy ${(r.accuracy * 100).toFixed(1)}%, ECE ${r.ece.toFixed(3)}, ` +
      `2nd-intent P/R ${(r.secondary.precision * 100).toFixed(0)}/${(r.secondary.recall * 100).toFixed(0)}%`);
  };

  let t0 = Date.now();
  const genModel = trainClassifier(generator);
  const genMs = Date.now() - t0;
  for (const level of LEVELS) {
    report(`(a) train generator (n=${generator.length}, ${genMs} ms, T=${genModel.temperature.toFixed(2)}) -> hand-written corpus, ${levelName(level)}`,
      `generator->corpus ${level}`, evaluate(evalRows(genModel, tests[level]!)));
  }

  // Each group's letters tested on a model trained on the generator and every other group.
  const heldOutRows = (groupOf: (id: string) => string, tag: string) => {
    const rows = Object.fromEntries(LEVELS.map((l) => [l, new Map<string, EvalRow>()]));
    for (const group of [...new Set(letters.map((l) => groupOf(l.id)))].sort()) {
      const trainLetters = letters.filter((l) => groupOf(l.id) !== group);
      const model = trainClassifier([...generator, ...corpusTrainingSet(o.rng.fork(`${tag}-${group}`), trainLetters, o.trainCustomers)]);
      for (const level of LEVELS) {
        const held = tests[level]!.filter((l) => groupOf(l.id) === group);
        evalRows(model, held).forEach((row, i) => rows[level]!.set(held[i]!.id, row));
      }
    }
    return rows;
  };
  t0 = Date.now();
  const fold = foldOf(letters);
  const rows = heldOutRows((id) => `fold-${fold.get(id)}`, 'corpus-fold');
  await mkdir('bench-out', { recursive: true });
  for (const level of LEVELS) {
    // Each held-out decision with its text, for reading the errors behind the figures.
    const dump = tests[level]!.map((l) => ({ id: l.id, text: l.text, ...rows[level]!.get(l.id)! }));
    await writeFile(`bench-out/corpus-decisions-${level}-${o.seed}.json`, JSON.stringify(dump));
    report(`(b) ${FOLDS}-fold: train generator + 4/5 corpus, test held-out 1/5, ${levelName(level)} (${((Date.now() - t0) / 1000).toFixed(0)} s all folds)`,
      `generator+corpus 5-fold ${level}`, evaluate([...rows[level]!.values()]));
  }
  if (o.batches !== false) {
    t0 = Date.now();
    const byBatch = heldOutRows(corpusBatch, 'corpus-batch');
    for (const level of LEVELS) {
      const all = byBatch[level]!;
      report(`(d) leave one writing batch out: train generator + the other batches, test the batch, ${levelName(level)} (${((Date.now() - t0) / 1000).toFixed(0)} s all batches)`,
        `generator+corpus leave-batch-out ${level}`, evaluate([...all.values()]));
      const per = [...new Set(letters.map((l) => corpusBatch(l.id)))].sort().map((b) => {
        const r = evaluate([...all].filter(([id]) => corpusBatch(id) === b).map(([, row]) => row));
        return `${b} ${r.macroF1.toFixed(2)}/${(r.accuracy * 100).toFixed(0)}%`;
      });
      console.log(`(d) ${level} per batch, macro-F1/accuracy: ${per.join(', ')}`);
      summary.push(`  per batch (macro-F1/accuracy): ${per.join(', ')}`);
    }
  }
  // The human ceiling: a second annotator's labels on a sample, beside (b) on the same letters.
  const second = loadSecondAnnotator(o.dir);
  if (second.size) {
    const agreement = annotatorAgreement(letters, second);
    for (const level of LEVELS) {
      const line = formatAgreement(`(b) ${level}, second-annotator sample`, agreement, rows[level]!, second.keys());
      console.log(line);
      summary.push(line);
    }
  }

  return summary;
}
