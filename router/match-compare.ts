// Comparing what a letter says with a master row, one field at a time: names through OCR damage,
// declension and the other alphabet's spelling; streets by name and house number; towns declined.
// The scoring (match-score.ts) weighs the answers.
import type { CandidateRow } from './match-lookup.js';
import { splitStreet } from './fold.js';
import { ocrSame, ocrSameFirstName, ocrShape } from './match-ocr.js';
import { sameTransliterated } from './match-translit.js';
import { isKnownGivenName } from '../classifier/first-names.js';


export type NameAgreement = 'full' | 'surname' | 'first-differs' | 'none';

export function bestName(c: CandidateRow, names: { first: string; last: string }[]): NameAgreement {
  let best: NameAgreement = 'none';
  for (const n of names) {
    if (!n.last || !sameSurname(n.last, c.last_name_key!)) continue;
    if (!n.first || !c.first_name_key) best = 'surname';
    else if (sameFirstName(n.first, c.first_name_key)) return 'full';
    else if (best === 'none') best = 'first-differs';
  }
  return best;
}

function sameFirstName(a: string, b: string): boolean {
  // "Anna" in the letter for "Anna Maria" in the master, or the other way: either given name will do.
  if (a.includes(' ') || b.includes(' ')) return a.split(' ').some((x) => b.split(' ').some((y) => x && y && sameFirstName(x, y)));
  // "J." in a signature stands for any J-name; otherwise OCR may garble a letter or two.
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  if (a === b || sameTransliterated(a, b)) return true;
  // Two names both in the lexicon are two people, however alike: Maria and her husband Marian,
  // Józefa and Józef (blind test J: such letters went to the spouse). The likeness below is for
  // a name the OCR damaged.
  if (isKnownGivenName(a) && isKnownGivenName(b)) return false;
  return similarity(a, b) >= 0.5 || ocrSameFirstName(a, b);
}

/**
 * Double-barrelled names are compared whole; a slip of OCR in either is forgiven (match-ocr.ts), and
 * so is the other alphabet's spelling (match-translit.ts).
 * A wife who added her husband's name ("Zając-Mazur" writing, "Zając" in the master, or the other
 * way) keeps the surname she had: one whole part of a double-barrelled name is the same surname.
 */
function sameSurname(letter: string, master: string): boolean {
  if (similarity(letter, master) >= 0.6 || ocrSame(letter.replace(/ /g, ''), master.replace(/ /g, '')) || sameTransliterated(letter, master)) return true;
  const parts = (s: string) => s.split(/[- ]+/).filter((p) => p.length >= 3);
  const [l, m] = [parts(letter), parts(master)];
  // Spanish and Portuguese double surnames: every part of the shorter among the longer's.
  const within = (a: string[], b: string[]) => a.length > 1 && b.length > 1 && a.every((p) => b.includes(p));
  return (l.length > 1 && m.length === 1 && l.includes(m[0]!)) || (m.length > 1 && l.length === 1 && m.includes(l[0]!)) ||
    within(m, l) || within(l, m);
}

/** Same street name (tolerating OCR slips) and, where both give one, the same house number. */
export function sameStreet(letter: string, master: string): boolean {
  const a = splitStreet(letter);
  const b = splitStreet(master);
  if (!a.name || !b.name) return false;
  // A street without a house number is shared by hundreds of neighbours: it proves nothing. Nor
  // does a building when both give different flats: a namesake next door is not the customer.
  if (!a.house || a.house !== b.house) return false;
  if (a.flat && b.flat && a.flat !== b.flat) return false;
  return sameName(a.name, b.name);
}

/** The same street's name, whatever the house numbers (a house number the OCR damaged: "471/28" for 47/28). */
export function sameStreetName(letter: string, master: string): boolean {
  const a = splitStreet(letter).name, b = splitStreet(master).name;
  return !!a && !!b && sameName(a, b);
}

function sameName(a: string, b: string): boolean {
  return a === b || similarity(a, b) >= 0.6 || ocrSame(a.replace(/ /g, ''), b.replace(/ /g, '')) ||
    sameAdjectiveStem(a, b) || shortForm(a, b) || shortForm(b, a);
}

/**
 * Streets are named after people with a title and given names the post leaves out or shortens:
 * "Kościuszki" or "T. Kościuszki" for Tadeusza Kościuszki, "Bema" for Gen. Józefa Bema, "marsz. J.
 * Piłsudskiego", and "AK" for Armii Krajowej (blind test O). The shorter name's last word is the
 * longer one's, each of its other words starts a word of the longer, in order; or it is the initials.
 */
function shortForm(short: string, long: string): boolean {
  const s = short.split(' ');
  const l = long.split(' ');
  if (l.length < 2 || s.length > l.length || short === long) return false;
  if (s.length === 1 && s[0]!.length >= 2 && s[0] === l.map((w) => w[0]).join('')) return true;
  const last = s.at(-1)!;
  if (last.length < 4 || last !== l.at(-1)) return false;
  let k = 0;
  for (const w of s.slice(0, -1)) {
    while (k < l.length - 1 && !l[k]!.startsWith(w)) k++;
    if (k >= l.length - 1) return false;
    k++;
  }
  return true;
}

/**
 * A street named by an adjective, declined as prose has it ("przy ul. Hetmańskiej 14" for
 * Hetmańska, "Zamkowej" for Zamkowa, "Długiej" for Długa): the last word without its ending.
 */
function sameAdjectiveStem(a: string, b: string): boolean {
  const stem = (name: string) => {
    const s = name.replace(/(?:iej|ej|a|y|ego|iego)$/, '');
    return s.length >= 4 && s !== name ? s : null;
  };
  const sa = stem(a);
  return sa !== null && sa === stem(b);
}

/**
 * The same firm: alike by trigrams, or the same once OCR's look-alikes are collapsed ("geopiast"
 * read for "geoplast"). Not any one edit, as for surnames: firms' invented names differ by a letter
 * ("Polmex", "Polmax").
 */
export function sameCompany(letter: string, master: string): boolean {
  return similarity(letter, master) >= 0.6 || ocrShape(letter.replace(/ /g, '')) === ocrShape(master.replace(/ /g, '')) ||
    brandWithin(letter, master) || brandWithin(master, letter);
}

/**
 * Words that say what a firm does or is, not which firm: the long name the register holds adds them
 * to the brand a letterhead prints ("MOSTBUD" for "Przedsiębiorstwo Robót Drogowych i Mostowych
 * MOSTBUD", "PHU Kowalski" for "Przedsiębiorstwo Handlowo-Usługowe Jan Kowalski", blind test AU).
 */
const GENERIC_FIRM_WORDS = new Set(('phu pphu fhu zuh puh pph pw ph fh zph ppuh fpuh przedsiebiorstwo firma zaklad zaklady uslugi uslugowe uslugowy ' +
  'handlowe handlowy handlowo uslugowo produkcyjne produkcyjno produkcyjny biuro centrum grupa polska spolka sklep serwis hurtownia ' +
  'studio pracownia i oraz w').split(' '));

/**
 * Every distinctive word of `short` (one of five letters or more at least) is a word of `long`, and
 * among them the brand that opens or closes the long name ("Robót" inside it says what the firm does).
 */
function brandWithin(short: string, long: string): boolean {
  const words = short.split(' ').filter((w) => w && !GENERIC_FIRM_WORDS.has(w));
  const all = long.split(' ');
  if (!words.some((w) => w.length >= 5) || words.length >= all.length) return false;
  const have = new Set(all);
  const brand = [all[0]!, all[all.length - 1]!].filter((w) => w.length >= 5 && !GENERIC_FIRM_WORDS.has(w));
  return words.every((w) => have.has(w)) && brand.some((b) => words.includes(b));
}

/** pg_trgm's similarity on folded text: shared trigrams of space-padded words over all trigrams. */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const total = ta.size + tb.size - shared;
  return total ? shared / total : 0;
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.split(' ').filter(Boolean)) {
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

// Case endings a town takes in prose: "w Kielcach", "w Krakowie", "w Gdańsku", "w Łodzi", "w Poznaniu";
// and its adjectives: "w Nowym Targu", "w Zielonej Górze", "w Białej Podlaskiej", "w Zakopanem".
const TOWN_ENDINGS = new Set(['ie', 'u', 'iu', 'ach', 'i', 'y', 'e', 'ym', 'im', 'ej', 'iej', 'em', 'ze']);

/**
 * The same town, also declined in prose ("kielcach" for "kielce", "warszawie" for "warszawa"), word
 * by word ("nowym targu" for "nowy targ": blind test AR).
 */
export function sameTown(letter: string, master: string): boolean {
  if (letter === master) return true;
  const l = letter.split(' ');
  const m = master.split(' ');
  // Each word of a town of several is shorter: "Nowy" declines on a stem of three letters.
  return l.length === m.length && l.every((w, i) => sameTownWord(w, m[i]!, m.length > 1 ? 3 : 4));
}

function sameTownWord(letter: string, master: string, minStem: number): boolean {
  if (letter === master) return true;
  const stem = master.replace(/[aeoyi]$/, '');
  return stem.length >= minStem && letter.startsWith(stem) && TOWN_ENDINGS.has(letter.slice(stem.length));
}

/** Same length and exactly one character different: an OCR slip, not another place. */
export function oneSlip(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}
