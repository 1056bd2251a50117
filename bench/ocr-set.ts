// The OCR benchmark's page set: generated once per (seed, size) into bench-out/ and reused, so
// repeated runs and the native engines all read the very same files.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateFixtures } from '../fixtures/generator/cli.js';
import type { ManifestDocument, ManifestFile } from '../fixtures/generator/build.js';
import { SCAN_RENDERER_VERSION } from '../fixtures/generator/renderer-version.js';

export interface BenchSet {
  dir: string;
  documents: ManifestDocument[];
  files: ManifestFile[];
}

/** Conditions the report breaks down by, in print order (`clean` is derived, see below). */
export const REPORT_CONDITIONS = [
  'clean', 'noisy', 'skewed', 'noisy|skewed', 'rotated180', 'rotated90', '200dpi', 'bitonal', 'typewriter',
  'lowcontrast', 'blurred', 'stamp', 'no-diacritics',
] as const;

/** Conditions that change how the page reads; marks and the letter's wording do not. */
const DEGRADING = ['200dpi', 'noisy', 'skewed', 'rotated180', 'rotated90', 'bitonal', 'lowcontrast', 'blurred', 'typewriter', 'no-dpi'];

/** A letter is `clean` when it is a 300 dpi grey scan with none of the degrading conditions. */
export function reportConditions(doc: ManifestDocument): string[] {
  const out = doc.conditions.filter((c) => (REPORT_CONDITIONS as readonly string[]).includes(c));
  if (!doc.conditions.some((c) => DEGRADING.includes(c))) out.unshift('clean');
  // The goals name noisy or skewed letters together.
  if (doc.conditions.includes('noisy') || doc.conditions.includes('skewed')) out.push('noisy|skewed');
  return out;
}

/** Scanned resolution as the generator made it (also for PNGs that carry no dpi). */
export function scannedDpi(doc: ManifestDocument): number {
  return doc.conditions.includes('200dpi') ? 200 : 300;
}

export const letterPages = (set: BenchSet) => set.documents.reduce((n, d) => n + d.pages.length, 0);

/**
 * Generates `letters` letters (each has at least one page, so at least that many letter pages)
 * with the fixtures generator, unless the folder already holds a finished set.
 */
export async function ensureBenchSet(root: string, seed: number, letters: number, log: (m: string) => void): Promise<BenchSet> {
  // The renderer version in the name: a set drawn by older generator code is not reused.
  const dir = join(root, `ocr-set-${seed}-${letters}-r${SCAN_RENDERER_VERSION}`);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    // A half-written folder from an interrupted run would mix files of two runs.
    await rm(dir, { recursive: true, force: true });
    log(`generating ${letters} letters (seed ${seed}) into ${dir} ...`);
    const t0 = Date.now();
    await generateFixtures({ out: dir, letters, seed, customers: 500, preset: 'random', receivedBy: '2026-11-20' });
    log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else log(`reusing ${dir}`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { documents: ManifestDocument[]; files: ManifestFile[] };
  return { dir, documents: manifest.documents, files: manifest.files };
}
