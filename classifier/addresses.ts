// Street addresses, postal code + city pairs and company names, as they appear in sender blocks.
import type { Hit } from './identifier-patterns.js';
import { readGivenNames } from './first-names.js';
import { foldChars } from './normalize.js';
import { anyCase, BARE_HOUSE, CAP, HOUSE, WORD } from './address-patterns.js';
import { bareStreets, plausibleStreetName } from './bare-streets.js';

export interface AddressHit {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  index: number;
}

// OCR doubles the dot after "ul"/"al" or reads it as a comma or colon ("ul.. Klonowa 12", "ul: szkolna").
const SPECK = '[.,:;]{0,2}';
const DOT_SPECK = '[.,:;]{1,2}';
// Prose declines the type word: "na ulicy Ozimskiej 40/6", "przy Alei Grunwaldzkiej 212", "na osiedlu
// Słonecznym 4", "przy placu Wolności 1" (blind test AR).
const PREFIX = `${anyCase('ul')}${SPECK}|${anyCase('ulica')}|${anyCase('ulicy')}|${anyCase('al')}${SPECK}|${anyCase('aleja')}|${anyCase('alei')}|${anyCase('aleje')}|` +
  `${anyCase('os')}\\.?|${anyCase('osiedle')}|${anyCase('osiedlu')}|${anyCase('pl')}\\.?|${anyCase('plac')}|${anyCase('placu')}`;
// A street may open with the day of a date: "ul. 11 Listopada 113/57", "ul. 11-go Listopada" (blind
// test AH: the street was lost, and the letter went to a person); one digit was a word already ("3 Maja").
const STREET = new RegExp(`\\b(${PREFIX})\\s+((?:\\d{2}(?:-go)?\\s+)?(?:${WORD}\\s+){0,5}?${CAP})\\s+${HOUSE}`, 'gu');
// OCR lowers a street's first capital ("ul. ogrodowa 109"): taken only after "ul." or "al." with
// their dot (or the speck OCR reads for it), and for a word of four letters or more, so prose
// ("pl. oraz 12") stays out. A letter typed all in small letters drops the dot too ("ul fordonska 120/45").
const STREET_LOWER = new RegExp(`\\b(ul${DOT_SPECK}|ul(?=[ \\t])|ulica|al${DOT_SPECK}|aleja)\\s+([a-ząćęłńóśźż][\\p{L}-]{3,}(?:\\s+${WORD}){0,4}?)\\s+${HOUSE}`, 'gu');
// A postal line of a letter typed in small letters ("85-790 bydgoszcz") only as a whole line.
// A register word after the town on a footer line ("26-600 Radom NIP 796…") is no part of it.
const POSTAL_CITY = /(?<![\d-])(\d{2})\s?-\s?(\d{3})(?![\d-])[ \t]+([A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+(?:[ -](?!(?:NIP|REGON|KRS|PESEL|TEL|Tel|FAX|Fax|E-mail|EMAIL|Email)\b)[A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+){0,2}|(?<=^[ \t]*\d{2}-\d{3}[ \t]+)[a-ząćęłńóśźż]{3,}(?:[ -][a-ząćęłńóśźż]{3,}){0,2}(?=[ \t]*$))/gmu;

// A street in prose without its type word: "mieszkam w Nowym Targu przy Kolejowej 3" (blind test AR).
// "przy" before a capitalised name and a house number says address; the name is checked as a bare
// street's is (no "Fakturze", no month).
const PROSE_STREET = new RegExp(`\\bprzy\\s+((?:${WORD}\\s+){0,3}?${CAP})\\s+${HOUSE}`, 'gu');
// A village without streets in prose: "w miejscowości Zalesie pod numerem 7", "we wsi Stara Wieś nr 15".
const PROSE_VILLAGE = new RegExp(`\\b(?:w miejscowo[śs]ci|we wsi)\\s+(${CAP}(?:[ -]${CAP}){0,2})\\s+(?:pod\\s+(?:numerem|nr\\.?)\\s*|nr\\.?\\s*|numer\\s+)?${HOUSE}`, 'gu');

// Where someone the letter names lives, without "ul.": "skarga Pani X, zam. Szkolna 64, 35-970
// Rzeszów", "Pana Y, zam. Ogrodowa\n85, 09-576 Płock" (blind test AT: institutions and lawyers write
// so; the street was lost and the customer went to a person). The house number must end the phrase.
const RESIDENT_STREET = new RegExp(`\\bzam(?:\\.|ieszka\\p{L}*)[ \\t]*\\n?[ \\t]*((?:${WORD}\\s+){0,3}?${CAP})\\s+${BARE_HOUSE}(?=[ \\t]*[,;\\n]|[ \\t]+\\d{2}-\\d{3})`, 'gu');

// "Kraków 31-610": the postal code after the town, a whole line (blind test O).
const TOWN_THEN_POSTAL = /^[ \t]*([A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+){0,2})[ \t]*,?[ \t]+(\d{2})[ \t]?-[ \t]?(\d{3})[ \t]*$/gmu;

function cleanPrefix(p: string): string {
  const f = p.toLowerCase().replace(/[.,:;]+$/, '');
  if (f.startsWith('ul')) return 'ul.';
  if (f.startsWith('al')) return 'al.';
  if (f.startsWith('os')) return 'os.';
  return 'pl.';
}

/** The text with streets and postal-code + city lines blanked out (same length). */
export function maskAddresses(text: string): string {
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  return text.replace(STREET, blank).replace(POSTAL_CITY, blank);
}

export function findAddresses(text: string): AddressHit[] {
  const upper = [...text.matchAll(STREET)];
  const lower = [...text.matchAll(STREET_LOWER)].filter((m) => !upper.some((u) => u.index === m.index));
  const streets = [...upper, ...lower].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((m) => ({
    street: `${cleanPrefix(m[1] as string)} ${m[2]} ${(m[3] as string).replace(/\s*\/\s*/, '/')}`,
    index: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const cities = [...text.matchAll(POSTAL_CITY)].map((m) => ({
    postalCode: `${m[1]}-${m[2]}`,
    city: m[3] as string,
    index: m.index ?? 0,
  }));
  for (const m of text.matchAll(TOWN_THEN_POSTAL)) cities.push({ postalCode: `${m[2]}-${m[3]}`, city: m[1]!, index: m.index ?? 0 });
  cities.sort((a, b) => a.index - b.index);
  const stated = new Map<number, string>();
  const prose = [...text.matchAll(PROSE_STREET), ...text.matchAll(RESIDENT_STREET)].filter((m) => plausibleStreetName(m[1]!));
  for (const m of [...prose, ...text.matchAll(PROSE_VILLAGE)]) {
    const index = (m.index ?? 0) + m[0].indexOf(m[1]!);
    const end = (m.index ?? 0) + m[0].length;
    if (streets.some((s) => s.index <= index && s.end >= index)) continue;
    streets.push({ street: `${m[1]!.replace(/\s+/g, ' ')} ${m[2]!.replace(/\s*\/\s*/, '/')}`, index, end });
  }
  for (const bare of bareStreets(text, cities.map((c) => c.index))) {
    if (streets.some((s) => s.index === bare.index || (s.index <= bare.index && s.end >= bare.end))) continue;
    streets.push(bare);
    if (bare.city) stated.set(bare.index, bare.city);
  }
  streets.sort((a, b) => a.index - b.index);
  const out: AddressHit[] = [];
  const usedCities = new Set<number>();
  for (const s of streets) {
    // The postal line follows the street within a line or two (OCR may put a blank line between).
    const ci = cities.findIndex((c, i) => !usedCities.has(i) && c.index >= s.end && c.index - s.end <= 60 && !/\n\s*\n\s*\n/.test(text.slice(s.end, c.index)));
    const c = ci >= 0 ? cities[ci] : undefined;
    if (c) usedCities.add(ci);
    const city = c?.city ?? stated.get(s.index) ?? townAfter(text, s.end) ?? townBefore(text, s.index);
    out.push({ street: s.street, postalCode: c?.postalCode ?? null, city, index: s.index });
  }
  cities.forEach((c, i) => {
    if (!usedCities.has(i)) out.push({ street: null, postalCode: c.postalCode, city: c.city, index: c.index });
  });
  return out.sort((a, b) => a.index - b.index);
}

// "Łódź, 12.11.2026 r.", "Kraków, dnia 3 listopada 2026": where the letter was written. OCR may join
// it to the sender's name on one line ("Anna Nowak Łódź, 12.11.2026"), so one word is taken.
const DATE_LINE = /(?<![\p{L}])([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?),?[ \t]+(?:dnia[ \t]+|dn\.[ \t]*)?\d{1,2}(?:[./-]\d{1,2}[./-]|[ \t]+\p{L}+[ \t]+)\d{4}/u;

/** The town of the letter's date line: where the writer most likely lives. */
export function dateLineTown(text: string): string | null {
  return DATE_LINE.exec(text)?.[1] ?? null;
}

// "ul. Żeromskiego 12, Radom": a town after a comma, ending the street's line, when no postal line follows.
const TOWN_AFTER = /^[ \t]*,[ \t]*([A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+){0,2})[ \t.]*(?:\n|$)/u;

function townAfter(text: string, end: number): string | null {
  return TOWN_AFTER.exec(text.slice(end, end + 60))?.[1] ?? null;
}

// "zamieszkały w Kielcach przy ul. Sienkiewicza 60/2", "mieszkam w Toruniu, ul. Polna 3", "w Opolu na
// ulicy Ozimskiej 40/6": the town in
// prose, declined (the matcher compares declined towns, router/match-score.ts).
const TOWN_BEFORE = /\b(?:w|we)[ \t]+([A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+)?)[ \t]*,?[ \t]*(?:(?:przy|na)[ \t]+)?$/u;

// "Gdańsk, ul. Kartuska 5", "Wrocław, Grunwaldzka 48/7": the town opening the street's own line.
const TOWN_OPENING_LINE = /(?:^|\n)[ \t]*([A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+(?:[ -][A-ZĄĆĘŁŃÓŚŹŻ][\p{L}]+)?)[ \t]*,[ \t]*$/u;

function townBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const prose = TOWN_BEFORE.exec(before)?.[1];
  if (prose) return prose;
  const opening = TOWN_OPENING_LINE.exec(before)?.[1];
  // "Jan Nowak, ul. Długa 5": a person's name before the comma is no town.
  return opening && readGivenNames(foldChars(opening.split(/[ -]/)[0]!)).length === 0 ? opening : null;
}

// OCR reads "Sp. z o.o." as "Sp. z 0.0." often enough to matter: it is the letter's own company.
const LEGAL_FORM =
  /\b(sp\.?\s?z\s?[o0]\.?\s?[o0]\.?|spółk[aię] z ograniczoną odpowiedzialnością|spolk[aie] z ograniczona odpowiedzialnoscia|s\.?\s?a\.(?!\p{L})|spółk[aię] akcyjn\p{L}+|s\.\s?c\.|spółk[aię] cywiln\p{L}+|sp\.?\s?[jkp]\.|sp\.?\s?k\.?\s?a\.)/giu;

// Known by the account it gives, not by words ("Biuro Rachunkowe", "Bank Spółdzielczy" are customers too).
const BANK_LINE = /\b(?:iban|swift|nr\.? (?:rachunku|konta)|rachunek bankowy|konto bankowe)\b|\b\d{2}(?:[ ]?\d{4}){6}\b/i;

/**
 * Organisations that carry no legal form: a foundation, an association, a cooperative, a school or
 * an office names itself by what it is, on a line of its own, its name capitalised and no sentence
 * ("Fundacja pomogła mi…" is none) (blind test AM: their letters gave no company name, so name and
 * address could not find them).
 */
const ORGANISATION_LINE = /^[ \t]*((?:Fundacja|Stowarzyszenie|Spółdzielnia|Szkoła|Zespół Szkół|Przedszkole|Urząd (?:Gminy|Miasta|Miejski)|Starostwo Powiatowe|Parafia|Ochotnicza Straż Pożarna|Koło Gospodyń Wiejskich|Klub Sportowy|Wspólnota Mieszkaniowa)\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ„"«]|nr\b|im\.)[^\n,:;]{0,60}?)(?<!\.)[ \t]*$/gmu;

/** Company names: the capitalised words (or quoted name) right before a legal form, and organisations' own name lines. */
export function findCompanies(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(ORGANISATION_LINE)) out.push({ value: m[1]!.trim(), index: (m.index ?? 0) + m[0].indexOf(m[1]!) });
  for (const m of text.matchAll(LEGAL_FORM)) {
    const idx = m.index ?? 0;
    const lineStart = text.lastIndexOf('\n', idx - 1) + 1;
    const before = text.slice(lineStart, idx);
    const quoted = /(["„”'][^"„”'\n]{2,60}["„”'])\s*$/.exec(before);
    const words = /((?:(?:[A-ZĄĆĘŁŃÓŚŹŻ0-9&][\p{L}0-9&.'-]*|i|oraz|-)\s+){1,6})$/u.exec(before);
    const name = quoted ? quoted[1] : words ? words[1] : null;
    if (!name) continue;
    // A footer's bank ("Bank: PKO BP S.A., nr rachunku ...") holds the account, it is not the sender.
    const lineEnd = text.indexOf('\n', idx);
    if (BANK_LINE.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))) continue;
    // Drop the lead-in a sentence puts before the name ("firma", "Spółka", "Zarząd").
    const trimmed = name.replace(/^(?:(?:firma|firmy|firmę|spółka|zarząd|pracodawca|w|z|do|od)\s+)+/i, '').trim();
    if (trimmed.length < 2) continue;
    out.push({ value: `${trimmed} ${m[0].replace(/\s+/g, ' ')}`.trim(), index: lineStart + (before.length - name.length) });
  }
  return out;
}
