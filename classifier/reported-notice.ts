// A notice the letter reports as done ("umowa została rozwiązana w kwietniu", "po rozwiązaniu umowy
// odesłałem router") is the background of a complaint or a data request, not a notice to act on.
// Corpus: 17 of 20 letters with such a report are no notice at all, neither main nor second intent.
import { lexiconHits } from './lexicon.js';

const PASSIVE = new Set(['zostala', 'zostalo', 'zostaly', 'zostal']);
const ENDED = /^(?:rozwiazan|wypowiedzian|zakonczon)/;
const AFTER = /^(?:rozwiazani|wypowiedzeni|zakonczeni)/;

/** Folded tokens without the reports of a notice already given. */
function withoutReports(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1] === 'juz' ? i + 2 : i + 1;
    if (PASSIVE.has(t) && ENDED.test(tokens[next] ?? '')) {
      i = next;
      continue;
    }
    if (t === 'po' && AFTER.test(tokens[i + 1] ?? '')) {
      i += tokens[i + 2] === 'umowy' ? 2 : 1;
      continue;
    }
    if (t === 'umowa' && tokens[i + 1] === 'wygasla') {
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Whether the letter's notice words are all reports of one already given (its own folded tokens). */
export function noticeOnlyReported(ownTokens: string[]): boolean {
  const rest = withoutReports(ownTokens);
  return rest.length < ownTokens.length && (lexiconHits(rest).get('CANCELLATION') ?? 0) === 0;
}
