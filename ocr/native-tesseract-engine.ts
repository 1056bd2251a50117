// Optional engine: the distribution's `tesseract` program, one child process per page, behind the
// same OcrEngine port as the tesseract.js pool. Chosen with MAILROOM_OCR_ENGINE=native where the
// apt packages are installed; tesseract.js stays the default that needs nothing outside npm.
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { ConfigError } from '../core/config.js';
import { PermanentError, TransientError } from '../core/errors.js';
import { assembleReading, type WordLayout } from './page-text.js';
import type { OcrEngine, RecognizeOutput } from './ports.js';

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

/**
 * Fed on stdin, tesseract treats bytes that are not an image as a list of file names to open, so
 * only PNG, JPEG and TIFF are passed on.
 */
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

function runTesseract(o: Required<NativeTesseractOptions>, png: Buffer, dpi: number): Promise<string> {
  const args = ['stdin', 'stdout', '-l', o.langs.join('+'), '--oem', '1', '--psm', o.psm, '--dpi', String(dpi), 'tsv'];
  return new Promise((resolve, reject) => {
    // One thread per process: OpenMP on a shared 2-core machine is ~3x slower than a process per core.
    const child = spawn(o.binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.pageTimeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    // EPIPE when tesseract exits before reading all input; the exit code reports the failure.
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new TransientError('ocr_engine_failed', `${o.binary} could not be run: ${e.message}`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new TransientError('ocr_timeout', `page not read within ${o.pageTimeoutMs} ms`));
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else if (/cannot be read|no pix returned|Unknown format/i.test(err)) reject(new PermanentError('ocr_unreadable_image', `tesseract could not read the page image: ${stderrSummary(err)}`));
      else reject(new TransientError('ocr_engine_failed', `tesseract exited with ${code}: ${stderrSummary(err)}`));
    });
    child.stdin.end(png);
  });
}

/** tesseract's complaint in one line: its stderr (leptonica errors first, then tesseract's verdict). */
const stderrSummary = (s: string) => s.trim().split('\n').map((l) => l.trim()).filter(Boolean).join('; ').slice(-300);

/** At most `size` tesseract processes at once; each page is a fresh process, so memory never accumulates. */
export function createNativeTesseractPool(options: NativeTesseractOptions = {}): OcrEngine {
  const o: Required<NativeTesseractOptions> = {
    size: Math.max(1, options.size ?? cpus().length),
    langs: options.langs ?? ['pol', 'eng'],
    psm: options.psm ?? '3',
    pageTimeoutMs: options.pageTimeoutMs ?? 120_000,
    binary: options.binary ?? 'tesseract',
  };
  checkNativeTesseract(o.binary, o.langs);
  let running = 0;
  let closed = false;
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

  return {
    async recognize(png, opts = {}): Promise<RecognizeOutput> {
      if (closed) throw new Error('OCR pool is closed');
      if (!isImage(png)) throw new PermanentError('ocr_unreadable_image', 'page image is not a PNG, JPEG or TIFF image');
      await slot();
      const job = runTesseract(o, png, Math.round(opts.dpi ?? 300));
      inFlight.add(job);
      try {
        return assembleReading(parseTsv(await job));
      } finally {
        inFlight.delete(job);
        free();
      }
    },
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new Error('OCR pool is closed'));
      // Pages in hand finish (each is bounded by the page timeout), so a graceful stop loses no work.
      await Promise.allSettled([...inFlight]);
    },
  };
}
