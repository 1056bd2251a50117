// One long-lived `tesseract` process reading page files named on its stdin, one at a time
// (`-c stream_filelist=true`). Starting tesseract and loading pol+eng costs about as much as reading
// a page (6 pages: 36 s one process each, 23 s in one process, load ~8), so processes are reused.
import { spawn } from 'node:child_process';
import { PermanentError, TransientError } from '../core/errors.js';
import { ENGINE_PARAMETERS } from './ports.js';

/** An 8×8 white page: read after every page, its TSV page row marks where the page's rows end. */
export const SENTINEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADklEQVQImWP4DwUMlDEA98A/wUV0Qe0AAAAASUVORK5CYII=',
  'base64',
);

export interface ProcessOptions {
  binary: string;
  langs: string[];
  psm: string;
  /** Passed as --dpi: fixed for the life of the process. */
  dpi: number;
  /** Path of SENTINEL_PNG on disk. */
  sentinelPath: string;
}

export interface TesseractProcess {
  readonly dpi: number;
  /** Pages read so far. */
  pages: number;
  /** Exited or killed: must not be given more pages. */
  dead: boolean;
  /** The TSV rows of the page in `path` (PNG/JPEG/TIFF file). One call at a time. */
  read(path: string, timeoutMs: number): Promise<string>;
  /** Lets the process finish and exit (no more pages will come). */
  end(): void;
}

/** tesseract's complaint in one line: its stderr (leptonica errors first, then tesseract's verdict). */
const stderrSummary = (s: string) => s.trim().split('\n').map((l) => l.trim()).filter((l) => l && !/^Page \d+ : /.test(l)).join('; ').slice(-300);

export function startTesseractProcess(o: ProcessOptions): TesseractProcess {
  // No second reading of weak lines as white-on-black: prepared pages are dark ink on white, and on
  // 11 prepared bench pages it cost 35 % of the time (10.7 s vs 6.9 s) to change only signature scrawl.
  const args = ['-c', 'stream_filelist=true', ...Object.entries(ENGINE_PARAMETERS).flatMap(([k, v]) => ['-c', `${k}=${v}`]), '-', 'stdout', '-l', o.langs.join('+'), '--oem', '1', '--psm', o.psm, '--dpi', String(o.dpi), 'tsv'];
  // One thread per process: OpenMP on a shared 2-core machine is ~3x slower than a process per core.
  const child = spawn(o.binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  /** TSV page number (1-based, sentinels counted) of the next file sent. */
  let nextPage = 1;
  let pending: { page: number; resolve: (tsv: string) => void; reject: (e: Error) => void } | null = null;

  const fail = (e: Error) => {
    proc.dead = true;
    const p = pending;
    pending = null;
    p?.reject(e);
  };
  const settle = () => {
    if (!pending) return;
    // The sentinel's page row, complete with its newline, follows the last row of the page.
    const end = out.indexOf(`\n1\t${pending.page + 1}\t`);
    if (end < 0 || out.indexOf('\n', end + 1) < 0) return;
    // Every TSV row starts with its level, so "\n1\t" only ever begins a page row.
    const start = out.startsWith(`1\t${pending.page}\t`) ? 0 : out.indexOf(`\n1\t${pending.page}\t`) + 1;
    const rows = out.slice(start, end + 1);
    out = out.slice(out.indexOf('\n', end + 1) + 1);
    const p = pending;
    pending = null;
    p.resolve(rows);
  };

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    settle();
  });
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  // EPIPE after the process died; its exit reports why.
  child.stdin.on('error', () => undefined);
  child.on('error', (e) => fail(new TransientError('ocr_engine_failed', `${o.binary} could not be run: ${e.message}`, { cause: e })));
  child.on('close', (code, signal) => {
    if (/cannot be read|no pix returned|Unknown format/i.test(err))
      fail(new PermanentError('ocr_unreadable_image', `tesseract could not read the page image: ${stderrSummary(err)}`));
    else fail(new TransientError('ocr_engine_failed', `tesseract exited (${code ?? signal}) before the page was read: ${stderrSummary(err)}`));
  });

  const proc: TesseractProcess = {
    dpi: o.dpi,
    pages: 0,
    dead: false,
    read(path, timeoutMs) {
      if (proc.dead) return Promise.reject(new TransientError('ocr_engine_broken', 'tesseract process has exited'));
      if (pending) return Promise.reject(new Error('tesseract process is busy'));
      const page = nextPage;
      nextPage += 2;
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          fail(new TransientError('ocr_timeout', `page not read within ${timeoutMs} ms`));
          child.kill('SIGKILL');
        }, timeoutMs);
        pending = {
          page,
          resolve: (tsv) => {
            clearTimeout(timer);
            proc.pages++;
            resolve(tsv);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        child.stdin.write(`${path}\n${o.sentinelPath}\n`);
      });
    },
    end() {
      proc.dead = true;
      child.stdin.end();
    },
  };
  return proc;
}
