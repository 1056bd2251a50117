import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/generator/rng.js';
import { generateCustomers } from '../../fixtures/generator/customers.js';
import { loadLetterCorpus } from '../../classifier/letter-corpus.js';
import { fillCorpus } from '../../classifier/corpus-fill.js';
import { corpusLayout, pickCondition, type ScanCondition } from '../../classifier/corpus-scans.js';
import { readCorpusScans } from '../../classifier/corpus-ocr.js';
import { stratifiedSubset } from '../../classifier/corpus-ocr-level.js';
import { createOcrEngine } from '../../ocr/ocr-reader.js';
import type { OcrEngine } from '../../ocr/ports.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;
const dir = mkdtempSync(join(tmpdir(), 'corpus-scans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { letters } = loadLetterCorpus();

describe('corpus scan helpers', () => {
  it('keeps the letter lines, wraps only long ones and puts the signature by the last line', () => {
    const layout = corpusLayout('Jan Kowalski\nul. Polna 1\n\n' + 'Proszę o wyjaśnienie faktury, bo kwota jest wyższa niż zwykle i nie wiem dlaczego.\n\nJan Kowalski');
    expect(layout.map((l) => l.role)).toEqual(['header', 'header', 'blank', 'body', 'blank', 'header']);
    expect(layout.filter((l) => l.signature).map((l) => l.text)).toEqual(['Jan Kowalski']);
  });

  it('takes a stratified subset: every category, no letter twice', () => {
    const subset = stratifiedSubset(letters, 40, 1);
    expect(subset).toHaveLength(40);
    expect(new Set(subset.map((l) => l.id)).size).toBe(40);
    expect(new Set(subset.map((l) => l.category))).toEqual(new Set(letters.map((l) => l.category)));
  });
});

slow('corpus letter scanned and read by mailroom OCR', () => {
  // The shortest letter that shows both a customer number and a name.
  const letter = letters.filter((l) => l.uses.has('CUSTOMER_NO') && l.uses.has('NAME')).sort((a, b) => a.text.length - b.text.length)[0]!;
  const customers = generateCustomers(createRng('corpus-scans-test'), 50);
  const individuals = customers.filter((c) => c.segment === 'individual');
  const [filled] = fillCorpus(createRng('corpus-scans-fill'), [letter], { customers: individuals, strangerShare: 0 });
  const customer = customers.find((c) => c.customerId === filled!.customerId)!;
  // A degraded but fixed condition, so the test does not depend on the seed's draw.
  const condition: ScanCondition = {
    ...pickCondition(createRng('corpus-scans-condition')), format: 'jpeg', dpi: 200, font: 'sans',
    degradation: { skewDeg: 2.5, noise: 6, speckle: 20 },
  };
  let reads = 0;
  const counting = (inner: OcrEngine): OcrEngine => ({
    recognize: (png, opts) => {
      reads++;
      return inner.recognize(png, opts);
    },
    close: () => inner.close(),
  });

  it('reads the customer number and surname, then reuses the cache until the letter changes', async () => {
    const engine = counting(createOcrEngine({ poolSize: 1 }));
    try {
      const opts = { dir, seed: 1, engine, conditionOf: () => condition };
      const first = await readCorpusScans([filled!], opts);
      expect(first.fresh).toBe(1);
      const text = first.readings.get(filled!.id)!.text;
      expect(text.replace(/\D/g, '')).toContain(customer.customerId.replace(/\D/g, ''));
      expect(text).toContain(customer.lastName);
      const afterFirst = reads;
      expect(afterFirst).toBeGreaterThan(0);

      const second = await readCorpusScans([filled!], opts);
      expect(second.fresh).toBe(0);
      expect(reads).toBe(afterFirst);
      expect(second.readings.get(filled!.id)!.text).toBe(text);

      const changed = { ...filled!, text: `${filled!.text}\nDziękuję.` };
      const third = await readCorpusScans([changed], opts);
      expect(third.fresh).toBe(1);
      expect(reads).toBeGreaterThan(afterFirst);
    } finally {
      await engine.close();
    }
  });
});
