// Finds the customer a letter is about. Precision first: a letter routed to the wrong customer's
// adviser discloses personal data, so anything short of clear evidence for one customer goes to a
// person with the ranked candidates instead.
import type { Queryable } from '../core/db.js';
import type { Identifiers, MatchResult } from '../core/types.js';
import { customerNumberKey, fold, foldCompany, foldStreet, invoiceLookupKey, invoiceOcrKey } from './fold.js';
import { lookupCandidates, type CandidateRow, type LookupKeys } from './match-lookup.js';
import { doubtfulKey, scoreCandidate, type LetterKeys } from './match-score.js';
import { sameTown } from './match-compare.js';
import { decide } from './match-decision.js';
import { normalisePhone } from './pl-ids.js';
import { domains, emailRepairs } from './email-repair.js';
import { readEmail } from './match-ocr.js';
import { oneDigitMisreads } from '../classifier/checksums.js';

export interface MatchOptions {
  /** Readings of a token with OCR confusions undone (O->0, I->1...); the classifier supplies it. */
  ocrVariants?: (token: string) => string[];
}


export async function matchCustomer(db: Queryable, ids: Identifiers, opts: MatchOptions = {}): Promise<MatchResult> {
  const numbers = withVariants(ids.customerNumbers.flatMap((n) => [n.trim(), customerNumberKey(n)]), opts, (v) => v);
  // A contract number is as good as a repaired customer number: it must be backed by something else.
  const contract = unique((ids.contractNumbers ?? []).flatMap((n) => [n.trim(), customerNumberKey(n)]));
  const phones = withVariants(ids.phones.map((p) => normalisePhone(p) ?? p.replace(/[\s-]/g, '')), opts, normalisePhone);
  // A relative the letter names by the given name alone is among the principals with the family's
  // surname guessed, not among the names read: looked up and weighed as a name all the same.
  const names = [...ids.names, ...(ids.principals ?? [])].map(foldName).filter((n) => n.last);
  const streets = ids.addresses.map((a) => foldStreet(a.street)).filter(Boolean);
  const postalCodes = unique([...ids.postalCodes, ...ids.addresses.map((a) => a.postalCode ?? '')].filter(Boolean));
  const cities = unique(ids.addresses.map((a) => fold(a.city)).filter(Boolean));
  // Each read invoice with one digit OCR confuses swapped (blind test AR: a fax's "2026" read "2028").
  // A swap counts only when exactly one of them is in the master, and it is no strong identifier: a
  // neighbour in a sequence may be someone else's invoice.
  const invoiceKeys = ids.invoiceNumbers.flatMap((n) => [invoiceLookupKey(n), invoiceOcrKey(n)]).filter(Boolean);
  const invoices = withVariants(invoiceKeys, { ocrVariants: oneDigitMisreads }, (v) => v);
  const keys: LookupKeys = {
    customerNumbers: unique([...numbers.keys(), ...contract]),
    pesels: unique(ids.pesels),
    nips: unique(ids.nips.map((n) => n.replace(/\D/g, ''))),
    regons: unique(ids.regons ?? []),
    krs: unique(ids.krs ?? []),
    phones: [...phones.keys()],
    invoices: [...invoices.keys()],
    contracts: unique((ids.contractNumbers ?? []).flatMap((n) => [invoiceLookupKey(n), invoiceOcrKey(n)]).filter(Boolean)),
    emails: unique([...ids.emails.flatMap(readEmailKeys), ...emailRepairs(ids.unreadEmails ?? [])]),
    lastNames: unique(names.map((n) => n.last)),
    firstNames: unique(names.map((n) => n.first).filter(Boolean)),
    postalCodes,
    cities: unique([...cities, ...(ids.writtenIn ? [fold(ids.writtenIn)] : [])]),
    companies: unique(ids.companyNames.map(foldCompany).filter(Boolean)),
    // Only a street with its house number narrows a postal code to a building.
    streets: unique(streets.filter((s) => /\d/.test(s))),
  };
  const rows = await lookupCandidates(db, keys);
  const letter: LetterKeys = {
    customerNumbers: withContractNumbers(byMasterId(resolveVariants(numbers, rows, 'customer_number'), rows), contract, rows),
    readNumbers: unique(ids.customerNumbers.map(customerNumberKey)),
    phones: resolveVariants(phones, rows, 'phone'),
    pesels: new Set(keys.pesels),
    nips: new Set(keys.nips),
    regons: new Set(keys.regons),
    krs: new Set(keys.krs),
    checksumRepaired: new Set(ids.checksumRepaired ?? []),
    doubtful: new Set((ids.doubtful ?? []).map(doubtfulKey)),
    invoices: new Set([...invoices].filter(([, sources]) => sources.some((x) => !x.variant)).map(([key]) => key)),
    repairedInvoices: new Set([...resolveVariants(invoices, rows, 'invoice_number')].filter(([, how]) => how === 'repaired').map(([key]) => key)),
    contracts: new Set(keys.contracts),
    emails: new Set(keys.emails),
    readEmails: unique(ids.emails.map((e) => e.trim().toLowerCase())).map(readEmail),
    names,
    principals: (ids.principals ?? []).map(foldName),
    // The writer under her former surname is the same signer.
    signerNames: ids.signer ? [ids.signer, ...(ids.formerNames ?? [])].map(foldName) : [],
    principalPhones: new Set(ids.principalPhones ?? []),
    thirdParties: (ids.thirdParties ?? []).map(foldName),
    companies: keys.companies,
    streets,
    places: ids.addresses.filter((a) => a.street).map((a) => ({ street: foldStreet(a.street), postalCode: a.postalCode, city: a.city ? fold(a.city) : null })),
    postalCodes: new Set(postalCodes),
    cities: new Set(cities),
  };
  // Among equals, the namesake in the town the letter was written in first (never a point of evidence).
  const writtenIn = ids.writtenIn ? fold(ids.writtenIn) : null;
  const local = (r: CandidateRow) => Number(writtenIn !== null && r.city_key !== null && sameTown(writtenIn, r.city_key));
  const town = new Map(rows.map((r) => [r.customer_id, local(r)]));
  const scored = rows
    .map((r) => scoreCandidate(r, letter, ids.fromInstitution))
    .sort((a, b) => b.points - a.points || Number(b.principalNamed) - Number(a.principalNamed) || town.get(b.customerId)! - town.get(a.customerId)! ||
      a.customerId.localeCompare(b.customerId));
  return decide(scored, {
    fromInstitution: ids.fromInstitution,
    writerNotCustomer: ids.writerNotCustomer === true && !ids.principals?.length,
    ownBusiness: ids.ownBusiness === true,
    forUnnamedRelative: ids.forUnnamedRelative === true && !ids.principals?.length,
  });
}

type How = 'exact' | 'repaired' | 'uncertain';

/** Numbers found in the master's key form ("JT0283391" for "JT-0283391") under the master's own id. */
function byMasterId(found: Map<string, How>, rows: CandidateRow[]): Map<string, How> {
  for (const r of rows) {
    for (const h of r.hits) {
      const how = h.startsWith('customer_number:') ? found.get(h.slice('customer_number:'.length)) : undefined;
      if (how && !found.has(r.customer_id)) found.set(r.customer_id, how);
    }
  }
  return found;
}

function withContractNumbers(numbers: Map<string, How>, contract: string[], rows: CandidateRow[]): Map<string, How> {
  for (const r of rows) if (contract.includes(customerNumberKey(r.customer_id)) && !numbers.has(r.customer_id)) numbers.set(r.customer_id, 'repaired');
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
 * surviving variants are only listed for the reviewer ('uncertain'). Variants of a token found as
 * printed are listed too: a stain can turn one digit into another customer's number (blind test AE:
 * 1079349859 read 1979349859, a namesake's), and the writer's own must reach the reviewer.
 */
function resolveVariants(
  looked: Map<string, { token: string; variant: boolean }[]>,
  rows: CandidateRow[],
  kind: 'customer_number' | 'phone' | 'invoice_number',
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
    if (exact.length) {
      exact.forEach((v) => set(v, 'exact'));
      variants.forEach((v) => set(v, 'uncertain'));
    } else if (variants.length === 1) set(variants[0]!, 'repaired');
    else variants.forEach((v) => set(v, 'uncertain'));
  }
  return out;
}

const foldName = (n: { first: string; last: string }) => ({ first: fold(n.first), last: fold(n.last) });

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** A read address, and with its domain's leading 0 read back as o ("@002.pl" for "@o2.pl"). */
function readEmailKeys(email: string): string[] {
  const [local, domain = ''] = email.trim().toLowerCase().split('@');
  return domains(domain).map((d) => `${local}@${d}`);
}
