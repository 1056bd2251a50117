// One column holding a person's whole name. CRMs write it given names first ("Jan Nowak"), Polish
// registers and ERPs surname first ("NOWAK Jan", "Nowak, Jan", a column headed "Nazwisko i imię").
// Read the wrong way round, the surname "Jan" never meets a letter signed "Jan Nowak".
import { isKnownGivenName } from '../classifier/first-names.js';
import { fold, foldCompany } from './fold.js';

const NAME_WORDS = /^[\p{L}'’-]+(?: [\p{L}'’-]+)+$/u;
const isGiven = (word: string) => isKnownGivenName(fold(word));
const isCaps = (word: string) => /\p{L}{2}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();

/** Does the column's header put the surname first ("Nazwisko i imię", "Surname, first name")? */
export function headerSurnameFirst(headerKey: string): boolean {
  const words = headerKey.split('_');
  const surname = words.findIndex((w) => /^(?:nazwisk\w*|surname|last|family)$/.test(w));
  const given = words.findIndex((w) => /^(?:imie|imiona|first|given|forename)$/.test(w));
  return surname >= 0 && given > surname;
}

/**
 * "Jan Maria Nowak-Kowalska" -> first "Jan Maria", last "Nowak-Kowalska". Surname first when the
 * value says so ("Nowak, Jan"; "NOWAK Jan": the surname in capitals), else when only the first word
 * is no given name and only the last is one ("Nowak Jan"), else as the column's header orders it.
 * Only words of letters are split; a company name ("ACME Sp. z o.o.", "Firma 24") gives null.
 */
export function splitFullName(value: string, surnameFirst = false): { first: string; last: string } | null {
  const comma = /^([^,]+),\s*([^,]+)$/.exec(value);
  if (comma && NAME_WORDS.test(`${comma[1]} ${comma[2]}`) && foldCompany(value) === fold(value)) {
    return { first: comma[2]!.trim(), last: comma[1]!.trim() };
  }
  if (!NAME_WORDS.test(value) || foldCompany(value) !== fold(value)) return null;
  const words = value.split(' ');
  const head = words[0]!;
  const tail = words[words.length - 1]!;
  let reversed = surnameFirst;
  if (isCaps(head) !== isCaps(tail)) reversed = isCaps(head);
  else if (isGiven(head) !== isGiven(tail)) reversed = isGiven(tail);
  // The given names are the run of known given names at their end ("García López María José",
  // "María José García López"); without one, a single word is the surname.
  const ordered = reversed ? [...words].reverse() : words;
  let given = 0;
  while (given < ordered.length - 1 && isGiven(ordered[given]!)) given++;
  given ||= ordered.length - 1;
  const first = ordered.slice(0, given);
  const last = ordered.slice(given);
  return reversed
    ? { first: first.reverse().join(' '), last: last.reverse().join(' ') }
    : { first: first.join(' '), last: last.join(' ') };
}
