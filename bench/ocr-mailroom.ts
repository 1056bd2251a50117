// Mailroom's own OCR on the bench set: decode each scan file (ingest/decode-scan), read every letter
// page with an engine pool sized to the cores (tesseract.js, or the native engine with
// `--engine native`), and keep the decoded pages as PNG files so the native tools read the same pixels.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeScan } from '../ingest/decode-scan.js';
import { createOcrReader } from '../ocr/ocr-reader.js';
import { isIllegible } from '../ocr/page-legibility.js';
import type { PageImage } from '../core/types.js';
import type { BenchSet } from './ocr-set.js';
import { scannedDpi } from './ocr-set.js';
import type { OcrEngineName } from '../core/config.js';
import { mapLimit, sampleRss } from './ocr-run-pool.js';
import { sampleTreeRss, type TreeRss } from './ocr-process-rss.js';

export interface PageJob {
  /** Index of the document in the manifest. */
  doc: number;
  page: number;
  pngPath: string;
  dpi: number;
  /** What decodeScan found in the file (null: none), as mailroom's preparation receives it. */
  decodedDpi: number | null;
  /** An upright copy of a page (a rotated180 page turned back, or an upright page turned over). */
  flipOf?: string;
}

export interface PageReading {
  job: PageJob;
  text: string;
  confidence: number;
  rotation: number;
  ms: number;
  /** The OCR stage asks the operator for a rescan of the page (ocr/page-legibility): its text is not passed on. */
  rescan?: boolean;
}

/** Decodes every file once and writes each letter page as `pages/<file>-p<n>.png` (+ index.json). */
export async function decodeSetPages(set: BenchSet): Promise<{ jobs: PageJob[]; decodeMs: number | null }> {
  const dir = join(set.dir, 'pages');
  const indexPath = join(dir, 'index.json');
  if (existsSync(indexPath)) return { jobs: JSON.parse(await readFile(indexPath, 'utf8')) as PageJob[], decodeMs: null };
  await mkdir(dir, { recursive: true });
  const jobs: PageJob[] = [];
  let decodeMs = 0;
  for (const file of set.files) {
    const docs = set.documents.map((d, i) => ({ d, i })).filter((x) => x.d.source === file.name);
    if (docs.length === 0) continue;
    const t0 = performance.now();
    const pages = await decodeScan(await readFile(join(set.dir, file.name)), file.name);
    decodeMs += performance.now() - t0;
    for (const { d, i } of docs)
      for (const p of d.pages) {
        const pngPath = join(dir, `${file.name}-p${p}.png`);
        await writeFile(pngPath, pages[p - 1]!.png);
        jobs.push({ doc: i, page: p, pngPath, dpi: scannedDpi(d), decodedDpi: pages[p - 1]!.dpi });
      }
  }
  await writeFile(indexPath, JSON.stringify(jobs));
  return { jobs, decodeMs };
}

/**
 * Pairs for the upside-down check: every rotated180 page turned back upright, and up to
 * `extra` upright single-page letters turned over. Each pair is (upside-down job, upright job).
 */
export async function flipPairs(set: BenchSet, jobs: PageJob[], extra: number): Promise<[PageJob, PageJob][]> {
  const pairs: [PageJob, PageJob][] = [];
  let turnedOver = 0;
  for (const j of jobs) {
    const c = set.documents[j.doc]!.conditions;
    const upsideDown = c.includes('rotated180');
    if (!upsideDown && (c.includes('rotated90') || turnedOver >= extra || set.documents[j.doc]!.pages.length > 1)) continue;
    if (!upsideDown) turnedOver++;
    const flipped = j.pngPath.replace(/\.png$/, '-flip.png');
    if (!existsSync(flipped)) await writeFile(flipped, await sharp(j.pngPath).rotate(180).png().toBuffer());
    const copy: PageJob = { ...j, pngPath: flipped, flipOf: j.pngPath };
    pairs.push(upsideDown ? [j, copy] : [copy, j]);
  }
  return pairs;
}

/** Reads the pages the way the OCR worker does (the decoded dpi, not the generator's, reaches preparePage). */
export async function readWithMailroom(
  jobs: PageJob[],
  poolSize: number,
  onPage?: (done: number) => void,
  engine: OcrEngineName = 'tesseract.js',
): Promise<{ readings: PageReading[]; wallMs: number; peakMb: number; startMb: number; tree: TreeRss }> {
  const rss = sampleRss();
  const tree = sampleTreeRss();
  const reader = createOcrReader({ poolSize, engine });
  const t0 = performance.now();
  let done = 0;
  try {
    const readings = await mapLimit(jobs, poolSize, async (job) => {
      const png = await readFile(job.pngPath);
      const meta = await sharp(png).metadata();
      const page: PageImage = { png, width: meta.width!, height: meta.height!, dpi: job.decodedDpi };
      const s = performance.now();
      const { result, inkShare } = await reader.readPage(page);
      onPage?.(++done);
      const rescan = isIllegible(result.words, inkShare);
      return { job, text: result.text, confidence: result.confidence, rotation: result.rotation, ms: performance.now() - s, ...(rescan ? { rescan } : {}) };
    });
    const wallMs = performance.now() - t0;
    return { readings, wallMs, ...rss.stop(), tree: tree.stop() };
  } finally {
    await reader.close();
  }
}
