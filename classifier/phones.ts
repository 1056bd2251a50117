// Polish phone numbers in every notation people and OCR produce, normalised to 9 national digits
// (another country's number as +<digits>).
// The hard part is what is NOT a phone: PESEL, NIP, customer, invoice, postal and bank numbers.
import { foldChars } from './normalize.js';
import { ocrToDigits } from './checksums.js';
import { isValidPesel } from '../core/pl-checksums.js';

// Maximal runs of digits and phone punctuation; OCR look-alike letters are allowed inside a run
// only after a phone keyword (handled below), so ordinary words never turn into numbers.
// Up to two punctuation marks between groups: OCR adds a dash beside a bracket, "(0-85) -835".
const RUN = /(?:\+\s?|\(\s?)?[0-9](?:[0-9OolISB](?=[0-9OolISB]*[0-9])|[0-9]|[ \t]?(?:[-.()/][ \t]?){0,2}(?=[0-9(]|[OolISB][0-9]))*\)?/g;

// The nearest keyword before a number on its line says what the number is: "umowę na numer 601..."
// is a phone ("na numer" comes last), "nr telefonu na kartę: 601..." too, "numer konta 12..." not.
const PHONE_KEY =
  /\b(?:tel|telefon\w*|kom|komork\w*|gsm|mobile|fax|faks|kontakt\w*|dzwoni\w*|sms\w*|(?:na|z|pod|do)\s+numer\w*|abonent\w*\s+\(?(?:numer\w*|nr)|numer\w*\s+(?:tel\w*|kom\w*))\b/g;
const NOT_PHONE_KEY =
  /\b(?:pesel|nip|regon|krs|klient\w*|abonent\w*|faktur\w*|fv|rachun\w*|kont[aoe]?|koncie|iban|sygn(?:atur\w*)?(?!\w)|akt[auy]?|umow\w*|kod\w*|zamowien\w*|sprawy?|id|identyfikator\w*|dowod\w*|seri\w*|paczk\w*|przesylk\w*)\b/g;

function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = (m.index ?? 0) + m[0].length;
  return end;
}

/** 'phone' or 'other' when a keyword on the number's line says so, null when none does. */
function contextOf(folded: string, start: number): 'phone' | 'other' | null {
  const lineStart = folded.lastIndexOf('\n', start - 1) + 1;
  const before = folded.slice(Math.max(lineStart, start - 40), start);
  const phone = lastEnd(PHONE_KEY, before);
  const other = lastEnd(NOT_PHONE_KEY, before);
  if (phone < 0 && other < 0) return null;
  return phone >= other ? 'phone' : 'other';
}

// A number the letter gives as someone else's: "kurier (tel. 664 701 339)", "numer technika",
// "infolinia 801 …" (blind test P: a courier's number was a namesake customer's own). Only a number
// right after such a person and its phone words: "kurier dzwonił na mój numer 601 …" is the writer's.
const SOMEONE_ELSE = /\b(?:kurier\w*|technik\w*|serwisant\w*|monter\w*|instalator\w*|listonosz\w*|doreczyciel\w*|konsultant\w*|sasiad\w*|przedstawiciel\w*|handlowc\w*|kierowc\w*|dostawc\w*|infolini\w*|hotline|courier|technician|neighbou?r)\b((?:[\s(:,.-]|\b(?:tel|telefon\w*|kom|nr|numer\w*|pod|na|to|jest|phone|no)\b)*)$/;

function someoneElses(folded: string, start: number): boolean {
  // The person may end the line above ("kurier" / "(tel. 664 …)").
  const m = SOMEONE_ELSE.exec(folded.slice(Math.max(0, start - 50), start).replace(/\n/g, ' '));
  return m !== null;
}

const MSISDN = /\bmsisdn\b/;

export interface PhoneHit {
  phone: string;
  index: number;
}

function national(digits: string, hasPlus: boolean, groups: string[], msisdn: boolean): string | null {
  let d = digits;
  if (d.startsWith('0048') && d.length === 13) d = d.slice(4);
  else if (d.length === 11 && d.startsWith('48') && (hasPlus || groups[0] === '48' || (msisdn && !isValidPesel(d)))) d = d.slice(2);
  else if (d.length === 10 && d.startsWith('0')) d = d.slice(1); // trunk prefix: (0-22) 654 32 10
  if (d.length !== 9 || d.startsWith('0')) return null;
  return d;
}

/**
 * Another country's number, "+380 67 123 45 67" or (after a phone keyword) "0049 171 1234567", as
 * "+<country code and number>": customers from abroad keep the phone they came with.
 */
function foreign(raw: string, digits: string, groups: string[], phoneCtx: boolean): string | null {
  const plus = /^[(]?\s?\+/.test(raw);
  if (!plus && !(phoneCtx && digits.startsWith('00'))) return null;
  const e164 = plus ? digits : digits.slice(2);
  if (/^48/.test(e164) || !/^[1-9]\d{9,14}$/.test(e164)) return null;
  // Written in groups as phones are, not one run of an account's digits.
  return groups.length >= 2 && groups.every((g) => g.length <= 8) ? `+${e164}` : null;
}

/** True when the digit groups look like a way a person writes a phone, not an account or a date. */
function plausibleGrouping(rawGroups: string[]): boolean {
  // A country or trunk prefix is its own group whatever the rest looks like.
  const groups = /^(0048|48|0)$/.test(rawGroups[0] ?? '') ? rawGroups.slice(1) : rawGroups;
  if (groups.length <= 1) return true;
  return groups.every((g) => g.length >= 1 && g.length <= 4) || (groups.length === 2 && groups.every((g) => g.length <= 5));
}

export function findPhones(text: string): PhoneHit[] {
  const folded = foldChars(text);
  const out: PhoneHit[] = [];
  for (const m of text.matchAll(RUN)) {
    // A list's row, "1. 48799175966 01.10.2026 31.10.2026": its ordinal and the dates after the
    // number are not part of it (blind test AW: a police list of numbers).
    const ordinal = /^\d{1,3}\.[ \t]+(?=\d{9})/.exec(m[0])?.[0].length ?? 0;
    const start = (m.index ?? 0) + ordinal;
    const run = m[0].slice(ordinal).replace(/(?<=\d{9})[ \t]+\d{1,2}\.\d{1,2}\.\d{4}(?:[ \t]+\d{1,2}\.\d{1,2}\.\d{4})*$/, '');
    // "+882 16 345 521 12:40": the hour of a time after the number is no part of it (a call list).
    const raw = /^:\d/.test(text.slice(start + run.length, start + run.length + 2)) ? run.replace(/\s+\d{1,2}$/, '') : run;
    const prevChar = text[start - 1] ?? ' ';
    const nextChar = text[start + raw.length] ?? ' ';
    // Glued to letters or slashes it is part of a code (FV/2026/..., PL123..., 12345/11/2026).
    if (/[\p{L}/\\_]/u.test(prevChar) || /[\p{L}/\\_]/u.test(nextChar)) {
      if (!/^[+(]/.test(raw) && !/[:.,;]/.test(prevChar)) continue;
    }
    // An office's case reference ("Znak: MRK.0123.45.2026", "OR.272.14.2026"): capitals glued by a dot.
    if (/\p{Lu}{2,}\.$/u.test(text.slice(Math.max(0, start - 8), start))) continue;
    if (/[/]/.test(raw)) continue;
    if (someoneElses(folded, start)) continue;
    const ctx = contextOf(folded, start);
    const phoneCtx = ctx === 'phone';
    // The international prefix says "phone" more surely than any keyword OCR may have garbled before
    // it ("umowę na gumer +48..." reads as a contract's number otherwise).
    if (ctx === 'other' && !/^(?:\+\s?48|\(\s?\+\s?48|0048)/.test(raw)) continue;
    const hasLetters = /[A-Za-z]/.test(raw);
    if (hasLetters && !phoneCtx) continue;
    const digits = ocrToDigits(raw.replace(/[+()/]/g, ' '));
    if (digits === null) continue;
    const groups = raw.replace(/[+()]/g, ' ').split(/[\s.\-/]+/).filter(Boolean);
    const abroad = foreign(raw, digits, groups, phoneCtx);
    if (abroad) {
      out.push({ phone: abroad, index: start });
      continue;
    }
    // A landline as directories print it, the area code in brackets and seven digits run together:
    // "(22) 6541234", "(0-22) 6541234" (blind test Z).
    const areaCode = /^\(\s?(?:0\s?-?\s?)?\d{2}\s?\)\s?\d{7}$/.test(raw);
    if (!areaCode && !plausibleGrouping(groups)) continue;
    // A date (12.03.2026) or money (1 234,56) has the wrong shape before normalising even starts; so
    // has a date with the hour after it, as call lists print them ("03.10.2026 23:14", blind test AJ).
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$|(?:^|\D)\d{1,2}\.\d{1,2}\.\d{4}(?!\d)/.test(raw)) continue;
    // "Numer MSISDN" over a police list: the telecom form, the country code without a plus
    // (48799175966, blind test AW); eleven digits are a PESEL's length, so never a valid PESEL.
    const msisdn = phoneCtx || MSISDN.test(folded.slice(Math.max(0, start - 300), start));
    const nat = national(digits, raw.includes('+'), groups, msisdn);
    if (nat === null) continue;
    // Without a phone keyword, insist on a first digit that Polish numbering actually assigns.
    if (!phoneCtx && !/^[1-9]/.test(nat)) continue;
    // 800/801/804 hotlines and 70x premium lines are firms' numbers: no customer has one as their
    // own (blind test U: the operator's 801 hotline, from a form's header, read as the writer's).
    if (/^[78]0\d{7}$/.test(nat)) continue;
    out.push({ phone: nat, index: start });
  }
  return out;
}
