// A married woman writes under her new surname; the master still holds the one she had when she
// signed the contract: "Anna Wiśniewska (z domu Nowak)", "zmieniłam nazwisko z Nowak na Wiśniewska".
// The former surname, with the writer's first name, is one more name the letter gives.
import type { NameHit } from './names.js';

const SURNAME = '([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?|[A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?:-[A-ZĄĆĘŁŃÓŚŹŻ]{2,})?)';
// Right after a name: "(z domu Nowak)", ", zd. Nowak", "primo voto Nowak".
const MAIDEN_AFTER = new RegExp(`^[\\s,(]*(?:z domu|zd\\.|z d\\.|primo voto|nazwisko rodowe:?)\\s+${SURNAME}`, 'u');
// Anywhere: "zmieniłam nazwisko z Nowak na Wiśniewska", "poprzednie nazwisko: Nowak".
const CHANGED = new RegExp(`(?:zmieni\\S* nazwisko z|zmiana nazwiska z|poprzednie nazwisko:?|dotychczasowe nazwisko:?|nazwisko panieńskie:?)\\s+${SURNAME}`, 'giu');
const REACH = 40;

export function formerNames(text: string, names: NameHit[]): { first: string; last: string }[] {
  const out: { first: string; last: string }[] = [];
  const add = (first: string, last: string) => {
    if (!out.some((n) => n.first === first && n.last === last) && !names.some((n) => n.first === first && n.last === last)) out.push({ first, last });
  };
  for (const n of names) {
    const m = MAIDEN_AFTER.exec(text.slice(n.index + n.length, n.index + n.length + REACH));
    if (m && n.first) add(n.first, normalise(m[1]!));
  }
  // A change of surname stated in the text belongs to the writer: the first name of the sender block.
  const writer = names.find((n) => n.first);
  for (const m of text.matchAll(CHANGED)) if (writer) add(writer.first, normalise(m[1]!));
  return out;
}

/** "NOWAK" -> "Nowak": the master is compared folded anyway, but names read alike in reports. */
const normalise = (s: string): string => s.split('-').map((p) => p[0] + p.slice(1).toLowerCase()).join('-');
