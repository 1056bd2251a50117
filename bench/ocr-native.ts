// Native engines on the same decoded page PNGs, one single-threaded process per core:
// tesseract (the raw page rate to beat) and OCRmyPDF (--rotate-pages --deskew, a full tool).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mapLimit } from './ocr-run-pool.js';
import type { PageJob, PageReading } from './ocr-mailroom.js';

const run = promisify(execFile);

export async function onPath(cmd: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

export interface NativeRun {
  readings: PageReading[];
  wallMs: number;
  /** Largest max-RSS of one page's process tree (GNU time %M), or null without /usr/bin/time. */
  peakProcessMb: number | null;
  failures: string[];
}

// OpenMP inside tesseract on a busy 2-core machine is ~3x slower than one thread per process.
const ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

async function timed(cmd: string, args: string[], useTime: boolean, memFile: string): Promise<{ stdout: string; maxRssMb: number | null }> {
  const [bin, argv] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', memFile, cmd, ...args]] : [cmd, args];
  const { stdout } = await run(bin, argv as string[], { env: ENV, maxBuffer: 64 * 2 ** 20 });
  const maxRssMb = useTime ? Number((await readFile(memFile, 'utf8')).trim().split('\n').pop()) / 1024 : null;
  return { stdout, maxRssMb };
}

async function runAll(
  jobs: PageJob[],
  cores: number,
  page: (job: PageJob, tmp: string, useTime: boolean) => Promise<{ text: string; maxRssMb: number | null }>,
  onPage?: (done: number) => void,
): Promise<NativeRun> {
  const useTime = await onPath('/usr/bin/time');
  const tmp = await mkdtemp(join(tmpdir(), 'ocr-bench-'));
  const failures: string[] = [];
  let peak: number | null = null;
  let done = 0;
  const t0 = performance.now();
  try {
    const readings = await mapLimit(jobs, cores, async (job, i) => {
      const s = performance.now();
      let text = '';
      try {
        const r = await page(job, join(tmp, String(i)), useTime);
        text = r.text;
        if (r.maxRssMb !== null) peak = Math.max(peak ?? 0, r.maxRssMb);
      } catch (err) {
        failures.push(`${job.pngPath}: ${(err as Error).message.split('\n')[0]}`);
      }
      onPage?.(++done);
      return { job, text, confidence: 0, rotation: 0, ms: performance.now() - s };
    });
    return { readings, wallMs: performance.now() - t0, peakProcessMb: peak, failures };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** `tesseract page.png stdout --dpi <scanned> -l pol+eng` (default PSM 3, LSTM). */
export function runTesseract(jobs: PageJob[], cores: number, onPage?: (done: number) => void): Promise<NativeRun> {
  return runAll(jobs, cores, async (job, tmp, useTime) => {
    const r = await timed('tesseract', [job.pngPath, 'stdout', '--dpi', String(job.dpi), '-l', 'pol+eng'], useTime, `${tmp}.mem`);
    return { text: r.stdout, maxRssMb: r.maxRssMb };
  }, onPage);
}

/**
 * `ocrmypdf --rotate-pages --deskew -l pol+eng --image-dpi <scanned>` on the page image (OCRmyPDF
 * wraps it into a one-page PDF itself), then pdftotext. `--output-type pdf --optimize 0` skip the
 * Ghostscript PDF/A pass and image optimisation: what is timed is orientation, deskew and OCR.
 * Text is extracted with `pdftotext -raw`.
 */
export function runOcrmypdf(jobs: PageJob[], cores: number, onPage?: (done: number) => void): Promise<NativeRun> {
  return runAll(jobs, cores, async (job, tmp, useTime) => {
    const out = `${tmp}.pdf`;
    const args = ['--rotate-pages', '--deskew', '-l', 'pol+eng', '--image-dpi', String(job.dpi), '--output-type', 'pdf',
      '--optimize', '0', '--jobs', '1', '--quiet', job.pngPath, out];
    const r = await timed('ocrmypdf', args, useTime, `${tmp}.mem`);
    // -raw keeps the text layer's stream order (tesseract's reading order); without it pdftotext
    // re-flows OCRmyPDF's separately placed invisible words across columns.
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-'], { maxBuffer: 64 * 2 ** 20 });
    return { text: stdout, maxRssMb: r.maxRssMb };
  }, onPage);
}
