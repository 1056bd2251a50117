// Optional engine: the distribution's `tesseract` program, a few reused child processes, behind the
// same OcrEngine port as the tesseract.js pool. Chosen with MAILROOM_OCR_ENGINE=native where the
// apt packages are installed; tesseract.js stays the default that needs nothing outside npm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/config.js';
import { PermanentError } from '../core/errors.js';
import { SENTINEL_PNG, startTesseractProcess, type TesseractProcess } from './native-tesseract-process.js';
import { assembleReading, type WordLayout } from './page-text.js';
import { DEFAULT_PSM, type OcrEngine, type RecognizeOutput } from './ports.js';

export interface NativeTesseractOptions {
  /** Children reading at once; defaults to the number of cores. */
  size?: number;
  langs?: string[];
  /** Same page segmentation as the tesseract.js engine (PSM 3, see tesseract-engine.ts). */
  psm?: string;
  /** A page taking longer than this has its process killed. */
  pageTimeoutMs?: number;
  /** The program to run; `tesseract` from PATH unless told. */
  binary?: string;
  /** A process is replaced after this many pages, so whatever it accumulates stays bounded. */
  recycleAfterPages?: number;
}

const APT_PACKAGES = 'apt-get install tesseract-ocr tesseract-ocr-pol tesseract-ocr-eng';

/**
 * Checked once when the engine is built (synchronously, so a worker refuses to start instead of
 * failing every page later): the program runs and has every language's data.
 */
export function checkNativeTesseract(binary = 'tesseract', langs: string[] = ['pol', 'eng']): void {
  let listing: string;
  try {
    listing = execFileSync(binary, ['--list-langs'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ConfigError([
      `MAILROOM_OCR_ENGINE=native: ${missing ? `"${binary}" is not installed` : `"${binary} --list-langs" failed (${String(err)})`}; ${APT_PACKAGES}, or unset MAILROOM_OCR_ENGINE to use tesseract.js`,
    ]);
  }
  // The first line names the tessdata folder; the language codes follow one per line.
  const have = new Set(listing.split('\n').slice(1).map((l) => l.trim()));
  const lacking = langs.filter((l) => !have.has(l));
  if (lacking.length)
    throw new ConfigError([
      `MAILROOM_OCR_ENGINE=native: tesseract has no language data for ${lacking.join(', ')}; apt-get install ${lacking.map((l) => `tesseract-ocr-${l}`).join(' ')}`,
    ]);
}

/** A file that is not an image would end the process reading it, so only PNG, JPEG and TIFF are passed on. */
function isImage(b: Buffer): boolean {
  const png = b.length > 8 && b.readUInt32BE(0) === 0x89504e47;
  const jpeg = b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  const tiff = b.length > 4 && (b.subarray(0, 4).equals(Buffer.from('II*\0', 'latin1')) || b.subarray(0, 4).equals(Buffer.from('MM\0*', 'latin1')));
  return png || jpeg || tiff;
}

/** TSV word rows (level 5) grouped into paragraphs of lines, in the order tesseract wrote them. */
export function parseTsv(tsv: string): WordLayout {
  const layout: WordLayout = [];
  let paraKey = '';
  let lineKey = '';
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const [, page, block, par, line, , left, top, width, height, conf] = c.map(Number) as number[];
    const text = c.slice(11).join('\t').trim();
    if (!text) continue;
    const p = `${page}/${block}/${par}`;
    if (p !== paraKey) layout.push([]), (paraKey = p), (lineKey = '');
    const para = layout[layout.length - 1]!;
    if (`${p}/${line}` !== lineKey) para.push([]), (lineKey = `${p}/${line}`);
    para[para.length - 1]!.push({
      text,
      confidence: Math.max(0, Math.min(100, conf!)),
      bbox: { x0: left!, y0: top!, x1: left! + width!, y1: top! + height! },
    });
  }
  return layout;
}

/** At most `size` pages at once, each on a reused tesseract process started for the page's dpi. */
export function createNativeTesseractPool(options: NativeTesseractOptions = {}): OcrEngine {
  const o: Required<NativeTesseractOptions> = {
    size: Math.max(1, options.size ?? cpus().length),
    langs: options.langs ?? ['pol', 'eng'],
    psm: options.psm ?? DEFAULT_PSM,
    pageTimeoutMs: options.pageTimeoutMs ?? 120_000,
    binary: options.binary ?? 'tesseract',
    recycleAfterPages: options.recycleAfterPages ?? 500,
  };
  checkNativeTesseract(o.binary, o.langs);
  // Pages reach tesseract as files: its stdin carries the list of them.
  const dir = mkdtempSync(join(tmpdir(), 'mailroom-tesseract-'));
  const sentinelPath = join(dir, 'sentinel.png');
  writeFileSync(sentinelPath, SENTINEL_PNG);
  let running = 0;
  let closed = false;
  let seq = 0;
  const idle: TesseractProcess[] = [];
  const waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const inFlight = new Set<Promise<unknown>>();

  async function slot(): Promise<void> {
    if (running < o.size) {
      running++;
      return;
    }
    await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
  }
  function free(): void {
    const next = waiting.shift();
    if (next) next.resolve();
    else running--;
  }
  /** Holding a slot, so processes alive (idle + busy) never exceed `size`. */
  function processFor(dpi: number): TesseractProcess {
    for (let j = idle.length - 1; j >= 0; j--) if (idle[j]!.dead) idle.splice(j, 1);
    const i = idle.findIndex((p) => p.dpi === dpi);
    if (i >= 0) return idle.splice(i, 1)[0]!;
    // Prepared pages are nearly all 300 dpi, so retiring a process of another dpi is rare.
    if (idle.length + running > o.size) idle.shift()!.end();
    return startTesseractProcess({ binary: o.binary, langs: o.langs, psm: o.psm, dpi, sentinelPath });
  }

  async function readOne(png: Buffer, dpi: number): Promise<RecognizeOutput> {
    const proc = processFor(dpi);
    const path = join(dir, `${++seq}.img`);
    try {
      await writeFile(path, png);
      return assembleReading(parseTsv(await proc.read(path, o.pageTimeoutMs)));
    } finally {
      await rm(path, { force: true });
      if (proc.dead || closed || proc.pages >= o.recycleAfterPages) proc.end();
      else idle.push(proc);
    }
  }

  return {
    async recognize(png, opts = {}): Promise<RecognizeOutput> {
      if (closed) throw new Error('OCR pool is closed');
      if (!isImage(png)) throw new PermanentError('ocr_unreadable_image', 'page image is not a PNG, JPEG or TIFF image');
      await slot();
      const job = readOne(png, Math.round(opts.dpi ?? 300));
      inFlight.add(job);
      try {
        return await job;
      } finally {
        inFlight.delete(job);
        free();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new Error('OCR pool is closed'));
      // Pages in hand finish (each is bounded by the page timeout), so a graceful stop loses no work.
      await Promise.allSettled([...inFlight]);
      for (const p of idle.splice(0)) p.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
