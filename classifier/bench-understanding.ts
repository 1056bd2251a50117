// Understanding benchmark: train on one wording style, test on the other one under simulated OCR
// damage, both directions; then the hand-written corpus (classifier/bench-corpus.ts).
// Run: node bin/run-ts.js classifier/bench-understanding.ts [--n 1800] [--base 2000] [--seed 1] [--only styles|corpus]
//   [--corpus DIR] [--no-match] [--no-ocr] [--ocr-limit N] [--no-batches]
import { loadavg } from 'node:os';
import { createRng } from '../fixtures/generator/rng.js';
import { generateCustomers } from '../fixtures/generator/customers.js';
import type { LetterStyle } from '../fixtures/generator/letter-text.js';
import { generateLetterSet } from './training-data.js';
import { trainClassifier } from './model.js';
import { OCR_NOISE } from './ocr-noise.js';
import { evaluate, formatReport } from './metrics.js';
import { evalRows, runCorpusBench } from './bench-corpus.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const n = arg('n', 1800);
const base = arg('base', 2000);
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? process.argv[onlyIdx + 1] : null;
const started = Date.now();
const seed = arg('seed', 1);
const rng = createRng(seed);
const customers = generateCustomers(rng.fork('customers'), 400);
const summary: string[] = [];

const styleRuns: [LetterStyle, LetterStyle][] = only === 'corpus' ? [] : [['formal', 'plain'], ['plain', 'formal']];
for (const [trainStyle, testStyle] of styleRuns) {
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
    const report = evaluate(evalRows(model, test));
    const title = `train ${trainStyle} (n=${train.length}, ${trainMs} ms, T=${model.temperature.toFixed(2)}) -> test ${testStyle}, ${level} OCR noise (${((Date.now() - t1) / test.length).toFixed(1)} ms/letter)`;
    console.log(`${formatReport(title, report)}\n`);
    summary.push(`${trainStyle}->${testStyle} ${level}: macro-F1 ${report.macroF1.toFixed(3)}, accuracy ${(report.accuracy * 100).toFixed(1)}%, ECE ${report.ece.toFixed(3)}`);
  }
}
if (only !== 'styles') {
  // Its own streams, so `--only corpus` gives the same figures as the full run.
  const dirIdx = process.argv.indexOf('--corpus');
  summary.push(...(await runCorpusBench({
    rng: createRng(`corpus-${seed}`), base, seed, trainCustomers: customers,
    testCustomers: generateCustomers(createRng(`corpus-master-${seed}`), 1000),
    ...(dirIdx >= 0 ? { dir: process.argv[dirIdx + 1] as string } : {}),
    match: !process.argv.includes('--no-match'),
    classify: !process.argv.includes('--match-only'),
    batches: !process.argv.includes('--no-batches'),
    // The OCR level reads every corpus letter (cached in bench-out/corpus-ocr-<seed>); --ocr-limit N a stratified subset.
    ocr: process.argv.includes('--no-ocr') ? false : process.argv.includes('--ocr-limit') ? { limit: arg('ocr-limit', 0) } : {},
  })));
}
console.log(summary.join('\n'));
console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
