// Finds the customer a letter is about. Precision first: a letter routed to the wrong customer's
// adviser discloses personal data, so anything short of clear evidence for one customer goes to a
// person with the ranked candidates instead.
import type { Queryable } from '../core/db.js';
import type { Identifiers, MatchCandidate, MatchEvidence, MatchResult } from '../core/types.js';
import { customerNumberKey, fold, foldCompany, foldStreet, invoiceLookupKey, invoiceOcrKey } from './fold.js';
import { lookupCandidates, type CandidateRow, type LookupKeys } from './match-lookup.js';
import { scoreCandidate, type LetterKeys, type Scored } from './match-score.js';
import { normalisePhone } from './pl-ids.js';
import { emailRepairs } from './email-repair.js';
import { readEmail } from './match-ocr.js';

export interface MatchOptions {
  /** Readings of a token with OCR confusions undone (O->0, I->1...); the classifier supplies it. */
  ocrVariants?: (token: string) => string[];
}

/** Points needed to decide alone, and the lead the winner needs over the runner-up. */
export const MATCH_POINTS = 5;
export const MARGIN_POINTS = 2;
/** Below this a candidate is listed for the reviewer but not called plausible. */
const PLAUSIBLE_POINTS = 3;
const MAX_CANDIDATES = 10;

export async function matchCustomer(db: Queryable, ids: Identifiers, opts: MatchOptions = {}): Promise<MatchResult> {
  const numbers = withVariants(ids.customerNumbers.flatMap((n) => [n.trim(), customerNumberKey(n)]), opts, (v) => v);
  // A contract number is as good as a repaired customer number: it must be backed by something else.
  const contract = unique((ids.contractNumbers ?? []).flatMap((n) => [n.trim(), customerNumberKey(n)]));
  const phones = withVariants(ids.phones.map((p) => normalisePhone(p) ?? p.replace(/[\s-]/g, '')), opts, normalisePhone);
  const names = ids.names.map((n) => ({ first: fold(n.first), last: fold(n.last) })).filter((n) => n.last);
  const postalCodes = unique([...ids.postalCodes, ...ids.addresses.map((a) => a.postalCode ?? '')].filter(Boolean));
  const cities = unique(ids.addresses.map((a) => fold(a.city)).filter(Boolean));
  const keys: LookupKeys = {
    customerNumbers: unique([...numbers.keys(), ...contract]),
    pesels: unique(ids.pesels),
    nips: unique(ids.nips.map((n) => n.replace(/\D/g, ''))),
    phones: [...phones.keys()],
    invoices: unique(ids.invoiceNumbers.flatMap((n) => [invoiceLookupKey(n), invoiceOcrKey(n)]).filter(Boolean)),
    emails: unique([...ids.emails.map((e) => e.trim().toLowerCase()), ...emailRepairs(ids.unreadEmails ?? [])]),
    lastNames: unique(names.map((n) => n.last)),
    firstNames: unique(names.map((n) => n.first).filter(Boolean)),
    postalCodes,
    cities,
    companies: unique(ids.companyNames.map(foldCompany).filter(Boolean)),
    // Only a street with its house number narrows a postal code to a building.
    streets: unique(ids.addresses.map((a) => foldStreet(a.street)).filter((s) => /\d/.test(s))),
  };
  const rows = await lookupCandidates(db, keys);
  const letter: LetterKeys = {
    customerNumbers: withContractNumbers(resolveVariants(numbers, rows, 'customer_number'), contract, rows),
    phones: resolveVariants(phones, rows, 'phone'),
    pesels: new Set(keys.pesels),
    nips: new Set(keys.nips),
    invoices: new Set(keys.invoices),
    emails: new Set(keys.emails),
    readEmails: unique(ids.emails.map((e) => e.trim().toLowerCase())).map(readEmail),
    names,
    principals: (ids.principals ?? []).map((n) => ({ first: fold(n.first), last: fold(n.last) })),
    signer: ids.signer ? { first: fold(ids.signer.first), last: fold(ids.signer.last) } : null,
    // The writer under her former surname is the same signer.
    signerFormer: ids.signer ? (ids.formerNames ?? []).map((n) => ({ first: fold(n.first), last: fold(n.last) })) : [],
    principalPhones: new Set(ids.principalPhones ?? []),
    thirdParties: (ids.thirdParties ?? []).map((n) => ({ first: fold(n.first), last: fold(n.last) })),
    companies: keys.companies,
    streets: ids.addresses.map((a) => foldStreet(a.street)).filter(Boolean),
    postalCodes: new Set(postalCodes),
    cities: new Set(cities),
  };
  const scored = rows
    .map((r) => scoreCandidate(r, letter, ids.fromInstitution))
    .sort((a, b) => b.points - a.points || a.customerId.localeCompare(b.customerId));
  return decide(scored, ids.fromInstitution, ids.writerNotCustomer === true && !ids.principals?.length, ids.ownBusiness === true);
}

const IDENTIFIER_KINDS = new Set<MatchEvidence>(['customer_number', 'pesel', 'nip', 'invoice_number', 'phone', 'email']);

function decide(scored: Scored[], fromInstitution: boolean, writerNotCustomer: boolean, ownBusiness: boolean): MatchResult {
  // A neighbour with another name found through the postal code is no candidate at all.
  const listed = scored.filter((s) => s.listed);
  const candidates: MatchCandidate[] = listed.slice(0, MAX_CANDIDATES).map((s) => ({
    customerId: s.customerId, score: toScore(s.points), evidence: s.evidence,
  }));
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
  const conflict = scored.slice(1).some((s) => s.strong.size > 0 || (s.identifier && s.fullName && s.individual && ownIdentifier(s)));
  const lead = top.points - (second?.points ?? 0);
  if (conflict) return { kind: 'ambiguous', candidates, reason: 'strong identifiers in the letter belong to different customers' };
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
  if (eligible && top.individual && !top.signer && !top.principalNamed && scored.some((s) => s !== top && s.signer)) {
    return { kind: 'ambiguous', candidates, reason: 'the letter is signed by another customer than the best candidate' };
  }
  // A letter about someone else (a neighbour it complains of, quoting his street) or from a writer
  // who says they are no customer: the customer it names is not who wrote it. A person decides.
  if (eligible && ((top.thirdParty && !top.signer) || writerNotCustomer)) {
    return { kind: 'ambiguous', candidates, reason: writerNotCustomer
      ? 'the writer says they are not a customer: the customer the letter names is someone else'
      : 'the letter names the best candidate as a third party (a neighbour), not as its writer' };
  }
  // A sole trader has a private and a business account under one name: a letter about "my firm"
  // matched to the private one (by home address and phone) may belong to the business. A person decides.
  if (eligible && ownBusiness && top.individual && top.person &&
    scored.some((s) => !s.individual && s.person === top.person && s.evidence.includes('name'))) {
    return { kind: 'ambiguous', candidates, reason: 'the writer speaks of a firm of their own and holds a business account beside this private one' };
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

type How = 'exact' | 'repaired' | 'uncertain';

function withContractNumbers(numbers: Map<string, How>, contract: string[], rows: CandidateRow[]): Map<string, How> {
  for (const r of rows) if (contract.includes(r.customer_id) && !numbers.has(r.customer_id)) numbers.set(r.customer_id, 'repaired');
  return numbers;
}

/** Each value to look up -> the letter tokens it reads, and whether it is the token as printed. */
function withVariants(
  tokens: string[],
  opts: MatchOptions,
  normalise: (v: string) => string | null,
): Map<string, { token: string; variant: boolean }[]> {
  const out = new Map<string, { token: string; variant: boolean }[]>();
  const put = (raw: string, token: string, variant: boolean) => {
    const value = normalise(raw);
    if (!value) return;
    const list = out.get(value) ?? [];
    if (!list.some((e) => e.token === token)) list.push({ token, variant });
    out.set(value, list);
  };
  for (const t of unique(tokens)) {
    put(t, t, false);
    for (const v of opts.ocrVariants?.(t) ?? []) if (v !== t) put(v, t, true);
  }
  return out;
}

/**
 * Master values the letter's tokens reached. A token found as printed is exact; otherwise its OCR
 * variants count only when exactly one of them exists in the master ('repaired'), and several
 * surviving variants are only listed for the reviewer ('uncertain').
 */
function resolveVariants(
  looked: Map<string, { token: string; variant: boolean }[]>,
  rows: CandidateRow[],
  kind: 'customer_number' | 'phone',
): Map<string, How> {
  const found = new Set(rows.flatMap((r) => r.hits).filter((h) => h.startsWith(`${kind}:`)).map((h) => h.slice(kind.length + 1)));
  const byToken = new Map<string, { exact: string[]; variants: string[] }>();
  for (const [value, sources] of looked) {
    if (!found.has(value)) continue;
    for (const s of sources) {
      const e = byToken.get(s.token) ?? { exact: [], variants: [] };
      (s.variant ? e.variants : e.exact).push(value);
      byToken.set(s.token, e);
    }
  }
  const out = new Map<string, How>();
  const rank: Record<How, number> = { exact: 3, repaired: 2, uncertain: 1 };
  const set = (value: string, how: How) => {
    const prev = out.get(value);
    if (!prev || rank[how] > rank[prev]) out.set(value, how);
  };
  for (const { exact, variants } of byToken.values()) {
    if (exact.length) exact.forEach((v) => set(v, 'exact'));
    else if (variants.length === 1) set(variants[0]!, 'repaired');
    else variants.forEach((v) => set(v, 'uncertain'));
  }
  return out;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
