import { Worker } from 'node:worker_threads';
import type { Db } from './db.js';
import type { RetrainOutcome } from '../classifier/retrain.js';
import type { RetrainReply, RetrainRequest } from '../classifier/retrain-thread.js';
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
  const o = await retrainOnThread({ current, corrections, perStyle: opts.perStyle ?? 2000 });
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

/** Runs classifier/retrain-thread.ts on a worker thread; the database stays with this thread. */
function retrainOnThread(request: RetrainRequest): Promise<RetrainOutcome> {
  const entry = new URL('../classifier/retrain-thread.ts', import.meta.url).href;
  const worker = new Worker(new URL('../bin/ts-worker.js', import.meta.url), { workerData: { entry, retrain: request } });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: RetrainReply) => {
      settled = true;
      if (reply.ok) resolve(reply.outcome);
      else reject(new Error(`retraining failed: ${reply.error}`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`retraining thread ended (exit code ${code}) without a result`));
    });
  });
}
