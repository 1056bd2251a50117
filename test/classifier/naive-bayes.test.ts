import { describe, expect, it } from 'vitest';
import { trainComplementNb } from '../../classifier/naive-bayes.js';
import { logits, type SparseExample } from '../../classifier/sgd.js';

// Buckets: 0 = a prior, 1 = only in class 0, 2 = only in class 1, 3 = in both.
const ex = (y: number, idx: number[]): SparseExample => ({
  idx: Int32Array.from(idx), val: Float64Array.from(idx, () => 1), y, labels: [y], priors: idx[0] === 0 ? 1 : 0,
});
const data = [ex(0, [0, 1, 3]), ex(0, [0, 1, 3]), ex(1, [0, 2, 3]), ex(1, [2, 3]), ex(1, [0, 2])];

describe('complement naive Bayes head', () => {
  const head = trainComplementNb(data, 4, 2, { alpha: 0.1 });
  const w = (bucket: number, c: number) => head.w[bucket * 2 + c] as number;

  it('gives a word seen only with one class evidence for that class', () => {
    expect(w(1, 0)).toBeGreaterThan(w(1, 1));
    expect(w(2, 1)).toBeGreaterThan(w(2, 0));
    const z = logits(head, 2, Int32Array.from([2]), Float64Array.from([1]));
    expect(z[1]).toBeGreaterThan(z[0] as number);
  });

  it('leaves prior features to the logistic regression', () => {
    expect(w(0, 0)).toBe(0);
    expect(w(0, 1)).toBe(0);
  });

  it('favours neither class much for a word both use', () => {
    expect(Math.abs(w(3, 0) - w(3, 1))).toBeLessThan(Math.abs(w(1, 0) - w(1, 1)));
  });
});
