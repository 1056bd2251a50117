import { describe, expect, it } from 'vitest';
import { countAtOrBelow, greyHistogram, histogramPercentile, inkThreshold, otsuFromHistogram } from '../../core/grey-pixels.js';

// The shared grey statistics behind page inspection (ingest/page-stats) and OCR preparation.
describe('grey histogram statistics', () => {
  // 70 % paper at 230, 25 % ink at 40, 5 % anti-aliased edges spread over 100..139.
  const pixels = Uint8Array.from([
    ...Array<number>(700).fill(230),
    ...Array<number>(250).fill(40),
    ...Array.from({ length: 50 }, (_, i) => 100 + (i % 40)),
  ]);
  const hist = greyHistogram(pixels);

  it('counts every pixel at its level', () => {
    expect(hist[230]).toBe(700);
    expect(hist[40]).toBe(250);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(pixels.length);
  });

  it('counts the same on views at any byte offset and length (four pixels are read at a time)', () => {
    const buf = Uint8Array.from({ length: 1003 }, (_, i) => (i * 37 + 11) & 255);
    for (let off = 0; off < 5; off++) {
      for (const len of [0, 1, 3, 4, 5, 7, 998 - off]) {
        const view = buf.subarray(off, off + len);
        const byteLoop = new Uint32Array(256);
        for (const v of view) byteLoop[v]!++;
        expect([...greyHistogram(view)], `offset ${off} length ${len}`).toEqual([...byteLoop]);
      }
    }
  });

  it('reads percentiles as the lowest level holding the share', () => {
    expect(histogramPercentile(hist, 0.1)).toBe(40);
    expect(histogramPercentile(hist, 0.25)).toBe(40);
    expect(histogramPercentile(hist, 0.251)).toBe(100); // levels 100..109 hold 2 edge pixels each
    expect(histogramPercentile(hist, 0.26)).toBe(104);
    expect(histogramPercentile(hist, 0.5)).toBe(230);
    // A sub-population: the darkest tenth of the 300 pixels below 200.
    expect(histogramPercentile(hist.map((c, v) => (v < 200 ? c : 0)), 0.1, 300)).toBe(40);
  });

  it('puts Otsu between ink and paper, and counts the ink below it', () => {
    const t = otsuFromHistogram(hist);
    expect(t).toBeGreaterThanOrEqual(40);
    expect(t).toBeLessThan(230);
    expect(countAtOrBelow(hist, t)).toBeGreaterThanOrEqual(250);
    expect(countAtOrBelow(hist, t)).toBeLessThanOrEqual(300);
  });

  it('gives 128 for a flat image and 255 for a percentile of nothing', () => {
    expect(otsuFromHistogram(greyHistogram(new Uint8Array(10).fill(200)))).toBe(128);
    expect(histogramPercentile(new Uint32Array(256), 0.5, 0)).toBe(0);
    expect(histogramPercentile(new Uint32Array(256), 0.5, 10)).toBe(255);
  });

  it('keeps the ink threshold out of the grain of a sparse page of grey paper', () => {
    // A printed page: the ink threshold is Otsu's.
    expect(inkThreshold(hist)).toBe(otsuFromHistogram(hist));
    // Paper at 190 with grain of spread ~10 and 0.2 % ink at 50: Otsu splits the grain.
    let s = 3;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const grainy = Uint8Array.from({ length: 100_000 }, (_, i) =>
      i % 500 === 0 ? 50 : Math.round(190 + (rand() + rand() + rand() - 1.5) * 20));
    const h = greyHistogram(grainy);
    expect(otsuFromHistogram(h)).toBeGreaterThan(170);
    const t = inkThreshold(h);
    expect(t).toBeGreaterThanOrEqual(50);
    expect(countAtOrBelow(h, t)).toBe(200);
  });
});
