// The OCR benchmark's colour condition: a small separate set of colour scans (a receipt stamp in red,
// blue or violet over the body text, a few stamped in the margin, a few letters in blue pen; see
// fixtures/generator/colour-letters.ts), read twice from the same files: as ingest decodes them
// (finishPage, colour stamp and pen dropout) and as plain luma (libvips greyscale, what ingest did
// before the dropout), so the dropout's gain shows. The grey set and its figures are not touched.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { generateColourLetters } from '../fixtures/generator/colour-letters.js';
import type { ManifestDocument, ManifestFile } from '../fixtures/generator/build.js';
import { decodeScan } from '../ingest/decode-scan.js';
import { sharpInput, usableDpi } from '../ingest/page-output.js';
import type { BenchSet } from './ocr-set.js';
import type { PageJob, PageReading } from './ocr-mailroom.js';
import { letterTexts } from './ocr-results.js';
import { lineCerOf, rates, scoreReading, type Score } from './ocr-score.js';
import { fmtPct } from './ocr-run-pool.js';

export const colourSetDir = (root: string, seed: number, letters: number) => join(root, `ocr-colour-${seed}-${letters}`);

/** Loads the colour set, generating it first unless the folder holds a finished one (`generate` false: null then). */
export async function ensureColourSet(root: string, seed: number, letters: number, log: (m: string) => void, generate = true): Promise<BenchSet | null> {
  const dir = colourSetDir(root, seed, letters);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    if (!generate) return null;
    await rm(dir, { recursive: true, force: true });
    log(`generating ${letters} colour letters (seed ${seed}) into ${dir} ...`);
    const t0 = Date.now();
    await generateColourLetters({ out: dir, letters, seed, receivedBy: '2026-11-20' });
    log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else if (generate) log(`reusing ${dir}`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { documents: ManifestDocument[]; files: ManifestFile[] };
  return { dir, documents: manifest.documents, files: manifest.files };
}

/**
 * A colour file as ingest turned it grey before the colour dropout: libvips greyscale (luma) of the
 * upright picture flattened on white, the file's own resolution, as finishPage still does for grey files.
 */
export async function plainLumaPng(bytes: Buffer): Promise<{ png: Buffer; dpi: number | null }> {
  const img = sharp(bytes, sharpInput);
  const dpi = usableDpi((await img.metadata()).density);
  let grey = img.autoOrient().flatten({ background: '#ffffff' }).greyscale().toColourspace('b-w');
  if (dpi !== null) grey = grey.withDensity(dpi);
  return { png: await grey.png({ compressionLevel: 3 }).toBuffer(), dpi };
}

export interface ColourPages {
  /** As ingest decodes them (decodeScan → finishPage → colour dropout). */
  dropout: PageJob[];
  /** The same files through plain luma. */
  luma: PageJob[];
  dropoutMs: number;
  lumaMs: number;
}

/**
 * Decodes every file both ways into `pages/` (each time: the pages are what the dropout makes of the
 * files now, so a change to ingest shows at the next run without clearing a cache).
 */
export async function decodeColourPages(set: BenchSet): Promise<ColourPages> {
  const dir = join(set.dir, 'pages');
  await mkdir(dir, { recursive: true });
  const out: ColourPages = { dropout: [], luma: [], dropoutMs: 0, lumaMs: 0 };
  for (const [doc, d] of set.documents.entries()) {
    const bytes = await readFile(join(set.dir, d.source));
    let t0 = performance.now();
    const [page] = await decodeScan(bytes, d.source);
    out.dropoutMs += performance.now() - t0;
    t0 = performance.now();
    const luma = await plainLumaPng(bytes);
    out.lumaMs += performance.now() - t0;
    const base = { doc, page: 1, dpi: 300 };
    const dropoutPath = join(dir, `${d.source}-dropout.png`);
    const lumaPath = join(dir, `${d.source}-luma.png`);
    await writeFile(dropoutPath, page!.png);
    await writeFile(lumaPath, luma.png);
    out.dropout.push({ ...base, pngPath: dropoutPath, decodedDpi: page!.dpi });
    out.luma.push({ ...base, pngPath: lumaPath, decodedDpi: luma.dpi });
  }
  return out;
}

/** One engine's reading of the colour set, both ways; saved as `<colour set>/results/<key>.json`. */
export interface ColourRun {
  key: string;
  name: string;
  /** Pages read (both ways together) and the wall time of reading them. */
  pages: number;
  wallMs: number;
  finishedAt: string;
  meanLoad: number;
  dropout: { doc: number; text: string }[];
  luma: { doc: number; text: string }[];
}

/** Splits readings of `[...dropout, ...luma]` jobs (in that order) into a run. */
export function colourRun(key: string, name: string, readings: PageReading[], dropoutPages: number, wallMs: number, meanLoad: number): ColourRun {
  return {
    key, name, pages: readings.length, wallMs, meanLoad, finishedAt: new Date().toISOString(),
    dropout: letterTexts(readings.slice(0, dropoutPages)),
    luma: letterTexts(readings.slice(dropoutPages)),
  };
}

export async function saveColourRun(set: BenchSet, run: ColourRun): Promise<void> {
  const dir = join(set.dir, 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${run.key}.json`), JSON.stringify(run, null, 1));
}

/** Saved runs in a fixed order (mailroom, mailroom-native, tesseract), for `--report-only`. */
export async function loadColourRuns(set: BenchSet): Promise<ColourRun[]> {
  const dir = join(set.dir, 'results');
  if (!existsSync(dir)) return [];
  const order = ['mailroom', 'mailroom-native', 'tesseract'];
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  names.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return Promise.all(names.map(async (k) => JSON.parse(await readFile(join(dir, `${k}.json`), 'utf8')) as ColourRun));
}

/** Report rows: every colour letter, then by what the page shows, by stamp ink and by encoding. */
export const COLOUR_GROUPS: readonly (readonly [string, (c: string[]) => boolean])[] = [
  ['all colour', () => true],
  ['stamp over text', (c) => c.includes('stamp-over-text')],
  ['  red stamp over text', (c) => c.includes('stamp-over-text') && c.includes('ink-red')],
  ['  blue stamp over text', (c) => c.includes('stamp-over-text') && c.includes('ink-blue')],
  ['  violet stamp over text', (c) => c.includes('stamp-over-text') && c.includes('ink-violet')],
  ['stamp in margin', (c) => c.includes('stamp-in-margin')],
  ['letter in blue pen', (c) => c.includes('pen-letter')],
  ['colour JPEG', (c) => c.some((x) => x.startsWith('jpeg'))],
  ['colour PNG', (c) => c.includes('png')],
];

interface Scored {
  doc: number;
  conditions: string[];
  dropout: Score;
  luma: Score;
}

function scoreRun(set: BenchSet, run: ColourRun): Scored[] {
  const luma = new Map(run.luma.map((l) => [l.doc, l.text]));
  return run.dropout.map(({ doc, text }) => {
    const d = set.documents[doc]!;
    return { doc, conditions: d.conditions, dropout: scoreReading(text, d.text), luma: scoreReading(luma.get(doc) ?? '', d.text) };
  });
}

/** The colour section of the report: a table per condition and engine, then one summary line per engine. */
export function printColour(set: BenchSet, runs: ColourRun[], print: (l: string) => void): void {
  const scored = runs.map((r) => ({ run: r, letters: scoreRun(set, r) }));
  print(`| colour condition | letters | pages | ${runs.map((r) => `${r.name}: line CER / strict CER / bag WER — dropout (plain luma)`).join(' | ')} |`);
  print(`|---|---|---|${runs.map(() => '---|').join('')}`);
  const pair = (a: number, b: number) => `${fmtPct(a)} (${fmtPct(b)})`;
  for (const [label, has] of COLOUR_GROUPS) {
    const docs = set.documents.filter((d) => has(d.conditions));
    if (docs.length === 0) continue;
    const cells = scored.map(({ letters }) => {
      const ls = letters.filter((l) => has(l.conditions));
      if (ls.length === 0) return '-';
      const a = rates(ls.map((l) => l.dropout));
      const b = rates(ls.map((l) => l.luma));
      return `${pair(a.lineCer, b.lineCer)} / ${pair(a.strictCer, b.strictCer)} / ${pair(a.bagWer, b.bagWer)}`;
    });
    print(`| ${label} | ${docs.length} | ${docs.reduce((n, d) => n + d.pages.length, 0)} | ${cells.join(' | ')} |`);
  }
  print('');
  for (const { run, letters } of scored) {
    const over = letters.filter((l) => l.conditions.includes('stamp-over-text'));
    const a = rates(over.map((l) => l.dropout));
    const b = rates(over.map((l) => l.luma));
    const worse = over.filter((l) => lineCerOf(l.dropout) > lineCerOf(l.luma) + 0.002).length;
    const better = over.filter((l) => lineCerOf(l.luma) > lineCerOf(l.dropout) + 0.002).length;
    print(`colour stamp over text (${run.name}): line CER ${fmtPct(a.lineCer)} (plain luma ${fmtPct(b.lineCer)}), ${over.length} pages; `
      + `${better} pages better, ${worse} worse by more than 0.2 %; ${run.pages} pages read both ways in ${(run.wallMs / 1000).toFixed(0)} s, load ${run.meanLoad.toFixed(1)}`);
  }
}
