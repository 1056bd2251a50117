// Person names from the sender block, signature and body ("Jan Kowalski", "KOWALSKI JAN",
// "dłużnika Jana Kowalskiego"), returned in the nominative where the case could be recovered.
import { foldChars } from './normalize.js';
import { readGivenName, readGivenNames, type GivenName } from './first-names.js';
import { coupleNames } from './couple-names.js';
import { GAP, ROLE_WORDS, familyFirst, nameLine, titleCase } from './name-shapes.js';

export interface NameHit {
  first: string;
  last: string;
  index: number;
  /** Characters the name spans in the text, from index. */
  length: number;
  /** Surface form as written, when it differs from the nominative guess. */
  raw?: { first: string; last: string };
}

// "O'Brien", "D’Angelo": Irish and Italian surnames keep their apostrophe.
// Any Latin letters, not only Polish ones: "María José García López" lost its surname at the "í".
const WORD = /(?:[OD]['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}{2,}(?:-\p{Lu}{2,})?/gu;
// Streets and institutions are named after people ("ul. Marii Konopnickiej"): not senders.
const NOT_PERSON_BEFORE = /\b(ul\.?|ulica|ulicy|al\.?|aleja|alei|pl\.?|plac|placu|os\.?|osiedle|im\.?|imienia|rondo|skwer|szkola)\s*$/i;
// Further into such a name: "ul. Jana Pawła Il 40" (OCR's "II") is no Paweł Il.
const INSIDE_STREET_NAME = /(?:^|[ \t])(?:ul|al|pl|os)\.?[ \t]+(?:\p{Lu}\p{Ll}*\.?[ \t]+)+$/u;
// OCR re-wraps prose, so a given name may end a line and its surname start the next.
const WRAP_GAP = /^[ \t]*\n[ \t]*$/;
// A speck OCR reads right after a given name ("Michał: Nowicki"); not a comma or full stop, which
// end clauses ("Dziękuję, Anno. Kowalski zadzwoni").
const SPECK_GAP = /^[:;'`’][ \t]+$/;


/** Rebuilds a given name's nominative from its surface form, keeping the letter's own diacritics. */
export function givenNominative(surface: string, g: GivenName): string {
  const folded = foldChars(surface);
  let common = 0;
  while (common < folded.length && common < g.nominative.length && folded[common] === g.nominative[common]) common++;
  return titleCase(surface.slice(0, common) + g.nominative.slice(common));
}

// [surface ending, nominative ending] per gender; the first that applies wins.
const MALE_SURNAME: [RegExp, string][] = [
  [/(sk|ck|dzk)(iego|iemu|im)$/i, '$1i'], [/(n|w|t|l|r|d|ł|ż)(ego|emu|ym)$/i, '$1y'],
  [/(owi|em)$/i, ''],
];
const MALE_GEN_A: RegExp = /[^aeiouyąęó]a$/i; // Nowaka -> Nowak
const FEMALE_GEN = /([^aeiouyąęóikgl]y|[kgl]i)$/i; // Wrony -> Wrona, Kuli -> Kula
const FEMALE_SURNAME: [RegExp, string][] = [
  [/(sk|ck|dzk)(iej|ą)$/i, '$1a'], [/(n|w|t|l|r|d|ł|ż)(ej|ą)$/i, '$1a'],
];

export function surnameNominative(surface: string, g: GivenName): string {
  if (g.declined === 'nom') return titleCase(surface);
  const rules = g.gender === 'm' ? MALE_SURNAME : FEMALE_SURNAME;
  for (const [re, rep] of rules) if (re.test(surface)) return titleCase(surface.replace(re, rep));
  if (g.gender === 'm' && g.declined === 'gen' && MALE_GEN_A.test(surface)) return titleCase(surface.slice(0, -1));
  // A woman's noun surname declines as her given name does: "Anny Wrony" is Anna Wrona, "Ewy Kuli"
  // Ewa Kula (an ombudsman's "wniosek konsumentki, Pani Anny Wrony"). "Anny Nowak" stays Nowak.
  if (g.gender === 'f' && g.declined === 'gen' && FEMALE_GEN.test(surface)) return titleCase(`${surface.slice(0, -1)}a`);
  return titleCase(surface);
}

// Capitalised words that stand next to names but are never surnames.
const NEVER_SURNAME = new Set(
  `pan pani panu pana panem panstwo panstwa szanowny szanowna szanowni szanowne drogi droga dzien
  sad sedzia komornik referendarz prokurator rzecznik dluznik dluznika wierzyciel klient klientka
  abonent abonentka wnioskodawca ul al pl os dotyczy temat data nr numer tel email adres
  warszawa krakow lodz wroclaw poznan gdansk szczecin lublin katowice bialystok z w i oraz
  pozdrawiam pozdrowienia powazaniem szacunkiem dziekuje dziekujemy podpis zalacznik zalaczniki
  maz meza mezem zona zony zona syn syna corka corki brat brata siostra ojciec ojca matka matki mama tata
  wdowa wdowiec zmarly zmarla zmarlego zmarlej spadkobierca spadkobierczyni pelnomocnik opiekun
  pesel nip regon krs telefon zam zamieszkaly zamieszkala urodzony urodzona
  nazwisko imie imiona ulica miejscowosc miasto poczta kod wojewodztwo gmina`.split(/\s+/),
);

// Two letters make a surname only as a capital, a small letter and a vowel between them ("Oś",
// "Wu"): OCR junk beside a signature ("Elżbieta VT") must not stand in for the surname and
// contradict the customer's.
const TWO_LETTER_SURNAME = /^(?=.*[AEIOUYĄĘÓaeiouyąęó])[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]$/u;

function isCandidateSurname(w: string): boolean {
  const f = foldChars(w);
  return (w.length >= 3 || TWO_LETTER_SURNAME.test(w)) && !NEVER_SURNAME.has(f) && readGivenName(f) === null;
}

/** Picks the reading of an ambiguous given name ("Stanisława") that agrees with the surname's ending. */
function pickReading(given: string, surname: string): GivenName | null {
  const readings = readGivenNames(foldChars(given));
  if (readings.length <= 1) return readings[0] ?? null;
  const s = foldChars(surname);
  const looksMaleDeclined = /(ego|emu|owi|em)$/.test(s) || (/[^aeiouy]a$/.test(s) && !/(sk|ck|dzk|n|w)a$/.test(s));
  return readings.find((r) => (looksMaleDeclined ? r.gender === 'm' && r.declined !== 'nom' : r.gender === 'f')) ?? readings[0]!;
}

const CLOSING = /(pozdrawiam|pozdrowienia|powazaniem|szacunkiem|szacunku|wyrazami|uklonami|z gory dziekuje|dziekuje)[\s,.!]*$/;

/**
 * The line under a closing formula ("Z poważaniem") is a signature even when the given name is not
 * in the lexicon: "Żaneta Kamińska", "Wiesław Zięba".
 */
function signatureNames(text: string): NameHit[] {
  const out: NameHit[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let afterClosing = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (afterClosing && trimmed) {
      // An initial signs too ("H. Wiśniewska"): the matcher takes it for any given name it begins.
      const m = /^([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+|[A-ZĄĆĘŁŃÓŚŹŻ]{2,}|[A-ZĄĆĘŁŃÓŚŹŻ]\.)\s*([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?|[A-ZĄĆĘŁŃÓŚŹŻ]{2,})$/u.exec(trimmed);
      if (m && (m[1]!.endsWith('.') || /\s/.test(trimmed)) && isCandidateSurname(m[2] as string) && !NEVER_SURNAME.has(foldChars(m[1] as string))) {
        out.push({ first: titleCase(m[1]!.replace('.', '')), last: titleCase(m[2] as string), index: offset + line.indexOf(trimmed), length: trimmed.length });
      }
      afterClosing = false;
    }
    if (CLOSING.test(foldChars(trimmed))) afterClosing = true;
    offset += line.length + 1;
  }
  return out;
}

/**
 * Letters whose capital is their small form drawn larger (c, k, o, s, v, w, x, z and their Polish
 * accented forms): OCR sizes them wrongly inside a word ("ElZbieta"; an L is not one of them).
 * Lowered between two small letters, one character for one, so indices stay those of the text.
 */
const SAME_SHAPE_CAPITAL = /(?<=\p{Ll})[CĆKOÓSŚVWXZŹŻ](?=\p{Ll})/gu;

/**
 * "KOWALCZYK -WÓJCIK", "Kowalczyk- Wójcik": OCR spaces the hyphen of a double-barrelled surname on
 * one side. Closed up with the space moved behind, so indices stay the text's. A dash spaced on both
 * sides is punctuation ("Jan Nowak - prezes").
 */
const SPACED_HYPHEN = /(?<=\p{L}{2})([ \t]+-|-[ \t]+)(\p{Lu}\p{L}+)/gu;

export function findNames(input: string): NameHit[] {
  const text = input.replace(SAME_SHAPE_CAPITAL, (c) => c.toLowerCase())
    .replace(SPACED_HYPHEN, (_, gap: string, word: string) => `-${word}${' '.repeat(gap.length - 1)}`);
  const couples = coupleNames(text);
  const inCouple = (n: NameHit) => couples.some((c) => n.index >= c.index && n.index < c.index + c.length);
  const lexical = [...couples, ...findLexicalNames(text).filter((n) => !inCouple(n))];
  const extra = signatureNames(text).filter((s) => !lexical.some((n) => Math.abs(n.index - s.index) < s.length));
  const block = senderBlockNames(text).filter((s) => ![...lexical, ...extra].some((n) => Math.abs(n.index - s.index) < s.length));
  return [...lexical, ...extra, ...block].sort((a, b) => a.index - b.index);
}

// OCR reads a faint capital as a small letter ("Helena krawczyk"): a line of just a given name and
// one lower-case word, among the letter's first lines and right above a street or postal line (a
// sender block), is still the sender; "Anna prosiła" in prose is not.
const ADDRESS_NEXT = /^[ \t]*(?:ul|al|os|pl|ulica|aleja|osiedle|plac)\b|^[ \t]*\d{2}-\d{3}\b/i;
// A letter typed all in small letters ("zbigniew kurek" over "ul fordonska 120/45", blind test Q) has
// its given name lowered too.
const LOWERED_LINE = /^[ \t]*([A-ZĄĆĘŁŃÓŚŹŻ]?[a-ząćęłńóśźż]+)[ \t]+([a-ząćęłńóśźż]{4,}(?:-[a-ząćęłńóśźż]{3,})?)[ \t]*$/u;
// "M. Szymański" heading the sender block: the matcher takes an initial for any given name it begins.
const INITIAL_LINE = /^[ \t]*([A-ZĄĆĘŁŃÓŚŹŻ])\.[ \t]*([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?)[ \t]*$/u;
const SENDER_BLOCK_LINES = 8;

function senderBlockNames(text: string): NameHit[] {
  const out: NameHit[] = [];
  let at = 0;
  let seen = 0;
  const lines = text.split('\n');
  for (const [k, line] of lines.entries()) {
    const next = lines.slice(k + 1).find((l) => l.trim()) ?? '';
    if (line.trim() && seen++ < SENDER_BLOCK_LINES && ADDRESS_NEXT.test(next)) {
      const m = LOWERED_LINE.exec(line);
      const given = m ? readGivenName(foldChars(m[1]!)) : null;
      if (m && given?.declined === 'nom' && !NEVER_SURNAME.has(foldChars(m[2]!)) && readGivenName(foldChars(m[2]!)) === null) {
        const surname = titleCase(m[2]!);
        out.push({ first: titleCase(m[1]!), last: surname, index: at + m.index + line.indexOf(m[1]!), length: line.trim().length });
      }
      const i = INITIAL_LINE.exec(line);
      if (i && isCandidateSurname(i[2]!) && !NEVER_SURNAME.has(foldChars(i[2]!))) {
        out.push({ first: i[1]!, last: i[2]!, index: at + line.indexOf(i[1]!), length: line.trim().length });
      }
    }
    at += line.length + 1;
  }
  return out;
}

const isUpper = (w: string): boolean => w === w.toUpperCase();

/** A given name followed, on the same line, by a word that can be a surname: "Dariusz Jaworski". */
function givenThenSurname(text: string, given: { w: string; i: number }, next: { w: string; i: number } | undefined): boolean {
  return next !== undefined && GAP.test(text.slice(given.i + given.w.length, next.i)) && isCandidateSurname(next.w);
}

function findLexicalNames(text: string): NameHit[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0], i: m.index ?? 0 }));
  const out: NameHit[] = [];
  for (let k = 0; k < words.length - 1; k++) {
    const a = words[k]!;
    let b = words[k + 1]!;
    const gap = text.slice(a.i + a.w.length, b.i);
    const wrapped = WRAP_GAP.test(gap);
    const speck = SPECK_GAP.test(gap);
    if (!GAP.test(gap) && !wrapped && !speck) continue;
    if (NOT_PERSON_BEFORE.test(text.slice(Math.max(0, a.i - 12), a.i))) continue;
    if (INSIDE_STREET_NAME.test(text.slice(text.lastIndexOf('\n', a.i - 1) + 1, a.i))) continue;
    if (NEVER_SURNAME.has(foldChars(a.w)) && !readGivenName(foldChars(b.w))) continue;
    const family = familyFirst(text, words, k);
    if (family) {
      out.push(family.hit);
      k += family.words;
      continue;
    }
    const ga = pickReading(a.w, b.w);
    const gb = readGivenName(foldChars(b.w));
    if (speck && !ga) continue;
    if (ga) {
      // "Anna Maria Kowalska": skip a second given name.
      let skip = 1;
      const c = words[k + 2];
      if (gb && c && GAP.test(text.slice(b.i + b.w.length, c.i)) && isCandidateSurname(c.w)) {
        b = c;
        skip = 2;
      } else if (!isCandidateSurname(b.w)) continue;
      const reading = skip === 2 ? ga : (pickReading(a.w, b.w) ?? ga);
      const first = givenNominative(a.w, reading);
      // "María José García López" alone on its line: both surnames (up to three words, for a given
      // name the OCR damaged).
      for (let more = 2; more >= 1; more--) {
        const rest = words.slice(k + skip + 1, k + skip + 1 + more);
        const ends = rest.at(-1);
        if (rest.length !== more || !ends || !nameLine(text, a.i, ends)) continue;
        if (!rest.every((w, j) => GAP.test(text.slice((j ? rest[j - 1]! : b).i + (j ? rest[j - 1]! : b).w.length, w.i)) &&
          isCandidateSurname(w.w) && !ROLE_WORDS.test(foldChars(w.w)))) continue;
        b = { w: [b.w, ...rest.map((w) => w.w)].join(' '), i: b.i };
        skip += more;
        break;
      }
      const last = b.w.split(' ').map((w) => surnameNominative(w, reading)).join(' ');
      const hit: NameHit = { first, last, index: a.i, length: b.i + b.w.length - a.i };
      const rawLast = b.w.split(' ').map(titleCase).join(" ");
      if (first !== titleCase(a.w) || last !== rawLast) hit.raw = { first: titleCase(a.w), last: rawLast };
      out.push(hit);
      k += skip;
    } else if (gb && !wrapped && isCandidateSurname(a.w) && (isUpper(a.w) || !givenThenSurname(text, b, words[k + 2]))) {
      // "KOWALSKI JAN" / "Kowalski Jan", as forms and registers write it; but in "Mocodawcy Dariusz
      // Jaworski" the capitalised word before is a sentence's noun and the name is read next.
      out.push({ first: givenNominative(b.w, gb), last: surnameNominative(a.w, gb), index: a.i, length: b.i + b.w.length - a.i });
      k += 1;
    }
  }
  return out;
}
