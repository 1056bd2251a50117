// Hand-written corpus letters as scans: the filled text is typeset with the fixtures generator's
// renderer, marked and degraded with a scanner condition, encoded in a scanner's file format and
// decoded again by mailroom's ingest, so the OCR level of bench:understanding reads the same kind
// of page images the pipeline's OCR stage receives.
import { decodeScan } from '../ingest/decode-scan.js';
import type { PageImage } from '../core/types.js';
import type { Rng } from '../fixtures/generator/rng.js';
import { availableFonts, renderLetter, type FontKind, type GrayPage } from '../fixtures/generator/render.js';
import { degrade, degradationLabels, type Degradation } from '../fixtures/generator/degrade.js';
import { randomDegradation } from '../fixtures/generator/plan.js';
import { encodePages, OUTPUT_FORMATS, type OutputFormat } from '../fixtures/generator/encode.js';
import { applyMarks } from '../fixtures/generator/marks.js';
import type { LayoutLine } from '../fixtures/generator/letter-layout.js';
import { drawTypeSize } from '../fixtures/generator/build.js';

export interface ScanCondition {
  format: OutputFormat;
  dpi: 300 | 200;
  font: FontKind;
  fontFile: string;
  sizePt: number;
  lineSpacing: number;
  marginMm: number;
  degradation: Degradation;
  marks: { stamp: boolean; signature: boolean; folds: boolean };
}

/**
 * A scanner condition drawn the way the fixtures generator draws its letters (font kinds, 75 %
 * at 300 dpi, randomDegradation for the format); the formats are equally likely here, so bitonal
 * G4 TIFFs and PNGs without a dpi get their share of the corpus.
 */
export function pickCondition(rng: Rng): ScanCondition {
  const format = rng.pick(OUTPUT_FORMATS);
  const font = rng.weighted([['serif', 0.35], ['sans', 0.35], ['typewriter', 0.3]] as const);
  const typewriter = font === 'typewriter';
  return {
    format, dpi: rng.chance(0.75) ? 300 : 200, font, fontFile: rng.pick(availableFonts(font)),
    ...drawTypeSize(rng, typewriter),
    marginMm: rng.int(20, 25),
    degradation: randomDegradation(rng, format),
    marks: { stamp: rng.chance(0.5), signature: rng.chance(0.85), folds: rng.chance(0.4) },
  };
}

/** Short labels for the condition mix, named as in the fixtures manifest. */
export function conditionLabels(c: ScanCondition): string[] {
  const out = [`${c.dpi}dpi`, c.format, c.font, ...degradationLabels(c.degradation)];
  if (c.marks.stamp) out.push('stamp');
  return out;
}

/**
 * The corpus text as layout lines: its own line breaks are kept; a line too long for one printed
 * row is a paragraph the renderer wraps, shorter ones (address block, closing) stay single rows.
 */
export function corpusLayout(text: string): LayoutLine[] {
  const lines: LayoutLine[] = text.split('\n').map((raw) => {
    const t = raw.trim();
    if (!t) return { text: '', align: 'left', role: 'blank' };
    return { text: t, align: 'left', role: t.length > 50 ? 'body' : 'header' };
  });
  // The signature goes by the last line, which in the corpus is the sender's name.
  const last = [...lines].reverse().find((l) => l.role !== 'blank');
  if (last) last.signature = true;
  return lines;
}

function fileName(c: ScanCondition, k: number): string {
  return `scan-${k}.${c.format.startsWith('png') ? 'png' : c.format === 'jpeg' ? 'jpg' : c.format === 'pdf' ? 'pdf' : 'tif'}`;
}

/** Renders, marks, degrades and encodes a letter, then decodes it as ingest does: the pages the OCR stage reads. */
export async function scanLetter(rng: Rng, text: string, c: ScanCondition): Promise<PageImage[]> {
  const clean = renderLetter(corpusLayout(text), {
    dpi: c.dpi, fontFile: c.fontFile, typewriter: c.font === 'typewriter', sizePt: c.sizePt,
    lineSpacing: c.lineSpacing, marginMm: c.marginMm, rng,
  });
  const pages: GrayPage[] = [];
  for (const [k, page] of clean.entries()) {
    const at = page.signatureAt;
    const marked = applyMarks(rng, page, {
      stamp: c.marks.stamp && k === 0 ? ['WPŁYNĘŁO', '20.11.2026'] : undefined,
      signatureAt: c.marks.signature && at ? { x: at.x + at.w + (page.dpi / 25.4) * 3, y: at.y + at.h * 0.4 } : undefined,
      folds: c.marks.folds,
    });
    // Each sheet lies a little differently on the glass.
    const skew = c.degradation.skewDeg === undefined ? undefined : c.degradation.skewDeg + rng.gauss() * 0.3;
    pages.push(await degrade(rng, marked, { ...c.degradation, skewDeg: skew }));
  }
  // One-page formats: a scanner writes one file per sheet.
  const multi = c.format === 'pdf' || c.format.startsWith('tiff');
  const files = multi ? [pages] : pages.map((p) => [p]);
  const out: PageImage[] = [];
  for (const [k, group] of files.entries()) out.push(...(await decodeScan(await encodePages(group, c.format), fileName(c, k))));
  return out;
}
