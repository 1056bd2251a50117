// Labelled letters for training and benchmarking, drawn from the fixture generator's two
// independent wording styles, optionally passed through simulated OCR damage.
import { CATEGORIES, type Category, type Customer } from '../core/types.js';
import type { Rng } from '../fixtures/generator/rng.js';
import { generateLetterText, type LetterStyle } from '../fixtures/generator/letter-text.js';
import { CITIES, FEMALE_FIRST, MALE_FIRST, STREETS, SURNAMES } from '../fixtures/generator/pl-data.js';
import { applyOcrNoise, OCR_NOISE, type OcrNoiseLevel } from './ocr-noise.js';
import type { TrainExample } from './model-fit.js';
import { loadLetterCorpus, type CorpusLetter } from './letter-corpus.js';
import { fillCorpus } from './corpus-fill.js';

export interface LabelledLetter extends TrainExample {
  statedTermDays: number | null;
  secondary: Category[];
}

function stranger(rng: Rng) {
  const female = rng.chance(0.5);
  const city = rng.pick(CITIES);
  return {
    firstName: rng.pick(female ? FEMALE_FIRST : MALE_FIRST),
    lastName: rng.pick(SURNAMES)[female ? 1 : 0] as string,
    street: `ul. ${rng.pick(STREETS)} ${rng.int(1, 120)}`,
    postalCode: `${city.postal}${rng.int(0, 9)}-${String(rng.int(1, 999)).padStart(3, '0')}`,
    city: city.name,
  };
}

export interface LetterSetOptions {
  style: LetterStyle;
  count: number;
  customers: Customer[];
  /** Simulated OCR damage; none when absent. */
  noise?: OcrNoiseLevel;
  /** Share of letters from people not in the customer master. */
  strangerShare?: number;
}

/** Balanced over categories, so macro metrics are not dominated by one kind of letter. */
export function generateLetterSet(rng: Rng, opts: LetterSetOptions): LabelledLetter[] {
  const out: LabelledLetter[] = [];
  for (let i = 0; i < opts.count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as Category;
    const useStranger = opts.customers.length === 0 || rng.chance(opts.strangerShare ?? 0.15);
    const sender = useStranger ? null : rng.pick(opts.customers);
    const letter = generateLetterText(rng, {
      style: opts.style,
      category,
      sender,
      ...(useStranger ? { stranger: stranger(rng) } : {}),
      receivedAt: `2026-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      long: rng.chance(0.1),
    });
    const text = opts.noise ? applyOcrNoise(rng, letter.text, opts.noise) : letter.text;
    out.push({ text, category, secondary: letter.truth.secondary, statedTermDays: letter.truth.statedTermDays });
  }
  return out;
}

/** The fixture generator's letters: both wording styles, clean and with light and heavy OCR damage. */
export function generatorTrainingSet(rng: Rng, perStyle: number, customers: Customer[]): LabelledLetter[] {
  return (['formal', 'plain'] as const).flatMap((style) => [
    ...generateLetterSet(rng.fork(`${style}-clean`), { style, count: Math.round(perStyle * 0.3), customers }),
    ...generateLetterSet(rng.fork(`${style}-light`), { style, count: Math.round(perStyle * 0.4), customers, noise: OCR_NOISE.light }),
    ...generateLetterSet(rng.fork(`${style}-heavy`), { style, count: Math.round(perStyle * 0.3), customers, noise: OCR_NOISE.heavy }),
  ]);
}

/** The whole hand-written corpus; a malformed letter stops training rather than being skipped. */
export function shippedCorpus(): CorpusLetter[] {
  const { letters, problems } = loadLetterCorpus();
  if (problems.length) throw new Error(`fixtures/letter-corpus has problems:\n${problems.join('\n')}`);
  return letters;
}

/**
 * What the shipped model learns from: the generator's letters plus every hand-written corpus
 * letter. Retraining on advisers' corrections starts from the same set.
 */
export function shippedTrainingSet(rng: Rng, perStyle: number, customers: Customer[], corpus: CorpusLetter[] = shippedCorpus()): LabelledLetter[] {
  return [...generatorTrainingSet(rng, perStyle, customers), ...corpusTrainingSet(rng.fork('corpus'), corpus, customers)];
}

/**
 * Hand-written corpus letters as training examples: each filled for a different customer three
 * times, clean and with light and heavy OCR damage, like the generator's share of the corpus.
 */
export function corpusTrainingSet(rng: Rng, letters: CorpusLetter[], customers: Customer[]): LabelledLetter[] {
  return [
    ...fillCorpus(rng.fork('corpus-clean'), letters, { customers }),
    ...fillCorpus(rng.fork('corpus-light'), letters, { customers, noise: OCR_NOISE.light }),
    ...fillCorpus(rng.fork('corpus-heavy'), letters, { customers, noise: OCR_NOISE.heavy }),
  ].map(({ id, text, category, secondary, statedTermDays }) => ({ text, category, secondary, statedTermDays, group: `corpus:${id}` }));
}
