import { describe, expect, it } from 'vitest';
import { cer, editDistance, wer, wordRecall } from '../../ocr/text-metrics.js';

describe('text metrics', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance(['a', 'b'], ['a', 'b'])).toBe(0);
  });

  it('treats diacritics as real characters and layout whitespace as one space', () => {
    expect(cer('Zażółć  gęślą\njaźń', 'Zażółć gęślą jaźń')).toBe(0);
    expect(cer('Zazolc gesla jazn', 'Zażółć gęślą jaźń')).toBeCloseTo(9 / 17, 5);
    // Decomposed input (as some PDF extractors emit) is compared after NFC.
    expect(cer('zażółć'.normalize('NFD'), 'zażółć')).toBe(0);
  });

  it('computes word error rate over words', () => {
    expect(wer('proszę o korektę faktury', 'proszę o korektę rachunku')).toBeCloseTo(0.25, 5);
    expect(wer('', 'a b')).toBe(1);
    expect(wer('', '')).toBe(0);
  });

  it('measures word recall regardless of block order', () => {
    const truth = 'Poznań, 30 października\nKomornik Sądowy';
    expect(wordRecall('WPŁYNĘŁO\nKomornik Sądowy\nPoznań, 30 października', truth)).toBe(1);
    expect(wordRecall('Komornik Sadowy', truth)).toBeCloseTo(1 / 5, 5);
    expect(wordRecall('a a', 'a a a')).toBeCloseTo(2 / 3, 5);
  });
});
