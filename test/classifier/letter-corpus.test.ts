import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../core/types.js';
import { createRng } from '../../fixtures/generator/rng.js';
import { generateCustomers } from '../../fixtures/generator/customers.js';
import { corpusBatch, corpusFile, loadLetterCorpus, parseCorpusLine, type CorpusLetter } from '../../classifier/letter-corpus.js';
import { fillCorpus, masterValues } from '../../classifier/corpus-fill.js';
import { OCR_NOISE } from '../../classifier/ocr-noise.js';
import { corpusTrainingSet, shippedCorpus } from '../../classifier/training-data.js';
import { trainClassifier } from '../../classifier/model.js';

const dir = mkdtempSync(join(tmpdir(), 'letter-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const ok = (id: string, category: string, text: string, extra: Record<string, unknown> = {}) =>
  line({ id, category, secondary: [], statedTermDays: null, text, ...extra });

describe('loadLetterCorpus', () => {
  for (const c of CATEGORIES) {
    writeFileSync(join(dir, corpusFile(c)), `${ok(`${c}-1`, c, `Piszę w sprawie numeru {CUSTOMER_NO}. {NAME}, {STREET}, {POSTAL_CITY}`)}\n\n`);
  }
  writeFileSync(join(dir, corpusFile('COMPLAINT')), [
    ok('c-1', 'COMPLAINT', 'Reklamuję fakturę {INVOICE} na {AMOUNT} zł. {NAME}'),
    ok('c-2', 'BILLING', 'Ta linia jest w złym pliku, kategoria inna niż plik.'),
    '{"id": "c-3", "category": "COMPLAINT", "text": "urwane',
    ok('c-4', 'COMPLAINT', 'Nieznany znacznik {SURNAME} w treści listu reklamacyjnego.'),
    ok('c-1', 'COMPLAINT', 'Drugi list o tym samym identyfikatorze, też reklamacja.'),
    ok('c-5', 'COMPLAINT', 'Reklamacja i wypowiedzenie umowy, dwie sprawy w jednym liście.', { secondary: ['CANCELLATION'] }),
  ].join('\n'));

  const { letters, problems } = loadLetterCorpus(dir);

  it('keeps valid letters with their placeholders and secondary intents', () => {
    const c1 = letters.find((l) => l.id === 'c-1')!;
    expect([...c1.uses].sort()).toEqual(['AMOUNT', 'INVOICE', 'NAME']);
    expect(letters.find((l) => l.id === 'c-5')!.secondary).toEqual(['CANCELLATION']);
    expect(letters.filter((l) => l.category === 'COMPLAINT').map((l) => l.id)).toEqual(['c-1', 'c-5']);
    expect(letters).toHaveLength(CATEGORIES.length - 1 + 2);
  });

  it('reports every malformed line by file and line instead of skipping it silently', () => {
    expect(problems).toEqual([
      'complaint.jsonl:2: category BILLING in the COMPLAINT file',
      expect.stringMatching(/^complaint\.jsonl:3: not JSON/),
      'complaint.jsonl:4: unknown placeholder {SURNAME}',
      'complaint.jsonl:5: duplicate id c-1',
    ]);
  });

  it('rejects bad terms and secondary lists', () => {
    expect(parseCorpusLine({ id: 'x', category: 'LEGAL', statedTermDays: -3, text: 'x' }, 'LEGAL')).toMatch(/statedTermDays/);
    expect(parseCorpusLine({ id: 'x', category: 'LEGAL', secondary: ['LEGAL'], text: 'x' }, 'LEGAL')).toMatch(/repeats/);
    expect(loadLetterCorpus(join(dir, 'nowhere')).problems).toHaveLength(CATEGORIES.length);
  });
});

describe('fillCorpus', () => {
  const customers = generateCustomers(createRng(5), 200);
  const tpl = (id: string, text: string): CorpusLetter => {
    const parsed = parseCorpusLine({ id, category: 'BILLING', text }, 'BILLING');
    if (typeof parsed === 'string') throw new Error(parsed);
    return parsed;
  };
  const byPhone = tpl('p', 'Mój telefon {PHONE}, proszę o kopię faktury {INVOICE} z {DATE}. {NAME}');
  const byAddress = tpl('a', 'Proszę o duplikat rachunku.\n{NAME}\n{STREET}\n{POSTAL_CITY}');
  const business = tpl('b', 'Firma {COMPANY}, NIP {NIP}, prosi o fakturę na {AMOUNT}. {NAME}');
  const nameOnly = tpl('n', 'Proszę o informację o saldzie. Pozdrawiam, {NAME}');

  it('fills every placeholder with the chosen customer own values and remembers the customer', () => {
    const out = fillCorpus(createRng(1), Array(40).fill(byAddress), { customers, strangerShare: 0 });
    for (const l of out) {
      const c = customers.find((x) => x.customerId === l.customerId)!;
      expect(l.text).not.toMatch(/\{[A-Z_]+\}/);
      expect(l.text).toContain(c.street!);
      expect(l.text).toContain(`${c.postalCode} ${c.city}`);
      expect(l.matchable).toBe(c.firstName !== null);
    }
  });

  it('gives letters naming a company to business customers, with the record company and NIP', () => {
    const out = fillCorpus(createRng(2), Array(20).fill(business), { customers, strangerShare: 0 });
    for (const l of out) {
      const c = customers.find((x) => x.customerId === l.customerId)!;
      expect(c.segment).toBe('business');
      expect(l.text).toContain(c.companyName!);
      expect(l.matchable).toBe(true);
    }
  });

  it('invents strangers whose identifiers belong to nobody in the master', () => {
    const taken = masterValues(customers);
    const out = fillCorpus(createRng(3), Array(60).fill(byPhone), { customers, strangerShare: 1 });
    for (const l of out) {
      expect(l.customerId).toBeNull();
      expect(l.matchable).toBe(false);
      const invoice = /FV\/\d{4}\/\d{2}\/\d{7}/.exec(l.text)![0];
      expect(taken.has(invoice)).toBe(false);
    }
  });

  it('calls a letter with a name alone not matchable, and applies OCR noise when asked', () => {
    const clean = fillCorpus(createRng(4), Array(30).fill(nameOnly), { customers, strangerShare: 0 });
    expect(clean.every((l) => !l.matchable && l.customerId !== null)).toBe(true);
    const noisy = fillCorpus(createRng(4), Array(30).fill(nameOnly), { customers, strangerShare: 0, noise: OCR_NOISE.heavy });
    expect(noisy.map((l) => l.customerId)).toEqual(clean.map((l) => l.customerId));
    expect(noisy.filter((l, i) => l.text !== clean[i]!.text).length).toBeGreaterThan(0);
  });
});

describe('the corpus in training', () => {
  it('loads the shipped corpus without a malformed letter, every category present', () => {
    const letters = shippedCorpus();
    expect(new Set(letters.map((l) => l.category))).toEqual(new Set(CATEGORIES));
  });

  it('fills each letter three times (clean, light, heavy) under one group, for the calibration and retraining splits', () => {
    const letters = shippedCorpus().slice(0, 12);
    const set = corpusTrainingSet(createRng(9), letters, generateCustomers(createRng(9), 50));
    expect(set).toHaveLength(36);
    for (const l of letters) {
      const copies = set.filter((x) => x.group === `corpus:${l.id}`);
      expect(copies).toHaveLength(3);
      expect(copies.every((c) => c.category === l.category)).toBe(true);
      expect(new Set(copies.map((c) => c.text)).size).toBeGreaterThan(1);
    }
  });

  it('keeps the copies of one letter on one side of the calibration split', () => {
    const set = corpusTrainingSet(createRng(10), shippedCorpus().slice(0, 61), generateCustomers(createRng(10), 50));
    const model = trainClassifier(set, { epochs: 1, ensemble: 1, heldOut: 0.3 });
    expect(model.metrics.heldOutSize).toBeGreaterThan(0);
    expect(model.metrics.heldOutSize % 3).toBe(0);
    expect(model.metrics.trainSize % 3).toBe(0);
  });
});

describe('corpusBatch', () => {
  it('groups letters by the writing batch their number falls in', () => {
    expect(['fault-01', 'fault-40'].map(corpusBatch)).toEqual(['1-40', '1-40']);
    expect(['other-41', 'data-change-70', 'legal-71', 'order-120'].map(corpusBatch)).toEqual(['41-70', '41-70', '71-120', '71-120']);
    expect(['privacy-201', 'privacy-210', 'privacy-211', 'complaint-340'].map(corpusBatch)).toEqual(['201-210', '201-210', '211-220', '331-340']);
    expect(corpusBatch('letter')).toBe('unnumbered');
  });

  it('puts every shipped letter in a batch of one author group, never in the unnumbered one', () => {
    const { letters } = loadLetterCorpus();
    const batches = new Set(letters.map((l) => corpusBatch(l.id)));
    expect(batches.has('unnumbered')).toBe(false);
    expect(batches.size).toBeGreaterThanOrEqual(5);
  });
});
