// Small shared helpers for the OCR benchmark: a bounded-concurrency map and a resident-memory
// sampler (tesseract.js workers are threads of this process, so process RSS includes them).

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

export interface RssSampler {
  /** Highest RSS seen since start, in MB. */
  stop(): { peakMb: number; startMb: number };
}

/** Samples process RSS every `everyMs` (peaks between samples can be missed; 250 ms is close enough for MB-scale heaps). */
export function sampleRss(everyMs = 250): RssSampler {
  const startMb = process.memoryUsage.rss() / 2 ** 20;
  let peak = startMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20);
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20);
      return { peakMb: peak, startMb };
    },
  };
}

export const fmtPct = (x: number) => `${(x * 100).toFixed(2)} %`;
