// Forms ask for one block capital per box ("JEDNA LITERA W KRATCE"). The boxes' sides stand right
// beside the letters, and tesseract reads them as part of them: "4603350718" in boxes came out
// "416.013 315 017.118)", a surname and a PESEL were lost too (blind test H). A row of boxes is two
// long horizontal rules a box's height apart with short uprights between them that run the whole
// height, which no letter does (letters keep a margin inside their box): rules and uprights are
// whitened, the letters stay.
import { whiten, type Raw } from './page-image.js';

const MIN_RULE_MM = 12;
const MAX_RULE_THICK_MM = 0.8;
const BOX_MIN_MM = 3;
const BOX_MAX_MM = 12;
/** Share of a box's height an upright covers: box sides all of it, letters much less. */
const UPRIGHT_COVER = 0.92;
const MIN_UPRIGHTS = 3;

interface Rule {
  y0: number; y1: number; x0: number; x1: number;
}

/** Horizontal rules: runs of ink at least MIN_RULE_MM long, stacked over at most MAX_RULE_THICK_MM of rows. */
function rules(r: Raw, threshold: number, mm: number): Rule[] {
  const { data, width: w, height: h } = r;
  const minLen = MIN_RULE_MM * mm;
  const open: Rule[] = [];
  const done: Rule[] = [];
  for (let y = 0; y < h; y++) {
    // Runs of ink, a gap of a pixel or two (scan noise, a faint join) bridged.
    const runs: [number, number][] = [];
    let start = -1, last = -10;
    for (let x = 0; x <= w; x++) {
      const ink = x < w && data[y * w + x]! <= threshold;
      if (ink) {
        if (start < 0 || x - last > 3) {
          if (start >= 0 && last - start + 1 >= minLen) runs.push([start, last]);
          start = x;
        }
        last = x;
      }
    }
    if (start >= 0 && last - start + 1 >= minLen) runs.push([start, last]);
    for (let i = open.length - 1; i >= 0; i--) {
      const rule = open[i]!;
      const k = runs.findIndex(([a, b]) => a <= rule.x1 && b >= rule.x0);
      if (k >= 0 && y === rule.y1 + 1) {
        const [a, b] = runs.splice(k, 1)[0]!;
        rule.y1 = y;
        rule.x0 = Math.min(rule.x0, a);
        rule.x1 = Math.max(rule.x1, b);
      } else if (y > rule.y1 + 1) done.push(...open.splice(i, 1));
    }
    for (const [a, b] of runs) open.push({ y0: y, y1: y, x0: a, x1: b });
  }
  return [...done, ...open].filter((q) => q.y1 - q.y0 + 1 <= MAX_RULE_THICK_MM * mm);
}

/** Whitens rows of boxes; returns the number of uprights erased. */
export function eraseCombBoxes(r: Raw, dpi: number, threshold: number): number {
  const mm = dpi / 25.4;
  const { data, width: w } = r;
  const found = rules(r, threshold, mm).sort((a, b) => a.y0 - b.y0);
  let erased = 0;
  for (const top of found) {
    for (const bottom of found) {
      const gap = bottom.y0 - top.y1 - 1;
      if (gap < BOX_MIN_MM * mm || gap > BOX_MAX_MM * mm) continue;
      const x0 = Math.max(top.x0, bottom.x0), x1 = Math.min(top.x1, bottom.x1);
      if (x1 - x0 < MIN_RULE_MM * mm) continue;
      const uprights: [number, number][] = [];
      for (let x = x0; x <= x1; x++) {
        let ink = 0;
        for (let y = top.y1 + 1; y < bottom.y0; y++) if (data[y * w + x]! <= threshold) ink++;
        if (ink < UPRIGHT_COVER * gap) continue;
        const last = uprights.at(-1);
        if (last && last[1] === x - 1) last[1] = x;
        else uprights.push([x, x]);
      }
      const thin = uprights.filter(([a, b]) => b - a + 1 <= MAX_RULE_THICK_MM * mm);
      if (thin.length < MIN_UPRIGHTS) continue;
      for (const [a, b] of thin) whiten(r, a - 1, b + 1, top.y0, bottom.y1);
      whiten(r, x0, x1, top.y0 - 1, top.y1 + 1);
      whiten(r, x0, x1, bottom.y0 - 1, bottom.y1 + 1);
      erased += thin.length;
    }
  }
  return erased;
}
