// Organisations that are neither courts nor authorities but write to the operator about a customer
// and set a term for the reply: banks (a chargeback, a direct debit), social welfare centres asking
// to forgive a client's debt, municipal offices, insurers, securitisation funds, notaries. Their term
// dates the letter whatever its category (blind test AW: a welfare centre's "w terminie 14 dni" and
// a bank's "7 dni" were due by the category's 30 and 14 days). A private writer's "proszę o
// odpowiedź w terminie 7 dni" does not shorten a statutory term: 53 of the corpus's 220 complaints
// state some term or date.
import { foldChars } from './normalize.js';

// At a line's start, as a letterhead prints it: a customer's subject line ("Dotyczy: przelewu z banku")
// names banks too.
const ORGANISATION = new RegExp(`^\\s*(?:${[
  '(?:gminn\\w*|miejsk\\w*|powiatow\\w*|miejsko gminn\\w*) osrodek pomocy spolecznej', 'osrodek pomocy spolecznej', '(?:m|g|mg)ops\\b', 'mopr\\b',
  'powiatowe centrum pomocy rodzinie', 'centrum uslug spolecznych',
  'urzad (?:miasta|gminy|miejski|marszalkowski|wojewodzki|skarbowy)', 'starostwo powiatowe', 'prezydent miasta', 'wojt gminy', 'burmistrz\\b',
  'bank\\b', '\\w+ bank (?:spoldzielczy|polski)', 'towarzystwo ubezpieczen', '\\w+ fundusz\\w* sekurytyzacyjn', 'kancelaria notarialna', 'notariusz\\b',
].join('|')})`, 'm');
const HEAD_LINES = 10;

/** The letter's letterhead (its first lines) names such an organisation as the sender. */
export function fromOrganisation(text: string): boolean {
  const head = foldChars(text).split('\n').filter((l) => l.trim()).slice(0, HEAD_LINES).join('\n');
  return ORGANISATION.test(head);
}
