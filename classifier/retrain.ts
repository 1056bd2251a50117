import type { Category } from '../core/types.js';
import { classify, trainClassifier, type ClassifierModel } from './model.js';
import { evaluate, type EvalReport, type EvalRow } from './metrics.js';
import { hashFeature } from './features.js';
import type { TrainExample } from './model-fit.js';

// Learning from advisers: every category an adviser corrected is a real letter with a trusted
// label. A new model is trained on the synthetic corpus plus those letters and is used only if it
// scores at least as well as the current one on letters neither saw in training.

export interface CorrectedLetter {
  documentId: string;
  text: string;
  category: Category;
}

export interface RetrainOutcome {
  candidate: ClassifierModel;
  current: EvalReport;
  proposed: EvalReport;
  /** The same comparison on held-out corrected letters alone (null when there are none). */
  currentOnCorrections: EvalReport | null;
  proposedOnCorrections: EvalReport | null;
  accepted: boolean;
  trainSize: number;
  heldOutSize: number;
}

/** Real letters count more than synthetic ones: there are few of them and they are the post we get. */
const CORRECTION_WEIGHT = 3;

export function retrainWithCorrections(
  current: ClassifierModel,
  corrections: CorrectedLetter[],
  base: TrainExample[],
  opts: { heldOutShare?: number } = {},
): RetrainOutcome {
  const share = opts.heldOutShare ?? 0.3;
  // A stable split by document id, so a letter stays on its side across retraining runs.
  const heldOut = (key: string) => hashFeature(`held:${key}`, 1000) < share * 1000;
  const heldCorrections = corrections.filter((c) => heldOut(c.documentId));
  const trainCorrections = corrections.filter((c) => !heldOut(c.documentId));
  // Copies of one hand-written letter share a group and so a side: a held-out copy of a trained letter proves nothing.
  const baseKey = (ex: TrainExample, i: number) => ex.group ?? `base-${i}`;
  const heldBase = base.filter((ex, i) => heldOut(baseKey(ex, i)));
  const trainBase = base.filter((ex, i) => !heldOut(baseKey(ex, i)));
  const train: TrainExample[] = [
    ...trainBase,
    ...trainCorrections.flatMap((c) => Array.from({ length: CORRECTION_WEIGHT }, () => ({ text: c.text, category: c.category }))),
  ];
  const candidate = trainClassifier(train);
  const rows = (model: ClassifierModel, letters: { text: string; category: Category; secondary?: Category[] }[]): EvalRow[] =>
    letters.map((l) => {
      const c = classify(model, l.text);
      return { truth: l.category, predicted: c.category, confidence: c.confidence, truthSecondary: l.secondary ?? [], predictedSecondary: c.secondary, truthTerm: null, predictedTerm: null };
    });
  const held = [...heldBase, ...heldCorrections];
  const currentReport = evaluate(rows(current, held));
  const proposedReport = evaluate(rows(candidate, held));
  const onCorr = heldCorrections.length > 0;
  const currentOnCorrections = onCorr ? evaluate(rows(current, heldCorrections)) : null;
  const proposedOnCorrections = onCorr ? evaluate(rows(candidate, heldCorrections)) : null;
  const accepted =
    proposedReport.macroF1 >= currentReport.macroF1 &&
    (!onCorr || proposedOnCorrections!.accuracy >= currentOnCorrections!.accuracy);
  return {
    candidate,
    current: currentReport,
    proposed: proposedReport,
    currentOnCorrections,
    proposedOnCorrections,
    accepted,
    trainSize: train.length,
    heldOutSize: held.length,
  };
}
