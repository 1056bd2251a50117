// Retraining's CPU work, run on a worker thread (core/retrain-job.ts starts it): generating the
// synthetic base and fitting two models takes about a minute of CPU, which on the service's own
// event loop stalled the API, the workers' lock renewals and the inbox watcher for that minute.
import { parentPort, workerData } from 'node:worker_threads';
import { createRng } from '../fixtures/generator/rng.js';
import { generateCustomers } from '../fixtures/generator/customers.js';
import { shippedTrainingSet } from './training-data.js';
import { retrainWithCorrections, type CorrectedLetter, type RetrainOutcome } from './retrain.js';
import type { ClassifierModel } from './model.js';

export interface RetrainRequest {
  current: ClassifierModel;
  corrections: CorrectedLetter[];
  /** Generator letters per wording style in the synthetic base. */
  perStyle: number;
}

export type RetrainReply = { ok: true; outcome: RetrainOutcome } | { ok: false; error: string };

/** The same base the shipped model was trained on (same seed), plus the advisers' corrections. */
export function retrain(r: RetrainRequest): RetrainOutcome {
  const rng = createRng('mailroom-classifier-v1');
  const base = shippedTrainingSet(rng, r.perStyle, generateCustomers(rng.fork('customers'), 400));
  return retrainWithCorrections(r.current, r.corrections, base);
}

const request = (workerData as { retrain?: RetrainRequest } | null)?.retrain;
if (parentPort && request) {
  let reply: RetrainReply;
  try {
    reply = { ok: true, outcome: retrain(request) };
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) };
  }
  parentPort.postMessage(reply);
}
