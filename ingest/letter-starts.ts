// PROTOTYPE (not wired into the pipeline): splitting a stack scanned without separator sheets,
// from the OCR text of each page. A Polish letter's first page carries a sender block (postal
// code), a place-and-date line, a subject or salutation in its upper part; later pages carry page
// numbers or continue a sentence. Needs OCR text, so it would run after the OCR stage and re-split
// multi-page documents that came from a file without separators.

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
/** Two independent header signs (e.g. date line + address block, or addressee + salutation). */
const START_SCORE = 2.5;
const CLOSING = /\b(z powa[zż]aniem|z wyrazami szacunku|pozdrawiam|z g[oó]ry dzi[eę]kuj[eę])\b/i;
const ATTACHMENT_MENTION = /\bza[lł][aą]cz(am|eniu|nik|niki|ona|ony)\b/i;
const NO_ATTACHMENT = /za[lł][aą]cznik(i|ów)?\s*:?\s*(brak|nie dotyczy|-|0)\b/gi;
const ATTACHMENT_LIKE = /\b(faktura|rachunek|nota|umowa|potwierdzenie|dow[oó]d wp[lł]aty|regulamin)\b/i;

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
  if (LATER_PAGE_NO.test(text)) add(-4, 'later page number');
  const first = all[0] ?? '';
  // A page that opens mid-sentence continues the previous one.
  if (/^[a-ząćęłńóśźż]/.test(first) && !DATE.test(first) && !POSTAL.test(first)) add(-2, 'starts mid-sentence');
  if (prev !== null && CLOSING.test(lines(prev).slice(-8).join('\n'))) add(1, 'previous page ends with a closing');
  // "W załączeniu faktura": the invoice copy that follows belongs to this letter.
  const announced = ATTACHMENT_MENTION.test(letterSoFar.replace(NO_ATTACHMENT, ''));
  if (announced && top.some((l) => ATTACHMENT_LIKE.test(l)) && !upper.some((l) => SALUTATION.test(l))) {
    // Outweighs a full header: an invoice copy has its own date, addresses and company names.
    add(-4, 'announced attachment');
  }
  return { page: -1, start: score >= START_SCORE, score, reasons };
}

/** Groups pages (OCR text, in scan order) into letters. The first page always opens one. */
export function splitByLetterStarts(pageTexts: readonly string[]): { letters: number[][]; verdicts: StartVerdict[] } {
  const letters: number[][] = [];
  const verdicts: StartVerdict[] = [];
  let current: number[] = [];
  let letterText = '';
  pageTexts.forEach((text, i) => {
    const v = i === 0 ? { page: 0, start: true, score: Infinity, reasons: ['first page'] } : { ...letterStartScore(text, pageTexts[i - 1]!, letterText), page: i };
    verdicts.push(v);
    if (v.start && current.length > 0) {
      letters.push(current);
      current = [];
      letterText = '';
    }
    current.push(i);
    letterText += `\n${text}`;
  });
  if (current.length > 0) letters.push(current);
  return { letters, verdicts };
}
