// The operator's own words inside a letter: an invoice copy's footer, a contract's party clause, a
// web-form printout's data-protection note, a quoted e-mail's signature ("Telekomunikacja X S.A.
// z siedzibą w Toruniu, ul. …, NIP …, KRS …, infolinia …"). Their NIP, phones and address are the
// operator's: read as the writer's, they matched the operator's own account in the master (blind
// test U), and they stand beside the customer's data in two-column invoice copies too.
import { foldChars } from './normalize.js';
import type { OperatorMatcher } from './operator-identity.js';
import { addressAfterName, lineStarts } from './recipient-block.js';

// What a firm's footer holds and a customer's or a court's sentence about the operator does not
// (a NIP or "tel." stand in those too).
const FOOTER_CUE = /\b(?:krs|regon|kapital\w* zakladow\w*|z siedziba|infolini\w*|www|bok|adres do korespondencji|rachun\w* bankow\w*)\b/;
// A footer's next line opens with a register, contact or address token.
const FOOTER_LINE = /^[^a-z0-9]*(?:(?:nip|krs|regon|infolini\w*|tel|fax|www|bok|e-?mail|ul|al|pl)\b|\d{2}\s?-\s?\d{3}\b|\d{3}\s\p{L})/u;
const REGISTER_WORDS = /\b(?:nip|krs|regon|kapital\w* zakladow\w*|infolini\w*|rachun\w*)\b/g;
/** A line continuing a footer: it opens like one, or holds two register words ("… KRS; NIP …, REGON …"). */
const continues = (folded: string) => FOOTER_LINE.test(folded) || (folded.match(REGISTER_WORDS)?.length ?? 0) >= 2;
const MAX_CONTINUATION = 3;
// A footer block's name line: the name, perhaps the street and town, not a sentence.
const BLOCK_NAME_LINE = 90;
/** The operator's name with its legal form, before the address a footer gives after it. */
const NAME_BEFORE_ADDRESS = 50;

/**
 * [start, end) ranges of the operator's own footer passages: from the operator's name on a line that
 * carries a footer's words after it, or above a line that opens like a footer's, through up to three
 * lines continuing it.
 */
export function operatorPassages(text: string, operator: OperatorMatcher): [number, number][] {
  const lines = text.split('\n');
  const starts = lineStarts(lines);
  const next = (k: number) => (lines[k]?.trim() ? k : lines[k + 1]?.trim() ? k + 1 : -1);
  const spans: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const folded = foldChars(lines[i]!);
    if (!operator.isOwnCompany(lines[i]!)) continue;
    // From where the name starts: a two-column row may hold the customer's data before it.
    const name = nameStart(folded, operator);
    const after = next(i + 1);
    // A footer block opens with the name: a name after other words is a two-column row (the sender's
    // block beside the recipient's) or prose, whose next line says nothing about the operator.
    const block = /^[^\p{L}\d]*$/u.test(folded.slice(0, name)) && folded.length - name <= BLOCK_NAME_LINE;
    // "Formularz należy przesłać na adres: Telekomunikacja X S.A., Biuro Obsługi Klienta, ul. …,
    // 00-950 Warszawa.": a form's footer giving the operator's address mid-line (blind test AK: it
    // stood as the sender's second address on every form and cautioned the true customer's match).
    // Only the name (and its legal form) before the first comma: OCR joins a form's "Nazwa instytucji:
    // Telekomunikacja X (operator) … Dane wnioskodawcy: Danuta Krawczyk, ul. …" into one line too.
    const fromName = lines[i]!.slice(name).trim().replace(/[.;]+$/, '');
    const nameOnly = fromName.split(',')[0]!;
    const addressed = nameOnly.length <= NAME_BEFORE_ADDRESS && !/[:(]/.test(nameOnly) && addressAfterName(fromName);
    if (!FOOTER_CUE.test(folded.slice(name)) && !addressed && !(block && after >= 0 && FOOTER_LINE.test(foldChars(lines[after]!)))) continue;
    let end = i;
    for (let k = next(i + 1), taken = 0; k >= 0 && taken < MAX_CONTINUATION && continues(foldChars(lines[k]!)); k = next(k + 1), taken++) end = k;
    spans.push([starts[i]! + name, starts[end]! + lines[end]!.length]);
    i = end;
  }
  return spans;
}

/** Where on the line the operator's name begins (0 when it cannot be placed). */
function nameStart(foldedLine: string, operator: OperatorMatcher): number {
  for (let k = 0; k < foldedLine.length; k++) {
    if ((k === 0 || /[^a-z0-9]/.test(foldedLine[k - 1]!)) && operator.startsWithOwnName(foldedLine.slice(k))) return k;
  }
  return 0;
}
