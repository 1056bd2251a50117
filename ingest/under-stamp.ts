// Typing seen through a stamp, and the stamp's own ink, told apart by lightness against the stamp.
// max(R,G,B) (colour-dropout.ts) drops light pad ink and keeps black typing under it, but fails
// two ways. Ink that covers instead of darkening (pigment pads, a stamp pasted over the text by a
// scanner's software, synthetic scans composited "over") leaves the typing as a darker shade of the
// stamp's colour, lifted towards white with the stamp: a paragraph under a red stamp was lost
// (blind test AJ; at 75 % cover the customer number and invoice lines went, even on PNG). And JPEG
// halves the chroma of thin strokes, so a violet stamp's max() fell from 179 to ~150 and it stayed
// as a 160-200 grey ghost. JPEG keeps luma at full resolution, though: pixels of the stamp's hue are
// judged by their luma against the stamp's median luma, darker by a third or more being typing.

/** Fully coloured samples of the dominant hue that make the page's estimate. */
const MIN_SAMPLES = 200;
/** Hue bins (degrees) for finding the stamp's ink, and how far from it a pixel still counts as that ink. */
const HUE_BIN = 10;
export const HUE_TOLERANCE = 20;
/** Inks told apart on one page. */
export const MAX_INKS = 3;
/**
 * Shares of the stamp's luma from which a pixel of its hue is shown dark (typing) to fully white
 * (stamp): typing under a stamp covering it at 75 % sits near 0.75, the stamp's body at 0.9-1.1,
 * typing under pad ink that darkens it below 0.5.
 */
const TYPING_BELOW = 0.65;
const STAMP_FROM = 0.9;

export interface StampInk {
  /** Hue in degrees. */
  hue: number;
  /** Median luma of the ink. */
  luma: number;
}

/** HSV hue in degrees of a pixel whose channels are not all equal. */
export function hueOf(r: number, g: number, b: number, max: number, min: number): number {
  const d = max - min;
  const h = r === max ? (g - b) / d : g === max ? 2 + (b - r) / d : 4 + (r - g) / d;
  return h < 0 ? h * 60 + 360 : h * 60;
}

/**
 * The densest ink among the samples not yet `taken`: the window of hue bins (`spread` bins either
 * side of one) holding most of them (at least `minWindow`), centred on its circular mean; every
 * untaken sample within HUE_TOLERANCE of that centre is taken and listed. Null when no window holds enough.
 */
export function nextHueCluster(hues: Float32Array, count: number, taken: Uint8Array, minWindow: number, spread: 0 | 1): { hue: number; members: number[] } | null {
  const bins = new Uint32Array(360 / HUE_BIN);
  for (let k = 0; k < count; k++) if (!taken[k]) bins[Math.floor(hues[k]! / HUE_BIN) % bins.length]!++;
  const offsets = spread ? [-1, 0, 1] : [0];
  const window = (b: number) => offsets.reduce((sum, d) => sum + bins[(b + d + bins.length) % bins.length]!, 0);
  let peak = 0;
  for (let b = 1; b < bins.length; b++) if (window(b) > window(peak)) peak = b;
  if (window(peak) < minWindow) return null;
  const hue = spread ? circularMean(bins, peak) : (peak + 0.5) * HUE_BIN;
  const members: number[] = [];
  for (let k = 0; k < count; k++)
    if (!taken[k] && hueDistance(hues[k]!, hue) <= HUE_TOLERANCE) {
      taken[k] = 1;
      members.push(k);
    }
  return { hue, members };
}

/**
 * The coloured inks among `count` samples (hue, luma of fully coloured pixels in the dropout's
 * tiles), most plentiful first: a page carries a stamp and a signature, or two stamps, in different
 * inks (blind test AK: a blue signature outnumbered a violet stamp's ring, which was then lifted by
 * max() alone and stayed as a grey ghost).
 */
export function stampInks(hues: Float32Array, lumas: Uint8Array, count: number): StampInk[] {
  const inks: StampInk[] = [];
  const taken = new Uint8Array(count);
  for (let round = 0; round < MAX_INKS; round++) {
    const cluster = nextHueCluster(hues, count, taken, MIN_SAMPLES, 1);
    if (!cluster || cluster.members.length < MIN_SAMPLES) break;
    const sorted = cluster.members.map((k) => lumas[k]!).sort((a, b) => a - b);
    inks.push({ hue: cluster.hue, luma: Math.max(1, sorted[Math.ceil(sorted.length / 2) - 1]!) });
  }
  return inks;
}

/** The centre of mass of bins peak-1..peak+1 on the hue circle, in degrees. */
function circularMean(bins: Uint32Array, peak: number): number {
  let sx = 0, sy = 0;
  for (const d of [-1, 0, 1]) {
    const b = (peak + d + bins.length) % bins.length;
    const a = ((b + 0.5) * HUE_BIN * Math.PI) / 180;
    sx += bins[b]! * Math.cos(a);
    sy += bins[b]! * Math.sin(a);
  }
  return ((Math.atan2(sy, sx) * 180) / Math.PI + 360) % 360;
}

export const hueDistance = (a: number, b: number): number => {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
};

/** Grey for a pixel of the stamp's hue: its luma stretched between typing and stamp. */
export function shadeAgainstStamp(ink: StampInk, luma: number): number {
  const lo = TYPING_BELOW * ink.luma;
  const hi = STAMP_FROM * ink.luma;
  return Math.round(255 * Math.min(1, Math.max(0, (luma - lo) / (hi - lo))));
}

/** The ink of this hue among the page's, if any. */
export function inkOfHue(inks: readonly StampInk[], hue: number): StampInk | null {
  for (const ink of inks) if (hueDistance(hue, ink.hue) <= HUE_TOLERANCE) return ink;
  return null;
}
