// Where a letter says what it wants: the subject line and the words right after a request verb.
// The rest of a letter tells the story (an invoice, a fault, a move) and is shared by several
// categories; "proszę o wypowiedzenie" or "Dotyczy: reklamacji" names the one the writer asks for.
import { tokenize } from './normalize.js';
import { PrefixIndex } from './fuzzy.js';

/** Folded word starts of request verbs, first person and polite forms. */
const REQUEST_VERBS = [
  'prosze', 'prosimy', 'uprzejmie', 'wnosze', 'wnosimy', 'wnioskuj', 'zadam', 'zadamy', 'domagam', 'domagamy',
  'zwracam', 'zwracamy', 'chce', 'chcemy', 'chcial', 'chciel', 'rezygnuj', 'wypowiadam', 'wypowiadamy',
  'zglaszam', 'zglaszamy', 'skladam', 'skladamy', 'odstepuj', 'wyrazam', 'cofam', 'wycofuj', 'zamawiam',
  'oczekuj', 'wzywam', 'wzywamy', 'zlecam', 'potrzebuj', 'zastrzegam', 'sprzeciw',
];

/** Tokens that open a subject: "Dotyczy:", "Dot.", "Temat:", "W sprawie", "Sprawa:", "Przedmiot:". */
const SUBJECT_MARKERS = new Set(['dotyczy', 'dot', 'temat', 'sprawa', 'przedmiot', 'tytul']);

const FUZZY_VERBS = new PrefixIndex<string>(REQUEST_VERBS.map((v): [string, string] => [v, v]), 6);

/** Words read after a cue; long enough for "proszę o niezwłoczne rozwiązanie umowy nr …". */
const WINDOW = 8;

function isRequestVerb(token: string): boolean {
  if (token.length < 4) return false;
  return REQUEST_VERBS.some((v) => token.startsWith(v)) || FUZZY_VERBS.lookup(token).size > 0;
}

/** Tokens of short upper-case heading lines ("REKLAMACJA", "WYPOWIEDZENIE UMOWY"). */
function headingTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const letters = line.replace(/[^\p{L}]/gu, '');
    if (letters.length < 5 || /\d/.test(line) || letters !== letters.toUpperCase()) continue;
    const words = tokenize(line);
    if (words.length <= 5) out.push(...words);
  }
  return out;
}

/** Subject-line tokens and request-clause tokens of a (personal-data-masked) letter. */
export function requestCues(text: string): { subject: string[]; request: string[] } {
  const subject = headingTokens(text);
  const request: string[] = [];
  // "Dotyczy:" followed only by the (masked) customer's name: the subject is on the next line.
  let subjectPending = false;
  for (const line of text.split('\n')) {
    // A cue reads to the end of its sentence or line, not into the greeting that follows.
    const clauses = line.replace(/\b(dot)\./gi, '$1:').split(/[.!?;]+/).map(tokenize);
    if (subjectPending && clauses.some((c) => c.length > 0)) {
      subject.push(...(clauses.find((c) => c.length > 0) as string[]).slice(0, WINDOW));
      subjectPending = false;
    }
    for (const tokens of clauses) {
      tokens.forEach((t, i) => {
        if (SUBJECT_MARKERS.has(t) || (t === 'sprawie' && tokens[i - 1] === 'w')) {
          const rest = tokens.slice(i + 1, i + 1 + WINDOW);
          subject.push(...rest);
          if (rest.length < 2) subjectPending = true;
        }
        if (isRequestVerb(t)) request.push(...tokens.slice(i + 1, i + 1 + WINDOW));
      });
    }
  }
  return { subject, request };
}
