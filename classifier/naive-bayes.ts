// Complement Naive Bayes over the same hashed wording features as the logistic regression. On a few
// hundred letters per category NB's counted evidence generalises differently from the LR's fitted
// weights; both are linear in the features, so their log-odds can simply be added into one head.
import type { DenseHead, SparseExample } from './sgd.js';

export interface NaiveBayesOptions {
  /** Additive smoothing per bucket. */
  alpha: number;
}

/**
 * Complement NB (Rennie et al. 2003): a class's weight for a feature is minus the log frequency
 * of that feature in every other class, which stays stable when classes differ in size and
 * wording length.
 * Prior features (the first `priors` of each example) are left to the LR.
 */
export function trainComplementNb(data: SparseExample[], dim: number, classes: number, opts: NaiveBayesOptions): DenseHead {
  const counts = new Float64Array(dim * classes);
  const totals = new Float64Array(classes);
  const used = new Set<number>();
  for (const ex of data) {
    for (let k = ex.priors; k < ex.idx.length; k++) {
      const f = ex.idx[k] as number;
      const v = ex.val[k] as number;
      counts[f * classes + ex.y] = (counts[f * classes + ex.y] as number) + v;
      totals[ex.y] = (totals[ex.y] as number) + v;
      used.add(f);
    }
  }
  const all = totals.reduce((a, b) => a + b, 0);
  const vocab = used.size;
  const head: DenseHead = { w: new Float64Array(dim * classes), b: new Float64Array(classes) };
  for (const f of used) {
    let rowAll = 0;
    for (let c = 0; c < classes; c++) rowAll += counts[f * classes + c] as number;
    for (let c = 0; c < classes; c++) {
      const other = rowAll - (counts[f * classes + c] as number);
      const theta = (opts.alpha + other) / (opts.alpha * vocab + all - (totals[c] as number));
      const w = -Math.log(theta);
      head.w[f * classes + c] = w;
    }
  }
  return head;
}
