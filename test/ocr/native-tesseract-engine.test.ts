import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';
import { TransientError } from '../../core/errors.js';
import { checkNativeTesseract, createNativeTesseractPool, parseTsv } from '../../ocr/native-tesseract-engine.js';
import { ocrEngineConformance } from '../helpers/ocr-engine-conformance.js';

/** Why the real-program suite cannot run here, or undefined when it can. */
function skipReason(): string | undefined {
  if (process.env.MAILROOM_SKIP_SLOW) return 'MAILROOM_SKIP_SLOW is set';
  try {
    checkNativeTesseract();
    return undefined;
  } catch (err) {
    return (err as ConfigError).problems?.join('; ') ?? String(err);
  }
}
const reason = skipReason();
if (reason) process.stderr.write(`native tesseract engine suite skipped: ${reason}\n`);
ocrEngineConformance('native tesseract', () => createNativeTesseractPool({ size: 2 }), reason);

describe('MAILROOM_OCR_ENGINE', () => {
  it('defaults to tesseract.js and accepts native', () => {
    expect(loadConfig({}).ocrEngine).toBe('tesseract.js');
    expect(loadConfig({ MAILROOM_OCR_ENGINE: 'native' }).ocrEngine).toBe('native');
  });

  it('reports an unknown engine together with the other bad variables', () => {
    const err = (() => {
      try {
        loadConfig({ MAILROOM_OCR_ENGINE: 'tesseract', PORT: 'eighty' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.problems.join('\n')).toMatch(/MAILROOM_OCR_ENGINE[^\n]*tesseract\.js[^\n]*native/);
    expect(err!.problems.join('\n')).toContain('PORT');
  });
});

describe('native tesseract engine without the real program', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mailroom-fake-tess-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A stand-in `tesseract` that lists `langs` and otherwise runs `body`. */
  async function fake(langs: string[], body: string): Promise<string> {
    const path = join(dir, `tess-${Math.random().toString(36).slice(2)}`);
    await writeFile(path, `#!/bin/sh\nif [ "$1" = --list-langs ]; then printf 'List of available languages in "/x/" (${langs.length}):\\n${langs.join('\\n')}\\n'; exit 0; fi\n${body}\n`);
    await chmod(path, 0o755);
    return path;
  }

  it('refuses to start without the program, naming the apt packages', () => {
    expect(() => createNativeTesseractPool({ binary: join(dir, 'absent') })).toThrow(ConfigError);
    expect(() => createNativeTesseractPool({ binary: join(dir, 'absent') })).toThrow(/tesseract-ocr tesseract-ocr-pol tesseract-ocr-eng/);
  });

  it('refuses to start without the Polish data, naming its package', async () => {
    const binary = await fake(['eng', 'osd'], 'exit 1');
    expect(() => createNativeTesseractPool({ binary })).toThrow(/no language data for pol; apt-get install tesseract-ocr-pol/);
  });

  it('kills a page over the time limit and reports it as transient', async () => {
    const binary = await fake(['pol', 'eng'], 'exec sleep 30');
    const engine = createNativeTesseractPool({ binary, pageTimeoutMs: 300 });
    const t0 = Date.now();
    const err = await engine.recognize(PNG).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).code).toBe('ocr_timeout');
    expect(Date.now() - t0).toBeLessThan(10_000);
    await engine.close();
  });

  /** A stand-in speaking tesseract's stream_filelist protocol: one TSV page row per file named on stdin. */
  const streaming = (log: string) =>
    `echo "$OMP_THREAD_LIMIT $*" >> ${log}; n=0; while read f; do n=$((n+1)); printf '1\\t%d\\t0\\t0\\t0\\t0\\t0\\t0\\t8\\t8\\t-1\\t\\n' $n; done`;
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  it('passes OMP_THREAD_LIMIT=1, the dpi and PSM 3, and reuses one process for pages of the same dpi', async () => {
    const log = join(dir, 'args.txt');
    const binary = await fake(['pol', 'eng'], streaming(log));
    const engine = createNativeTesseractPool({ binary, size: 1 });
    for (const dpi of [299.6, 300, 300]) expect(await engine.recognize(PNG, { dpi })).toEqual({ text: '', confidence: 0, words: [] });
    await engine.recognize(PNG, { dpi: 200 });
    await engine.close();
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      '1 -c stream_filelist=true -c tessedit_do_invert=0 - stdout -l pol+eng --oem 1 --psm 3 --dpi 300 tsv',
      '1 -c stream_filelist=true -c tessedit_do_invert=0 - stdout -l pol+eng --oem 1 --psm 3 --dpi 200 tsv',
    ]);
  });

  it('replaces a process that died and reports the page as transient', async () => {
    const log = join(dir, 'crash.txt');
    // The first process dies on its first page; the next one answers.
    const binary = await fake(['pol', 'eng'], `if [ ! -e ${log} ]; then touch ${log}; read f; exit 3; fi; ${streaming(join(dir, 'crash-args.txt'))}`);
    const engine = createNativeTesseractPool({ binary, size: 1 });
    const err = await engine.recognize(PNG).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as Error).message).toMatch(/exited \(3\)/);
    expect((await engine.recognize(PNG)).words).toEqual([]);
    await engine.close();
  });

  it('groups TSV words into paragraphs and lines in the order written', () => {
    const row = (block: number, par: number, line: number, word: number, left: number, top: number, conf: string, text: string) =>
      ['5', '1', block, par, line, word, left, top, 50, 30, conf, text].join('\t');
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
      row(1, 1, 1, 1, 100, 100, '96.5', 'Anna'),
      row(1, 1, 1, 2, 160, 100, '91', 'Kowalczyk'),
      row(1, 1, 2, 1, 100, 140, '95', 'Kraków'),
      row(1, 1, 2, 2, 160, 140, '-1', ' '),
      row(2, 1, 1, 1, 100, 300, '88.25', 'Szanowni'),
    ].join('\n');
    const layout = parseTsv(tsv);
    expect(layout.map((p) => p.map((l) => l.map((w) => w.text)))).toEqual([[['Anna', 'Kowalczyk'], ['Kraków']], [['Szanowni']]]);
    expect(layout[0]![0]![1]).toEqual({ text: 'Kowalczyk', confidence: 91, bbox: { x0: 160, y0: 100, x1: 210, y1: 130 } });
    expect(layout[1]![0]![0]!.confidence).toBe(88.25);
  });
});
