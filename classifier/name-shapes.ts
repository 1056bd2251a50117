// Shapes of a person's name beyond "Given Surname": the separators a name is written with, a
// Vietnamese family name first ("Nguyen Van Minh"), and what may not be a second surname.
import { foldChars } from './normalize.js';
import { readGivenName } from './first-names.js';
import type { NameHit } from './names.js';

// Only the separators a name is written with: a space, or a line break in "Kowalski\nJan" is not one.
export const GAP = /^[ \t]+$/;
// A title or a firm after a name on its line ("Jan Lis Dyrektor Operacyjny", "Michał Broniewicz
// Kancelaria Adwokacka" where OCR joined the lines) is no second surname.
export const ROLE_WORDS = /^(?:dyrektor\w*|kierowni\w*|prezes\w*|wiceprezes\w*|kancelari\w*|adwokac\w*|adwokat\w*|radc\w*|prawn\w*|zarzad\w*|spolk\w*|biur\w*|dzial\w*|obslug\w*|firm\w*|uslug\w*|specjalist\w*|ksiegow\w*|manager|menedzer\w*|wlasciciel\w*|pelnomocni\w*|operacyjn\w*|handlow\w*|finansow\w*|sekretar\w*|inspektor\w*|referent\w*|kierownik|kontakt\w*|tel|telefon\w*)$/;
// Vietnamese family names, which come first ("Nguyen Van Minh"): the given names follow them.
const FAMILY_FIRST = new Set(['nguyen', 'tran', 'pham', 'hoang', 'huynh', 'phan', 'dang', 'bui', 'ngo', 'duong', 'trinh', 'dinh', 'truong']);
// The given names of such a name hold a known one or the middle names "Van" and "Thi".
const FAMILY_FIRST_GIVEN = /^(?:van|thi)$/;

/** "KOWALSKA-NOWAK" -> "Kowalska-Nowak", "o'brien" -> "O'Brien". */
export function titleCase(w: string): string {
  return w
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase().replace(/^(['’])(\p{Ll})/u, (_m, a: string, c: string) => a + c.toUpperCase()))
    .join('-');
}

/** The line holds only the name from `start` to the end of `lastWord` (a trailing comma aside). */
export function nameLine(text: string, start: number, lastWord: { w: string; i: number }): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', lastWord.i);
  return text.slice(lineStart, start).trim() === '' && /^[\s,.]*$/.test(text.slice(lastWord.i + lastWord.w.length, lineEnd < 0 ? undefined : lineEnd));
}

/** "Nguyen Van Minh", "Tran Thi Lan": a family name first, then given names, on one line. */
export function familyFirst(text: string, words: { w: string; i: number }[], k: number): { hit: NameHit; words: number } | null {
  const a = words[k]!;
  if (!FAMILY_FIRST.has(foldChars(a.w))) return null;
  const given: { w: string; i: number }[] = [];
  for (let j = k + 1; j < words.length && given.length < 3; j++) {
    const prev = given.at(-1) ?? a;
    if (!GAP.test(text.slice(prev.i + prev.w.length, words[j]!.i))) break;
    given.push(words[j]!);
  }
  const known = given.filter((g) => readGivenName(foldChars(g.w)) || FAMILY_FIRST_GIVEN.test(foldChars(g.w)));
  // All known, or a middle name says it ("Tran Thi Lan").
  if (known.length === 0 || (known.length !== given.length && !given.some((g) => FAMILY_FIRST_GIVEN.test(foldChars(g.w))))) return null;
  const end = given.at(-1)!;
  return { hit: { first: given.map((g) => titleCase(g.w)).join(' '), last: titleCase(a.w), index: a.i, length: end.i + end.w.length - a.i }, words: given.length };
}
