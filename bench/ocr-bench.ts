// OCR benchmark (`npm run bench:ocr -- [--pages N] [--seed S] [--quick] [--skip-native] [--skip-pipeline]
//   [--phases mailroom,tesseract,ocrmypdf,pipeline] [--engine tesseract.js|native] [--ocrmypdf-pages N] [--report-only]
//   [--colour N] [--only-colour]`):
// quality (CER/WER per condition) and page rate of mailroom's OCR, the whole pipeline's rate, and
// native tesseract / OCRmyPDF on the same decoded pages when they are installed. `--engine native`
// runs the mailroom and pipeline phases on MAILROOM_OCR_ENGINE=native, saved as phases of their own.
// The colour condition (bench/ocr-colour.ts) is a separate small set of colour scans read by the
// mailroom and tesseract phases with ingest's colour dropout and with plain luma; `--only-colour`
// runs it alone.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { OCR_ENGINES, type OcrEngineName } from '../core/config.js';
import { checkNativeTesseract } from '../ocr/native-tesseract-engine.js';
import { ensureBenchSet, letterPages } from './ocr-set.js';
import { decodeSetPages, flipPairs, readWithMailroom, type PageJob, type PageReading } from './ocr-mailroom.js';
import { letterTexts, loadPhases, savePhase, toEngine, type SavedPhase } from './ocr-results.js';
import { onPath, runOcrmypdf, runTesseract } from './ocr-native.js';
import { runPipeline } from './ocr-pipeline.js';
import { printConditions, printFlips, printPassedOn, printSummary, printWorst, type EngineResult } from './ocr-report.js';
import { colourRun, decodeColourPages, ensureColourSet, loadColourRuns, printColour, saveColourRun, type ColourRun } from './ocr-colour.js';
import type { BenchSet } from './ocr-set.js';

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive integer: ${v}`);
  return n;
};
const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${v}`);
  return n;
};
const program = new Command()
  .option('--pages <n>', 'letters to generate (each has at least one page)', int, 150)
  .option('--seed <n>', 'fixtures generator seed', int, 1)
  .option('--quick', 'smoke run on 30 letters')
  .option('--flip <n>', 'upright letters also read turned over (besides every upside-down scan)', int, 6)
  .option('--skip-native', 'do not run tesseract / ocrmypdf even when installed')
  .option('--skip-pipeline', 'do not run the whole pipeline')
  .option('--phases <list>', 'phases to run, comma-separated', 'mailroom,tesseract,ocrmypdf,pipeline')
  .addOption(new Option('--engine <name>', 'engine of the mailroom and pipeline phases').choices(OCR_ENGINES).default('tesseract.js'))
  .option('--ocrmypdf-pages <n>', 'OCRmyPDF on this many evenly spread pages only (it is the slowest)', int)
  .option('--out <dir>', 'cache folder for sets and results', 'bench-out')
  .option('--report-only', 'run nothing: print the tables from the phases saved in <set>/results/')
  .option('--colour <n>', 'colour scans (a red/blue/violet receipt stamp over the text, some stamped in the margin or written in blue pen) '
    + 'read by the mailroom and tesseract phases with the colour dropout and with plain luma; 0: none (--quick: 6)', count, 20)
  .option('--only-colour', 'run the colour condition alone: the grey set is neither generated nor read')
  .parse();
const o = program
  .opts<{ pages: number; seed: number; quick?: boolean; flip: number; skipNative?: boolean; skipPipeline?: boolean; out: string; phases: string; ocrmypdfPages?: number; reportOnly?: boolean; engine: OcrEngineName; colour: number; onlyColour?: boolean }>();
const phases = new Set(o.phases.split(','));
if (o.skipNative) phases.delete('tesseract'), phases.delete('ocrmypdf');
if (o.skipPipeline) phases.delete('pipeline');
const native = o.engine === 'native';
// Saved beside the tesseract.js phases instead of over them, so one report shows both engines.
const suffix = native ? '-native' : '';
if (native && !o.reportOnly) checkNativeTesseract();

const letters = o.quick ? 30 : o.pages;
const cores = availableParallelism();
const log = (m: string) => process.stderr.write(`${m}\n`);
const progress = (label: string, total: number) => (done: number) => {
  if (done % 10 === 0 || done === total) log(`  ${label}: ${done}/${total} (load ${loadavg()[0]!.toFixed(1)})`);
};
const loads: number[] = [];
const loadTimer = setInterval(() => loads.push(loadavg()[0]!), 5000);
loadTimer.unref();

const colourLetters = o.quick && program.getOptionValueSource('colour') === 'default' ? 6 : o.colour;
/**
 * The colour condition: its set read by the mailroom phase's engine and native tesseract (when those
 * phases run), every page once with ingest's colour dropout and once as plain luma. With
 * `--report-only`, the runs saved last time. Null when there is nothing to show.
 */
async function runColour(): Promise<{ set: BenchSet; runs: ColourRun[] } | null> {
  if (colourLetters === 0) return null;
  if (o.reportOnly) {
    const cset = await ensureColourSet(o.out, o.seed, colourLetters, log, false);
    return cset ? { set: cset, runs: await loadColourRuns(cset) } : null;
  }
  const withTesseract = phases.has('tesseract') && (await onPath('tesseract'));
  if (!phases.has('mailroom') && !withTesseract) return null;
  const cset = (await ensureColourSet(o.out, o.seed, colourLetters, log))!;
  const pages = await decodeColourPages(cset);
  const jobs = [...pages.dropout, ...pages.luma];
  log(`colour: ${cset.documents.length} files decoded with the dropout in ${(pages.dropoutMs / 1000).toFixed(1)} s, as plain luma in ${(pages.lumaMs / 1000).toFixed(1)} s`);
  const runs: ColourRun[] = [];
  const load = () => {
    const mean = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0]!;
    loads.length = 0;
    return mean;
  };
  if (phases.has('mailroom')) {
    log(`colour: mailroom OCR (${o.engine}) on ${jobs.length} pages (each file with the dropout and as plain luma), pool of ${cores} ...`);
    loads.length = 0;
    const mr = await readWithMailroom(jobs, cores, progress('colour', jobs.length), o.engine);
    const name = native ? 'mailroom OCR (native: prepare + tesseract program)' : 'mailroom OCR (prepare + tesseract.js)';
    runs.push(colourRun(`mailroom${suffix}`, name, mr.readings, pages.dropout.length, mr.wallMs, load()));
  }
  if (withTesseract) {
    log(`colour: native tesseract on ${jobs.length} pages, ${cores} single-threaded processes ...`);
    loads.length = 0;
    const run = await runTesseract(jobs, cores, progress('colour tesseract', jobs.length));
    for (const f of run.failures.slice(0, 5)) log(`  tesseract failed: ${f}`);
    runs.push(colourRun('tesseract', 'native tesseract (OMP_THREAD_LIMIT=1)', run.readings, pages.dropout.length, run.wallMs, load()));
  }
  for (const r of runs) await saveColourRun(cset, r);
  return { set: cset, runs };
}
const printColourSection = (colour: { set: BenchSet; runs: ColourRun[] } | null) => {
  if (!colour || colour.runs.length === 0) return;
  const print = (l: string) => process.stdout.write(`${l}\n`);
  print(`\nColour scans (a separate set: ${colour.set.dir} — ${colour.set.documents.length} one-page letters). Each file is read twice: as ingest decodes it `
    + '(colour stamp and pen dropout) and, in brackets, as plain luma (libvips greyscale, as ingest did before the dropout). Truth excludes stamps and pen marks, as in the grey set.\n');
  printColour(colour.set, colour.runs, print);
};
if (o.onlyColour) {
  if (colourLetters === 0) throw new Error('--only-colour with --colour 0 has nothing to run');
  printColourSection(await runColour());
  process.exit(0);
}

const set = await ensureBenchSet(o.out, o.seed, letters, log);
const { jobs, decodeMs } = await decodeSetPages(set);
log(`${set.documents.length} letters, ${jobs.length} letter pages (${set.files.reduce((n, f) => n + f.pageCount, 0)} file pages in ${set.files.length} files)`);
if (letterPages(set) !== jobs.length) throw new Error('page index does not match the manifest: delete the pages/ folder');

const engines: EngineResult[] = [];
/**
 * Pages of whole letters evenly spread over the set (so every condition keeps its share) until
 * about `n` pages, or all: a letter scored on part of its pages would count the rest as unread.
 */
const spread = (all: PageJob[], n?: number): PageJob[] => {
  const docs = [...new Set(all.map((j) => j.doc))];
  if (!n || n >= all.length) return all;
  const k = Math.max(1, Math.round((n * docs.length) / all.length));
  const picked = new Set(Array.from({ length: k }, (_, i) => docs[Math.floor((i * docs.length) / k)]!));
  return all.filter((j) => picked.has(j.doc));
};
const resultsDir = join(set.dir, 'results');
await mkdir(resultsDir, { recursive: true });
const meanLoad = () => (loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0]!);
/** Saves a finished phase and adds it to this run's report; `loads` restarts for the next phase. */
async function finish(key: string, phase: Omit<SavedPhase, 'finishedAt' | 'meanLoad'>, pages?: PageReading[]): Promise<void> {
  const saved = { ...phase, finishedAt: new Date().toISOString(), meanLoad: meanLoad() };
  loads.length = 0;
  await savePhase(resultsDir, key, saved, pages);
  engines.push(toEngine(set, saved));
  log(`  ${phase.name}: ${(phase.pages / (phase.wallMs / 1000)).toFixed(3)} pages/s`);
}

const turnedPages: PageReading[] = [];
if (phases.has('mailroom') && !o.reportOnly) {
  log(`mailroom OCR (${o.engine}), pool of ${cores} ...`);
  const mr = await readWithMailroom(jobs, cores, progress('mailroom', jobs.length), o.engine);
  await finish(`mailroom${suffix}`, {
    name: native ? 'mailroom OCR (native: prepare + tesseract program)' : 'mailroom OCR (prepare + tesseract.js)',
    pages: jobs.length,
    wallMs: mr.wallMs,
    memory: native
      ? `peak RSS Node ${mr.tree.peakSelfMb.toFixed(0)} MB (${mr.startMb.toFixed(0)} MB at start), with tesseract processes ${mr.tree.peakTreeMb.toFixed(0)} MB (largest process ${mr.tree.peakChildMb.toFixed(0)} MB)`
      : `peak RSS ${mr.peakMb.toFixed(0)} MB (${cores} workers in-process; ${((mr.peakMb - mr.startMb) / cores).toFixed(0)} MB/worker above start)`,
    letters: letterTexts(mr.readings),
  }, mr.readings);
  const pairs = await flipPairs(set, jobs, o.flip);
  const flipJobs = pairs.map(([down, up]) => (down.flipOf ? down : up));
  log(`mailroom OCR on ${flipJobs.length} turned copies for the upside-down check ...`);
  const flipped = await readWithMailroom(flipJobs, cores, progress('turned', flipJobs.length), o.engine);
  turnedPages.push(...mr.readings, ...flipped.readings);
  await writeFile(join(resultsDir, `turned${suffix}.pages.json`), JSON.stringify(flipped.readings, null, 1));
}

for (const [name, cmd, fn] of [['native tesseract', 'tesseract', runTesseract], ['OCRmyPDF', 'ocrmypdf', runOcrmypdf]] as const) {
  if (!phases.has(cmd) || o.reportOnly) continue;
  if (!(await onPath(cmd)) || (cmd === 'ocrmypdf' && !(await onPath('pdftotext')))) {
    log(`${name}: not installed, skipped (apt-get install tesseract-ocr tesseract-ocr-pol ocrmypdf poppler-utils)`);
    continue;
  }
  log(`${name}, ${cores} single-threaded processes ...`);
  const subset = cmd === 'ocrmypdf' ? spread(jobs, o.ocrmypdfPages) : jobs;
  const run = await fn(subset, cores, progress(cmd, subset.length));
  for (const f of run.failures.slice(0, 5)) log(`  ${cmd} failed: ${f}`);
  await finish(cmd, {
    name: `${name} (OMP_THREAD_LIMIT=1)`,
    pages: subset.length,
    wallMs: run.wallMs,
    memory: run.peakProcessMb === null ? '-' : `max ${run.peakProcessMb.toFixed(0)} MB per process`,
    letters: letterTexts(run.readings),
  }, run.readings);
}

if (phases.has('pipeline') && !o.reportOnly) {
  log(`whole pipeline (processFiles, all stages, PGlite + local Redis, ${o.engine}) ...`);
  let last = -1;
  const p = await runPipeline(set, (done, total) => {
    if (done !== last) progress('letters routed', total)(done);
    last = done;
  }, o.engine);
  const index = new Map(set.documents.map((d, i) => [`${d.source}#${d.pages[0]}`, i]));
  const texts = p.outcomes.flatMap((f) => f.documents).flatMap((d) => {
    const i = index.get(`${basename(d.source)}#${d.pages[0]}`);
    return i === undefined ? [] : [{ doc: i, text: d.text }];
  });
  for (const f of p.failedFiles) log(`  pipeline failed: ${f}`);
  log(`  pipeline: ${(p.letters / (p.wallMs / 1000)).toFixed(3)} letters/s, ${(p.filePages / (p.wallMs / 1000)).toFixed(3)} file pages/s; ${texts.length}/${set.documents.length} letters matched to the truth by file and first page`);
  await finish(`pipeline${suffix}`, {
    // Letter pages, like the engines' rows: separator sheets and blank backs are cheap and would flatter the rate.
    name: `whole pipeline${native ? ' (native)' : ''} (file in → worklist; ${p.filePages} file pages, ${p.letters} letters = ${(p.letters / (p.wallMs / 1000)).toFixed(3)}/s, ${p.routed} routed, ${p.needsAttention} need attention)`,
    pages: jobs.length,
    wallMs: p.wallMs,
    memory: native
      ? `peak RSS Node ${p.tree.peakSelfMb.toFixed(0)} MB (${p.startMb.toFixed(0)} MB at start), with tesseract processes ${p.tree.peakTreeMb.toFixed(0)} MB (largest ${p.tree.peakChildMb.toFixed(0)} MB; all stages, OCR pool ${p.ocrConcurrency})`
      : `peak RSS ${p.peakMb.toFixed(0)} MB (all stages, OCR pool ${p.ocrConcurrency})`,
    letters: texts,
  });
}

const colour = await runColour();

/** Upside-down check per engine: the mailroom readings with the turned copies' readings. */
let flipSets: [string, PageReading[]][] = [[o.engine, turnedPages]];
if (o.reportOnly) {
  const loaded = await loadPhases(set, resultsDir);
  engines.push(...loaded.engines);
  flipSets = ['', '-native'].map((k) => [k ? 'native' : 'tesseract.js', [...(loaded.pages[`mailroom${k}`] ?? []), ...(loaded.pages[`turned${k}`] ?? [])]]);
}

const print = (l: string) => process.stdout.write(`${l}\n`);
print(`\nSet: ${set.dir} — ${set.documents.length} letters, ${jobs.length} letter pages, ${set.files.length} files; ${cores} cores${decodeMs === null ? '' : `; decoding took ${(decodeMs / 1000).toFixed(0)} s`}\n`);
print('CER/WER: "line" = each truth line aligned where it fits best in the reading (order-robust; text outside the lines, e.g. stamps, not counted); "strict" = whole text in layout order (ocr/text-metrics); "bag WER" = words as a multiset. Rates pool edits over letters.\n');
printSummary(engines, 'native tesseract (OMP_THREAD_LIMIT=1)', print);
print('');
printConditions(engines.filter((e) => !e.name.startsWith('whole')), print);
const mailroomTesseract = engines.find((e) => e.name.startsWith('mailroom OCR (prepare'));
const mailroomReadings = flipSets[0]?.[1] ?? [];
if (mailroomTesseract && mailroomReadings.length) printPassedOn(set, mailroomTesseract, mailroomReadings, print);
printColourSection(colour);
for (const [engine, readings] of flipSets) {
  if (!readings.some((r) => r.job.flipOf)) continue;
  print(`\nUpside down vs upright (mailroom, ${engine}):\n`);
  const flip = printFlips(set, readings, print);
  print(`\n${flip.worse}/${flip.pairs} upside-down pages read worse than upright (by more than 0.2 % CER).`);
}
for (const e of engines) {
  print(`\nWorst letters (${e.name}, line CER):\n`);
  printWorst(set, e, 12, print);
}
process.exit(0);
