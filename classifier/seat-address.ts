// A firm's registration footer ("Piekarnia Złoty Kłos sp. z o.o., ul. Zakopiańska 62, 30-418 Kraków /
// NIP … KRS … REGON …") gives the seat of the company, which every branch prints alike. A branch's
// letter names its own address above it; there the seat says nothing about which account wrote
// (blind test AS: a chain's Tarnów branch tied with the Kraków head office on the footer's address).
import { foldChars } from './normalize.js';
import { REGISTRATION } from './institution.js';
import { lineStarts } from './recipient-block.js';

// A registry court's division is named on the same footers ("Sąd Rejonowy … VII Wydział Gospodarczy
// KRS"); institution detection must not drop it, a court of that division writes as one.
const SEAT_LINE = new RegExp(`${REGISTRATION.source}|wydzial gospodarczy`);

/** Character ranges [start, end) of registration lines and the line right above each. */
export function seatSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const lines = text.split('\n');
  const starts = lineStarts(lines);
  lines.forEach((line, i) => {
    if (!SEAT_LINE.test(foldChars(line))) return;
    // The line above, across one blank line, carries the firm's name and seat when the footer has two.
    let above = i - 1;
    while (above >= 0 && !lines[above]!.trim() && i - above <= 2) above--;
    const from = above >= 0 && lines[above]!.trim() ? starts[above]! : starts[i]!;
    out.push([from, starts[i]! + line.length]);
  });
  return out;
}

/**
 * Hits outside the seat lines, or all of them when the letter gives no other: a firm's only
 * address may be its seat.
 */
export function withoutSeat<T extends { index: number }>(hits: T[], spans: [number, number][]): T[] {
  const outside = hits.filter((h) => !spans.some(([a, b]) => h.index >= a && h.index < b));
  return outside.length > 0 ? outside : hits;
}
