// The `ocr` level of the corpus benchmark: the filled test letters (no simulated noise) scanned
// and read by mailroom's OCR (classifier/corpus-ocr.ts), with progress on stderr and the
// condition mix and a text length sanity figure on stdout.
import { SingleBar, Presets } from 'cli-progress';
import { join } from 'node:path';
import { createRng } from '../fixtures/generator/rng.js';
import type { FilledLetter } from './corpus-fill.js';
import { readCorpusScans } from './corpus-ocr.js';

export interface OcrLevelOptions {
  seed: number;
  /** Letters to read: a stratified subset for quick runs; every letter when absent. */
  limit?: number;
  /** Cache root; bench-out when absent. */
  root?: string;
}

/** Up to n letters, the categories taking turns (each in a seeded order), so every category is present. */
export function stratifiedSubset<T extends { id: string; category: string }>(letters: T[], n: number, seed: number): T[] {
  if (n >= letters.length) return letters;
  const rng = createRng(`corpus-ocr-subset-${seed}`);
  const byCat = new Map<string, T[]>();
  for (const l of [...letters].sort((a, b) => a.id.localeCompare(b.id))) byCat.set(l.category, [...(byCat.get(l.category) ?? []), l]);
  const queues = [...byCat.keys()].sort().map((c) => rng.shuffle(byCat.get(c)!));
  const out: T[] = [];
  for (let i = 0; out.length < n; i++) for (const q of queues) if (i < q.length && out.length < n) out.push(q[i]!);
  return out;
}

function progress(total: number): { update: (done: number, pages: number) => void; stop: () => void } {
  const t0 = Date.now();
  const rate = (pages: number) => (pages / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(2);
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: 'corpus OCR {bar} {value}/{total} letters, {pages} pages, {rate} pages/s, eta {eta_formatted}', stream: process.stderr }, Presets.shades_classic);
    bar.start(total, 0, { pages: 0, rate: '0' });
    return { update: (d, p) => bar.update(d, { pages: p, rate: rate(p) }), stop: () => bar.stop() };
  }
  // Logs redirected to a file get a line every 25 letters instead of a redrawn bar.
  return {
    update: (d, p) => {
      if (d % 25 === 0 || d === total) process.stderr.write(`corpus OCR ${d}/${total} letters, ${p} pages read, ${rate(p)} pages/s\n`);
    },
    stop: () => undefined,
  };
}

/** The test letters with their OCR text in place of the filled text, plus summary lines. */
export async function ocrTestLetters(filled: FilledLetter[], o: OcrLevelOptions): Promise<{ letters: FilledLetter[]; summary: string[] }> {
  const subset = o.limit === undefined ? filled : stratifiedSubset(filled, o.limit, o.seed);
  const dir = join(o.root ?? 'bench-out', `corpus-ocr-${o.seed}`);
  const bar = progress(subset.length);
  const { readings, fresh, pagesRead, ocrMs } = await readCorpusScans(subset, { dir, seed: o.seed, onLetter: bar.update });
  bar.stop();
  const letters = subset.map((l) => ({ ...l, text: readings.get(l.id)!.text }));
  const mix = new Map<string, number>();
  let pages = 0;
  let ratio = 0;
  for (const l of subset) {
    const r = readings.get(l.id)!;
    pages += r.pages;
    ratio += r.text.length / Math.max(1, l.text.length);
    for (const c of r.labels) mix.set(c, (mix.get(c) ?? 0) + 1);
  }
  const pct = (k: number) => `${((k / subset.length) * 100).toFixed(0)} %`;
  const secs = ocrMs / 1000;
  const summary = [
    `ocr level: ${subset.length} letters, ${pages} pages (${dir}; ${fresh} letters / ${pagesRead} pages read now in ${secs.toFixed(0)} s` +
      `${pagesRead ? `, ${(pagesRead / secs).toFixed(2)} pages/s` : ''}, the rest cached)`,
    `ocr level conditions: ${[...mix].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ${pct(k)}`).join(', ')}`,
    `ocr level: mean OCR text length / filled text length ${(ratio / subset.length).toFixed(3)}`,
  ];
  console.log(summary.join('\n'));
  return { letters, summary };
}
