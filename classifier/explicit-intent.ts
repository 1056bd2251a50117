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
    'i would like to cancel', 'please end my contract',
  ]],
  ['COMPLAINT', [
    'skladam reklamacj', 'skladamy reklamacj', 'wnosze reklamacj', 'niniejszym reklamuj', 'reklamuje fakture', 'reklamuje usluge',
    // A complaint about a salesman's or a technician's conduct ("składam skargę na przedstawiciela").
    'skladam skarge na', 'skladamy skarge na', 'wnosze skarge na', 'prosze potraktowac to jako reklamacj',
    'prosze potraktowac jako reklamacj', 'prosze to potraktowac jako reklamacj', 'prosze traktowac to jako reklamacj',
    'i wish to complain', 'i want to complain', 'i would like to complain', 'i am writing to complain', 'formal complaint',
  ]],
  // A change of the customer's own data asked for in one sentence of a letter about something else
  // (blind test Q: a new contact number before an order) must reach the team that records it.
  ['DATA_CHANGE', [
    'prosze o zmiane adresu', 'prosze o zmiane mojego adresu', 'prosze o zmiane numeru telefonu kontaktow',
    'prosze o zmiane mojego numeru telefonu kontaktow', 'prosze o zmiane numeru kontaktow', 'prosze o zmiane danych',
    'prosze o aktualizacje danych', 'prosze o zaktualizowanie danych', 'prosze o zaktualizowanie moich danych',
    'please change my address', 'please update my address', 'please update my contact',
  ]],
];

/** Categories the writer's own words state outright, not negated ("nie wypowiadam umowy"); notice first. */
export function explicitIntents(ownTokens: string[]): Category[] {
  const said = saidIn(ownTokens);
  return STATEMENTS.filter(([, phrases]) => phrases.some(said)).map(([category]) => category);
}
