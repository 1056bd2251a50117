// PROTOTYPE (not wired into the pipeline): splitting a stack scanned without separator sheets,
// from the OCR text of each page. A Polish letter's first page carries a sender block (postal
// code), a place-and-date line, a subject or salutation in its upper part; later pages carry page
// numbers or continue a sentence. Needs OCR text, so it would run after the OCR stage and re-split
// multi-page documents that came from a file without separators.
// Measured by `npm run bench:split` (docs/benchmarks.md): with the sender check, 1.4 % of the 1,890
// corpus letters merged into the one before on clean text and 9.6 % under heavy OCR noise. A merged letter is one
// customer's post shown to another's adviser, so separator sheets stay the way stacks are split.

export interface StartVerdict {
  page: number;
  start: boolean;
  score: number;
  reasons: string[];
}

const MONTHS = 'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|pa[zź]dziernika|listopada|grudnia';
// Dates as people write them: 13.11.2026, 1.11.26, 26/10/2026, 2026-11-13, 14 listopada (2026).
const DATE = new RegExp(`\\b\\d{1,2}[./-]\\d{1,2}[./-](\\d{4}|\\d{2})\\b|\\b\\d{1,2}\\s+(${MONTHS})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, 'i');
const ADDRESSEE = /^(do:|szanown|\S.*\b(s\.a\.|sp\. z o\.o\.|sp\.k\.|s\.c\.)|s[aą]d\b|komornik|urz[aą]d|rzecznik|prezes)/i;
const CASE_NO = /\b(nr sprawy|sygn\.?\s*akt|sygnatura|znak sprawy|nasz znak|wasz znak)\b/i;
/** Header lines (date, address, addressee) are short; the same tokens inside a sentence mean nothing. */
const SHORT = 45;
const POSTAL = /\b\d{2}-\d{3}\b/;
const SALUTATION = /^\s*(szanown[iya]|dzie[nń] dobry|witam)/i;
const SUBJECT = /^\s*(dotyczy|dot\.|w sprawie|temat|reklamacja|wniosek|wypowiedzenie|odwo[lł]anie|skarga|zg[lł]oszenie|pismo)\b/i;
const FIRST_PAGE_NO = /\b(strona|str\.)\s*1\s*(z|\/)\s*\d+\b|^\s*1\s*\/\s*\d+\s*$/im;
const LATER_PAGE_NO = /\b(strona|str\.)\s*([2-9]|\d{2,})\b|^\s*-\s*([2-9]|\d{2,})\s*-\s*$|^\s*([2-9]|\d{2,})\s*\/\s*\d+\s*$/im;
/** Two independent header signs (e.g. date line + address block, or addressee + salutation) open a letter whatever else the page shows. */
const START_SCORE = 2.5;
const CLOSING = /\b(z powa[zż]aniem|z wyrazami szacunku|pozdrawiam|z g[oó]ry dzi[eę]kuj[eę])\b/i;
const ATTACHMENT_MENTION = /\bza[lł][aą]cz(am|eniu|nik|niki|ona|ony)\b/i;
const NO_ATTACHMENT = /za[lł][aą]cznik(i|ów)?\s*:?\s*(brak|nie dotyczy|-|0)\b/gi;
// At a line's start: an invoice copy is headed "Faktura VAT nr ..."; a letter's subject mentioning an invoice is not one.
const ATTACHMENT_LIKE = /^(faktura|rachunek|nota|umowa|potwierdzenie|dow[oó]d wp[lł]aty|regulamin)\b/i;

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** Score for "this page opens a new letter"; `prev` is the text of the page before, if any. */
export function letterStartScore(text: string, prev: string | null, letterSoFar: string): StartVerdict {
  const all = lines(text);
  const top = all.slice(0, Math.max(8, Math.ceil(all.length * 0.4))); // header blocks run 5-10 lines on any page
  const upper = all.slice(0, Math.max(12, Math.ceil(all.length * 0.6)));
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string): void => {
    score += points;
    reasons.push(`${points > 0 ? '+' : ''}${points} ${why}`);
  };
  const header = top.filter((l) => l.length <= SHORT);
  if (header.some((l) => DATE.test(l))) add(2, 'date line near the top');
  if (header.some((l) => POSTAL.test(l))) add(1.5, 'address block near the top');
  if (header.some((l) => ADDRESSEE.test(l) && !SALUTATION.test(l))) add(1, 'addressee near the top');
  if (top.some((l) => CASE_NO.test(l))) add(1, 'case reference');
  if (upper.some((l) => SALUTATION.test(l))) add(1.5, 'salutation');
  if (upper.some((l) => SUBJECT.test(l))) add(1, 'subject line');
  if (FIRST_PAGE_NO.test(text)) add(2, 'page 1 of n');
  const laterPage = LATER_PAGE_NO.test(text);
  if (laterPage) add(-4, 'later page number');
  const first = all[0] ?? '';
  // A page that opens mid-sentence continues the previous one. A line of prose, not a speck or a
  // signature read as one lowercase word ("pozezonowwwam" above a receipt stamp).
  const midSentence = /^[a-ząćęłńóśźż]/.test(first) && first.split(/\s+/).length >= 3 && !DATE.test(first) && !POSTAL.test(first);
  if (midSentence) add(-2, 'starts mid-sentence');
  const prevClosed = prev !== null && CLOSING.test(lines(prev).slice(-8).join('\n'));
  if (prevClosed) add(1, 'previous page ends with a closing');
  // "W załączeniu faktura": the invoice copy that follows belongs to this letter.
  const announced = ATTACHMENT_MENTION.test(letterSoFar.replace(NO_ATTACHMENT, ''));
  const attachment = announced && top.some((l) => ATTACHMENT_LIKE.test(l)) && !upper.some((l) => SALUTATION.test(l));
  if (attachment) {
    // Outweighs a full header: an invoice copy has its own date, addresses and company names.
    add(-4, 'announced attachment');
  }
  // Merging two customers' letters is a data breach; cutting a letter in two costs an adviser a
  // click. So a page opens a letter unless something says it continues one: a later page number,
  // a sentence running on, an announced attachment, or no header at all after a page with no closing.
  const continues = laterPage || midSentence || attachment || (!prevClosed && score <= 0);
  return { page: -1, start: score >= START_SCORE || !continues, score, reasons };
}

export interface SplitOptions {
  /**
   * Who a page says it is from, as `kind:value` keys (customer numbers, PESEL, NIP, e-mail, names:
   * the classifier's identifiers, passed in so ingest does not depend on the classifier). A page
   * naming someone else than the letter so far opens a new letter, whatever its layout says.
   */
  senderKeys?(text: string): string[];
}

/**
 * Whether a page's sender keys contradict the letter's: some kind (say the customer number) given
 * on both with no value in common, and no value of any kind shared. Keys of different kinds never
 * contradict: page 1 with the number and page 2 with only the signature is one letter.
 */
function otherSender(page: readonly string[], letter: ReadonlySet<string>): boolean {
  if (page.some((k) => letter.has(k))) return false;
  const kindOf = (key: string) => key.slice(0, key.indexOf(':'));
  const kinds = new Set([...letter].map(kindOf));
  return page.some((k) => kinds.has(kindOf(k)));
}

/** Groups pages (OCR text, in scan order) into letters. The first page always opens one. */
export function splitByLetterStarts(pageTexts: readonly string[], opts: SplitOptions = {}): { letters: number[][]; verdicts: StartVerdict[] } {
  const letters: number[][] = [];
  const verdicts: StartVerdict[] = [];
  let current: number[] = [];
  let letterText = '';
  let letterKeys = new Set<string>();
  pageTexts.forEach((text, i) => {
    const keys = opts.senderKeys?.(text) ?? [];
    let v: StartVerdict = i === 0 ? { page: 0, start: true, score: Infinity, reasons: ['first page'] } : { ...letterStartScore(text, pageTexts[i - 1]!, letterText), page: i };
    if (!v.start && otherSender(keys, letterKeys)) {
      v = { ...v, start: true, reasons: [...v.reasons, 'another sender'] };
    }
    verdicts.push(v);
    if (v.start && current.length > 0) {
      letters.push(current);
      current = [];
      letterText = '';
      letterKeys = new Set();
    }
    current.push(i);
    letterText += `\n${text}`;
    for (const k of keys) letterKeys.add(k);
  });
  if (current.length > 0) letters.push(current);
  return { letters, verdicts };
}
