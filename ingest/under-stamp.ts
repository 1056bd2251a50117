// Typing seen through a stamp. Pad ink printed over toner (multiply) leaves the typing black, and
// max(R,G,B) keeps it dark. Ink that covers instead (pigment pads, a stamp pasted over the text by
// a scanner's software, synthetic scans composited "over") leaves the typing as a darker shade of
// the stamp's own colour: its max() sits at 70-85 % of the stamp's, inside the absolute lift ramp,
// so the typing was lifted towards white with the stamp and a paragraph under a red stamp was lost
// (blind test AJ; a red stamp at 75 % cover lost the customer number and invoice lines even on PNG).
// The cure is relative: a coloured pixel clearly darker than the stamp around it is typing.

/** Lowest max() counted as a stamp's body, and how many samples make the page's estimate. */
const BODY_FROM = 120;
const MIN_SAMPLES = 200;
/**
 * Shares of the stamp's max() from which a coloured pixel is shown dark (typing) to fully white
 * (stamp): typing under 75 % cover sits near 0.71, the stamp's unevenly inked body 0.9-1.1.
 */
const TYPING_BELOW = 0.6;
const STAMP_FROM = 0.9;

/** The median of a histogram of max(R,G,B) of fully coloured ink in the dropout's tiles: the stamp's (or pen's) own brightness; null when too few. */
export function stampBrightness(max: Uint32Array): number | null {
  let total = 0;
  for (let m = BODY_FROM; m < 256; m++) total += max[m]!;
  if (total < MIN_SAMPLES) return null;
  let seen = 0;
  for (let m = BODY_FROM; m < 256; m++) {
    seen += max[m]!;
    if (seen * 2 >= total) return m;
  }
  return null;
}

/**
 * What coloured ink of each max() becomes on this page: the absolute lift (`lifted`), but never
 * lighter than the shade relative to the stamp's brightness. Ink as bright as the stamp goes white
 * either way; pen on a form is its own reference, so its values are no lighter than before.
 */
export function liftUnderStamp(lifted: Uint8Array, brightness: number | null): Uint8Array {
  if (brightness === null) return lifted;
  const out = new Uint8Array(256);
  const lo = TYPING_BELOW * brightness;
  const hi = STAMP_FROM * brightness;
  for (let m = 0; m < 256; m++) {
    // A stretch, not a lift: typing at 0.7 of the stamp must come out dark enough for binarisation.
    out[m] = Math.min(lifted[m]!, Math.round(255 * Math.min(1, Math.max(0, (m - lo) / (hi - lo)))));
  }
  return out;
}
