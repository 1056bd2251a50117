// Who wrote a letter, when an institution did: courts, bailiffs, the regulator, consumer ombudsmen,
// police and prosecutors, recognised by the names they print in their own letterheads.
import { foldChars } from './normalize.js';
import { approxFind } from './fuzzy.js';
import { writesAsCustomer } from './institution-as-customer.js';
import { closingTail } from './enclosed-text.js';

export type InstitutionKind = 'court' | 'bailiff' | 'regulator' | 'ombudsman' | 'police';

// Nominative names as an institution prints them in its own letterhead or signature.
const INSTITUTIONS: [InstitutionKind, RegExp][] = [
  ['court', /sad (rejonowy|okregowy|apelacyjny|najwyzszy)|sad \w+ (wydzial|dla)/],
  ['bailiff', /komornik sadowy|kancelaria komornicza|asesor komorniczy/],
  // "UKE" alone only as a letterhead line: customers threaten "... skieruję sprawę do\nUKE." too.
  // The data-protection authority (UODO) forwards customers' complaints about their data as UKE does
  // about the service: same kind of sender, its letter concerns the customer it names.
  // "PREZES" may stand on a line of its own above the office's name in the genitive (blind test AU).
  ['regulator', /prezes urzedu komunikacji elektronicznej|urzad komunikacji elektronicznej|^\s*urzedu komunikacji elektronicznej\s*$|^\s*(prezes )?uke\s*$|prezes urzedu ochrony danych osobowych|urzad ochrony danych osobowych|^\s*urzedu ochrony danych osobowych\s*$|^\s*(prezes )?uodo\s*$/],

  ['ombudsman', /(miejski|powiatowy|wojewodzki) rzecznik (praw )?konsumentow|rzecznik praw konsumenta|prezes urzedu ochrony konkurencji|urzad ochrony konkurencji i konsumentow|^\s*urzedu ochrony konkurencji i konsumentow\s*$|^\s*(prezes )?uokik\s*$|delegatura (uokik|urzedu ochrony konkurencji)/],
  ['police', /komenda (rejonowa|miejska|powiatowa|wojewodzka|stoleczna) policji|prokuratura (rejonowa|okregowa|regionalna)|komisariat policji/],
];

// Public administration acting as an authority ("Wójt Gminy … na podstawie art. 50 k.p.a. wzywa do
// wskazania abonenta numeru …", blind test AM: matched to the office's own account): its head of
// office in the letterhead, and an act of authority in the text. The same offices invite the
// operator to forums and ask about masts (corpus: OTHER), and write about their own lines as
// customers (writesAsCustomer), so the title alone is not enough.
const PUBLIC_OFFICE = /^\s*(?:wojt gminy|burmistrz (?:miasta|gminy)|prezydent miasta|starosta \w+|naczelnik urzedu skarbowego|dyrektor izby administracji skarbowej|urzad (?:gminy|miasta|miejski|skarbowy)|starostwo powiatowe)\b/;
const AUTHORITY_ACT = /\bna podstawie art|\bk\.? ?p\.? ?a\b|postepowania administracyjn|ordynacj\w* podatkow|\bwzywa\b|\bpostanawia\b|\bzajeci\w*|egzekucj\w*|\bdecyzj\w*/;
const HEAD_LINES = 8;

/** An office of public administration writing as an authority. */
function publicAuthority(lines: string[]): InstitutionKind | null {
  return lines.slice(0, HEAD_LINES).some((l) => PUBLIC_OFFICE.test(l)) && AUTHORITY_ACT.test(lines.join('\n')) ? 'regulator' : null;
}

// The same names as plain phrases for approximate search in OCR-damaged text.
const INSTITUTION_PHRASES: [InstitutionKind, string[]][] = [
  ['court', ['sad rejonowy', 'sad okregowy', 'sad apelacyjny']],
  ['bailiff', ['komornik sadowy', 'kancelaria komornicza']],
  ['regulator', ['urzad komunikacji elektronicznej', 'urzad ochrony danych osobowych']],
  ['ombudsman', ['rzecznik konsumentow', 'rzecznik praw konsumenta']],
  ['police', ['komisariat policji', 'prokuratura rejonowa', 'prokuratura okregowa']],
];

const ANCHORED = INSTITUTIONS.map(([kind, re]) => [kind, re, new RegExp(`^(?:${re.source})`)] as const);

// Classification and identifier extraction both ask about the same letter: answer once.
let last: { text: string; sender: InstitutionKind | null; document: InstitutionKind | null } | null = null;

function detect(text: string) {
  if (last?.text === text) return last;
  const all = withoutCopyList(foldChars(text).split('\n').map((l) => (REGISTRATION.test(l) ? '' : l)));
  // An institution writing as a customer about its own lines or invoices sends no legal mail.
  const authority = publicAuthority(all);
  const found = scan(all) ?? authority;
  const document = found !== null && writesAsCustomer(all.join('\n')) ? null : found;
  // The lines before the salutation are a prefix of the letter: no document there, no sender either.
  // Without a salutation, the writer's letter ends at its closing and signature: a court decision
  // enclosed below them is not who wrote (closingTail).
  const salutation = all.findIndex((l) => SALUTATION.test(l.trim()));
  const ownEnd = salutation >= 0 ? salutation : closingTail(all);
  const sender = ownEnd >= all.length || document === null ? document : scan(all.slice(0, ownEnd)) ?? authority;
  last = { text, sender, document };
  return last;
}

/** The institution that wrote the letter: its name in the letterhead, before the letter's salutation. */
export function detectInstitution(text: string): InstitutionKind | null {
  return detect(text).sender;
}

/**
 * The regulator that wrote is the data-protection authority (UODO): its letters are about a
 * customer's personal data, which the privacy team answers alongside the legal one.
 */
export function fromDataProtectionAuthority(text: string): boolean {
  const { sender } = detect(text);
  return sender === 'regulator' && DATA_PROTECTION.test(foldChars(text).slice(0, 600));
}
const DATA_PROTECTION = /ochrony danych osobowych|\buodo\b/;

/**
 * An institution's document anywhere in the letter, also one a customer forwards below a cover
 * note: for the classifier, such a letter is legal mail whoever posted it.
 */
export function detectInstitutionDocument(text: string): InstitutionKind | null {
  return detect(text).document;
}

// A firm's registration line names its registry court ("Sąd Rejonowy w Toruniu, VII Wydział
// Gospodarczy KRS, kapitał zakładowy …"): every company letterhead and e-mail footer has one.
export const REGISTRATION = /\bkrs\b|rejestr\w* przedsiebiorcow|kapital\w* zakladow|wpisan\w* do rejestru|\bregon\b/;
// Where a letter's own text begins: an institution named only below it is quoted, not the sender.
const SALUTATION = /^(szanown|sz\.? ?p\.?\b|drodzy|dear\b|dzien dobry|witam|hello|hi\b)/;

// "Do wiadomości:" / "DW:" / "cc:" lists who gets a copy (often the consumer ombudsman or the
// regulator), never who wrote.
const COPY_TO = /^\s*(?:do wiadomosci|d\.? ?\/? ?w\.?\s*:|dw\b|kopia\b|cc\s*:|copy to\b)/;

function withoutCopyList(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (!COPY_TO.test(out[i]!)) continue;
    // The list runs to the next blank line (at most five names).
    for (let j = i; j < Math.min(out.length, i + 6) && (j === i || out[j]!.trim()); j++) out[j] = '';
  }
  return out;
}

/** The word of `text` around offset `at`. */
function wordAt(text: string, at: number): string {
  let start = at;
  let end = at;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return text.slice(start, end);
}

/**
 * An approximate hit that is the phrase declined ("do Rzecznika Konsumentów": one letter more) is a
 * customer naming the institution, not its letterhead; OCR damage rarely lengthens just that word.
 */
function nominativeAt(line: string, at: number, phrase: string): boolean {
  const first = phrase.slice(0, phrase.indexOf(' '));
  const word = wordAt(line, at);
  if (word !== first && word.startsWith(first)) return false;
  // "do Urzędu Ochrony…", "Prezesa Urzędu…": a word that governs the name makes it a mention, even
  // where the declined form is within the edits OCR damage is allowed.
  const before = line.slice(0, at).trimEnd();
  return !MENTION_BEFORE.test(before.slice(before.lastIndexOf(' ') + 1).replace(/^.*\n/, ''));
}
const lastWord = (line: string): string => line.slice(line.lastIndexOf(' ') + 1);
const MENTION_BEFORE = /^(?:do|od|przez|wobec|ze?|w|we|prezesa|prezesem|prezesowi|rzecznika|rzecznikiem)$/;

/** The institution named in these (folded) lines' first 300 characters or at a line's start. */
function scan(own: string[]): InstitutionKind | null {
  const head = own.join('\n').slice(0, 300);
  const lines = own.map((l) => l.trim().replace(/^["„'(]+/, ''));
  for (const [kind, re, anchored] of ANCHORED) {
    if (re.test(head) || lines.some((l) => anchored.test(l))) return kind;
  }
  // OCR-damaged letterheads: the phrase within two edits, in the header or at a line start.
  // A line start carries the previous line's last word: "skieruję sprawę do\nUrzędu …" is a mention.
  const lineHeads = lines.map((l, n) => `${lastWord(lines[n - 1] ?? '')} ${l.slice(0, 40)}`);
  for (const [kind, phrases] of INSTITUTION_PHRASES) {
    for (const p of phrases) {
      const k = p.length >= 14 ? 2 : 1;
      const found = approxFind(head, p, k).some((i) => nominativeAt(head, i, p)) ||
        lineHeads.some((l) => approxFind(l, p, k).some((i) => i - l.indexOf(' ') - 1 <= 2 && nominativeAt(l, i, p)));
      if (found) return kind;
    }
  }
  return null;
}
