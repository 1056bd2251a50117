// Splitting a stack scanned without separator sheets (`npm run bench:split`): the hand-written letter
// corpus, filled for a generated customer master and shuffled into one stack, half of its letters of
// ten lines or more broken over two pages at a random line. Prints how many letters were merged into
// the letter before them (the data-breach error) and how many continuation pages were cut off as
// letters of their own (the nuisance), on clean text and at the classifier bench's two simulated
// OCR noise levels, with and without the sender check (ingest/letter-starts.ts).
import { Command } from 'commander';
import { createRng } from '../fixtures/generator/rng.js';
import { generateCustomers } from '../fixtures/generator/customers.js';
import { loadLetterCorpus } from '../classifier/letter-corpus.js';
import { fillCorpus } from '../classifier/corpus-fill.js';
import { OCR_NOISE } from '../classifier/ocr-noise.js';
import { extractIdentifiers } from '../classifier/identifiers.js';
import { fold } from '../router/fold.js';
import { splitByLetterStarts } from '../ingest/letter-starts.js';

const o = new Command().option('--seed <s>', 'fill, order and page-break seed', '1').option('--show <n>', 'print up to twice this many errors (clean text, with the sender check)', '0').parse().opts<{ seed: string; show: string }>();

/** The sender keys the pipeline would pass: identifiers of the kinds a letter's sender is known by. */
const senderKeys = (text: string): string[] => {
  const id = extractIdentifiers(text);
  return [
    ...id.customerNumbers.map((v) => `customer:${v}`), ...id.pesels.map((v) => `pesel:${v}`), ...id.nips.map((v) => `nip:${v}`),
    ...id.emails.map((v) => `email:${v.toLowerCase()}`), ...id.names.map((n) => `name:${fold(`${n.first} ${n.last}`)}`),
  ];
};

const { letters } = loadLetterCorpus();
const customers = generateCustomers(createRng(`split-master-${o.seed}`), 1000);
console.log(`| text | check | pages | letters | continuation pages | letters merged into the one before | continuation pages cut off |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const level of ['clean', 'light', 'heavy'] as const) {
  const filled = fillCorpus(createRng(`split-fill-${o.seed}`), letters, { customers, noise: level === 'clean' ? undefined : OCR_NOISE[level] });
  const rng = createRng(`split-order-${o.seed}`);
  const order = filled.map((_, i) => ({ i, k: rng.next() })).sort((a, b) => a.k - b.k).map((x) => x.i);
  const pages: string[] = [];
  const starts: boolean[] = [];
  for (const i of order) {
    const lines = filled[i]!.text.split('\n');
    if (lines.length >= 10 && rng.chance(0.5)) {
      const cut = Math.floor(lines.length * (0.4 + rng.next() * 0.3));
      pages.push(lines.slice(0, cut).join('\n'), lines.slice(cut).join('\n'));
      starts.push(true, false);
    } else {
      pages.push(filled[i]!.text);
      starts.push(true);
    }
  }
  for (const check of ['layout', 'layout + sender'] as const) {
    const { verdicts } = splitByLetterStarts(pages, check === 'layout' ? {} : { senderKeys });
    let merged = 0;
    let cut = 0;
    const shown: string[] = [];
    verdicts.forEach((v, i) => {
      const wrong = starts[i] ? i > 0 && !v.start : v.start;
      if (!wrong) return;
      if (starts[i]) merged++;
      else cut++;
      if (level === 'clean' && check !== 'layout' && shown.length < 2 * Number(o.show)) {
        shown.push(`  ${starts[i] ? 'merged' : 'cut off'}: ${v.reasons.join('; ') || 'no sign either way'} | ${JSON.stringify(pages[i]!.slice(0, 100))}`);
      }
    });
    const nStarts = starts.filter(Boolean).length;
    const nCont = starts.length - nStarts;
    const pct = (n: number, of: number) => `${n} (${((100 * n) / of).toFixed(1)} %)`;
    console.log(`| ${level} | ${check} | ${pages.length} | ${nStarts} | ${nCont} | ${pct(merged, nStarts - 1)} | ${pct(cut, nCont)} |`);
    if (shown.length) console.log(shown.join('\n'));
  }
}
