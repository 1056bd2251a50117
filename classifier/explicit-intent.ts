// Intents a letter states in so many words: "wypowiadam umowę", "składam reklamację". The
// one-vs-rest head weighs a letter's whole wording and misses a notice given in one sentence of a
// letter about something else (blind test K: "rozwiązuję umowę z końcem miesiąca" inside a data
// request). Such a notice must reach the team that acts on it, and a complaint's statutory term
// must date the letter, so a plain statement of either is a second intent whatever the head says.
import type { Category } from '../core/types.js';
import { saidIn } from './lexicon.js';

const STATEMENTS: [Category, string[]][] = [
  ['CANCELLATION', [
    'wypowiadam umow', 'wypowiadamy umow', 'rozwiazuje umow', 'rozwiazujemy umow', 'odstepuje od umow', 'odstepujemy od umow',
    'rezygnuje z uslug', 'rezygnuje z umow', 'rezygnujemy z uslug', 'prosze o rozwiazanie umow', 'wnosze o rozwiazanie umow',
    'i want to cancel', 'i wish to cancel', 'please cancel my', 'terminate my contract', 'i hereby terminate',
  ]],
  ['COMPLAINT', [
    'skladam reklamacj', 'skladamy reklamacj', 'wnosze reklamacj', 'niniejszym reklamuj', 'i wish to complain', 'i want to complain',
    'formal complaint',
  ]],
];

/** Categories the writer's own words state outright, not negated ("nie wypowiadam umowy"). */
export function explicitIntents(ownTokens: string[]): Category[] {
  const said = saidIn(ownTokens);
  return STATEMENTS.filter(([, phrases]) => phrases.some(said)).map(([category]) => category);
}
