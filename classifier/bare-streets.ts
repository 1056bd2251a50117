// Street lines written without "ul.", as much real post writes them: "Grunwaldzka 48/7" above the
// postal line, "Grunwaldzka 48/7, 50-357 Wrocław" on one line, "Wrocław, Grunwaldzka 48/7",
// "3 Maja 12", a village and house number ("Zawady 12"). Without the prefix only the line's shape
// tells a street from prose, so every form is a whole line (or a comma-separated piece of one).
import { readGivenNames } from './first-names.js';
import { foldChars } from './normalize.js';
import { BARE_HOUSE, CAP, WORD } from './address-patterns.js';

export interface BareStreet {
  street: string;
  index: number;
  end: number;
  city: string | null;
}

// A name of up to five words, the first capitalised or a title, or a date-named street ("3 Maja", "11 Listopada").
const TITLE = '(?:gen|ks|św|sw|bp|kard|prof|dr|marsz|płk|plk|kpt|por|hm|im)\\.';
const NAME = `((?:\\d{1,2}\\s+|${TITLE}\\s*)?(?:${CAP}\\s+)(?:${WORD}\\s+){0,3}?${CAP}|${CAP})`;
const WHOLE_LINE = new RegExp(`^[ \\t]*${NAME}\\s+${BARE_HOUSE}[ \\t]*$`, 'u');
const BEFORE_POSTAL = new RegExp(`(?:^|[,:;])[ \\t]*${NAME}[ \\t]+${BARE_HOUSE}[ \\t]*,?[ \\t]*$`, 'u');
const TOWN = '([A-ZĄĆĘŁŃÓŚŹŻ][\\p{L}]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][\\p{L}]+){0,2})';
const HEAD_THEN_STREET = new RegExp(`^[ \\t]*${TOWN}[ \\t]*,[ \\t]*${NAME}[ \\t]+${BARE_HOUSE}[ \\t]*$`, 'u');
const TOWN_LINE = new RegExp(`^[ \\t]*${TOWN}[ \\t]*$`, 'u');

// Words that open a numbered line of a letter, a date or a form, never a street's name.
const NOT_STREET = new Set(('nr numer tel telefon fax faksu faktura faktury fakturze fv umowa umowy umowie pesel nip regon krs dnia dn rok roku ' +
  'godz strona str zalacznik zalacznika pkt punkt art ust par kod konto rachunek sygn sygnatura klient klienta lok m kwota razem ' +
  'pan pani panstwo urzad poczta skrytka skr suma pozycja poz zamowienie zlecenie sprawa pismo wezwanie postanowienie data numeru abonent abonenta id ' +
  'styczen stycznia luty lutego marzec marca kwiecien kwietnia maj czerwiec czerwca lipiec lipca sierpien sierpnia ' +
  'wrzesien wrzesnia pazdziernik pazdziernika listopad listopada grudzien grudnia ' +
  'poniedzialek wtorek sroda czwartek piatek sobota niedziela').split(' '));
// Closing and opening words that stand alone on a line under a street-like line.
const NOT_TOWN = new Set('pozdrawiam dziekuje podpis szanowni szanowny szanowna uprzejmie prosze witam dotyczy temat zalaczniki wniosek reklamacja'.split(' '));

/** A street's name, not a word that opens a numbered line, a date or a form, nor a given name alone. */
export function plausibleStreetName(name: string): boolean {
  const all = foldChars(name).toLowerCase().replace(/[.,]/g, '').split(/\s+/);
  const words = all.filter((w) => !/^\d+$/.test(w));
  // "Jan 5": a given name alone is a person, not a street ("Jana Pawła II", "3 Maja" have more words).
  if (all.length === 1 && readGivenNames(words[0]!).length > 0) return false;
  return words.length > 0 && !words.some((w) => NOT_STREET.has(w));
}

function plausibleTown(town: string): boolean {
  const first = foldChars(town.split(/[ -]/)[0]!).toLowerCase();
  return !NOT_TOWN.has(first) && !NOT_STREET.has(first) && readGivenNames(first).length === 0;
}

const street = (name: string, house: string) => `${name.replace(/\s+/g, ' ')} ${house.replace(/\s*\/\s*/, '/')}`;

/** Street lines without a prefix near the letter's postal lines, and "Town, Street 5" lines anywhere. */
export function bareStreets(text: string, postalAt: number[]): BareStreet[] {
  const out: BareStreet[] = [];
  for (const at of postalAt) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const before = text.slice(start, at);
    if (before.trim()) {
      const m = BEFORE_POSTAL.exec(before);
      if (m && plausibleStreetName(m[1]!)) {
        const index = start + m.index + m[0].indexOf(m[1]!);
        out.push({ street: street(m[1]!, m[2]!), index, end: index + m[1]!.length + 1 + m[2]!.length, city: null });
      }
      continue;
    }
    if (start === 0) continue;
    // The line above, across one blank line the OCR may put between.
    const above = text.slice(0, start - 1).replace(/\n[ \t]*$/, '');
    const aStart = above.lastIndexOf('\n') + 1;
    const m = WHOLE_LINE.exec(above.slice(aStart));
    if (m && plausibleStreetName(m[1]!)) out.push({ street: street(m[1]!, m[2]!), index: aStart + m.index, end: aStart + m[0].length, city: null });
  }
  const lines = text.split('\n');
  let pos = 0;
  lines.forEach((raw, i) => {
    const head = HEAD_THEN_STREET.exec(raw);
    if (head && plausibleStreetName(head[2]!)) {
      const index = pos + raw.indexOf(head[2]!, head[1]!.length);
      // "Jan Nowak, Długa 5": a person's name before the comma is no town.
      out.push({ street: street(head[2]!, head[3]!), index, end: pos + raw.trimEnd().length, city: plausibleTown(head[1]!) ? head[1]! : null });
    }
    // "Grunwaldzka 48/7" over a line holding only the town, when the writer gives no postal code.
    const whole = WHOLE_LINE.exec(raw);
    const town = TOWN_LINE.exec(lines[i + 1] ?? '');
    if (whole && town && plausibleStreetName(whole[1]!) && plausibleTown(town[1]!)) {
      out.push({ street: street(whole[1]!, whole[2]!), index: pos + whole.index, end: pos + raw.trimEnd().length, city: town[1]! });
    }
    pos += raw.length + 1;
  });
  return out;
}
