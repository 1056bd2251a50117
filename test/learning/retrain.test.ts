import { describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/generator/rng.js';
import { generateCustomers } from '../../fixtures/generator/customers.js';
import { generateLetterSet, shippedCorpus, shippedTrainingSet } from '../../classifier/training-data.js';
import { trainClassifier } from '../../classifier/model.js';
import { retrainWithCorrections, type CorrectedLetter } from '../../classifier/retrain.js';

// The gate on retraining: a candidate replaces the model in use only if it does at least as well
// on letters neither of them trained on.
const rng = createRng('retrain-test');
const customers = generateCustomers(rng.fork('c'), 60);
const corrections: CorrectedLetter[] = generateLetterSet(rng.fork('corr'), { style: 'plain', count: 60, customers }).map((l, i) => ({
  documentId: `doc-${String(i).padStart(24, '0')}-1`,
  text: l.text,
  category: l.category,
}));

// A share of the hand-written corpus: the gate, not the model's quality, is under test, and the whole
// corpus (three copies of 1,890 letters) took two to three minutes a test on a loaded 2-core machine.
const corpus = shippedCorpus().filter((_, i) => i % 6 === 0);

describe('retrainWithCorrections', () => {
  it('keeps a strong model in use when the candidate learns from too little', () => {
    const strong = trainClassifier(shippedTrainingSet(rng.fork('strong'), 300, customers, corpus));
    const tinyBase = generateLetterSet(rng.fork('tiny'), { style: 'formal', count: 18, customers });
    const o = retrainWithCorrections(strong, [], tinyBase);
    expect(o.proposed.macroF1).toBeLessThan(o.current.macroF1);
    expect(o.accepted).toBe(false);
  }, 120_000);

  it("puts a better model in use, trained on the corpus plus advisers' corrections", () => {
    const weak = trainClassifier(generateLetterSet(rng.fork('weak'), { style: 'formal', count: 18, customers }));
    const base = shippedTrainingSet(rng.fork('base'), 200, customers, corpus);
    const o = retrainWithCorrections(weak, corrections, base);
    expect(o.proposedOnCorrections).not.toBeNull();
    expect(o.proposed.macroF1).toBeGreaterThan(o.current.macroF1);
    expect(o.accepted).toBe(true);
    // Held-out letters stay out of training: 60 corrections weigh 3 each, some are held out.
    expect(o.trainSize).toBeLessThan(Math.round(base.length) + 3 * corrections.length);
  }, 120_000);
});
