// Where an address's '@' was: OCR reads it as Q, G, ©, ł, "ec" or a space, so each place the
// '@' could have stood (in a gap of up to three characters) gives one candidate address. The
// candidates are only lookup keys: an address counts when the customer master holds exactly it,
// which no misplaced '@' plausibly produces.

import { LETTER_TO_DIGIT } from '../core/ocr-lookalikes.js';

const LOCAL = /^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?$/;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,6}$/;
/** Characters the OCR can put in place of one '@' ("G©", "ec", "Q", " "). */
const MAX_GAP = 3;
/** A bound on lookup keys per letter: a long token yields ~4 candidates per character. */
const MAX_CANDIDATES = 600;

/**
 * The (lower-case) token with look-alike letters touching a digit read as digits, as OCR reads
 * "maciejewskiS57" for "maciejewski557"; null when there are none.
 */
function digitsRepaired(s: string): string | null {
  const out = s.replace(/[a-z](?=\d)|(?<=\d)[a-z]/g, (c) => LETTER_TO_DIGIT[c] ?? c);
  return out === s ? null : out;
}

/**
 * The domain as read, and with a leading 0 read back as the letter o: "@o2.pl", one of the most
 * common Polish mail domains, came out "95002.pl" and "@o02.pl" (blind tests H and J).
 */
export function domains(d: string): string[] {
  return d.startsWith('0') ? [d, `o${d.slice(1)}`] : [d];
}

/** Candidate addresses for tokens found by findUnreadEmails. */
export function emailRepairs(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  const all = tokens.flatMap((t) => {
    const fixed = digitsRepaired(t.toLowerCase());
    return fixed ? [t, fixed] : [t];
  });
  for (const raw of all) {
    const s = raw.toLowerCase();
    if (s.includes('@')) {
      // The '@' was read; spaces the OCR put inside, or one speck read beside the '@', were the damage.
      const joined = s.replace(/\s+/g, '');
      const [local = '', domain = '', extra] = joined.split('@');
      if (extra !== undefined) continue;
      for (const [l, d] of [[local, domain], [local.slice(0, -1), domain], [local, domain.slice(1)]] as const) {
        for (const dd of domains(d)) if (LOCAL.test(l) && DOMAIN.test(dd)) out.add(`${l}@${dd}`);
      }
      continue;
    }
    for (let i = 1; i < s.length; i++) {
      const local = s.slice(0, i);
      if (!LOCAL.test(local)) continue;
      for (let gap = 0; gap <= MAX_GAP && i + gap < s.length; gap++) {
        for (const domain of domains(s.slice(i + gap))) if (DOMAIN.test(domain)) out.add(`${local}@${domain}`);
      }
    }
    if (out.size >= MAX_CANDIDATES) break;
  }
  return [...out].slice(0, MAX_CANDIDATES);
}
