// The only module that talks to tesseract.js. Language data comes from the installed
// @tesseract.js-data packages on disk: a production worker must never reach for a CDN.
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import { TransientError } from '../core/errors.js';
import { assembleReading, type WordLayout } from './page-text.js';
import { DEFAULT_PSM, ENGINE_PARAMETERS, type OcrEngine, type RecognizeOutput } from './ports.js';


export interface TesseractOptions {
  langs?: string[];
  /** Folder receiving the gathered `.traineddata.gz` files; defaults to a folder in os.tmpdir(). */
  cacheDir?: string;
  psm?: string;
  /** Further tesseract parameters, set once when the worker starts. */
  parameters?: Record<string, string>;
  /** A page taking longer than this kills its worker (pathological images can spin for minutes). */
  pageTimeoutMs?: number;
}

const require = createRequire(import.meta.url);

/** Gathers `<lang>.traineddata.gz` (LSTM "best_int" models) from node_modules into one langPath. */
export async function gatherLanguageData(langs: string[], cacheDir?: string): Promise<string> {
  const dir = cacheDir ?? join(tmpdir(), 'mailroom-tessdata-best-int');
  await mkdir(dir, { recursive: true });
  for (const lang of langs) {
    let pkgDir: string;
    try {
      pkgDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    } catch (err) {
      throw new Error(`language data for "${lang}" is not installed (@tesseract.js-data/${lang})`, { cause: err });
    }
    const src = join(pkgDir, '4.0.0_best_int', `${lang}.traineddata.gz`);
    const dst = join(dir, `${lang}.traineddata.gz`);
    const [s, d] = await Promise.all([stat(src), stat(dst).catch(() => null)]);
    if (d && d.size === s.size) continue;
    // Copy then rename, so a worker starting in another process never reads a half-written file.
    const tmp = `${dst}.${process.pid}.${Date.now()}.tmp`;
    await copyFile(src, tmp);
    await rename(tmp, dst);
  }
  return dir;
}

type TessPage = Awaited<ReturnType<Worker['recognize']>>['data'];

/** The page as paragraphs of lines of words, in tesseract's reading order. */
function layoutOf(data: TessPage): WordLayout {
  const layout: WordLayout = [];
  for (const block of data.blocks ?? [])
    for (const para of block.paragraphs)
      layout.push(
        para.lines.map((line) => line.words.map((w) => ({ text: w.text.trim(), confidence: w.confidence, bbox: { ...w.bbox } }))),
      );
  return layout;
}

/** One tesseract worker behind the OcrEngine port. */
export async function createTesseractEngine(
  options: TesseractOptions = {},
): Promise<OcrEngine & { pages: number; broken: boolean }> {
  const langs = options.langs ?? ['pol', 'eng'];
  const langPath = await gatherLanguageData(langs, options.cacheDir);
  let worker: Worker;
  try {
    // Without an errorHandler tesseract.js rethrows every failed job from its message listener,
    // an uncaught exception that takes the process down; the job's own promise rejects anyway.
    worker = await createWorker(langs, 1, { langPath, cacheMethod: 'none', gzip: true, errorHandler: () => undefined });
  } catch (err) {
    throw new TransientError('ocr_engine_start', `tesseract worker failed to start: ${String(err)}`, { cause: err });
  }
  // debug_file: tesseract's own diagnostics ("Detected 39 diacritics", 2 of 34 bench pages) were
  // printed to the process's stdout between the service's JSON log lines; the text read is the same.
  // Set after start-up, so a failure to load the language data is still reported.
  await worker.setParameters({ ...ENGINE_PARAMETERS, debug_file: '/dev/null', ...options.parameters, tessedit_pageseg_mode: (options.psm ?? DEFAULT_PSM) as never });
  let lastDpi = 0;
  const timeoutMs = options.pageTimeoutMs ?? 120_000;
  const engine = {
    pages: 0,
    /** Set after a failure or timeout: the worker is terminated and must not be reused. */
    broken: false,
    async recognize(png: Buffer, opts: { dpi?: number } = {}): Promise<RecognizeOutput> {
      if (engine.broken) throw new TransientError('ocr_engine_broken', 'tesseract worker was terminated');
      let timer: NodeJS.Timeout | undefined;
      let data: TessPage;
      try {
        const dpi = Math.round(opts.dpi ?? 300);
        if (dpi !== lastDpi) {
          await worker.setParameters({ user_defined_dpi: String(dpi) });
          lastDpi = dpi;
        }
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new TransientError('ocr_timeout', `page not read within ${timeoutMs} ms`)), timeoutMs);
        });
        ({ data } = await Promise.race([worker.recognize(png, {}, { text: true, blocks: true }), timeout]));
      } catch (err) {
        engine.broken = true;
        await worker.terminate().catch(() => undefined);
        if (err instanceof TransientError) throw err;
        throw new TransientError('ocr_engine_failed', `tesseract failed: ${String(err)}`, { cause: err });
      } finally {
        clearTimeout(timer);
      }
      engine.pages++;
      return assembleReading(layoutOf(data));
    },
    async close(): Promise<void> {
      if (!engine.broken) await worker.terminate();
    },
  };
  return engine;
}

export interface PoolOptions extends TesseractOptions {
  /** Workers; defaults to the number of cores (each holds ~350 MB). */
  size?: number;
  /** Replace a worker after this many pages, because WASM memory never shrinks. */
  recycleAfterPages?: number;
}

/** A fixed set of reused workers; each is replaced after `recycleAfterPages` pages. */
export function createTesseractPool(options: PoolOptions = {}): OcrEngine {
  const size = Math.max(1, options.size ?? cpus().length);
  const recycleAfter = options.recycleAfterPages ?? 300;
  type Engine = Awaited<ReturnType<typeof createTesseractEngine>>;
  const idle: Engine[] = [];
  const waiting: { resolve: (e: Engine) => void; reject: (err: unknown) => void }[] = [];
  let started = 0;
  let closed = false;

  async function acquire(): Promise<Engine> {
    const ready = idle.pop();
    if (ready) return ready;
    if (started < size) {
      started++;
      try {
        return await createTesseractEngine(options);
      } catch (err) {
        started--;
        throw err;
      }
    }
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function release(e: Engine): void {
    if (closed || e.broken || e.pages >= recycleAfter) {
      started--;
      void e.close().catch(() => undefined);
      // A waiter would otherwise hang: start a fresh worker for it.
      const next = waiting.shift();
      if (next) {
        if (closed) next.reject(new Error('OCR pool is closed'));
        else void acquire().then(next.resolve, next.reject);
      }
      return;
    }
    const next = waiting.shift();
    if (next) next.resolve(e);
    else idle.push(e);
  }

  return {
    async recognize(png, opts) {
      if (closed) throw new Error('OCR pool is closed');
      const e = await acquire();
      try {
        return await e.recognize(png, opts);
      } finally {
        release(e);
      }
    },
    async close() {
      closed = true;
      await Promise.all(idle.splice(0).map((e) => e.close()));
    },
  };
}
