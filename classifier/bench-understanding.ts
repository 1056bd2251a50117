// Understanding benchmark: train on one wording style, test on the other one under simulated OCR
// damage, both directions. Run: node bin/run-ts.js classifier/bench-understanding.ts [--n 1800] [--seed 1]
import { createRng } from '../fixtures/generator/rng.js';
import { generateCustomers } from '../fixtures/generator/customers.js';
import type { LetterStyle } from '../fixtures/generator/letter-text.js';
import { generateLetterSet } from './training-data.js';
import { classify, trainClassifier } from './model.js';
import { OCR_NOISE } from './ocr-noise.js';
import { evaluate, formatReport, type EvalRow } from './metrics.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const n = arg('n', 1800);
const seed = arg('seed', 1);
const rng = createRng(seed);
const customers = generateCustomers(rng.fork('customers'), 400);
const summary: string[] = [];

for (const [trainStyle, testStyle] of [['formal', 'plain'], ['plain', 'formal']] as [LetterStyle, LetterStyle][]) {
  const t0 = Date.now();
  const train = [
    ...generateLetterSet(rng.fork(`train-${trainStyle}-light`), { style: trainStyle, count: n / 2, customers, noise: OCR_NOISE.light }),
    ...generateLetterSet(rng.fork(`train-${trainStyle}-heavy`), { style: trainStyle, count: n / 2, customers, noise: OCR_NOISE.heavy }),
  ];
  const model = trainClassifier(train);
  const trainMs = Date.now() - t0;
  for (const level of ['light', 'heavy'] as const) {
    const test = generateLetterSet(rng.fork(`test-${testStyle}-${level}`), { style: testStyle, count: 900, customers, noise: OCR_NOISE[level] });
    const t1 = Date.now();
    const rows: EvalRow[] = test.map((ex) => {
      const c = classify(model, ex.text);
      return {
        truth: ex.category, predicted: c.category, confidence: c.confidence, truthSecondary: ex.secondary,
        predictedSecondary: c.secondary, truthTerm: ex.statedTermDays, predictedTerm: c.statedTermDays,
      };
    });
    const report = evaluate(rows);
    const title = `train ${trainStyle} (n=${train.length}, ${trainMs} ms, T=${model.temperature.toFixed(2)}) -> test ${testStyle}, ${level} OCR noise (${((Date.now() - t1) / test.length).toFixed(1)} ms/letter)`;
    console.log(`${formatReport(title, report)}\n`);
    summary.push(`${trainStyle}->${testStyle} ${level}: macro-F1 ${report.macroF1.toFixed(3)}, accuracy ${(report.accuracy * 100).toFixed(1)}%, ECE ${report.ece.toFixed(3)}`);
  }
}
console.log(summary.join('\n'));
