// Everything in a letter that can tie it to a customer. For letters from courts, bailiffs, the
// regulator or an ombudsman the customer is the subject of the letter, not its sender: see
// extractIdentifiers for how the institution's own NIP, address and signatory are kept out.
import type { Identifiers } from '../core/types.js';
import { foldChars } from './normalize.js';
import { joinSpacedLetters } from './spaced-letters.js';
import { rewriteFormFields } from './form-fields.js';
import { DEMO_OPERATOR_MATCHER, type OperatorMatcher } from './operator-identity.js';
import { findPhones } from './phones.js';
import { findNames, type NameHit } from './names.js';
import { dateLineTown, findAddresses, findCompanies, type AddressHit } from './addresses.js';
import { seatSpans, withoutSeat } from './seat-address.js';
import { isValidNip } from '../core/pl-checksums.js';
import {
  findEmails, findUnreadEmails, findInvoiceNumbers, findKrs, findNips, findPesels, findPostalCodes, findRegons, type Hit,
} from './identifier-patterns.js';
import { customerNumberAt, findContractNumbers, findCustomerNumbers, findLooseNumbers } from './customer-numbers.js';
import { recipientSpans } from './recipient-block.js';
import { operatorPassages } from './operator-passages.js';
import { formerNames } from './former-names.js';
import { writerRelations } from './on-behalf.js';

export { ocrDigitVariants, ocrToDigits, isValidNip, isValidPesel } from './checksums.js';

import { detectInstitution, type InstitutionKind } from './institution.js';

export { detectInstitution, detectInstitutionDocument, type InstitutionKind } from './institution.js';

// Passages that name the person or firm a letter concerns. The locative turns t into c: "informacji
// o abonencie numeru …" (blind test AG: the police's subject, named further on, was dropped with
// the rest of the letter as the station's own).
const SUBJECT_KEY =
  /\b(dluznik\w*|w\s+sprawie|dotyczy|dot\.|abonen(?:t\w*|cie)|klien(?:t\w*|cie)|konsumen(?:t\w*|cie)|uzytkownik\w*|posiadacz\w*|pozwan\w*|przeciwko|wnioskodawc\w*|skarzac\w*|skarg[aei]\s+przedsiebiorc\w*|uczestnik\w*|podejrzan\w*|wobec|zobowiazan\w*)\b/g;
const OFFICIAL_TITLE = /(sedzia|sedziego|komornik\w*|asesor\w*|referendarz\w*|prokurator\w*|rzecznik\w*|inspektor\w*|insp\.|sekretarz\w*|kierownik\w*|z up\.|z upowaznienia|prezes\w*|zastepca|dyrektor\w*|specjalist\w*|starszy|st\.)[\s\w.]{0,25}$/;

/**
 * "pani"/"pan" right before a name introduces someone the official writes about ("do Rzecznika
 * zwróciła się pani Anna Nowak"), never the official's own signature.
 */
const COURTESY_BEFORE = /\bpan(i|a|u|em|ia)?\s+$/;
const officialsName = (before: string): boolean => OFFICIAL_TITLE.test(before) && !COURTESY_BEFORE.test(before);

/**
 * What stands before a name on its line (up to 40 characters); for a name opening its line, the
 * line above too: an institution signs with its title on one line and the name under it
 * ("z up. Miejskiego Rzecznika Konsumentów" / "Beata Sroka").
 */
function lineBefore(folded: string, index: number): string {
  const lineStart = folded.lastIndexOf('\n', index - 1) + 1;
  const own = folded.slice(Math.max(lineStart, index - 40), index);
  if (own.trim() || lineStart === 0) return own;
  const above = folded.slice(folded.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1).trim();
  return above.length <= 60 ? `${above} ` : own;
}

function subjectSpans(text: string): { spans: [number, number][]; lead: [number, number][] } {
  const folded = foldChars(text);
  const spans: [number, number][] = [];
  const lead: [number, number][] = [];
  for (const m of folded.matchAll(SUBJECT_KEY)) {
    const start = m.index ?? 0;
    // "Rzecznik Konsumentów", "Rzecznik Praw Abonenta": the institution's own name, not whom it writes about.
    if (/rzecznik\w*\s+(praw\s+)?$/.test(folded.slice(Math.max(0, start - 30), start))) continue;
    spans.push([start, Math.min(paragraphEnd(text, start), start + 320)]);
    // "... połączeń na numer 720-364-381, którego abonentem jest ...": the sentence's own number
    // comes before the word that makes it the subject's.
    lead.push([Math.max(sentenceStart(text, start), start - 200), start]);
  }
  return { spans, lead };
}

/**
 * The end of the paragraph holding `at`. A blank line the OCR put inside a sentence does not end it:
 * the text after it goes on in lower case or with a date ("dłużniczce Pani Urszula Brzezińska, ur." /
 * "21.09.1953, zam. ul. Broniewskiego 100, 87-892 Toruń", blind test AW: the address was dropped as
 * the bailiff's own). A numbered point ("1. wzorców umów") starts a paragraph of its own.
 */
function paragraphEnd(text: string, at: number): number {
  let para = text.indexOf('\n\n', at);
  while (para >= 0 && /^\s*(?:\p{Ll}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)/u.test(text.slice(para, para + 40))) para = text.indexOf('\n\n', para + 2);
  return para < 0 ? text.length : para;
}

/**
 * Where the sentence holding `at` begins: a line opening in lower case continues the line above, across
 * the blank lines OCR puts between a paragraph's lines ("… SMS dla numeru 506 113 987, którego" /
 * "abonentem jest pokrzywdzona …", blind test AT: the subscriber's phone was dropped as the court's own).
 */
function sentenceStart(text: string, at: number): number {
  // No further back than the caller looks (200 characters): a letter typed all in lower case would walk to its top.
  const stop = Math.max(text.lastIndexOf('. ', at - 1) + 1, at - 200);
  let line = text.lastIndexOf('\n', at - 1) + 1;
  while (line > stop && /^[ \t]*\p{Ll}/u.test(text.slice(line, line + 20))) {
    const above = text.slice(0, line - 1).replace(/\n[ \t]*$/, '').replace(/\n[ \t]*$/, '');
    if (/[.:!?][ \t]*$/.test(above)) break;
    line = above.lastIndexOf('\n') + 1;
  }
  return Math.max(line, stop);
}

/**
 * A 10-digit number written right after a name on its line ("Henryk Kucharski 1221669180",
 * "Grażyna Czarnecka, nr 3545870488") is how short notes give the customer number.
 */
function numbersAfterNames(text: string, names: NameHit[]): Hit[] {
  return names.flatMap((n) => {
    const end = n.index + n.length;
    const lead = /^[ \t]*[,;.–/|-]?[ \t]*(?:(?:nr|numer)\.?[ \t]*:?[ \t]*)?/i.exec(text.slice(end)) as RegExpExecArray;
    const value = customerNumberAt(text, end + lead[0].length) ?? numberUnderSignature(text, end);
    return value ? [{ value, index: n.index }] : [];
  });
}

/**
 * A 10-digit number alone on its line under the signature, or under the address lines that follow
 * it ("Maria Zalewska\n6609959281"): people write their customer number there without a keyword.
 * The line must hold nothing else, so dates, amounts and phone lines are not taken.
 */
function numberUnderSignature(text: string, nameEnd: number): string | null {
  let at = text.indexOf('\n', nameEnd);
  for (let k = 0; k < 3 && at >= 0; k++) {
    const lineEnd = text.indexOf('\n', at + 1) < 0 ? text.length : text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, lineEnd);
    const lead = /^[ \t]*(?:(?:nr|numer)\.?(?:[ \t]+klienta)?[ \t]*:?[ \t]*)?/i.exec(line) as RegExpExecArray;
    const value = customerNumberAt(text, at + 1 + lead[0].length);
    if (value && /^[\d \t-]*$/.test(line.slice(lead[0].length))) return value;
    at = lineEnd < text.length ? lineEnd : -1;
  }
  return null;
}

/**
 * The text with a line break between two digit groups turned into a space ("tel. 0048 501\n023 953"):
 * a paragraph wrapped by the writer's or the scanner's line width splits numbers. Same length, so
 * positions found in it hold for the text. Read in addition to the text, never instead: a year at a
 * line's end must not swallow a phone on the next line.
 */
function joinNumbersAcrossLines(text: string): string {
  // A street's house number above the postal line, or a number above a date, is no wrapped number:
  // "ul. Długa 5712" over "31-147 Kraków" made the phone 571 231 147 (blind test O).
  return text.replace(/(?<=\d[ \t]*)\n(?=[ \t]*\d)/g, (nl, at: number) => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const next = text.slice(at + 1, at + 40);
    return STREET_LINE.test(text.slice(lineStart, at)) || POSTAL_OR_DATE.test(next) ? nl : ' ';
  });
}
const STREET_LINE = /^[ \t]*(?:ul|al|os|pl|ulica|aleja|aleje|osiedle|plac)\b/i;
const POSTAL_OR_DATE = /^[ \t]*(?:\d{2}[ \t]?-[ \t]?\d{3}(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})/;

function uniq<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

export interface IdentifierParts {
  identifiers: Identifiers;
  institution: InstitutionKind | null;
  /** True when identifiers were narrowed to the passages naming the letter's subject. */
  narrowedToSubject: boolean;
}

/**
 * For institution letters, identifiers found in passages naming the subject ("dłużnik", "w sprawie",
 * "dotyczy abonenta", ...) come first in every list. When those passages carry any identifier, the
 * NIPs, phones, e-mails, names, companies and addresses found elsewhere (the institution's header
 * and signature) are dropped; customer and invoice numbers and PESELs are kept but ordered after.
 * Names written after an official's title (Sędzia, Komornik, z up. ...) are never returned.
 */
export function extractIdentifierParts(ocrText: string, operator: OperatorMatcher = DEMO_OPERATOR_MATCHER): IdentifierParts {
  const text = rewriteFormFields(joinSpacedLetters(ocrText));
  const folded = foldChars(text);
  const joined = joinNumbersAcrossLines(text);
  const isOwn = (name: string) => operator.startsWithOwnName(name);
  const institution = detectInstitution(text);
  const { spans, lead } = institution ? subjectSpans(text) : { spans: [], lead: [] };
  const inSubject = (i: number): boolean => spans.some(([a, b]) => i >= a && i < b);
  // Phones alone may also stand earlier in the sentence that names the subject.
  const phoneInSubject = (i: number): boolean => inSubject(i) || lead.some(([a, b]) => i >= a && i < b);
  const names = findNames(text).filter((n) => !officialsName(lineBefore(folded, n.index)));
  // The recipient block and the operator's own footers quoted or enclosed: the operator's, not the writer's.
  const recipient = [...recipientSpans(text, operator), ...operatorPassages(text, operator)];
  const notRecipient = (h: { index: number }): boolean => !recipient.some(([a, b]) => h.index >= a && h.index < b);
  const seat = seatSpans(text);
  const raw = {
    customerNumbers: [...findCustomerNumbers(text, isOwn), ...findCustomerNumbers(joined, isOwn), ...numbersAfterNames(text, names)],
    phones: notOperators([...findPhones(text), ...findPhones(joined)].map((p) => ({ value: p.phone, index: p.index })), notRecipient),
    invoiceNumbers: findInvoiceNumbers(text), pesels: findPesels(text), nips: notOperators(findNips(text), notRecipient),
    regons: notOperators(findRegons(text), notRecipient), krs: notOperators(findKrs(text), notRecipient),
    postalCodes: withoutSeat(findPostalCodes(text).filter(notRecipient), seat), emails: findEmails(text).filter((e) => !operator.isOwnMail(e.value)),
    // "bokQtn-telekom.pl": the operator's mailbox with its '@' misread is still the operator's.
    unreadEmails: findUnreadEmails(text).filter((e) => ![...e.value].some((_, k) => k > 0 && operator.isOwnMail(`x@${e.value.slice(k)}`))),
    contractNumbers: [...findContractNumbers(text, isOwn), ...findContractNumbers(joined, isOwn), ...findLooseNumbers(text, folded, isOwn)],
    companyNames: findCompanies(text).filter((c) => !operator.isOwnCompany(c.value) && notRecipient(c)),
  };
  const addresses = withoutSeat(findAddresses(text).filter(notRecipient), seat);
  // A court's or bailiff's date line is the institution's town, not its subject's.
  const writtenIn = institution === null && !addresses.some((a) => a.city) ? dateLineTown(text) : null;
  // Ten digits without a keyword that pass the NIP checksum may be the firm's NIP, its label in a
  // form's other column (blind test AS: a business form's NIP read as a loose number, no candidate
  // listed). Like a repaired NIP, believed only with other evidence; still looked up as a number too.
  const looseNips = [...new Set(raw.contractNumbers.map((h) => h.value))].filter((v) => /^\d{10}$/.test(v) && isValidNip(v) &&
    !raw.nips.some((n) => n.value === v) && !raw.customerNumbers.some((c) => c.value === v));
  const subjectHasAny = spans.length > 0 && [...raw.customerNumbers, ...raw.pesels, ...raw.nips, ...raw.phones, ...raw.emails, ...names].some((h) => inSubject(h.index));
  const narrowed = institution !== null && subjectHasAny;
  const order = <T extends { index: number }>(hits: T[], dropOutside: boolean, within = inSubject): T[] => {
    const sub = hits.filter((h) => within(h.index));
    const rest = hits.filter((h) => !within(h.index));
    return narrowed && dropOutside ? sub : [...sub, ...rest];
  };
  const values = (hits: Hit[], drop: boolean, within = inSubject): string[] => [...new Set(order(hits, drop, within).map((h) => h.value))];
  const nameList = uniq(order<NameHit>(names, true), (n) => `${n.first}|${n.last}`).flatMap((n) =>
    n.raw ? [{ first: n.first, last: n.last }, n.raw] : [{ first: n.first, last: n.last }],
  );
  const former = institution === null ? formerNames(text, names) : [];
  return {
    institution,
    narrowedToSubject: narrowed,
    identifiers: {
      customerNumbers: values(raw.customerNumbers, false),
      phones: values(raw.phones, true, phoneInSubject),
      invoiceNumbers: values(raw.invoiceNumbers, false),
      pesels: values(raw.pesels, false),
      nips: [...new Set([...values(raw.nips, true), ...looseNips])],
      ...registry(values(raw.regons, true), values(raw.krs, true)),
      postalCodes: values(raw.postalCodes, true),
      emails: values(raw.emails, true),
      ...unread(values(raw.unreadEmails, true)),
      ...checksumRepaired([...raw.pesels, ...raw.nips, ...looseNips.map((value) => ({ value, index: 0, repaired: true }))]),
      ...contracts(values(raw.contractNumbers, false).filter((n) => ![...raw.customerNumbers, ...raw.nips, ...raw.regons, ...raw.krs].some((c) => c.value === n))),
      names: uniq([...nameList, ...former], (n) => `${n.first}|${n.last}`),
      ...(former.length ? { formerNames: former } : {}),
      // Institutions name their subject already (subjectSpans): who writes for whom is other writers' matter.
      ...(institution === null ? writerRelations(folded, names, raw.phones, text) : {}),
      companyNames: values(raw.companyNames, true),
      addresses: uniq(order<AddressHit>(addresses, true), (a) => `${a.street}|${a.postalCode}|${a.city}`).map(
        ({ street, postalCode, city }) => ({ street, postalCode, city }),
      ),
      ...(writtenIn ? { writtenIn } : {}),
      fromInstitution: institution !== null,
    },
  };
}

/**
 * Hits outside the operator's passages, and not of a value those passages hold: the operator's NIP
 * in its footer makes the same NIP in an invoice copy's seller column the operator's too.
 */
function notOperators<T extends { value: string; index: number }>(hits: T[], notRecipient: (h: T) => boolean): T[] {
  const operators = new Set(hits.filter((h) => !notRecipient(h)).map((h) => h.value));
  return hits.filter((h) => notRecipient(h) && !operators.has(h.value));
}

/** PESELs and NIPs read only through a digit swap, nowhere as printed. */
function checksumRepaired(hits: Hit[]): { checksumRepaired?: string[] } {
  const repaired = [...new Set(hits.filter((h) => h.repaired && !hits.some((o) => o.value === h.value && !o.repaired)).map((h) => h.value))];
  return repaired.length ? { checksumRepaired: repaired } : {};
}

const unread = (tokens: string[]): { unreadEmails?: string[] } => (tokens.length ? { unreadEmails: tokens } : {});
const registry = (regons: string[], krs: string[]): { regons?: string[]; krs?: string[] } => ({
  ...(regons.length ? { regons } : {}), ...(krs.length ? { krs } : {}),
});
const contracts = (numbers: string[]): { contractNumbers?: string[] } => (numbers.length ? { contractNumbers: numbers } : {});

export function extractIdentifiers(text: string, operator?: OperatorMatcher): Identifiers {
  return extractIdentifierParts(text, operator).identifiers;
}
