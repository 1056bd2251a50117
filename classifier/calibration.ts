// Temperature scaling (Guo et al., 2017): one scalar divides the logits so the softmax's top
// probability matches how often the top class is right on letters the weights never saw.
import { softmax } from './sgd.js';

function nll(allLogits: number[][], labels: number[], t: number): number {
  let total = 0;
  allLogits.forEach((z, i) => {
    const p = softmax(z, t)[labels[i] as number] as number;
    total -= Math.log(Math.max(p, 1e-12));
  });
  return total / Math.max(1, allLogits.length);
}

/**
 * Golden-section search for the temperature minimising held-out negative log-likelihood. When the
 * model ranks every held-out letter right, that likelihood only grows as the temperature falls, and
 * the search ran to its floor: a 20-times sharpened model, sure of everything, whose per-category
 * thresholds would never send a letter to people (seen on the generator-only model of the
 * understanding bench). Without a single error there is nothing to sharpen by: 1.
 */
export function fitTemperature(allLogits: number[][], labels: number[], lo = 0.05, hi = 20): number {
  if (allLogits.length === 0) return 1;
  const allRight = allLogits.every((z, i) => z.indexOf(Math.max(...z)) === labels[i]);
  if (allRight) return 1;
  const phi = (Math.sqrt(5) - 1) / 2;
  // Search in log space: temperatures multiply.
  let a = Math.log(lo);
  let b = Math.log(hi);
  for (let k = 0; k < 60; k++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (nll(allLogits, labels, Math.exp(c)) < nll(allLogits, labels, Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

/** Expected calibration error over equal-width confidence bins. */
export function expectedCalibrationError(confidences: number[], correct: boolean[], bins = 10): number {
  const n = confidences.length;
  if (n === 0) return 0;
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const members = confidences.map((c, i) => i).filter((i) => {
      const c = confidences[i] as number;
      return c > lo && (c <= hi || (b === bins - 1 && c >= hi));
    });
    if (members.length === 0) continue;
    const conf = members.reduce((s, i) => s + (confidences[i] as number), 0) / members.length;
    const acc = members.filter((i) => correct[i]).length / members.length;
    ece += (members.length / n) * Math.abs(conf - acc);
  }
  return ece;
}
