import type { Db } from './db.js';
import { createRng } from '../fixtures/generator/rng.js';
import { generateCustomers } from '../fixtures/generator/customers.js';
import { shippedTrainingSet } from '../classifier/training-data.js';
import { retrainWithCorrections } from '../classifier/retrain.js';
import { activeModel, correctedLetters, saveModel } from '../classifier/model-store.js';

// `mailroom retrain` and the scheduled retraining: advisers' corrections plus the synthetic corpus
// the shipped model was trained on; the new model is kept only if it does at least as well.

export interface RetrainSummary {
  modelId: number;
  accepted: boolean;
  corrections: number;
  trainSize: number;
  heldOutSize: number;
  currentMacroF1: number;
  proposedMacroF1: number;
  currentAccuracyOnCorrections: number | null;
  proposedAccuracyOnCorrections: number | null;
}

export async function runRetraining(db: Db, opts: { perStyle?: number } = {}): Promise<RetrainSummary> {
  const corrections = await correctedLetters(db);
  const { model: current } = await activeModel(db);
  const rng = createRng('mailroom-classifier-v1');
  const base = shippedTrainingSet(rng, opts.perStyle ?? 2000, generateCustomers(rng.fork('customers'), 400));
  const o = retrainWithCorrections(current, corrections, base);
  const summary = {
    accepted: o.accepted,
    corrections: corrections.length,
    trainSize: o.trainSize,
    heldOutSize: o.heldOutSize,
    currentMacroF1: round(o.current.macroF1),
    proposedMacroF1: round(o.proposed.macroF1),
    currentAccuracyOnCorrections: o.currentOnCorrections ? round(o.currentOnCorrections.accuracy) : null,
    proposedAccuracyOnCorrections: o.proposedOnCorrections ? round(o.proposedOnCorrections.accuracy) : null,
  };
  // Rejected candidates are recorded too (without weights): the history shows every attempt.
  const modelId = await saveModel(db, { accepted: o.accepted, corrections: corrections.length, metrics: summary, model: o.accepted ? o.candidate : null });
  return { modelId, ...summary };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
