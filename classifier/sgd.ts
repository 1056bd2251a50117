// Logistic regression trained by AdaGrad SGD on sparse hashed features: a softmax head for the
// primary category and a one-vs-rest sigmoid head for secondary intents. Hand-written because the
// data is small (thousands of letters) and the model must ship as plain JSON.

export interface SparseExample {
  idx: Int32Array;
  val: Float64Array;
  /** Index of the primary class. */
  y: number;
  /** Every class the letter asks for (primary included), for the one-vs-rest head. */
  labels: number[];
  /** The first `priors` features are prior knowledge and are never dropped. */
  priors: number;
}

export interface DenseHead {
  w: Float64Array; // dim * classes, row-major by feature
  b: Float64Array;
}

export interface SgdOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * Share of a letter's features hidden at each step. Phrase-level features separate the training
   * wording perfectly; hiding them at random forces weight onto cues that survive new wording.
   */
  dropout: number;
}

export const DEFAULT_SGD: SgdOptions = { epochs: 12, learningRate: 0.5, l2: 1e-5, seed: 7, dropout: 0.9 };

function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

export function logits(head: DenseHead, classes: number, idx: Int32Array, val: Float64Array): Float64Array {
  const z = Float64Array.from(head.b);
  for (let k = 0; k < idx.length; k++) {
    const base = (idx[k] as number) * classes;
    const v = val[k] as number;
    for (let c = 0; c < classes; c++) z[c] = (z[c] as number) + (head.w[base + c] as number) * v;
  }
  return z;
}

export function softmax(z: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, (z[i] as number) / temperature);
  const e = Array.from(z, (x) => Math.exp(x / temperature - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Trains one head. mode 'softmax' uses the primary label; 'ovr' fits independent sigmoids to the
 * label sets. L2 is applied lazily to the weights a letter touches, which is what keeps SGD sparse.
 */
export function trainHead(data: SparseExample[], dim: number, classes: number, mode: 'softmax' | 'ovr', opts: SgdOptions): DenseHead {
  const head: DenseHead = { w: new Float64Array(dim * classes), b: new Float64Array(classes) };
  const g2 = new Float64Array(dim * classes).fill(1e-8);
  const gb2 = new Float64Array(classes).fill(1e-8);
  const grad = new Float64Array(classes);
  let s = (opts.seed * 2654435761) >>> 0 || 1;
  const rand = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const keepScale = 1 / (1 - opts.dropout);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (const i of shuffled(data.length, opts.seed + epoch * 7919)) {
      const full = data[i] as SparseExample;
      let ex = full;
      if (opts.dropout > 0) {
        const keep: number[] = [];
        for (let k = 0; k < full.idx.length; k++) if (k < full.priors || rand() >= opts.dropout) keep.push(k);
        ex = { ...full, idx: Int32Array.from(keep, (k) => full.idx[k] as number), val: Float64Array.from(keep, (k) => (full.val[k] as number) * (k < full.priors ? 1 : keepScale)) };
      }
      const z = logits(head, classes, ex.idx, ex.val);
      if (mode === 'softmax') {
        const p = softmax(z);
        for (let c = 0; c < classes; c++) grad[c] = (p[c] as number) - (c === ex.y ? 1 : 0);
      } else {
        for (let c = 0; c < classes; c++) grad[c] = sigmoid(z[c] as number) - (ex.labels.includes(c) ? 1 : 0);
      }
      for (let c = 0; c < classes; c++) {
        const g = grad[c] as number;
        gb2[c] = (gb2[c] as number) + g * g;
        head.b[c] = (head.b[c] as number) - (opts.learningRate * g) / Math.sqrt(gb2[c] as number);
      }
      for (let k = 0; k < ex.idx.length; k++) {
        const base = (ex.idx[k] as number) * classes;
        const v = ex.val[k] as number;
        for (let c = 0; c < classes; c++) {
          const j = base + c;
          const g = (grad[c] as number) * v + opts.l2 * (head.w[j] as number);
          g2[j] = (g2[j] as number) + g * g;
          head.w[j] = (head.w[j] as number) - (opts.learningRate * g) / Math.sqrt(g2[j] as number);
        }
      }
    }
  }
  return head;
}
