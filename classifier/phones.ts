// Polish phone numbers in every notation people and OCR produce, normalised to 9 national digits.
// The hard part is what is NOT a phone: PESEL, NIP, customer, invoice, postal and bank numbers.
import { foldChars } from './normalize.js';
import { ocrToDigits } from './checksums.js';

// Maximal runs of digits and phone punctuation; OCR look-alike letters are allowed inside a run
// only after a phone keyword (handled below), so ordinary words never turn into numbers.
const RUN = /(?:\+\s?|\(\s?)?[0-9](?:[0-9OolISB](?=[0-9OolISB]*[0-9])|[0-9]|[ \t]?[-.()/]?[ \t]?(?=[0-9(]|[OolISB][0-9]))*\)?/g;

const PHONE_CONTEXT = /(tel|telefon\w*|tel\.?\s*kom\w*|kom\.?|komork\w*|gsm|mobile|fax|faks|numer(?:em|u)?\s+tel\w*|nr\.?\s*tel\w*|kontakt\w*|dzwoni\w*|sms\w*)[\s.:;,-]*(?:nr\.?|numer)?[\s.:;-]*$/;
const NOT_PHONE_CONTEXT = /(pesel|nip|regon|krs|klient\w*|abonent\w*|faktur\w*|fv|rachun\w*|konta?|kont\w*|iban|sygn\w*|akt\w*|umow\w*|kod\w*|zamowien\w*|sprawy?|nr\s+sprawy|id|identyfikator\w*|dowod\w*|seri\w*|paczk\w*|przesylk\w*)[^\n\d]{0,16}$/;

export interface PhoneHit {
  phone: string;
  index: number;
}

function national(digits: string, hasPlus: boolean, groups: string[]): string | null {
  let d = digits;
  if (d.startsWith('0048') && d.length === 13) d = d.slice(4);
  else if (d.length === 11 && d.startsWith('48') && (hasPlus || groups[0] === '48')) d = d.slice(2);
  else if (d.length === 10 && d.startsWith('0')) d = d.slice(1); // trunk prefix: (0-22) 654 32 10
  if (d.length !== 9 || d.startsWith('0')) return null;
  return d;
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
    const raw = m[0];
    const start = m.index ?? 0;
    const before = folded.slice(Math.max(0, start - 40), start);
    const prevChar = text[start - 1] ?? ' ';
    const nextChar = text[start + raw.length] ?? ' ';
    // Glued to letters or slashes it is part of a code (FV/2026/..., PL123..., 12345/11/2026).
    if (/[\p{L}/\\_]/u.test(prevChar) || /[\p{L}/\\_]/u.test(nextChar)) {
      if (!/^[+(]/.test(raw) && !/[:.,;]/.test(prevChar)) continue;
    }
    if (/[/]/.test(raw)) continue;
    const phoneCtx = PHONE_CONTEXT.test(before);
    if (!phoneCtx && NOT_PHONE_CONTEXT.test(before)) continue;
    const hasLetters = /[A-Za-z]/.test(raw);
    if (hasLetters && !phoneCtx) continue;
    const digits = ocrToDigits(raw.replace(/[+()/]/g, ' '));
    if (digits === null) continue;
    const groups = raw.replace(/[+()]/g, ' ').split(/[\s.\-/]+/).filter(Boolean);
    if (!plausibleGrouping(groups)) continue;
    // A date (12.03.2026) or money (1 234,56) has the wrong shape before normalising even starts.
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(raw)) continue;
    const nat = national(digits, raw.includes('+'), groups);
    if (nat === null) continue;
    // Without a phone keyword, insist on a first digit that Polish numbering actually assigns.
    if (!phoneCtx && !/^[1-9]/.test(nat)) continue;
    out.push({ phone: nat, index: start });
  }
  return out;
}
