// The deadline an institution sets ("w terminie 14 dni", "w ciągu siedmiu dni", "7-dniowym terminie"),
// so the worklist can date LEGAL mail from its own term rather than a generic SLA.
import { normalizeText } from './normalize.js';

const NUMBER_WORDS: Record<string, number> = {
  jednego: 1, dwoch: 2, trzech: 3, czterech: 4, pieciu: 5, szesciu: 6, siedmiu: 7, osmiu: 8, dziewieciu: 9,
  dziesieciu: 10, jedenastu: 11, dwunastu: 12, czternastu: 14, pietnastu: 15, dwudziestu: 20,
  'dwudziestu jeden': 21, 'dwudziestu jednego': 21, trzydziestu: 30, szescdziesieciu: 60, 'tygodnia': 7,
};

const WORDS = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
// "dni" survives OCR as "dnl", "dn1", "cini"; the unit is what makes a number a term.
const DAYS = '(d[nm][il1!|]|cin[il1]|tygodni)';
// A count of days near a word that sets a deadline: "w terminie", "w ciągu", "czekamy", "na odpowiedź".
const CUE = '(?:termin\\w*|ciagu|okresie|czeka\\w*|odpowiedz\\w*|udziel\\w*|przesl\\w*|przekaz\\w*|zaplat\\w*|ustosunk\\w*|wyjasni\\w*|pozniej\\s+niz)';
const TERM = new RegExp(
  `${CUE}(?:\\s+[a-z]+){0,3}?\\s*(?:wynosi|:|-)?\\s*(?:do\\s+)?(\\d{1,3}|${WORDS})\\s*(?:\\(\\s*[a-z ]+\\s*\\)\\s*)?${DAYS}(?![a-z])`,
);
const ADJECTIVAL = /\b(\d{1,3})\s*-?\s*(dniow|tygodniow)\w*\s+termin/;

/** Days of the term stated in the text, or null. Weeks are converted to days. */
export function parseStatedTermDays(text: string): number | null {
  const t = normalizeText(text);
  const m = TERM.exec(t);
  if (m) {
    const raw = m[1] as string;
    const n = /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? NaN);
    if (Number.isFinite(n) && n > 0 && n <= 366) return m[2] === 'tygodni' ? n * 7 : n;
  }
  const a = ADJECTIVAL.exec(t);
  if (a) {
    const n = Number(a[1]);
    if (n > 0 && n <= 366) return a[2] === 'tygodniow' ? n * 7 : n;
  }
  return null;
}
