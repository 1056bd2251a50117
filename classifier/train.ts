// Trains the shipped category model on BOTH wording styles (clean and OCR-damaged) and writes
// classifier/model.json. Run: node bin/run-ts.js classifier/train.ts [--out classifier/model.json] [--n 4000]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../fixtures/generator/rng.js';
import { generateCustomers } from '../fixtures/generator/customers.js';
import { shippedTrainingSet } from './training-data.js';
import { trainClassifier } from './model.js';

const outIdx = process.argv.indexOf('--out');
const out = outIdx >= 0 ? (process.argv[outIdx + 1] as string) : fileURLToPath(new URL('./model.json', import.meta.url));
const nIdx = process.argv.indexOf('--n');
const perStyle = nIdx >= 0 ? Number(process.argv[nIdx + 1]) / 2 : 2000;

const rng = createRng('mailroom-classifier-v1');
const customers = generateCustomers(rng.fork('customers'), 400);
const examples = shippedTrainingSet(rng, perStyle, customers);
const t0 = Date.now();
const model = trainClassifier(examples);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${model.metrics.trainSize} letters in ${Date.now() - t0} ms; held-out ${model.metrics.heldOutSize}: ` +
    `accuracy ${(model.metrics.heldOutAccuracy * 100).toFixed(1)}%, ECE ${model.metrics.heldOutEce.toFixed(3)}, ` +
    `T=${model.temperature.toFixed(3)}, secondary threshold ${model.secondaryThreshold}; wrote ${out}`,
);
