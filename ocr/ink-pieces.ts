// Connected pieces of ink (8-connected pixels at or below a threshold) on a grey page: what the
// broken-stroke measure (stroke-repair.ts) and the writing-line finder (leader-dots.ts) count in.
import type { Raw } from './page-image.js';

export interface InkPiece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  area: number;
}

/**
 * Calls `visit` once per piece. The outermost rows and columns count as paper, so neighbours need
 * no bounds checks (a scan's edge holds no text). `ink` is the page's count of ink pixels when the
 * caller has it from a histogram; it sizes the flood fill's stack.
 */
export function forEachInkPiece(r: Raw, threshold: number, visit: (p: InkPiece) => void, ink?: number): void {
  const { data, width: w, height: h } = r;
  if (w < 3 || h < 3) return;
  let inkTotal = ink ?? 0;
  if (ink === undefined) for (let i = 0; i < data.length; i++) if (data[i]! <= threshold) inkTotal++;
  if (inkTotal === 0) return;
  const seen = new Uint8Array(data.length);
  seen.fill(1, 0, w);
  seen.fill(1, (h - 1) * w);
  for (let y = 1; y < h - 1; y++) seen[y * w] = seen[y * w + w - 1] = 1;
  const around = [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1];
  // Every ink pixel is pushed at most once (marked when pushed), so the stack never overflows.
  const stack = new Int32Array(inkTotal);
  for (let start = w; start < data.length - w; start++) {
    if (seen[start] || data[start]! > threshold) continue;
    let sp = 0, area = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
    stack[sp++] = start;
    seen[start] = 1;
    while (sp > 0) {
      const p = stack[--sp]!;
      area++;
      const y = (p / w) | 0, x = p - y * w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let k = 0; k < 8; k++) {
        const q = p + around[k]!;
        if (!seen[q] && data[q]! <= threshold) {
          seen[q] = 1;
          stack[sp++] = q;
        }
      }
    }
    visit({ x0, y0, x1, y1, area });
  }
}
