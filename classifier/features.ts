// Letter text -> named sparse features. Names are kept (not just hashes) so a decision can be
// explained with the words that drove it.
import { prefix, stem, tokenize } from './normalize.js';
import { lexiconHits } from './lexicon.js';
import { detectInstitutionDocument } from './identifiers.js';
import { findNames } from './names.js';
import { maskAddresses } from './addresses.js';
import { requestCues } from './request-cues.js';
import { splitEnclosures } from './enclosed-text.js';
import { dropUntickedOptions } from './tick-boxes.js';

export interface Feature {
  name: string;
  value: number;
}

// Function words carry no topic; "nie" stays because "nie działa" is a fault and "nie zgadzam się" a complaint.
const STOP = new Set(
  'i w z na do ze sie o a oraz to jest sa od po za przez dla jak ze jako ktory ktora ktore tym tego ten ta te tej moj moja moje mnie mi ja my jego jej ich ze tez by byc bylo czy lub albo ale pan pani panstwo panstwa szanowni szanowny szanowna poniewaz'.split(' '),
);

// Measured on the hand-written corpus (5-fold and generator-only): priors twice as strong as a
// wording feature let one stray keyword outvote the letter; at 1 they still carry unseen wording.
const LEX_VALUE = 1;
const CHAR_VALUE = 0.35;

// "NIP 162-645-77-70", "PESEL: 72111503512": a register number with its label says whose letter,
// not what about. Masked with it since the postal line stopped swallowing "NIP" after a town
// (classifier (b) 5-fold light / heavy 0.832 / 0.807 without, 0.838 / 0.808 with).
const REGISTER_NUMBER = /\b(?:NIP|PESEL|REGON|KRS)\b[\s:.]*(?:PL)?[\s-]*\d[\d\s-]{5,16}\d/gi;

/**
 * Blanks people's names and addresses: they say who wrote, not what about, and a model that learns
 * "Kraków" or "Renata" from a few hundred letters has learnt noise.
 */
export function maskPersonalData(text: string): string {
  let out = maskAddresses(text).replace(REGISTER_NUMBER, (m) => ' '.repeat(m.length));
  for (const n of findNames(out)) out = out.slice(0, n.index) + ' '.repeat(n.length) + out.slice(n.index + n.length);
  return out;
}

// Wording that only an enclosure or a quotation carries counts half: the request is in the
// writer's own words (classifier/enclosed-text.ts).
const ENCLOSED_VALUE = 0.5;

function addWording(tokens: string[], weight: number, add: (name: string, v: number) => void): void {
  const words = tokens.filter((t) => t.length >= 2 && !STOP.has(t));
  const stems = words.map(stem);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const s = stems[i] as string;
    add(`w:${w}`, weight);
    add(`s:${s}`, weight);
    add(`p:${prefix(w)}`, weight);
    if (i > 0) add(`b:${stems[i - 1]}_${s}`, weight);
    // Character 4-grams survive the OCR damage that breaks whole-word features.
    if (w.length >= 5) {
      const padded = `_${w}_`;
      for (let j = 0; j + 4 <= padded.length; j++) add(`c:${padded.slice(j, j + 4)}`, CHAR_VALUE * weight);
    }
  }
}

/** A letter as the features see it: personal data blanked, its own words apart from what it encloses. */
export interface ReadLetter {
  masked: string;
  own: string;
  enclosed: string;
  ownTokens: string[];
}

export function readLetter(text: string): ReadLetter {
  // A form's unticked options ask for nothing (tick-boxes.ts).
  const masked = maskPersonalData(dropUntickedOptions(text));
  const { own, enclosed } = splitEnclosures(masked);
  return { masked, own, enclosed, ownTokens: tokenize(own) };
}

/** `read` when the caller has read the letter already (classify also looks for stated intents). */
export function extractFeatures(text: string, read: ReadLetter = readLetter(text)): Feature[] {
  const { masked, own, enclosed, ownTokens } = read;
  const feats = new Map<string, number>();
  const add = (name: string, v: number): void => {
    feats.set(name, Math.max(feats.get(name) ?? 0, v));
  };
  addWording(ownTokens, 1, add);
  if (enclosed) addWording(tokenize(enclosed), ENCLOSED_VALUE, add);
  // The same stems again where the letter says what it asks for (classifier/request-cues.ts).
  const cues = requestCues(own);
  for (const t of cues.subject) if (t.length >= 3 && !STOP.has(t)) add(`subj:${stem(t)}`, 1);
  for (const t of cues.request) if (t.length >= 3 && !STOP.has(t)) add(`req:${stem(t)}`, 1);
  // Unit length for the wording block: long letters must not be more confident just for being long.
  let norm = 0;
  for (const v of feats.values()) norm += v * v;
  const scale = 1 / Math.sqrt(norm || 1);
  const out: Feature[] = [...feats].map(([name, value]) => ({ name, value: value * scale }));
  // Prior features, outside the normalisation so a long letter does not dilute them. Evidence grows
  // with the number of distinct lexicon keys, saturating: one stray word is weak. Keys only an
  // enclosure carries count half.
  const ownHits = lexiconHits(ownTokens);
  const allHits = enclosed ? lexiconHits(tokenize(masked)) : ownHits;
  for (const [cat, hits] of allHits) {
    const mine = ownHits.get(cat) ?? 0;
    const evidence = mine + ENCLOSED_VALUE * Math.max(0, hits - mine);
    out.push({ name: `kw:${cat}`, value: LEX_VALUE * Math.min(1, evidence / 3) });
  }
  // Who wrote it is the strongest cue for legal mail, and it does not depend on wording. A court or
  // bailiff document only enclosed below the writer's own letter (an heir's copy of the probate
  // decision) is evidence for the writer's request, not the request (blind test AQ).
  const inst = detectInstitutionDocument(text);
  if (inst && enclosed && !detectInstitutionDocument(own)) out.push({ name: 'inst:enclosed', value: LEX_VALUE * ENCLOSED_VALUE });
  else if (inst) out.push({ name: 'inst:any', value: LEX_VALUE }, { name: `inst:${inst}`, value: LEX_VALUE * 0.5 });
  out.push({ name: 'bias:1', value: 1 });
  return out;
}

/** Prior features (lexicon, institution, bias) are never hidden by training-time dropout. */
export function isPriorFeature(name: string): boolean {
  return name.startsWith('kw:') || name.startsWith('inst:') || name === 'bias:1';
}

/** FNV-1a into a power-of-two feature space. */
export function hashFeature(name: string, dim: number): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h & (dim - 1);
}
