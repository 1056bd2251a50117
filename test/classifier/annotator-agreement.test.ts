import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotatorAgreement, cohenKappa, formatAgreement, loadSecondAnnotator, SECOND_ANNOTATOR_FILE } from '../../classifier/annotator-agreement.js';
import { loadLetterCorpus, type CorpusLetter } from '../../classifier/letter-corpus.js';
import type { EvalRow } from '../../classifier/metrics.js';
import type { Category } from '../../core/types.js';

const dir = mkdtempSync(join(tmpdir(), 'second-annotator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const letter = (id: string, category: Category): CorpusLetter => ({ id, category, secondary: [], statedTermDays: null, text: 'x', uses: new Set() });
const row = (truth: Category, predicted: Category): EvalRow => ({ truth, predicted, confidence: 0.9, truthSecondary: [], predictedSecondary: [], truthTerm: null, predictedTerm: null });

describe('second annotator', () => {
  it('scores the second labels against the authors and keeps the agreed ids', () => {
    const letters = [letter('a', 'BILLING'), letter('b', 'BILLING'), letter('c', 'FAULT'), letter('d', 'FAULT'), letter('e', 'ORDER')];
    const second = new Map([
      ['a', { id: 'a', category: 'BILLING' as const, secondary: [], sure: true }],
      ['b', { id: 'b', category: 'DATA_CHANGE' as const, secondary: [], sure: false }],
      ['c', { id: 'c', category: 'FAULT' as const, secondary: [], sure: true }],
    ]);
    const a = annotatorAgreement(letters, second);
    expect(a.human.n).toBe(3);
    expect(a.human.accuracy).toBeCloseTo(2 / 3);
    expect([...a.agreed].sort()).toEqual(['a', 'c']);
    // The classifier is right on 'a', wrong on 'c': 1 of 2 agreed letters.
    const classifier = new Map([['a', row('BILLING', 'BILLING')], ['b', row('BILLING', 'BILLING')], ['c', row('FAULT', 'COMPLAINT')]]);
    expect(formatAgreement('t', a, classifier, second.keys())).toMatch(/on the 2 both annotators agree on/);
  });

  it('kappa is 1 for identical labels and about 0 for labels unrelated to the truth', () => {
    expect(cohenKappa([row('BILLING', 'BILLING'), row('FAULT', 'FAULT')])).toBe(1);
    const chance = [row('BILLING', 'BILLING'), row('BILLING', 'FAULT'), row('FAULT', 'BILLING'), row('FAULT', 'FAULT')];
    expect(cohenKappa(chance)).toBeCloseTo(0);
  });

  it('refuses a malformed line and reads the shipped file against the corpus', () => {
    writeFileSync(join(dir, SECOND_ANNOTATOR_FILE), '{"id":"x","category":"NOPE","secondary":[],"sure":true}\n');
    expect(() => loadSecondAnnotator(dir)).toThrow(/:1: expected/);
    const shipped = loadSecondAnnotator();
    const { letters } = loadLetterCorpus();
    const ids = new Set(letters.map((l) => l.id));
    expect(shipped.size).toBeGreaterThanOrEqual(270);
    expect([...shipped.keys()].every((id) => ids.has(id))).toBe(true);
  });
});
