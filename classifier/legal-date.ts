// The deadline an authority sets as a date rather than a count of days: "w terminie do dnia
// 19 listopada 2026 r.", "najpóźniej do 27.11.2026", "do dnia 5 XII 2026 r.", "no later than
// 19 November 2026". Read only as a count of days, such a letter fell back to the 7-day default and
// could be due after the authority's own date (blind test K). The year may be missing ("do dnia
// 27 listopada"): the router places it next to the day the letter arrived.
import { normalizeText, withoutSpecks } from './normalize.js';
import { clauseStanding } from './legal-term.js';

const MONTHS: Record<string, number> = {
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8, wrzesnia: 9,
  pazdziernika: 10, listopada: 11, grudnia: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
};
// Roman months are how Polish offices write dates ("5 XII 2026 r."); only with a year, since a
// lone "i" or "v" after a number is anything.
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };

const MONTH_NAMES = Object.keys(MONTHS).join('|');
// Words that make the date a limit: "do (dnia)", "najpóźniej do", "nie później niż (do) (dnia)", "by", "no later than".
const CUE = '(?:\\bdo(?:\\s+dn(?:ia|\\.))?|nie\\s+pozniej\\s+niz(?:\\s+do)?(?:\\s+dn(?:ia|\\.))?|\\bby|no\\s+later\\s+than|\\bbefore)';
const DATE = [
  `(\\d{1,2})\\s?[./-]\\s?(\\d{1,2})\\s?[./-]\\s?(\\d{4})`,
  `(\\d{4})-(\\d{2})-(\\d{2})`,
  `(\\d{1,2})\\s+(${MONTH_NAMES})(?:\\s+(\\d{4}))?`,
  `(\\d{1,2})\\s+(${Object.keys(ROMAN).sort((a, b) => b.length - a.length).join('|')})\\s+(\\d{4})`,
  `(${MONTH_NAMES})\\s+(\\d{1,2}),?(?:\\s+(\\d{4}))?`,
].map((d) => `(?:${d})`).join('|');
const PATTERN = new RegExp(`${CUE}\\s*:?\\s*(?:${DATE})(?![\\d\\p{L}])`, 'gu');

// The start of a period right before the date: "(za okres) od 01.10.2026 do …", "od 10 do 15 sierpnia",
// "od 1 października 2026 r. do …", "za okres rozliczeniowy do …". Only right before: a period named
// a sentence earlier ("z okresu od 10 do 15 sierpnia 2026 r. Informacje należy przekazać do dnia
// 4 grudnia") made the prosecutor's own date vanish, and the letter fell to a later default (blind test AG).
// The day may come out of OCR as a stroke ("od | stycznia do 30 czerwca 2026 r.", blind test AU's fax).
const DAY_GIVEN = `(?:\\d{1,2}(?:[./-]\\d{1,2}[./-]\\d{2,4}|\\s+(?:${MONTH_NAMES}|[ivx]{1,4})(?:\\s+\\d{4})?(?:\\s+r\\.?)?)?|[|!l]\\s+(?:${MONTH_NAMES})(?:\\s+\\d{4})?(?:\\s+r\\.?)?)`;
const PERIOD = new RegExp(`(?:\\bod(?:\\s+dn(?:ia|\\.))?\\s*${DAY_GIVEN}|\\bokres\\w*(?:\\s+\\p{L}+){0,2}|\\bfrom\\s+${DAY_GIVEN}|\\bperiod(?:\\s+\\p{L}+){0,2})\\s*$`, 'u');

interface DayOfYear { year: number | null; month: number; day: number }

function fromMatch(m: RegExpExecArray): DayOfYear | null {
  const g = (i: number): string | null => m[i + 1] ?? null;
  const num = (v: string | null) => (v === null ? null : Number(v));
  let d: DayOfYear | null = null;
  if (g(0)) d = { day: num(g(0))!, month: num(g(1))!, year: num(g(2)) };
  else if (g(3)) d = { year: num(g(3)), month: num(g(4))!, day: num(g(5))! };
  else if (g(6)) d = { day: num(g(6))!, month: MONTHS[g(7)!]!, year: num(g(8)) };
  else if (g(9)) d = { day: num(g(9))!, month: ROMAN[g(10)!]!, year: num(g(11)) };
  else if (g(12)) d = { month: MONTHS[g(12)!]!, day: num(g(13))!, year: num(g(14)) };
  if (!d || d.month < 1 || d.month > 12 || d.day < 1) return null;
  const probe = new Date(Date.UTC(d.year ?? 2024, d.month - 1, d.day));
  if (probe.getUTCDate() !== d.day || (d.year !== null && (d.year < 2000 || d.year > 2100))) return null;
  return d;
}

const two = (n: number) => String(n).padStart(2, '0');
/** ISO date, or "--MM-DD" (ISO 8601's day without a year) when the letter gives none. */
const iso = (d: DayOfYear) => `${d.year === null ? '-' : d.year}-${two(d.month)}-${two(d.day)}`;

/**
 * The date by which the letter tells its addressee to act, or null. Dates in clauses that only
 * describe someone's right ("zażalenie przysługuje do dnia …") are not the addressee's term. Of
 * several, the earliest: a wrong pick makes the letter early, never late.
 */
export function parseStatedDueDate(text: string): string | null {
  // A line that starts with a capital starts a clause: "Dotyczy: wezwanie" above "Dłużnik … do dnia
  // 2 listopada nie uregulował należności" does not make that past date a demand (blind test N). A
  // sentence the OCR broke, even across a blank line, runs on in lower case ("…\n\ndo dnia 20 listopada").
  const found = statedIn(normalizeText(withoutSpecks(text).replace(/\n[ \t]*(?:\n[ \t]*)*(?=\p{Lu})/gu, '.\n')));
  if (found.length === 0) return null;
  // A date without a year takes the year of another stated date; with none, the router places it.
  const years = found.map((d) => d.year).filter((y): y is number => y !== null);
  const yearOf = (d: DayOfYear) => d.year ?? (years.length ? Math.max(...years) : null);
  const key = (d: DayOfYear) => `${yearOf(d) ?? 0}-${two(d.month)}-${two(d.day)}`;
  const earliest = found.reduce((a, b) => (key(b) < key(a) ? b : a));
  return iso({ ...earliest, year: yearOf(earliest) });
}

/** Dates set for the addressee in normalised text. */
function statedIn(t: string): DayOfYear[] {
  const found: DayOfYear[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(t); m; m = PATTERN.exec(t)) {
    const d = fromMatch(m);
    if (!d) continue;
    // "za okres od 01.10.2026 do 31.10.2026": the end of a period asked about, not a deadline.
    if (PERIOD.test(t.slice(Math.max(0, m.index - 40), m.index))) continue;
    // Asked of the addressee, and no right described beside it.
    if (clauseStanding(t, m) === 1) found.push(d);
  }
  return found;
}
