import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrWord } from '../../core/types.js';
import type { OcrEngine, RecognizeOutput } from '../../ocr/ports.js';
import { BUSINESS_LETTER, SAMPLE_LETTER, degrade, renderLetter, type RenderedPage } from '../ocr/render-test-page.js';

// One suite every OcrEngine adapter must pass, on real rendered pages: read-page, the searchable PDF
// and the matcher rely on this shape whichever engine is configured. An adapter's test file only
// says how to build a pool of two.

const T = 180_000;

function expectSaneWords(out: RecognizeOutput, page: RenderedPage): void {
  expect(out.words.length).toBeGreaterThan(50);
  for (const w of out.words) {
    expect(w.text.trim()).toBe(w.text);
    expect(w.text).not.toBe('');
    expect(w.confidence).toBeGreaterThanOrEqual(0);
    expect(w.confidence).toBeLessThanOrEqual(100);
    expect(w.bbox.x0).toBeGreaterThanOrEqual(0);
    expect(w.bbox.y0).toBeGreaterThanOrEqual(0);
    expect(w.bbox.x1).toBeLessThanOrEqual(page.width);
    expect(w.bbox.y1).toBeLessThanOrEqual(page.height);
    expect(w.bbox.x1).toBeGreaterThan(w.bbox.x0);
    expect(w.bbox.y1).toBeGreaterThan(w.bbox.y0);
  }
  const mean = out.words.reduce((s, w) => s + w.confidence, 0) / out.words.length;
  expect(out.confidence).toBeCloseTo(mean, 6);
  expect(out.confidence).toBeGreaterThan(80);
}

const find = (out: RecognizeOutput, text: string): OcrWord => {
  const w = out.words.find((x) => x.text.replace(/[.,:]$/, '') === text);
  if (!w) throw new Error(`"${text}" not among the words read: ${out.text.slice(0, 400)}`);
  return w;
};

/** Words in the order the engine gives them: each one further down the page than the one before. */
function expectTopToBottom(out: RecognizeOutput, texts: string[]): void {
  const words = texts.map((t) => find(out, t));
  for (let i = 1; i < words.length; i++) {
    expect(words[i]!.bbox.y0, `${texts[i]} below ${texts[i - 1]}`).toBeGreaterThan(words[i - 1]!.bbox.y1);
    expect(out.words.indexOf(words[i]!)).toBeGreaterThan(out.words.indexOf(words[i - 1]!));
    expect(out.text.indexOf(words[i]!.text)).toBeGreaterThan(out.text.indexOf(words[i - 1]!.text));
  }
}

export function ocrEngineConformance(name: string, make: () => OcrEngine | Promise<OcrEngine>, skipReason?: string): void {
  const suite = skipReason ? describe.skip : describe;
  suite(`OcrEngine conformance: ${name}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let engine: OcrEngine;
    let letter: RenderedPage;
    let business: RenderedPage;
    let blank: Buffer;

    beforeAll(async () => {
      engine = await make();
      letter = await renderLetter(SAMPLE_LETTER, 300);
      business = await renderLetter(BUSINESS_LETTER, 300, 'TestSans');
      blank = (await renderLetter([], 300)).png;
    }, T);
    afterAll(() => engine?.close());

    it('reads a rendered letter: Polish words, confidences 0..100, boxes on the page in reading order', async () => {
      const out = await engine.recognize(letter.png, { dpi: letter.dpi });
      expectSaneWords(out, letter);
      for (const w of ['Kraków', 'października', 'Reklamacja', 'FV/2026/10/48213', 'Państwo', 'wrzesień', 'Elektronicznej']) expect(out.text).toContain(w);
      expectTopToBottom(out, ['Anna', 'Reklamacja', 'Szanowni', 'Jeżeli', 'poważaniem']);
      for (const w of out.words) expect(out.text).toContain(w.text);
    }, T);

    it('reads a 200 dpi page told its resolution', async () => {
      const page = await degrade(business, { dpi: 200 });
      const out = await engine.recognize(page.png, { dpi: 200 });
      expectSaneWords(out, page);
      for (const w of ['BUDMAX', 'Poznań', 'wypowiadamy', '2024/B/55719', 'Wiśniewski']) expect(out.text).toContain(w);
    }, T);

    it('finds no words on an empty page', async () => {
      const out = await engine.recognize(blank, { dpi: 300 });
      expect(out).toEqual({ text: '', confidence: 0, words: [] });
    }, T);

    it('rejects bytes that are not an image with an error saying so', async () => {
      await expect(engine.recognize(Buffer.from('%PDF-1.7 this is not a page image'), { dpi: 300 })).rejects.toThrow(/image/i);
      // A PNG cut short: right signature, unreadable body.
      await expect(engine.recognize(letter.png.subarray(0, 2000), { dpi: 300 })).rejects.toThrow(/image/i);
      // The engine still reads afterwards: one bad page must not take the pool down.
      expect((await engine.recognize(blank, { dpi: 300 })).words).toEqual([]);
    }, T);

    it('keeps each reading with its own page under concurrent calls', async () => {
      const [a, b, c, d] = await Promise.all([
        engine.recognize(letter.png, { dpi: 300 }),
        engine.recognize(business.png, { dpi: 300 }),
        engine.recognize(blank, { dpi: 300 }),
        engine.recognize(letter.png, { dpi: 300 }),
      ]);
      expect(a!.text).toContain('Kowalczyk');
      expect(a!.text).not.toContain('BUDMAX');
      expect(b!.text).toContain('BUDMAX');
      expect(c!.words).toEqual([]);
      expect(d!.text).toBe(a!.text);
    }, T);

    it('closes idempotently and refuses pages afterwards', async () => {
      const own = await make();
      await own.recognize(blank, { dpi: 300 });
      await own.close();
      await own.close();
      await expect(own.recognize(blank, { dpi: 300 })).rejects.toThrow(/closed/);
    }, T);
  });
}
