// The shipped category model: a pruned, int8-quantised logistic regression in plain JSON, plus the
// inference that turns a letter's text into a Classification.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category, type Classification } from '../core/types.js';
import { extractFeatures, hashFeature, readLetter, type Feature } from './features.js';
import { settleWithStatement } from './stated-lead.js';
import { noticeOnlyReported } from './reported-notice.js';
import { parseStatedTermDays } from './legal-term.js';
import { parseStatedDueDate } from './legal-date.js';
import { sigmoid, softmax } from './sgd.js';

export { trainClassifier, type TrainExample, type TrainOptions } from './model-fit.js';

export interface PackedHead {
  bias: number[];
  /** Per-class multiplier turning the int8 weights back into floats. */
  scale: number[];
  /** base64 of Int8 weights, buckets x classes, row-major by bucket. */
  weights: string;
}

export interface ClassifierModel {
  format: 'mailroom-logreg-v1';
  categories: Category[];
  /** Size of the hashed feature space (power of two). */
  dim: number;
  /** base64 of the Uint32 bucket ids that survived pruning, ascending. */
  buckets: string;
  primary: PackedHead;
  secondary: PackedHead;
  temperature: number;
  secondaryThreshold: number;
  metrics: { heldOutSize: number; heldOutAccuracy: number; heldOutEce: number; trainSize: number };
}

interface Decoded {
  row: Map<number, number>;
  primary: Float32Array;
  secondary: Float32Array;
}

const decodedCache = new WeakMap<ClassifierModel, Decoded>();

function unpackHead(head: PackedHead, classes: number): Float32Array {
  // Small buffers live inside Node's shared pool: copy exactly this one's bytes.
  const buf = Buffer.from(head.weights, 'base64');
  const q = new Int8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (q[i] as number) * (head.scale[i % classes] as number);
  return out;
}

function decode(model: ClassifierModel): Decoded {
  let d = decodedCache.get(model);
  if (d) return d;
  const buf = Buffer.from(model.buckets, 'base64');
  const ids = new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const classes = model.categories.length;
  d = { row: new Map(Array.from(ids, (id, i) => [id, i])), primary: unpackHead(model.primary, classes), secondary: unpackHead(model.secondary, classes) };
  decodedCache.set(model, d);
  return d;
}

/** Raw (untempered) primary logits and secondary sigmoid logits, plus per-feature contributions. */
export function scoreFeatures(model: ClassifierModel, features: Feature[]) {
  const d = decode(model);
  const classes = model.categories.length;
  const z = Float64Array.from(model.primary.bias);
  const zs = Float64Array.from(model.secondary.bias);
  const used: { name: string; row: number; value: number }[] = [];
  for (const f of features) {
    const row = d.row.get(hashFeature(f.name, model.dim));
    if (row === undefined) continue;
    used.push({ name: f.name, row, value: f.value });
    for (let c = 0; c < classes; c++) {
      z[c] = (z[c] as number) + (d.primary[row * classes + c] as number) * f.value;
      zs[c] = (zs[c] as number) + (d.secondary[row * classes + c] as number) * f.value;
    }
  }
  const contribution = (c: number) =>
    used.map((u) => ({ feature: u.name, weight: (d.primary[u.row * classes + c] as number) * u.value }));
  return { logits: Array.from(z), secondaryLogits: Array.from(zs), contribution };
}

export function classify(model: ClassifierModel, text: string): Classification {
  const read = readLetter(text);
  const features = extractFeatures(text, read);
  const { logits, secondaryLogits, contribution } = scoreFeatures(model, features);
  const p = softmax(logits, model.temperature);
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  // A second intent must also be said in the domain's own words: the one-vs-rest head alone fires on
  // wording that merely resembles another category's letters. The kw: prior features are exactly
  // the categories with lexicon hits, so the masked text is not tokenised and searched again.
  const lexicon = new Set(features.filter((f) => f.name.startsWith('kw:')).map((f) => f.name.slice(3)));
  const weighed = model.categories.filter(
    (cat, c) => c !== best && cat !== 'OTHER' && lexicon.has(cat) && sigmoid(secondaryLogits[c] as number) >= model.secondaryThreshold,
  ).filter((cat) => cat !== 'CANCELLATION' || !noticeOnlyReported(read.ownTokens));
  const { category, confidence, secondary, said } = settleWithStatement(model.categories, p, best, weighed, read, text);
  // What decided is what favours the chosen category over the runner-up: a topic both share (money
  // words in a complaint about a bill) explains nothing between them (blind test K).
  // A category the writer's statement chose is explained against the one the model preferred.
  const chosen = model.categories.indexOf(category);
  let runnerUp = best === 0 ? 1 : 0;
  for (let c = 0; c < p.length; c++) if (c !== best && (p[c] as number) > (p[runnerUp] as number)) runnerUp = c;
  const against = contribution(chosen === best ? runnerUp : best);
  const explanation = contribution(chosen)
    .map((e, i) => ({ feature: e.feature, weight: e.weight - (against[i]?.weight ?? 0) }))
    // Another category's domain words push the runner-up down rather than this one up: an auditor
    // reads "kw:LEGAL" under a complaint as the reason, so they are not listed.
    .filter((e) => e.weight > 0 && e.feature !== 'bias:1' && !otherCategoryWords(e.feature, category))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 8)
    .map((e) => ({ feature: e.feature, weight: Math.round(e.weight * 1000) / 1000 }));
  const isLegal = category === 'LEGAL' || secondary.includes('LEGAL');
  return {
    category,
    confidence,
    secondary,
    explanation: said ? [{ feature: `said:${category}`, weight: 1 }, ...explanation]
      : explanation.length > 0 ? explanation : [{ feature: 'prior', weight: 0 }],
    statedTermDays: isLegal ? parseStatedTermDays(text) : null,
    statedDueDate: isLegal ? parseStatedDueDate(text) : null,
    alternatives: model.categories.map((cat, c) => ({ cat, p: p[c] as number }))
      .filter(({ cat, p: q }) => cat !== category && q >= ALTERNATIVE_SHARE).sort((a, b) => b.p - a.p).map(({ cat }) => cat),
  };
}

/** Belief that makes a category an alternative a person's triage must respect (Classification.alternatives). */
const ALTERNATIVE_SHARE = 0.2;

function otherCategoryWords(feature: string, category: Category): boolean {
  return feature.startsWith('kw:') && feature !== `kw:${category}` && (CATEGORIES as readonly string[]).includes(feature.slice(3));
}

let defaultModel: ClassifierModel | null = null;

/** Reads classifier/model.json (committed; rebuilt by `node bin/run-ts.js classifier/train.ts`). */
export function loadDefaultModel(): ClassifierModel {
  if (defaultModel) return defaultModel;
  const path = fileURLToPath(new URL('./model.json', import.meta.url));
  const model = JSON.parse(readFileSync(path, 'utf8')) as ClassifierModel;
  if (model.format !== 'mailroom-logreg-v1' || model.categories.join() !== CATEGORIES.join()) {
    throw new Error(`classifier/model.json is not a ${CATEGORIES.length}-category mailroom-logreg-v1 model; retrain it`);
  }
  defaultModel = model;
  return model;
}
