// The matcher's decision over scored candidates: matched only when the evidence alone decides and
// nothing in the letter says the leader is someone other than its writer or subject; otherwise a
// person decides, with the candidates listed (router/match-customer.ts gathers and scores them).
import type { MatchCandidate, MatchCaution, MatchEvidence, MatchResult } from '../core/types.js';
import type { Scored } from './match-score.js';

/** Points needed to decide alone, and the lead the winner needs over the runner-up. */
export const MATCH_POINTS = 5;
export const MARGIN_POINTS = 2;
/** Below this a candidate is listed for the reviewer but not called plausible. */
const PLAUSIBLE_POINTS = 3;
const MAX_CANDIDATES = 10;

const IDENTIFIER_KINDS = new Set<MatchEvidence>(['customer_number', 'pesel', 'nip', 'regon', 'krs', 'invoice_number', 'phone', 'email']);

/** What the letter says of its writer, beside the candidates' evidence (Identifiers). */
export interface LetterFlags {
  fromInstitution: boolean;
  /** The writer says they are no customer, and names no principal. */
  writerNotCustomer: boolean;
  ownBusiness: boolean;
  /** Written for a relative it names by no full name, and names no principal. */
  forUnnamedRelative: boolean;
}

export function decide(scored: Scored[], flags: LetterFlags): MatchResult {
  const result = decideOver(scored, flags);
  // Thirty namesakes on a name alone: the reviewer must know the list was cut (blind test AE), and
  // search the master for the rest.
  const listed = scored.filter((s) => s.listed).length;
  if (result.kind === 'matched' || listed <= MAX_CANDIDATES) return result;
  return { ...result, reason: `${result.reason} (the ${MAX_CANDIDATES} best of ${listed} candidates listed)` };
}

function decideOver(scored: Scored[], { fromInstitution, writerNotCustomer, ownBusiness, forUnnamedRelative }: LetterFlags): MatchResult {
  // A neighbour with another name found through the postal code is no candidate at all. A person
  // the letter reports on (a neighbour whose invoice it encloses) is listed after the others: the
  // reviewer should meet the writer's own account first, not the best-evidenced stranger to it.
  const reportedOn = (s: Scored) => Number(s.thirdParty && !s.signer);
  const listed = scored.filter((s) => s.listed).sort((a, b) => reportedOn(a) - reportedOn(b));
  // Blind test Q: a stranger's letter listed a customer on "phone" alone whose number differs by a
  // digit and who lives elsewhere; the reviewer must see that, not just the evidence's kind.
  const candidates: MatchCandidate[] = listed.slice(0, MAX_CANDIDATES).map((s) => {
    const cautions: MatchCaution[] = [
      ...(s.repairedPhoneOnly ? ['phone_repaired' as const] : []),
      ...(s.doubtfulOnly ? ['low_confidence_read' as const] : []),
      ...(s.elsewhere ? ['address_elsewhere' as const] : []),
      ...(s.thirdParty && !s.signer ? ['third_party' as const] : []),
    ];
    return { customerId: s.customerId, score: toScore(s.points), evidence: s.evidence, ...(cautions.length ? { cautions } : {}) };
  });
  const [top, second] = scored;
  if (!top) return { kind: 'unmatched', candidates, reason: 'no customer shares any identifier, name or address with the letter' };
  const plausible = scored.filter((s) => s.points >= PLAUSIBLE_POINTS);
  // Strong identifiers (exact, each held by one customer) that point at someone other than the
  // leader, of any kind: two NIPs of two customers (an accountant's own and its client's) are as
  // contradictory as a customer number and someone else's PESEL.
  // So is a second person the letter names in full with an identifier of theirs (her own phone and
  // e-mail beside another customer's number quoted from a misdirected reply): two people identified.
  // (An identifier both share, a family's one e-mail, is no second person.)
  const ownIdentifier = (s: Scored) => s.evidence.some((e) => IDENTIFIER_KINDS.has(e) && !top!.evidence.includes(e));
  // A letter written for a named principal (a son for his father at their one address, blind test
  // AR) is the principal's: only another principal, or a customer the letter gives an identifier of,
  // competes with them; the writer's own name and shared address do not.
  // So is the relative a letter written for one it does not name ("na podstawie pełnomocnictwa męża")
  // identifies by an identifier of their own, given exactly, at the letter's address: the household's
  // other member, whom the writer's name does not compete with (blind test AV: the husband's invoice
  // in his wife's complaint went to a person).
  const atLetterAddress = (s: Scored) => s.evidence.includes('address') || s.evidence.includes('postal_code');
  const unnamedRelative = forUnnamedRelative && !top.signer && top.strong.size > 0 && !top.doubtfulOnly && atLetterAddress(top);
  const rival = top.principalNamed ? scored.slice(1).find((s) => s.principalNamed || ownIdentifier(s))
    : unnamedRelative ? scored.slice(1).find((s) => !s.signer || ownIdentifier(s)) : second;
  const lead = top.points - (rival?.points ?? 0);
  // A NIP (KRS) the leader holds too is no other identity: a branch's letter gives the firm's NIP
  // beside the branch's own customer number (blind test AM: every branch letter went to a person). So
  // is a REGON of the same firm: a branch's 14 digits open with the firm's 9.
  const firmPart = (s: Scored, e: 'nip' | 'regon' | 'krs') => (e === 'regon' ? s.regon?.slice(0, 9) : s[e]) ?? null;
  const sharedNip = (s: Scored, e: MatchEvidence) =>
    (e === 'nip' || e === 'regon' || e === 'krs') && firmPart(s, e) !== null && firmPart(s, e) === firmPart(top, e);
  if (scored.slice(1).some((s) => [...s.strong].some((e) => !sharedNip(s, e)))) {
    return { kind: 'ambiguous', candidates, reason: 'strong identifiers in the letter belong to different customers' };
  }
  if (scored.slice(1).some((s) => s.identifier && s.fullName && s.individual && ownIdentifier(s))) {
    return { kind: 'ambiguous', candidates, reason: 'two people are identified in the letter, each by an identifier of their own' };
  }
  // Without an identifier only the full combination decides: name (or company), street and house
  // number, and postal code or (when the letter gives none) town. A name and a company name are
  // often the same words twice.
  // Courts and bailiffs often name the debtor by name and address only: the same full combination
  // decides for them, but never a name alone (a judge's or bailiff's own name must not match).
  const has = (e: MatchEvidence) => top.evidence.includes(e);
  const eligible = top.identifier || (has('address') && (has('postal_code') || has('city')) && (has('name') || has('company_name')));
  if (fromInstitution && !eligible) {
    return plausible.length
      ? { kind: 'ambiguous', candidates, reason: 'institution letter: the best candidate shares no identifier nor full address' }
      : { kind: 'unmatched', candidates, reason: 'institution letter without an identifier or full address of any customer' };
  }
  // A letter written for someone else decides only for that person: the writer's own phone and
  // signature may be another customer's (a son writing for his mother).
  if (eligible && top.points >= MATCH_POINTS && lead >= MARGIN_POINTS && !top.principal) {
    return { kind: 'ambiguous', candidates, reason: 'the letter is written on behalf of someone else than the best candidate' };
  }
  // A firm writing for a person who is a customer (a funeral home for the deceased, an accountant for
  // a client): the firm's own NIP and phone do not make the letter the firm's.
  if (eligible && !top.individual && !top.principalNamed && scored.some((s) => s.individual && s.principalNamed && s.listed)) {
    return { kind: 'ambiguous', candidates, reason: 'the letter is written on behalf of a person who is a customer, not for the firm that wrote it' };
  }
  // Signed by another private customer (a daughter quoting her mother's phone): whose matter it is,
  // a person decides. A signer who is no customer (a carer, a manager) does not hold the letter back.
  // A mother writing for her son, both customers, signs as herself: the son named is the principal.
  // So is the relative identified, see unnamedRelative above.
  if (eligible && top.individual && !top.signer && !top.principalNamed && !unnamedRelative && scored.some((s) => s !== top && s.signer)) {
    return { kind: 'ambiguous', candidates, reason: 'the letter is signed by another customer than the best candidate' };
  }
  // A letter about someone else (a neighbour it complains of, quoting his street) or from a writer
  // who says they are no customer: the customer it names is not who wrote it. A person decides.
  if (eligible && ((top.thirdParty && !top.signer) || writerNotCustomer)) {
    return { kind: 'ambiguous', candidates, reason: writerNotCustomer
      ? 'the writer says they are not a customer: the customer the letter names is someone else'
      : 'the letter names the best candidate as a third party (a neighbour), not as its writer' };
  }
  // Written for a relative the letter does not name ("jako pełnomocnik syna") and signed by the best
  // candidate: the writer, often a customer at the same address (blind test AV: a wife's complaint
  // about her husband's invoice filed into her own account). A number given as the relative's own
  // ("numer syna …", a son of his father's name) still decides. Not the sender block's name: a
  // daughter often writes on her mother's letterhead, with her customer number (corpus).
  if (eligible && forUnnamedRelative && top.signer && !top.principalPhone) {
    return { kind: 'ambiguous', candidates, reason: 'the letter is written for a relative it does not name, not for its writer' };
  }
  // A sole trader has a private and a business account under one name: a letter about "my firm"
  // matched to the private one (by home address and phone) may belong to the business. A person decides.
  // The business account's name is the letter's full name too, also where the export gave the owner
  // only inside the firm's name ("Usługi Remontowe Jan Kowalczyk", blind test AU).
  if (eligible && ownBusiness && top.individual && top.person &&
    scored.some((s) => !s.individual && s.evidence.includes('name') && (s.person === top.person || (s.fullName && top.fullName)))) {
    return { kind: 'ambiguous', candidates, reason: 'the writer speaks of a firm of their own and holds a business account beside this private one' };
  }
  // A phone read only through an OCR repair is a neighbour of the number the letter printed, and
  // often enough someone's in a master of millions. Beside an address that is not the candidate's,
  // it is a stranger of the same name (blind test L: 601 449 210 from Kraków, a namesake's 601 448 210
  // in Szczecin; blind test N: the same town, another street and postal code). A person decides.
  if (eligible && top.points >= MATCH_POINTS && lead >= MARGIN_POINTS && top.repairedPhoneOnly && top.elsewhere) {
    return { kind: 'ambiguous', candidates, reason: "the best candidate's phone is one misread digit from the letter's, and the letter's address is not theirs" };
  }
  // An identifier read off hand-writing or a damaged scan can come out as exactly another customer's,
  // a namesake living elsewhere, while the letter's own address is the writer's (blind test AB: five
  // hand-written letters matched so in a probe master). When a candidate of the letter's full name
  // lives at the letter's street or postal code and the leader at neither, the identifier contradicts
  // the address: a person decides. (A customer who moved is held back only where a namesake lives.)
  // The writer of a letter for a named principal lives at the letter's address by nature: a lawyer or
  // son who is a customer too does not hold back his client's or mother's own number (blind test AH).
  const writerOfPrincipal = (s: Scored) => top.principalNamed && s.signer;
  if (eligible && top.elsewhere && !atLetterAddress(top) &&
    scored.some((s) => s !== top && s.fullName && atLetterAddress(s) && !s.thirdParty && !writerOfPrincipal(s))) {
    return { kind: 'ambiguous', candidates, reason: "the identifier points to a customer living elsewhere, while one of the letter's name lives at its address" };
  }
  // A namesake holds the leader's number one misread digit away, and nothing but that number and the
  // name speaks for the leader: which of the two the writer is, only the paper can tell (blind test
  // AE: a coffee stain turned 1079349859 into 1979349859, another Marek Dąbrowski's).
  const identifierKinds = (s: Scored) => s.evidence.filter((e) => IDENTIFIER_KINDS.has(e)).length;
  if (eligible && top.fullName && identifierKinds(top) === 1 && !atLetterAddress(top) &&
    scored.some((s) => s !== top && s.fullName && s.lookalikeNumber && !s.thirdParty)) {
    return { kind: 'ambiguous', candidates, reason: "a customer of the letter's name holds a number one misread digit from the one that points to the best candidate" };
  }
  // One identifier and nothing else: the customer's own letter gives an address that is not the
  // candidate's and no name of theirs (a form whose name the OCR did not read, blind test BA: a
  // namesake's customer number, one digit off, decided alone). A customer who moved says who they are;
  // a person decides. An institution's address is its own.
  // A house number the OCR damaged on the candidate's own street is no other address (blind test BA: "471/28" for 47/28).
  if (eligible && !fromInstitution && identifierKinds(top) === 1 && top.elsewhere && !top.elsewhereByHouseOnly && !atLetterAddress(top) &&
    !top.evidence.includes('name') && !top.evidence.includes('company_name')) {
    return { kind: 'ambiguous', candidates, reason: "the only identifier points to a customer living elsewhere, and the letter gives none of their names" };
  }
  // One identifier read off a word the OCR was unsure of (hand-writing, a smudge) may be exactly a
  // namesake's: it decides only where the letter's street or postal code is the candidate's too
  // (blind test AB's fifth breach: a misread number, and only the writer's new address).
  if (eligible && top.doubtfulOnly && !atLetterAddress(top)) {
    return { kind: 'ambiguous', candidates, reason: "the only identifier pointing to the best candidate was read with low OCR confidence, and the letter's address is not theirs" };
  }
  if (eligible && top.points >= MATCH_POINTS && lead >= MARGIN_POINTS) {
    return { kind: 'matched', customerId: top.customerId, confidence: toScore(top.points), evidence: top.evidence, candidates };
  }
  if (plausible.length === 0) return { kind: 'unmatched', candidates, reason: 'no candidate has enough evidence' };
  const reason = plausible.length > 1 && lead < MARGIN_POINTS
    ? `${plausible.length} customers fit the letter about equally well`
    : 'evidence for the best candidate is too weak to decide without a person';
  return { kind: 'ambiguous', candidates, reason };
}

/** 0..1 for display and calibration: 5 points (the match threshold) is about 0.81. */
function toScore(points: number): number {
  return Math.round((1 - Math.exp(-Math.max(points, 0) / 3)) * 1000) / 1000;
}
