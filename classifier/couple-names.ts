// A married couple signing together ("Halina i Stanisław Wiśniewscy", "Anna i Jan Nowakowie"): the
// surname is in the plural, and each of the two is a person of their own. Read as one name, the
// letter went to the husband alone (blind test J); read as two, both spouses are candidates and a
// person decides whose account the letter concerns.
import { foldChars } from './normalize.js';
import { readGivenName } from './first-names.js';
import type { NameHit } from './names.js';

const CAP = '[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+';
const COUPLE = new RegExp(`(?<![\\p{L}])(${CAP}) i (${CAP})[ \\t]+(${CAP}(?:scy|ccy|dzcy|owie))(?![\\p{L}])`, 'gu');

/** The singular of a plural surname for one spouse: Wiśniewscy -> Wiśniewski / Wiśniewska, Nowakowie -> Nowak. */
function singular(plural: string, gender: 'f' | 'm'): string {
  if (plural.endsWith('owie')) return plural.slice(0, -4);
  const stem = plural.slice(0, -2); // "Wiśniews", "Zawadz", "Lipiec"
  return stem + (gender === 'f' ? 'ka' : 'ki');
}

export function coupleNames(text: string): NameHit[] {
  const out: NameHit[] = [];
  for (const m of text.matchAll(COUPLE)) {
    const people = [m[1]!, m[2]!].map((w) => ({ w, g: readGivenName(foldChars(w)) }));
    if (people.some((p) => p.g?.declined !== 'nom')) continue;
    for (const { w, g } of people) {
      out.push({ first: w, last: singular(m[3]!, g!.gender), index: m.index ?? 0, length: m[0].length });
    }
  }
  return out;
}
