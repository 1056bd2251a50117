// The deadline an institution sets ("w terminie 14 dni", "w ciągu siedmiu dni", "7-dniowym terminie",
// "w terminie tygodnia", "48 godzin", "within 14 days"), so the worklist can date LEGAL mail from its
// own term rather than a generic SLA. A letter often names several terms; the one it sets for the
// addressee ("proszę … w terminie 14 dni") wins over terms it only describes ("przysługuje zażalenie
// w terminie 7 dni", "prawo odstąpienia w terminie 14 dni", "wierzyciele mogą zgłaszać … 30 dni").
import { normalizeText, withoutSpecks } from './normalize.js';

const NUMBER_WORDS: Record<string, number> = {
  jednego: 1, dwoch: 2, trzech: 3, czterech: 4, pieciu: 5, szesciu: 6, siedmiu: 7, osmiu: 8, dziewieciu: 9,
  dziesieciu: 10, jedenastu: 11, dwunastu: 12, czternastu: 14, pietnastu: 15, dwudziestu: 20,
  'dwudziestu jeden': 21, 'dwudziestu jednego': 21, trzydziestu: 30, szescdziesieciu: 60,
  one: 1, two: 2, three: 3, five: 5, seven: 7, ten: 10, fourteen: 14, fifteen: 15, twenty: 20, 'twenty one': 21, thirty: 30,
};

const WORDS = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
const COUNT = `(\\d{1,3}|${WORDS})`;
// "dni" survives OCR as "dnl", "dn1", "cini"; the unit is what makes a number a term.
const UNIT = '(d[nm][il1!|]|cin[il1]|tygodni|godzin|days?|weeks?|hours?|working days|business days)';
// A count near a word that sets a deadline: "w terminie", "w ciągu", "czekamy", "na odpowiedź", "within".
const CUE = '(?:termin\\w*|ciagu|okresie|czeka\\w*|odpowiedz\\w*|udziel\\w*|przesl\\w*|przekaz\\w*|zaplat\\w*|zaplac\\w*|ustosunk\\w*|wyjasni\\w*|pozniej\\s+niz|within|no\\s+later\\s+than|deadline\\s+of)';
const PATTERNS: { re: RegExp; days: (m: RegExpExecArray) => number }[] = [
  {
    re: new RegExp(`${CUE}(?:\\s+[a-z]+){0,3}?\\s*(?:wynosi|:|-)?\\s*(?:do\\s+)?${COUNT}\\s*(?:\\(\\s*[a-z ]+\\s*\\)\\s*)?${UNIT}(?![a-z])`, 'g'),
    days: (m) => scale(count(m[1] as string), m[2] as string),
  },
  { re: /\b(\d{1,3})\s*-?\s*(dniow|tygodniow)\w*\s+termin/g, days: (m) => scale(Number(m[1]), m[2] === 'tygodniow' ? 'tygodni' : 'dni') },
  // A single week or month without a count: "w terminie tygodnia", "termin miesiąca", "within a week".
  {
    re: new RegExp(`${CUE}(?:\\s+[a-z]+){0,2}?\\s+(?:(?:jednego|one|a)\\s+)?(tygodnia|miesiaca|week|month)(?![a-z])`, 'g'),
    days: (m) => (m[1] === 'tygodnia' || m[1] === 'week' ? 7 : 30),
  },
];

function count(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? NaN);
}

function scale(n: number, unit: string): number {
  if (/^(tygodni|week)/.test(unit)) return n * 7;
  // A term in hours is due the day it runs out.
  if (/^(godzin|hour)/.test(unit)) return Math.ceil(n / 24);
  return n;
}

// Said to the addressee: a request, a summons, an obligation.
// "Rzecznik zwraca się o … zajęcie stanowiska w sprawie do dnia 5 grudnia" (blind test AC) asks too.
const SETS_TERM = /(prosz|prosb|prosimy|prosi |wzyw|wezwan|zada|nalez|zobowiaz|winien|powinn|udziel|przesl|przekaz|odpowiedz|ustosunk|zaplac|zwraca|wnos|stanowisk|please|request|call upon|required|must|shall)/;
// A right or a procedure described: whose term it is, is someone else's business.
const DESCRIBES_RIGHT = /(przysluguje|zazaleni|odwolani|sprzeciw|odstapieni|moze|moga|pouczeni|right to|may )/;

/**
 * How the clause a match stands in (from the previous sentence end, or 250 characters back, to the
 * match's end; normalised text) speaks to the addressee: 1 when it asks something of them, 0 when it
 * neither asks nor describes, negative when it describes someone's right.
 */
export function clauseStanding(t: string, m: RegExpExecArray): number {
  const before = t.slice(Math.max(0, m.index - 250), m.index);
  const clause = before.slice(clauseStart(before)) + m[0];
  const near = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1) + m[0];
  return (SETS_TERM.test(clause) ? 1 : 0) - (DESCRIBES_RIGHT.test(near) ? 2 : 0);
}

// "Wzywam do złożenia oświadczenia, o którym mowa w art. 896 k.p.c., do dnia 30 listopada": the dot of
// an abbreviation ends no clause (blind test AW: the bailiff's and the regulator's dates went unread).
// Only the demand is looked for so far back: a right described before "art. 50 ust. 1" ("praktyka …
// może stanowić naruszenie …, na podstawie art. 50 ust. 1 … wzywa do przedstawienia w terminie 21
// dni", corpus) describes the matter, not the term.
const ABBREVIATED = /(?:^|[\s(])(?:art|ust|pkt|ds|nr|tj|np|ul|tel|godz|poz|sygn|zm|dz|im|al|pl|ok|m\.in|k\.p\.c|k\.p\.a|k\.c|k\.k)$/;

/** Where the clause ending `before` starts: after its last sentence end that is no abbreviation's dot. */
function clauseStart(before: string): number {
  for (const m of [...before.matchAll(/[.;] /g)].reverse()) {
    const at = m.index ?? 0;
    if (before[at] === ';' || !ABBREVIATED.test(before.slice(0, at))) return at + 1;
  }
  return 0;
}

/** Days of the term the letter sets for its addressee, or null. Weeks, months and hours in days. */
export function parseStatedTermDays(text: string): number | null {
  const t = normalizeText(withoutSpecks(text));
  let best: { score: number; days: number } | null = null;
  for (const { re, days } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const n = days(m);
      if (!Number.isFinite(n) || n <= 0 || n > 366) continue;
      const score = clauseStanding(t, m);
      // Equal standing: the shorter term, so a wrong pick makes the letter early, never late.
      if (!best || score > best.score || (score === best.score && n < best.days)) best = { score, days: n };
    }
  }
  // Only terms of someone else's right: none set for the addressee, the category's own deadline applies.
  return best && best.score >= 0 ? best.days : null;
}
