// Customer numbers in a letter: the 10-digit number after a keyword ("nr klienta", "nr kl.",
// "customer number is", "acct"), OCR look-alikes repaired; a number of another shape after the same
// keywords as written (a master may number its customers "K-104233"); and numbers introduced as
// a contract or subscription number, which people give in place of the customer number but which
// the matcher only believes when something else in the letter agrees (router/match-customer.ts).
import { foldChars } from './normalize.js';
import { ocrToDigits } from './checksums.js';
import type { Hit } from './identifier-patterns.js';

// OCR look-alikes accepted inside a number once a keyword says a number follows.
const DIGITISH = '[0-9OoDIl|SBZgq]';
// Either "nr/numer/ID + klienta/abonenta" (also "nr kl.", "Nr klienta u dostawcy:"), or the word order people also write:
// "klient nr", "abonent nr", "Klient:", "konto klienta", "Konto: 1234567890", "customer number is",
// "acct #". A 10-digit number there is read with OCR repairs (customerNumberAt), so "klientem od
// 2015" or a 26-digit bank account never reads as one.
const CUSTOMER_KEY = new RegExp(
  [
    /(?:\bnr\.?|\bnumer(?:u|em)?|\bid\.?|\bidentyfikator(?:a|em)?|\bkod)\s*(?:konta\s+|ewidencyjny\s+)?(?:k[l1i][il1]?en[tl]\w*|abon[ea]nt\w*|konta\s+k[l1i]ient\w*|kl\.?(?=[\s:.#\d]))(?:(?:\s+[a-z]{1,12}){1,3}\s*:)?(?:\s*\/\s*(?:nr\.?|numer)\s*umowy)?[\s:.#-]*(?:nr\.?|to)?[\s:.#-]*/.source,
    /\b(?:k[l1i][il1]?en[tl](?:a|em|ka|ki)?|abon[ea]nt(?:a|em|ka|ki)?|kont[aoe]?|koncie|customer|client|account|acct|subscriber)(?:\s+k[l1i]ient\w*)?[\s:.#-]*(?:nr\.?|numer|no\.?|number|num\.?|id\b|#)?(?:\s+(?:is|was))?[\s:.#-]*/.source,
  ].join('|'),
  'gi',
);
// "umowa nr", "umowy abonenckiej nr", "nr umowy (abonenckiej)", "abonament nr", "contract no.": the
// contract's own number, which the master may hold, and often the customer number itself.
// Also without "nr" when a reference follows at once: "Umowa: UM/B2B/2023/1189", "w ramach umowy
// UM/B2B/2019/0404", "na umowie firmowej UM/…" (a reference holds a slash or dash and digits).
const CONTRACT_KEY = /(?:\bumow\w*(?:\s+[a-z]+){0,3}?\s*(?:nr\.?|numer|o\s+numerze)|\bumow\w*(?:\s+(?:firmow|abonenck|ramow|serwisow|kompleksow)\w*)?\s*:?\s+(?=[a-z0-9]{1,10}[/-][a-z0-9/-]*\d)|\b(?:nr\.?|numer)\s*umowy(?:\s+abonenck\w*)?|\babonament\w*\s*(?:nr\.?|numer)|\bcontract\s*(?:no\.?|number|nr\.?|#))[\s:.#-]*/gi;

/**
 * The 10-digit customer number starting at `start` (OCR look-alike letters repaired, spaces and
 * dashes dropped), or null when the run there is not exactly 10 digits long.
 */
export function customerNumberAt(text: string, start: number): string | null {
  // Take the number as written (original text: OCR letters keep their case), up to 16 chars.
  // OCR may add a space beside a dash ("476 -226 9447"): up to two separator characters.
  const run = new RegExp(`^${DIGITISH}(?:[ -]{0,2}${DIGITISH}){8,14}`).exec(text.slice(start, start + 32));
  if (!run) return null;
  // Ten digits written together, then a space and a stray digit (a speck of the signature read as
  // one): the block is the number.
  if (new RegExp(`^${DIGITISH}{10}[ -]`).test(run[0])) {
    const block = ocrToDigits(run[0].slice(0, 10));
    if (block !== null && block.length === 10) return block;
  }
  // The run may swallow a look-alike letter of the next word: cut it after the 10th digit.
  const after = text.slice(start + run[0].length, start + run[0].length + 1);
  let cut = 0;
  let count = 0;
  while (cut < run[0].length && count < 10) if (/[^ -]/.test(run[0][cut++] as string)) count++;
  if (/\d/.test(run[0].slice(cut)) || (cut === run[0].length && /\d/.test(after))) return null;
  const digits = ocrToDigits(run[0].slice(0, cut));
  return digits !== null && digits.length === 10 ? digits : null;
}

/**
 * A customer number of another shape right after a keyword ("K-104233", "AB/2291/7", "00123456"):
 * one token of letters, digits and - / _, holding at least four digits and not a date. Taken as
 * written; only an exact customer_id in the master makes it evidence.
 */
function otherShapeAt(text: string, start: number): string | null {
  // "Klient JT 0733418": a letter prefix set apart from its digits (blind test R). Joined; the
  // matcher compares customer numbers by letters and digits only.
  // Only in capitals and after a whole keyword ("kontakt 725…" reads "konta" + "kt").
  const spaced = /^([A-Z]{1,4}) (\d{4,12})(?![\d/-]|\s\d)/.exec(text.slice(start, start + 24));
  if (spaced && !/\p{L}/u.test(text[start - 1] ?? ' ')) return `${spaced[1]}${spaced[2]}`;
  const m = /^[A-Za-z0-9][A-Za-z0-9/_-]{3,39}/.exec(text.slice(start, start + 40));
  if (!m) return null;
  const token = m[0].replace(/[-/_]+$/, '');
  if ((token.match(/\d/g) ?? []).length < 4 || /^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$/.test(token)) return null;
  // A postal code under "Biuro Obsługi Klienta" is the recipient's address, no customer number.
  if (/^\d{2}-\d{3}$/.test(token)) return null;
  // A bank account (26 digits) or other long run of digits is no customer number.
  if (/^\d{17,}$/.test(token)) return null;
  return token;
}

/** Two to four groups of digits set apart by single spaces, 6-16 digits in all, then no more digits. */
function groupedDigitsAt(text: string, start: number): string | null {
  const m = /^\d{2,6}(?: \d{2,6}){1,3}(?![\d-/]| \d)/.exec(text.slice(start, start + 32));
  const digits = m?.[0].replace(/ /g, '') ?? '';
  return digits.length >= 6 && digits.length <= 16 ? digits : null;
}

// "numer klienta w Orange: …", "(mój numer klienta\nw Play: …)", "w poprzedniej sieci": another
// operator's number, never ours, though it may equal one of our customer numbers (blind test P).
// Names of the operator mailroom serves (isOwn) are ours, whichever it is.
const OTHER_NETWORK = /\b(?:w|u|z|from|with|at)\s+(?:(?:sieci|firmie|operatora?)\s+)?(orange|play|plus|t-?mobile|heyah|polkomtel|p4|vectra|upc|netia|multimedia|inea|toya|nju|lycamobile|virgin|polsat\w*|canal\+?)\b|\b(?:poprzedni\w*|nowe[jm]?|inn(?:ej|ym|ego)|dotychczasow\w*)\s+(?:sieci|operator\w*|dostawc\w*|firm\w*)\b/;

/** The keyword (or the words right before a number) name another operator's account. */
export function otherNetwork(folded: string, isOwn: (name: string) => boolean): boolean {
  const m = OTHER_NETWORK.exec(folded);
  return m !== null && !(m[1] && isOwn(m[1]));
}

const NEVER_OWN = () => false;

function findAfter(key: RegExp, text: string, otherShapes: boolean, isOwn: (name: string) => boolean = NEVER_OWN): Hit[] {
  const out: Hit[] = [];
  for (const m of foldChars(text).matchAll(key)) {
    const at = (m.index ?? 0) + m[0].length;
    if (otherNetwork(m[0], isOwn)) continue;
    const value = customerNumberAt(text, at) ?? (otherShapes ? otherShapeAt(text, at) : null);
    if (value !== null) out.push({ value, index: m.index ?? 0 });
    // "Numer klienta: 4027 7135", grouped as the invoice prints it: the groups joined as well.
    const grouped = otherShapes && value !== null && value.length < 10 ? groupedDigitsAt(text, at) : null;
    if (grouped !== null && grouped !== value) out.push({ value: grouped, index: m.index ?? 0 });
  }
  return out;
}

/** Customer numbers introduced by "nr klienta", "numer abonenta", "ID klienta", "klient nr", "customer no.", ... */
export function findCustomerNumbers(text: string, isOwn?: (name: string) => boolean): Hit[] {
  return findAfter(CUSTOMER_KEY, text, true, isOwn);
}

/**
 * Numbers introduced as the contract's or subscription's: in the customer number's own shape, or
 * as the contract's own reference ("UM/2025/04/1182"), which only an exact master value makes evidence.
 */
export function findContractNumbers(text: string, isOwn?: (name: string) => boolean): Hit[] {
  return findAfter(CONTRACT_KEY, text, true, isOwn);
}

// Exactly ten digits, together or in groups ("8148283746", "814 828 3746", "48876-77384"), not part
// of a longer run of digits (a bank account, a parcel number) on either side.
const LOOSE_RUN = /(?<![\p{L}\d/.,]|\d[ -]{1,2})\d(?:[ -]{0,2}\d){9}(?![\p{L}\d/]|[ -]{1,2}\d|[.,]\d)/gu;
// Labels that make a ten-digit number someone else's: a company register, a tax or bank number,
// a telephone written with its old trunk zero.
const OTHER_LABEL = /\b(?:krs|regon|nip|pesel|iban|rachun\w*|kont[aoe]?\s+bankow\w*|tel|telefon\w*|fax|faks|kom|komork\w*|sygn(?:atur\w*)?(?!\w)|bdo)\W{0,4}$/;

/**
 * Ten-digit numbers written without any keyword, as people put their customer number in a subject
 * line or under the signature ("Temat: Nie działa telewizja – 8148283746"). Read only as printed
 * (no OCR repair without a keyword), and believed, like a contract number, only with other evidence.
 */
export function findLooseNumbers(text: string, folded = foldChars(text), isOwn: (name: string) => boolean = NEVER_OWN): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(LOOSE_RUN)) {
    const at = m.index ?? 0;
    if (OTHER_LABEL.test(folded.slice(Math.max(0, at - 24), at)) || otherNetwork(folded.slice(Math.max(0, at - 40), at).replace(/\s+/g, ' '), isOwn)) continue;
    out.push({ value: m[0].replace(/[ -]/g, ''), index: at });
  }
  return out;
}
