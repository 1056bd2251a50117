import { describe, expect, it } from 'vitest';
import type { OcrWord, PageImage } from '../../core/types.js';
import type { OcrEngine, PreparedPage, RecognizeOutput } from '../../ocr/ports.js';
import { FLIP_CHECK_BELOW, readPage, readingScore } from '../../ocr/read-page.js';
import { TransientError } from '../../core/errors.js';

const word = (text: string, confidence: number): OcrWord => ({ text, confidence, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 } });
const reading = (words: OcrWord[]): RecognizeOutput => ({
  text: words.map((w) => w.text).join(' '),
  confidence: words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0,
  words,
});

// The fake engine reads a page by its bytes: 'U' = upright text, 'D' = the same text upside down.
function fakeEngine(byImage: Record<string, RecognizeOutput>) {
  const calls: string[] = [];
  const engine: OcrEngine = {
    async recognize(png) {
      calls.push(png.toString());
      return byImage[png.toString()] ?? reading([]);
    },
    async close() {},
  };
  return { engine, calls };
}

const page: PageImage = { png: Buffer.from('scan'), width: 100, height: 140, dpi: 300 };
const prepare = (rotation: 0 | 90, png: string, bitonal = false, faint = false) => async (): Promise<PreparedPage> => ({
  png: Buffer.from(png), width: 100, height: 140, dpi: 300, rotation, skewDegrees: 1.5, inkShare: 0.05, bitonal, faint,
});
const rotate180 = async (png: Buffer) => Buffer.from(png.toString() === 'U' ? 'D' : png.toString() === 'D' ? 'U' : `~${png}`);

const upright = reading([word('Szanowni', 95), word('Państwo', 93), word('reklamacja', 96)]);
const upsideDown = reading([word('ʎ!', 41), word('oMuez', 38), word('uI', 50)]);

describe('readPage', () => {
  // 'R': the page with its strokes joined, 'W': the same page left whole (prepare's repairStrokes: false).
  const repairing = (calls: (boolean | undefined)[]) => async (_p: PageImage, o?: { repairStrokes?: boolean }): Promise<PreparedPage> => {
    calls.push(o?.repairStrokes);
    const repaired = o?.repairStrokes !== false;
    return { png: Buffer.from(repaired ? 'R' : 'W'), width: 100, height: 140, dpi: 300, rotation: 0, skewDegrees: 0, inkShare: 0.02, bitonal: false, faint: false, ...(repaired ? { strokesRepaired: true } : {}) };
  };

  it('reads a repaired page that read poorly once more unrepaired and keeps the better reading (blind test AO)', async () => {
    const poor = reading([word('Pa1tara', 35), word('Fv', 30), word('sr', 40)]);
    const { engine } = fakeEngine({ R: poor, '~R': poor, W: upright });
    const calls: (boolean | undefined)[] = [];
    const out = await readPage({ engine, prepare: repairing(calls), rotate180 }, page);
    expect(calls).toEqual([undefined, false]);
    expect(out.result.text).toBe(upright.text);
    expect(out.preparedPng.toString()).toBe('W');
    expect(out.reads).toBe(3);
    // A repaired page that reads well is read once.
    const good = fakeEngine({ R: upright });
    const once: (boolean | undefined)[] = [];
    expect((await readPage({ engine: good.engine, prepare: repairing(once), rotate180 }, page)).result.text).toBe(upright.text);
    expect(once).toEqual([undefined]);
    // Unrepaired no better: the repaired reading stays.
    const worse = fakeEngine({ R: poor, '~R': poor, W: reading([word('x', 20)]) });
    expect((await readPage({ engine: worse.engine, prepare: repairing([]), rotate180 }, page)).preparedPng.toString()).toBe('R');
  });

  it('reads the page as scanned when the prepared image kept the engine past its timeout', async () => {
    const { engine: inner, calls } = fakeEngine({ scan: upright });
    const engine: OcrEngine = {
      async recognize(png, o) {
        if (png.toString() === 'U') throw new TransientError('ocr_timeout', 'page not read within 120000 ms');
        return inner.recognize(png, o);
      },
      async close() {},
    };
    const out = await readPage({ engine, prepare: prepare(0, 'U'), rotate180 }, page);
    expect(calls).toEqual(['scan']);
    expect(out.result).toMatchObject({ text: upright.text, rotation: 0, skewDegrees: 0, width: 100, height: 140, dpi: 300 });
    expect(out.preparedPng.toString()).toBe('scan');
    // A timeout in the 180° check (a poor first reading) falls back the same way.
    const poor = reading([word('Szanowni', 60)]);
    const { engine: inner2, calls: calls2 } = fakeEngine({ U: poor, scan: upright });
    const flipSlow: OcrEngine = {
      async recognize(png, o) {
        if (png.toString() === 'D') throw new TransientError('ocr_timeout', 'page not read within 120000 ms');
        return inner2.recognize(png, o);
      },
      async close() {},
    };
    const flipped = await readPage({ engine: flipSlow, prepare: prepare(0, 'U'), rotate180 }, page);
    expect([calls2, flipped.result.text]).toEqual([['U', 'scan'], upright.text]);
    // Any other engine failure is the queue's to retry, as before.
    const failing: OcrEngine = { async recognize() { throw new TransientError('ocr_engine_failed', 'crashed'); }, async close() {} };
    await expect(readPage({ engine: failing, prepare: prepare(0, 'U'), rotate180 }, page)).rejects.toThrow(/crashed/);
  });

  it('reads an upright page once', async () => {
    const { engine, calls } = fakeEngine({ U: upright, D: upsideDown });
    const out = await readPage({ engine, prepare: prepare(0, 'U'), rotate180 }, page);
    expect(calls).toEqual(['U']);
    expect(out.reads).toBe(1);
    expect(out.result).toMatchObject({ rotation: 0, skewDegrees: 1.5, text: upright.text, dpi: 300 });
  });

  it('turns a low-confidence page and keeps the better reading with its image', async () => {
    const { engine, calls } = fakeEngine({ U: upright, D: upsideDown });
    const out = await readPage({ engine, prepare: prepare(90, 'D'), rotate180 }, page);
    expect(calls).toEqual(['D', 'U']);
    expect(out.result.rotation).toBe(270);
    expect(out.result.text).toBe(upright.text);
    expect(out.preparedPng.toString()).toBe('U');
  });

  it('keeps a poor upright reading when turning it reads worse', async () => {
    const poor = reading([word('Szanowni', 60), word('Pafistwo', 55), word('reklarnacja', 58)]);
    const { engine } = fakeEngine({ U: poor, D: upsideDown });
    const out = await readPage({ engine, prepare: prepare(0, 'U'), rotate180 }, page);
    expect(poor.confidence).toBeLessThan(FLIP_CHECK_BELOW);
    expect(out.reads).toBe(2);
    expect(out.result.rotation).toBe(0);
    expect(out.preparedPng.toString()).toBe('U');
  });

  it('does not turn a page that read empty, but reads it as scanned', async () => {
    const { engine, calls } = fakeEngine({});
    const out = await readPage({ engine, prepare: prepare(0, 'blank'), rotate180 }, page);
    expect(calls).toEqual(['blank', 'scan']);
    expect(out.result.words).toEqual([]);
  });

  it('reads a page as scanned when its preparation left (almost) nothing to read (blind test AE)', async () => {
    // A stain turned the page sideways in preparation; the scan itself reads.
    const { engine, calls } = fakeEngine({ P: reading([word('Katarzyna', 40)]), scan: upright });
    const out = await readPage({ engine, prepare: prepare(90, 'P'), rotate180 }, page);
    expect(calls).toEqual(['P', '~P', 'scan']);
    expect(out.reads).toBe(3);
    expect(out.result).toMatchObject({ text: upright.text, rotation: 0, skewDegrees: 0 });
    expect(out.preparedPng.toString()).toBe('scan');
    // A page whose scan reads no better keeps its prepared reading.
    const { engine: same } = fakeEngine({ P: reading([word('Katarzyna', 90)]) });
    expect((await readPage({ engine: same, prepare: prepare(0, 'P'), rotate180 }, page)).result.text).toBe('Katarzyna');
  });

  it('archives a bitonal scan black and white again, and leaves grey ones alone (blind test AD)', async () => {
    const binarize = async (png: Buffer) => Buffer.from(`bw:${png}`);
    const { engine, calls } = fakeEngine({ U: upright });
    const bw = await readPage({ engine, prepare: prepare(0, 'U', true), rotate180, binarize }, page);
    expect(bw.preparedPng.toString()).toBe('bw:U');
    // The engine read the grey image.
    expect(calls).toEqual(['U']);
    expect((await readPage({ engine, prepare: prepare(0, 'U'), rotate180, binarize }, page)).preparedPng.toString()).toBe('U');
  });

  it('reads a page that is the other side showing through as empty, and a poor page of its own as it is (blind test AF)', async () => {
    const mirror = async (png: Buffer) => Buffer.from(`m${png}`);
    const garbage = reading([word('giob', 40), word('ulsiw', 35), word('yrmit', 38)]);
    const { engine, calls } = fakeEngine({ S: garbage, '~S': garbage, mS: upright });
    const out = await readPage({ engine, prepare: prepare(0, 'S', false, true), rotate180, mirror }, page);
    expect(out.showThrough).toBe(true);
    expect(out.result).toMatchObject({ text: '', words: [], confidence: 0 });
    expect(calls).toEqual(['S', '~S', 'mS']);
    // Hand-writing read poorly reads worse mirrored: it stays.
    const poor = reading([word('Szanowni', 60), word('Pafistwo', 55), word('reklarnacja', 58)]);
    const { engine: own } = fakeEngine({ H: poor, mH: garbage, '~mH': garbage });
    const kept = await readPage({ engine: own, prepare: prepare(0, 'H', false, true), rotate180, mirror }, page);
    expect(kept.showThrough).toBeUndefined();
    expect(kept.result.text).toBe(poor.text);
    // A page in dark ink is not looked at mirrored at all.
    const { engine: dark, calls: darkCalls } = fakeEngine({ S: garbage, '~S': garbage, mS: upright });
    expect((await readPage({ engine: dark, prepare: prepare(0, 'S'), rotate180, mirror }, page)).showThrough).toBeUndefined();
    expect(darkCalls).not.toContain('mS');
  });

  it('scores confident specks below real words', () => {
    const specks = reading([word('|', 96), word('.', 97), word('—', 95)]);
    expect(readingScore(specks)).toBeLessThan(readingScore(upright));
    expect(readingScore(reading([]))).toBe(0);
  });
});
