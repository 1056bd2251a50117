// Each phase's outcome is saved under <set>/results/, so `--report-only` can print one table from
// phases run in separate invocations (or re-score old readings after a change to the scoring).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchSet } from './ocr-set.js';
import type { PageReading } from './ocr-mailroom.js';
import { scoreTexts, type EngineResult } from './ocr-report.js';

/** In report order; `-native` phases are mailroom's own runs with MAILROOM_OCR_ENGINE=native (`--engine native`). */
export const PHASE_KEYS = ['mailroom', 'mailroom-native', 'tesseract', 'ocrmypdf', 'pipeline', 'pipeline-native'] as const;

export interface SavedPhase {
  name: string;
  pages: number;
  wallMs: number;
  memory: string;
  /** When it ran and the machine's mean 1-minute load meanwhile (the machine is shared). */
  finishedAt: string;
  meanLoad: number;
  /** Text read per letter (its pages joined in page order). */
  letters: { doc: number; text: string }[];
}

/** Joins page readings into one text per letter (upright originals only, not the turned copies). */
export function letterTexts(readings: PageReading[]): { doc: number; text: string }[] {
  const byDoc = new Map<number, PageReading[]>();
  for (const r of readings) if (!r.job.flipOf) byDoc.set(r.job.doc, [...(byDoc.get(r.job.doc) ?? []), r]);
  return [...byDoc.entries()].map(([doc, rs]) => ({ doc, text: rs.sort((a, b) => a.job.page - b.job.page).map((r) => r.text).join('\n') }));
}

export async function savePhase(dir: string, key: string, phase: SavedPhase, pages?: PageReading[]): Promise<void> {
  await writeFile(join(dir, `${key}.summary.json`), JSON.stringify(phase, null, 1));
  if (pages) await writeFile(join(dir, `${key}.pages.json`), JSON.stringify(pages, null, 1));
}

export const toEngine = (set: BenchSet, p: SavedPhase): EngineResult => ({
  name: p.name,
  pages: p.pages,
  wallMs: p.wallMs,
  memory: `${p.memory}; load ${p.meanLoad.toFixed(1)}`,
  letters: scoreTexts(set, p.letters),
});

export async function loadPhases(set: BenchSet, dir: string): Promise<{ engines: EngineResult[]; pages: Record<string, PageReading[]> }> {
  const engines: EngineResult[] = [];
  const pages: Record<string, PageReading[]> = {};
  for (const key of [...PHASE_KEYS, 'turned', 'turned-native']) {
    const summary = join(dir, `${key}.summary.json`);
    if (!key.startsWith('turned') && existsSync(summary)) engines.push(toEngine(set, JSON.parse(await readFile(summary, 'utf8')) as SavedPhase));
    const pagesPath = join(dir, `${key}.pages.json`);
    if (existsSync(pagesPath)) pages[key] = JSON.parse(await readFile(pagesPath, 'utf8')) as PageReading[];
  }
  return { engines, pages };
}
