// OCR text of the scanned corpus letters (classifier/corpus-scans.ts), read by mailroom's own OCR:
// page preparation and the engine pool behind ocr/read-page.ts, as the pipeline's OCR stage does.
// Each letter's reading is cached under bench-out/ keyed by (filled text, condition, renderer
// version), written atomically, so an interrupted run resumes and a changed letter is re-read.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../fixtures/generator/rng.js';
import { createOcrEngine } from '../ocr/ocr-reader.js';
import { preparePage, rotatePng180 } from '../ocr/page-preparer.js';
import { readPage } from '../ocr/read-page.js';
import type { OcrEngine } from '../ocr/ports.js';
import { mapLimit } from '../bench/ocr-run-pool.js';
import { conditionLabels, pickCondition, scanLetter, type ScanCondition } from './corpus-scans.js';
import { SCAN_RENDERER_VERSION } from '../fixtures/generator/renderer-version.js';

export interface ScanReading {
  id: string;
  key: string;
  condition: ScanCondition;
  labels: string[];
  pages: number;
  /** Page texts joined as the assemble stage joins them. */
  text: string;
  ms: number;
}

export interface CorpusOcrOptions {
  /** Cache folder, e.g. bench-out/corpus-ocr-<seed>. */
  dir: string;
  seed: number;
  /** An engine to read with (tests count its calls); otherwise tesseract.js, one worker per core. */
  engine?: OcrEngine;
  poolSize?: number;
  /** A fixed condition instead of the drawn one (tests). */
  conditionOf?: (id: string) => ScanCondition;
  /** Called after each letter: letters done, pages read so far (not counting cached letters). */
  onLetter?: (done: number, pagesRead: number) => void;
}

export const cacheKey = (text: string, c: ScanCondition): string =>
  createHash('sha256').update(JSON.stringify([SCAN_RENDERER_VERSION, c, text])).digest('hex').slice(0, 32);

const cachePath = (dir: string, id: string) => join(dir, `${id.replace(/[^\w.-]/g, '_')}.json`);

async function cached(path: string, key: string): Promise<ScanReading | null> {
  if (!existsSync(path)) return null;
  try {
    const r = JSON.parse(await readFile(path, 'utf8')) as ScanReading;
    return r.key === key ? r : null;
  } catch {
    return null; // a damaged file is read again
  }
}

/** OCR text of every letter, from the cache where the key matches; `fresh` counts letters actually read. */
export async function readCorpusScans(letters: { id: string; text: string }[], o: CorpusOcrOptions): Promise<{
  readings: Map<string, ScanReading>; fresh: number; pagesRead: number; ocrMs: number;
}> {
  await mkdir(o.dir, { recursive: true });
  const size = o.poolSize ?? cpus().length;
  let engine = o.engine ?? null;
  const ownEngine = !engine;
  const readings = new Map<string, ScanReading>();
  let done = 0;
  let fresh = 0;
  let pagesRead = 0;
  const t0 = performance.now();
  try {
    // One letter per engine worker plus one rendering ahead, so the cores stay busy with OCR.
    await mapLimit(letters, size + 1, async (letter) => {
      // The condition depends on the seed and the letter only, so a subset run shares the cache.
      const rng = createRng(`corpus-scan-${o.seed}-${letter.id}`);
      const condition = o.conditionOf?.(letter.id) ?? pickCondition(rng);
      const key = cacheKey(letter.text, condition);
      const path = cachePath(o.dir, letter.id);
      let r = await cached(path, key);
      if (!r) {
        engine ??= createOcrEngine({ poolSize: size });
        const deps = { engine, prepare: preparePage, rotate180: rotatePng180 };
        const s = performance.now();
        const pages = await scanLetter(rng, letter.text, condition);
        const texts: string[] = [];
        for (const page of pages) texts.push((await readPage(deps, page)).result.text.trim());
        r = { id: letter.id, key, condition, labels: conditionLabels(condition), pages: pages.length, text: texts.join('\n\n'), ms: performance.now() - s };
        // Written whole or not at all: a run killed mid-write leaves no half file to trust.
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(r));
        await rename(tmp, path);
        fresh++;
        pagesRead += pages.length;
      }
      readings.set(letter.id, r);
      o.onLetter?.(++done, pagesRead);
    });
  } finally {
    if (ownEngine && engine) await engine.close();
  }
  return { readings, fresh, pagesRead, ocrMs: performance.now() - t0 };
}
