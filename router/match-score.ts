// Weighing the evidence for each candidate. Points, not probabilities, because the rules a
// reviewer must be able to check are about combinations: a customer number alone is enough,
// a name alone never is, name + street + postal code together are.
import type { MatchEvidence } from '../core/types.js';
import type { CandidateRow } from './match-lookup.js';
import { customerNumberKey, invoiceLookupKey, splitStreet } from './fold.js';
import { ocrEmailAgreement, type ReadEmail } from './match-ocr.js';
import { bestName, oneSlip, sameCompany, sameStreet, sameStreetName, sameTown } from './match-compare.js';

export interface LetterKeys {
  customerNumbers: Map<string, 'exact' | 'repaired' | 'uncertain'>; // master id -> how the letter gave it
  /** The customer numbers as the letter printed them (key form), for a writer's one-digit typo. */
  readNumbers: string[];
  phones: Map<string, 'exact' | 'repaired' | 'uncertain'>;
  pesels: Set<string>;
  nips: Set<string>;
  /** A firm's REGONs and KRS numbers: as particular to the firm as its NIP. */
  regons: Set<string>;
  krs: Set<string>;
  /** PESELs and NIPs the letter gave only through a digit repair: they must be backed by something else. */
  checksumRepaired: Set<string>;
  /** Identifiers read off words of low OCR confidence, as `doubtfulKey` gives them. */
  doubtful: Set<string>;
  invoices: Set<string>;
  /** Invoices the letter gave with one digit misread: the only master invoice one such swap away. */
  repairedInvoices: Set<string>;
  contracts: Set<string>;
  emails: Set<string>;
  /**
   * The addresses the letter itself shows (not the guesses where an unread '@' stood, which count
   * only when the master holds exactly one), for comparison through OCR damage.
   */
  readEmails: ReadEmail[];
  names: { first: string; last: string }[]; // folded
  /** The people the letter is written for, folded; empty when the writer writes for themselves. */
  principals: { first: string; last: string }[];
  /** Who signed the letter, under the signature's name and any former one ("z domu Nowak"), folded; empty when unsigned. */
  signerNames: { first: string; last: string }[];
  /** Phones given as a principal's own number, as in `phones`. */
  principalPhones: Set<string>;
  /** People the letter reports on (a neighbour), folded. */
  thirdParties: { first: string; last: string }[];
  companies: string[]; // folded
  streets: string[]; // folded
  /** Each street with the postal code and town the letter gives it (folded): a street counts only in its place. */
  places: { street: string; postalCode: string | null; city: string | null }[];
  postalCodes: Set<string>;
  cities: Set<string>;
}

export interface Scored {
  customerId: string;
  points: number;
  evidence: MatchEvidence[];
  /** Strong identifiers given exactly (not repaired): two customers holding different ones conflict. */
  strong: Set<MatchEvidence>;
  /** The candidate's NIP, REGON and KRS: a firm's branches share them, each under its own customer number. */
  nip: string | null;
  regon: string | null;
  krs: string | null;
  identifier: boolean;
  /** Worth showing to the reviewer: positive evidence, or any identifier of the letter however read. */
  listed: boolean;
  /** The candidate is (by name) one of the people the letter is written for, or the letter names none, or a business. */
  principal: boolean;
  /** A private customer whose full name is the signature's. */
  signer: boolean;
  /** One of the people the letter says it is written for, by name ("w imieniu mojego syna, Michała …"). */
  principalNamed: boolean;
  /** Holds a phone the letter gives as the principal's own ("numer syna …"), named or not. */
  principalPhone: boolean;
  /** A private customer the letter names as a third party (a neighbour it reports on). */
  thirdParty: boolean;
  individual: boolean;
  /**
   * The one identifier that points here is a phone read through an OCR repair (a digit swapped for
   * a look-alike that the master holds). Phones fill their number space densely: one of the ~20
   * look-alike neighbours of any real number is some customer's about half the time in a master of
   * millions, where customer numbers and e-mail addresses are sparse.
   */
  repairedPhoneOnly: boolean;
  /**
   * The one kind of identifier that points here was read only off words of low OCR confidence:
   * hand-writing misread can be exactly a namesake's number (blind test AB).
   */
  doubtfulOnly: boolean;
  /** Holds a look-alike reading (one digit off) of a customer number or phone the letter gives. */
  lookalikeNumber: boolean;
  /** The letter's postal code, town or street and house number is not this customer's. */
  elsewhere: boolean;
  /** Elsewhere only by the house number on the candidate's own street (postal code and town agree or are not given). */
  elsewhereByHouseOnly: boolean;
  /** The letter gives this customer's first name and surname. */
  fullName: boolean;
  /** Folded "first|last" of the customer's person (a private customer, or a sole trader's owner). */
  person: string | null;
}

export const POINTS = {
  strong: 6, nip: 5, invoice: 5, repairedNumber: 4, uncertainNumber: 1, medium: 3, repairedPhone: 3,
  repairedEmail: 3, nearEmail: 1, name: 2, surname: 1, company: 2, address: 2, place: 1, nameConflict: -3, firstNameConflict: -2,
} as const;

export function scoreCandidate(c: CandidateRow, k: LetterKeys, fromInstitution: boolean): Scored {
  let points = 0;
  const evidence: MatchEvidence[] = [];
  const strong = new Set<MatchEvidence>();
  const add = (e: MatchEvidence, p: number) => {
    points += p;
    if (!evidence.includes(e)) evidence.push(e);
  };
  const byNumber = k.customerNumbers.get(c.customer_id);
  if (byNumber === 'exact') (add('customer_number', POINTS.strong), strong.add('customer_number'));
  else if (byNumber === 'repaired') add('customer_number', POINTS.repairedNumber);
  else if (byNumber === 'uncertain') add('customer_number', POINTS.uncertainNumber);
  // The writer's typo: a number that is nobody's, one digit or one swap of neighbours from this
  // candidate's own (blind test AR: 7069488836 for 7069488736). A ten-digit number has about a hundred
  // such neighbours among ten billion: a namesake's lying next to the printed one by chance is
  // negligible, so beside the name it decides; a number that is someone's stays with a person.
  else if (![...k.customerNumbers.values()].includes('exact') && k.readNumbers.some((n) => oneTypo(n, customerNumberKey(c.customer_id)))) {
    add('customer_number', POINTS.repairedNumber);
  }
  // A repaired PESEL or NIP counts as a repaired customer number does: a number the writer printed
  // wrong has a valid neighbour one digit away, which may be someone else's.
  if (c.pesel && k.pesels.has(c.pesel)) {
    if (k.checksumRepaired.has(c.pesel)) add('pesel', POINTS.repairedNumber);
    else (add('pesel', POINTS.strong), strong.add('pesel'));
  }
  if (c.nip && k.nips.has(c.nip)) {
    if (k.checksumRepaired.has(c.nip)) add('nip', POINTS.repairedNumber);
    else (add('nip', POINTS.nip), strong.add('nip'));
  }
  // A branch's own REGON (14 digits) is its own; the firm's 9 digits are every branch's, as its NIP is.
  if (c.regon && (k.regons.has(c.regon) || k.regons.has(c.regon.slice(0, 9)))) (add('regon', POINTS.nip), strong.add('regon'));
  if (c.krs && k.krs.has(c.krs)) (add('krs', POINTS.nip), strong.add('krs'));
  if (c.invoice_numbers.some((i) => k.invoices.has(invoiceLookupKey(i)))) (add('invoice_number', POINTS.invoice), strong.add('invoice_number'));
  else if (c.invoice_numbers.some((i) => k.repairedInvoices.has(invoiceLookupKey(i)))) add('invoice_number', POINTS.repairedNumber);
  // A contract number the master holds is as particular to the customer as an invoice's.
  if (c.contract_numbers.some((i) => k.contracts.has(invoiceLookupKey(i)))) (add('contract_number', POINTS.invoice), strong.add('contract_number'));
  // In a letter written for someone else the phone and e-mail are the writer's way to be reached,
  // not the principal's: they point at the writer (a son, a father of the same name), never decide.
  // A number given as the principal's own ("na numer syna") counts, for a principal only.
  const contactCounts = k.principals.length === 0;
  const principalByName = !contactCounts && c.last_name_key !== null && ['full', 'surname'].includes(bestName(c, k.principals));
  const phoneHow = c.phones.filter((p) => contactCounts || (principalByName && k.principalPhones.has(p))).map((p) => k.phones.get(p)).filter(Boolean);
  if (phoneHow.includes('exact')) add('phone', POINTS.medium);
  else if (phoneHow.includes('repaired')) add('phone', POINTS.repairedPhone);
  // A damaged address: the same through OCR look-alikes ("marcin.wr0bel@") is an identifier, as a
  // repaired phone is; one slip further ("@oxample.com") only adds to what brought the candidate.
  const email = c.email && contactCounts ? (k.emails.has(c.email) ? 'exact' : ocrEmailAgreement(k.readEmails, c.email)) : null;
  if (email === 'exact') add('email', POINTS.medium);
  else if (email === 'same') add('email', POINTS.repairedEmail);
  const identifier = evidence.length > 0 && !(evidence.length === 1 && byNumber === 'uncertain');
  const repairedPhoneOnly = evidence.length === 1 && evidence[0] === 'phone' && !phoneHow.includes('exact');
  const viaIdentifier = evidence.length > 0;
  const doubtfulRead = evidence.length === 1 && readDoubtfully(evidence[0]!, c, k);
  if (email === 'near') add('email', POINTS.nearEmail);

  let fullName = false;
  if (k.names.length && c.last_name_key) {
    const best = bestName(c, k.names);
    fullName = best === 'full';
    if (best === 'full') add('name', POINTS.name);
    else if (best === 'surname') add('name', POINTS.surname);
    // Institution letters also carry the names of judges and bailiffs: no penalty from them.
    else if (!fromInstitution) points += best === 'first-differs' ? POINTS.firstNameConflict : c.segment === 'individual' ? POINTS.nameConflict : 0;
  }
  // A PESEL or NIP read unsurely still passed its checksum as printed: misread into another valid
  // number that is a customer of the letter's full name too is beyond chance (blind test AR: a fax's
  // PESEL, read exactly at confidence 65, went to a person).
  const doubtfulOnly = doubtfulRead && !(fullName && ['pesel', 'nip', 'regon', 'krs'].includes(evidence[0]!));
  if (k.companies.length && c.company_key) {
    if (k.companies.some((n) => sameCompany(n, c.company_key!))) add('company_name', POINTS.company);
    else if (!fromInstitution && c.segment === 'business' && !evidence.includes('name')) points += POINTS.nameConflict;
  }
  if (c.street_key && k.places.some((p) => sameStreet(p.street, c.street_key!) && !placedElsewhere(p, c))) add('address', POINTS.address);
  // The postal code is the finer of the two: when the letter gives one, a matching city alone
  // does not count (a namesake on a same-named street elsewhere in town is no match). No penalty
  // either way: customers move, and old letters carry old addresses.
  if (k.postalCodes.size && c.postal_code) {
    if (k.postalCodes.has(c.postal_code)) add('postal_code', POINTS.place);
    // One misread digit in the code counts only when the town agrees too (itself up to one slip).
    else if (c.city_key && [...k.postalCodes].some((p) => oneSlip(p, c.postal_code!)) && [...k.cities].some((t) => t === c.city_key || oneSlip(t, c.city_key!))) {
      add('postal_code', POINTS.place);
    }
  } else if (c.city_key && [...k.cities].some((t) => sameTown(t, c.city_key!))) add('city', POINTS.place);
  // Any part of the letter's address that is not the candidate's: another postal code, another town,
  // or a street whose house number is not theirs (a number OCR left intact while the name suffered
  // is still theirs).
  const otherPostalCode = k.postalCodes.size > 0 && c.postal_code !== null && !evidence.includes('postal_code');
  // The postal code is the finer: when it agrees, a town the OCR damaged ("Kro ków") is no other town.
  const otherTown = k.cities.size > 0 && c.city_key !== null && !evidence.includes('postal_code') &&
    ![...k.cities].some((t) => sameTown(t, c.city_key!));
  const house = c.street_key ? splitStreet(c.street_key).house : undefined;
  const otherStreet = !!house && k.streets.some((st) => /\d/.test(st)) && !evidence.includes('address') &&
    !k.streets.some((st) => splitStreet(st).house === house);
  // Principals are people: a business candidate (an employee writes "w imieniu firmy") is not held to them.
  const principal = contactCounts || c.segment === 'business' || c.last_name_key === null || principalByName;
  // Signatures and third parties are people: only a private customer with a name is either.
  const person = c.segment === 'individual' && c.last_name_key !== null;
  return {
    customerId: c.customer_id, points, evidence, strong, nip: c.nip, regon: c.regon, krs: c.krs, identifier, listed: points > 0 || viaIdentifier, principal,
    signer: person && bestName(c, k.signerNames) === 'full',
    principalNamed: principalByName,
    principalPhone: c.phones.some((p) => k.principalPhones.has(p)),
    thirdParty: person && bestName(c, k.thirdParties) === 'full',
    individual: c.segment === 'individual',
    repairedPhoneOnly,
    doubtfulOnly,
    lookalikeNumber: byNumber === 'uncertain' || phoneHow.includes('uncertain'),
    elsewhere: otherPostalCode || otherTown || otherStreet,
    elsewhereByHouseOnly: otherStreet && !otherPostalCode && !otherTown && k.streets.some((st) => sameStreetName(st, c.street_key!)),
    fullName,
    person: c.first_name_key && c.last_name_key ? `${c.first_name_key}|${c.last_name_key}` : null,
  };
}

/**
 * The letter puts this street in another place than the customer's: another postal code in a town
 * that is not theirs either, or (without a code) another town. The same street, house and flat in
 * Luboń is not the customer's in Poznań, nor "Stara Wieś 15" near Radzymin the one near Limanowa
 * (blind test O). A code that differs in a town that agrees is a misread or an old code: it still counts.
 */
function placedElsewhere(p: LetterKeys['places'][number], c: CandidateRow): boolean {
  const townAgrees = p.city !== null && c.city_key !== null && sameTown(p.city, c.city_key);
  if (p.postalCode && c.postal_code) return p.postalCode !== c.postal_code && !oneSlip(p.postalCode, c.postal_code) && !townAgrees;
  return p.city !== null && c.city_key !== null && !townAgrees;
}

/** Doubtful values compared as the master holds them: numbers by their digits, e-mails lower-cased. */
export const doubtfulKey = (v: string) => (v.includes('@') ? v.trim().toLowerCase() : v.replace(/\D/g, ''));

/** Whether the letter gave this identifier of the candidate only as a low-confidence reading. */
function readDoubtfully(kind: MatchEvidence, c: CandidateRow, k: LetterKeys): boolean {
  if (k.doubtful.size === 0) return false;
  const unsure = (v: string | null) => v !== null && k.doubtful.has(doubtfulKey(v));
  switch (kind) {
    // Reached through the writer's typo: as doubtful as the reading.
    case 'customer_number': return unsure(c.customer_id) || (!k.customerNumbers.has(c.customer_id) && k.readNumbers.some(unsure));
    case 'pesel': return unsure(c.pesel);
    case 'nip': return unsure(c.nip);
    case 'regon': return unsure(c.regon);
    case 'krs': return unsure(c.krs);
    case 'phone': return c.phones.filter((p) => k.phones.has(p)).every(unsure);
    case 'email': return unsure(c.email);
    case 'invoice_number': {
      const read = c.invoice_numbers.filter((i) => k.invoices.has(invoiceLookupKey(i)));
      // Found only through a misread digit: doubtful when the reading it repairs was.
      return read.length ? read.every(unsure) : [...k.invoices].some(unsure);
    }
    case 'contract_number': return c.contract_numbers.filter((i) => k.contracts.has(invoiceLookupKey(i))).every(unsure);
    default: return false;
  }
}

/** Same length (eight or more), and one character different or two neighbours swapped. */
function oneTypo(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 8 || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
