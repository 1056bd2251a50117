// The recipient block: the operator's own name and address, which most letters copy from the
// invoice ("Telekomunikacja X S.A., Biuro Obsługi Klienta, ul. …, 03-150 Warszawa"). Its street and
// postal code are the operator's, never the customer's: read as the sender's, they would draw the
// operator's neighbours into the candidates and could complete a namesake's address.
import { foldChars } from './normalize.js';
import type { OperatorMatcher } from './operator-identity.js';

// Department lines name a recipient whatever the operator is called (no configuration needed).
// "Biuro Obsługi Klient nta", "Klierita": OCR damages the word after it (blind test AK: a pencil note
// beside the block), so "obsługi" and a word opening with k end the test.
const DEPARTMENT = /^(?:do:?\s+)?(?:(?:biuro|centrum|dzial) obslugi (?:klien|abonen|k\w*\s?\w*$)|obsluga klienta|dzial reklamacji|customer (?:service|care)|complaints department|skr(?:\.|ytka)\s*poczt|inspektor(?:a)? ochrony danych|data protection officer)/;
// "Telekomunikacja Nadwiślańska\nS.A.": the legal form wrapped onto a line of its own.
const LEGAL_FORM_LINE = /^(?:s\.?\s?a\.?|sp\.?\s?z\s?[o0]\.?\s?[o0]\.?|spolka akcyjna|spolka z ograniczona odpowiedzialnoscia)$/;
// Street, PO box, postal, register and hotline lines: what a recipient block holds under its first line.
// Not the writer's "Tel. kontaktowy: …" right under it (blind test AN: the phone went with the block).
const ADDRESS_LINE = /^(?:(?:ul|al|pl|os)\b|ulica|aleja|plac|osiedle|\d{2}\s?-\s?\d{3}\b|skr\.|skrytka|p\.?\s?o\.?\s?box\b|[a-z]+ \d{2}\s?-\s?\d{3}\b|nip\b|regon\b|krs\b|tel\b(?!\.?\s*(?:kontakt|kom\b|komork))|infolinia\b)/;
const LEGAL_ENTITY = /\b(?:s\.?\s?a\.|sp\.?\s?z\s?[o0]\.?\s?[o0]\.?|spolka akcyjna)(?:\s|$)/;
// The seller's block of an enclosed invoice copy: the operator, whatever its configured name.
// "Do:" / "Adresat:" alone on a line: the recipient's name follows, whatever the operator is called.
const SELLER_LABEL = /^(?:sprzedawca|wystawca|sprzedajacy|seller|issuer|adresat|odbiorca|do:|to:)\s*:?$/;
// "Do: Polmax Telekom S.A.": a labelled firm on the label's line.
const LABELLED_FIRM = /^(?:do|adresat|odbiorca|to)\s*:\s*\S.*\b(?:s\.?\s?a\.|sp\.?\s?z\s?[o0]\.?\s?[o0]\.?|spolka akcyjna)/;
// A letter's head ends at its salutation or its first line of prose.
const BODY_START = /^(?:szanown\w*|dzien dobry|witam|dear\b|w nawiazaniu|zwracam sie|niniejszym|uprzejmie)/;
const PROSE_LINE = 80;
// A recipient block runs a few lines under its first line; the sender block is above or beside it.
const BLOCK_LINES = 4;
// A line that starts with the operator's name and is not much more ("Telekomunikacja Nadwiślańska
// S.A."), not a sentence about it nor a scanned row that joins the sender's block to it.
const NAME_LINE_MAX = 60;

// The operator's own footer on its forms and invoice copies ("Telekomunikacja X S.A., ul. …, NIP …,
// KRS …, kapitał zakładowy …"): its NIP, address and hotline are the operator's, never the sender's.
const REGISTER_FOOTER = /\b(?:nip|krs|regon|kapital zakladowy|infolinia)\b/;
const FOOTER_LINE = /\b(?:nip|krs|regon|infolinia|skrytka|adres do korespondencji|bok@|www\.)/;

const POSTAL_LINE = /(?:^|\s)\d{2}\s?-\s?\d{3}(?:\s|$)/;

/** A short department, street, postal, register or hotline line: one a recipient block holds. */
function blockLine(raw: string | undefined): boolean {
  // A speck read before the line ("'00-950 Warszawa 1") is no part of it.
  const l = raw?.trim().replace(/^[^\p{L}\d]+/u, '') ?? '';
  if (l.length === 0 || l.length > NAME_LINE_MAX) return false;
  const folded = foldChars(l);
  return DEPARTMENT.test(folded) || ADDRESS_LINE.test(folded) || LEGAL_FORM_LINE.test(folded);
}

/** "Telekomunikacja X S.A., skrytka pocztowa 1200, 00-950 Warszawa": the whole block on one line. */
export function addressAfterName(line: string): boolean {
  const parts = line.split(',').slice(1).map((p) => p.trim()).filter((p) => !/^s\.?\s?a\.?$/i.test(p));
  return parts.length > 0 && parts.every((p) => blockLine(p));
}

/** The character offset where each of the text's lines starts. */
export function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return starts;
}

/** [start, end) character ranges of the text that belong to a recipient block. */
export function recipientSpans(text: string, operator: OperatorMatcher): [number, number][] {
  const lines = text.split('\n');
  const starts = lineStarts(lines);
  const spans: [number, number][] = [];
  let inHead = true;
  let senderAbove = false;
  let headLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const folded = foldChars(line);
    // A long line is prose unless it is the head's row OCR joined with the date ("KOMORNIK … Słupsk, dnia 17 listopada 2026 r.").
    if (line) headLines++;
    if (BODY_START.test(folded) || (line.length > PROSE_LINE && !(headLines <= 2 && /\b(?:19|20)\d\d\b/.test(line)))) inHead = false;
    const label = SELLER_LABEL.test(folded);
    const department = DEPARTMENT.test(folded);
    const own = operator.startsWithOwnName(line);
    const footer = own && line.length > NAME_LINE_MAX && REGISTER_FOOTER.test(folded);
    // An operator mailroom was not told the name of (blind test R: its address block decided a
    // namesake at its own address): in the letter's head, below a sender's postal line, a short line
    // naming a firm by its legal form, with address lines under it, is the recipient's block.
    const firmInHead = inHead && senderAbove && line.length <= NAME_LINE_MAX && !line.includes(':') &&
      LEGAL_ENTITY.test(folded) && blockLine(lines[i + 1] === '' ? lines[i + 2] : lines[i + 1]);
    const opens = label || department || (own && (line.length <= NAME_LINE_MAX || addressAfterName(line))) || footer ||
      firmInHead || (inHead && LABELLED_FIRM.test(folded));
    if (POSTAL_LINE.test(folded)) senderAbove = true;
    if (!opens) continue;
    // The block is the short department and address lines right under its first one: anything
    // else (a blank line, a subject, a form's field, a paragraph OCR joined on) ends it. Under a
    // seller label the first line after blank ones is the seller's name, whatever it says.
    let end = i;
    let j = i + 1;
    if (label) {
      while (j < lines.length && !lines[j]!.trim()) j++;
      if (j < lines.length && lines[j]!.trim().length <= NAME_LINE_MAX) end = j++;
    }
    // Lines of the block, not of the page: blank lines OCR put between them do not count.
    let postal = POSTAL_LINE.test(foldChars(lines[end] ?? ''));
    for (let taken = 0; j < lines.length && taken < BLOCK_LINES; j++, taken++) {
      // OCR puts blank lines inside blocks: one is passed over when an address line follows it. Not
      // after the block's postal line: the address ends there, and "NIP: …" or "Tel. …" a blank line
      // under it is the sender's reference line (blind test BB: seven firms' NIPs and a phone lost).
      if (!lines[j]!.trim() && !postal && blockLine(lines[j + 1])) j++;
      // The footer's second line ("Adres do korespondencji: Skrytka …, infolinia …") is as long.
      if (!blockLine(lines[j]) && !(footer && FOOTER_LINE.test(foldChars(lines[j] ?? '')))) break;
      end = j;
      postal ||= POSTAL_LINE.test(foldChars(lines[j]!));
    }
    // "Orbitel Polska S.A.\n\nObsługa Klienta …": the firm above a department line is the recipient
    // too, configured or not (a line or a blank line above, with a legal form).
    let first = i;
    if (department) {
      const above = [i - 1, i - 2].find((k) => k >= 0 && lines[k]!.trim() !== '');
      if (above !== undefined && lines[above]!.trim().length <= NAME_LINE_MAX && LEGAL_ENTITY.test(foldChars(lines[above]!))) first = above;
    }
    spans.push([starts[first]!, starts[end]! + lines[end]!.length]);
    i = end;
  }
  return spans;
}
