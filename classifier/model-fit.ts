// Fitting: hash features, train both heads, prune and quantise, then calibrate the temperature and
// the secondary-intent threshold on a held-out split using the packed model exactly as it ships.
import { CATEGORIES, type Category } from '../core/types.js';
import { extractFeatures, hashFeature, isPriorFeature, type Feature } from './features.js';
import { DEFAULT_SGD, sigmoid, softmax, trainHead, type DenseHead, type SgdOptions, type SparseExample } from './sgd.js';
import { trainComplementNb } from './naive-bayes.js';
import { expectedCalibrationError, fitTemperature } from './calibration.js';
import { scoreFeatures, type ClassifierModel, type PackedHead } from './model.js';

export interface TrainExample {
  text: string;
  category: Category;
  secondary?: Category[];
  /**
   * Letters sharing a group (one hand-written letter filled and damaged several times) fall on
   * the same side of the calibration split: a held-out copy of a trained letter is not unseen.
   */
  group?: string;
}

export interface TrainOptions extends Partial<SgdOptions> {
  /** Hashed feature space while training (power of two). */
  dim?: number;
  /** Feature buckets kept in the shipped model, by weight norm. */
  keep?: number;
  /** Share of letters held out for calibration. */
  heldOut?: number;
  /**
   * Primary heads trained with different seeds and averaged. Heavy dropout makes single runs
   * noisy; a linear model's average is still one linear model, so this costs nothing at runtime.
   */
  ensemble?: number;
  /**
   * Weight of a complement Naive Bayes head added to the primary head (0: LR alone). Measured on
   * the hand-written corpus (docs/benchmarks.md): 1 raised macro-F1 more than 0.5; 2 was lower.
   */
  naiveBayes?: number;
  /** Lowest secondary-intent threshold the tuning may choose. */
  minSecondaryThreshold?: number;
  /**
   * Share of wording features hidden when calibrating. Held-out letters share the training wording,
   * so they make the model look surer than it is on new wording; hiding features simulates that.
   * Defaults to the training dropout.
   */
  calibrationDropout?: number;
}

// Naive Bayes counts only stems and word starts: on whole words, bigrams and character n-grams it
// learns one wording style's phrases and loses on another style (plain -> formal 0.90 -> 0.80).
const NB_FEATURE = /^(s|p|subj|req):/;

function toSparse(ex: TrainExample, dim: number, nbOnly = false): SparseExample {
  const byBucket = new Map<number, number>();
  const all = extractFeatures(ex.text);
  const feats = nbOnly ? all.filter((f) => NB_FEATURE.test(f.name) || isPriorFeature(f.name)) : all;
  // Priors first, so dropout can spare them by position.
  feats.sort((a, b) => Number(isPriorFeature(b.name)) - Number(isPriorFeature(a.name)));
  const priorBuckets = new Set(feats.filter((f) => isPriorFeature(f.name)).map((f) => hashFeature(f.name, dim)));
  for (const f of feats) {
    const h = hashFeature(f.name, dim);
    byBucket.set(h, (byBucket.get(h) ?? 0) + f.value);
  }
  const y = CATEGORIES.indexOf(ex.category);
  const labels = [y, ...(ex.secondary ?? []).map((c) => CATEGORIES.indexOf(c))];
  return { idx: Int32Array.from(byBucket.keys()), val: Float64Array.from(byBucket.values()), y, labels, priors: priorBuckets.size };
}

function pack(head: DenseHead, rows: number[], classes: number): PackedHead {
  const scale = Array.from({ length: classes }, (_, c) => {
    let max = 0;
    for (const r of rows) max = Math.max(max, Math.abs(head.w[r * classes + c] as number));
    return max > 0 ? max / 127 : 1;
  });
  const q = new Int8Array(rows.length * classes);
  rows.forEach((r, i) => {
    for (let c = 0; c < classes; c++) q[i * classes + c] = Math.round((head.w[r * classes + c] as number) / (scale[c] as number));
  });
  return { bias: Array.from(head.b), scale, weights: Buffer.from(q.buffer).toString('base64') };
}

export function trainClassifier(examples: TrainExample[], opts: TrainOptions = {}): ClassifierModel {
  const dim = opts.dim ?? 1 << 18;
  const keep = opts.keep ?? 12000;
  const sgd: SgdOptions = { ...DEFAULT_SGD, ...opts };
  const classes = CATEGORIES.length;
  // Deterministic split by a seeded hash of the letter's group (or index) for calibration.
  const share = opts.heldOut ?? 0.15;
  const isHeld = (ex: TrainExample, i: number) => hashFeature(`${sgd.seed}:${ex.group ?? `#${i}`}`, 1 << 20) < share * (1 << 20);
  const held = examples.filter(isHeld);
  const train = examples.filter((ex, i) => !isHeld(ex, i)).map((ex) => toSparse(ex, dim));

  const runs = Math.max(1, opts.ensemble ?? 1);
  const primary = trainHead(train, dim, classes, 'softmax', sgd);
  for (let r = 1; r < runs; r++) {
    const extra = trainHead(train, dim, classes, 'softmax', { ...sgd, seed: sgd.seed + 101 * r });
    for (let j = 0; j < primary.w.length; j++) primary.w[j] = (primary.w[j] as number) + (extra.w[j] as number);
    for (let c = 0; c < classes; c++) primary.b[c] = (primary.b[c] as number) + (extra.b[c] as number);
  }
  for (let j = 0; j < primary.w.length; j++) primary.w[j] = (primary.w[j] as number) / runs;
  for (let c = 0; c < classes; c++) primary.b[c] = (primary.b[c] as number) / runs;
  // NB and LR log-odds added: still one linear head, so the shipped format and inference stay.
  const nbWeight = opts.naiveBayes ?? 1;
  if (nbWeight > 0) {
    const nbSet = examples.filter((ex, i) => !isHeld(ex, i)).map((ex) => toSparse(ex, dim, true));
    const nb = trainComplementNb(nbSet, dim, classes, { alpha: 0.1 });
    for (let j = 0; j < primary.w.length; j++) primary.w[j] = (primary.w[j] as number) + nbWeight * (nb.w[j] as number);
  }
  const secondary = trainHead(train, dim, classes, 'ovr', sgd);
  // Softmax is unchanged by a per-feature constant: centring makes the norm reflect discrimination.
  const norms: [number, number][] = [];
  for (let r = 0; r < dim; r++) {
    let mean = 0;
    for (let c = 0; c < classes; c++) mean += primary.w[r * classes + c] as number;
    mean /= classes;
    let n = 0;
    for (let c = 0; c < classes; c++) {
      primary.w[r * classes + c] = (primary.w[r * classes + c] as number) - mean;
      n += (primary.w[r * classes + c] as number) ** 2 + 0.5 * (secondary.w[r * classes + c] as number) ** 2;
    }
    if (n > 0) norms.push([r, n]);
  }
  const rows = norms.sort((a, b) => b[1] - a[1]).slice(0, keep).map(([r]) => r).sort((a, b) => a - b);

  const model: ClassifierModel = {
    format: 'mailroom-logreg-v1',
    categories: [...CATEGORIES],
    dim,
    buckets: Buffer.from(Uint32Array.from(rows).buffer).toString('base64'),
    primary: pack(primary, rows, classes),
    secondary: pack(secondary, rows, classes),
    temperature: 1,
    secondaryThreshold: 0.5,
    metrics: { heldOutSize: held.length, heldOutAccuracy: NaN, heldOutEce: NaN, trainSize: train.length },
  };
  if (held.length === 0) return model;

  const drop = opts.calibrationDropout ?? sgd.dropout;
  const scored = held.map((ex, i) => scoreFeatures(model, hideWording(extractFeatures(ex.text), drop, sgd.seed + i)));
  const labels = held.map((ex) => CATEGORIES.indexOf(ex.category));
  model.temperature = fitTemperature(scored.map((s) => s.logits), labels);
  const probs = scored.map((s) => softmax(s.logits, model.temperature));
  const pred = probs.map((p) => p.indexOf(Math.max(...p)));
  model.metrics.heldOutAccuracy = pred.filter((p, i) => p === labels[i]).length / held.length;
  model.metrics.heldOutEce = expectedCalibrationError(probs.map((p) => Math.max(...p)), pred.map((p, i) => p === labels[i]));
  // In-style held-out letters flatter the one-vs-rest head; never go below even odds on new wording.
  model.secondaryThreshold = Math.max(opts.minSecondaryThreshold ?? 0.5, tuneSecondaryThreshold(held, scored.map((s) => s.secondaryLogits), pred));
  return model;
}

function hideWording(features: Feature[], share: number, seed: number): Feature[] {
  if (share <= 0) return features;
  const keepScale = 1 / (1 - share);
  return features.flatMap((f) => {
    if (isPriorFeature(f.name)) return [f];
    return hashFeature(`${seed}|${f.name}`, 1 << 20) / (1 << 20) < share ? [] : [{ name: f.name, value: f.value * keepScale }];
  });
}

/** Threshold on the one-vs-rest probability maximising secondary-intent F1 on held-out letters. */
function tuneSecondaryThreshold(held: TrainExample[], sLogits: number[][], pred: number[]): number {
  const truth = held.map((ex) => new Set((ex.secondary ?? []).map((c) => CATEGORIES.indexOf(c))));
  if (truth.every((t) => t.size === 0)) return 0.5;
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.81; t += 0.05) {
    let tp = 0, fp = 0, fn = 0;
    held.forEach((_, i) => {
      const chosen = new Set(
        (sLogits[i] as number[]).flatMap((z, c) => (c !== pred[i] && CATEGORIES[c] !== 'OTHER' && sigmoid(z) >= t ? [c] : [])),
      );
      for (const c of chosen) (truth[i]!.has(c) ? tp++ : fp++);
      for (const c of truth[i]!) if (!chosen.has(c)) fn++;
    });
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    if (f1 > best.f1 + 1e-9) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best.t;
}
