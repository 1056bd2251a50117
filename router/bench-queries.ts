// Letters as the matcher would receive them, built from known synthetic customers (with the
// damage real post shows) and from strangers who are not in the master but share its names.
import type { Customer, Identifiers } from '../core/types.js';
import { seeded } from './synthetic-customers.js';

export interface BenchQuery {
  kind: string;
  ids: Identifiers;
  /** The customer the letter is about, or null for a stranger. */
  expected: string | null;
}

const empty = (): Identifiers => ({
  customerNumbers: [], phones: [], invoiceNumbers: [], pesels: [], nips: [], postalCodes: [], emails: [],
  names: [], companyNames: [], addresses: [], fromInstitution: false,
});

const LOOKALIKE: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' };
const DIGIT_OF: Record<string, string> = { O: '0', D: '0', Q: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };

/** What the classifier's OCR repair does, simplified: every letter read where a digit belongs. */
export function benchOcrVariants(token: string): string[] {
  let out = [''];
  for (const ch of token.toUpperCase()) {
    const d = DIGIT_OF[ch];
    out = out.flatMap((p) => (d ? [p + d] : [p + ch]));
  }
  return out;
}

function damageDigits(s: string, r: () => number): string {
  const positions = [...s].map((ch, i) => (LOOKALIKE[ch] ? i : -1)).filter((i) => i >= 0);
  if (!positions.length) return s;
  const i = positions[Math.floor(r() * positions.length)]!;
  return s.slice(0, i) + LOOKALIKE[s[i]!] + s.slice(i + 1);
}

// A business writes under its company name (and a sole trader's owner may sign it).
const nameOf = (c: Customer): Partial<Identifiers> => ({
  names: c.lastName ? [{ first: c.firstName ?? '', last: c.lastName }] : [],
  companyNames: c.companyName ? [c.companyName] : [],
});
const addressOf = (c: Customer) => [{ street: c.street, postalCode: c.postalCode, city: c.city }];

const KNOWN: [string, (c: Customer, r: () => number) => Partial<Identifiers> | null][] = [
  ['customer_number+name', (c) => ({ customerNumbers: [c.customerId], ...nameOf(c) })],
  ['pesel', (c) => (c.pesel ? { pesels: [c.pesel] } : null)],
  ['nip+company', (c) => (c.nip ? { nips: [c.nip], companyNames: [c.companyName!] } : null)],
  ['phone+name', (c) => (c.phones.length ? { phones: c.phones, ...nameOf(c) } : null)],
  ['invoice', (c) => (c.invoiceNumbers.length ? { invoiceNumbers: [c.invoiceNumbers[0]!.toLowerCase()] } : null)],
  ['email+name', (c) => (c.email ? { emails: [c.email], ...nameOf(c) } : null)],
  ['name+address', (c) => ({ ...nameOf(c), addresses: addressOf(c), postalCodes: [c.postalCode!] })],
  ['ocr_customer_number+name', (c, r) => ({ customerNumbers: [damageDigits(c.customerId, r)], ...nameOf(c) })],
  ['ocr_phone+name', (c, r) => (c.phones.length ? { phones: [damageDigits(c.phones[0]!, r)], ...nameOf(c) } : null)],
  ['institution_pesel', (c) => (c.pesel ? { pesels: [c.pesel], ...nameOf(c), fromInstitution: true } : null)],
  ['name+city (namesakes likely)', (c) => ({ ...nameOf(c), addresses: [{ street: null, postalCode: null, city: c.city }] })],
];

/**
 * `count` queries, about one in five from a stranger. `known` are imported customers; `outsiders`
 * were generated the same way but never imported, so their numbers, phones and addresses are
 * realistic yet absent from the master.
 */
export function benchQueries(known: Customer[], outsiders: Customer[], count: number, seed = 7): BenchQuery[] {
  const r = seeded(seed);
  const out: BenchQuery[] = [];
  while (out.length < count) {
    const c = known[Math.floor(r() * known.length)]!;
    if (r() < 0.2) {
      out.push(stranger(c, outsiders[Math.floor(r() * outsiders.length)]!, r));
      continue;
    }
    const [kind, build] = KNOWN[Math.floor(r() * KNOWN.length)]!;
    const partial = build(c, r);
    if (partial) out.push({ kind, ids: { ...empty(), ...partial }, expected: c.customerId });
  }
  return out;
}

// A stranger borrows a real customer's name (the hard case) but lives elsewhere and quotes
// numbers the master does not hold.
function stranger(namesake: Customer, other: Customer, r: () => number): BenchQuery {
  const ids = { ...empty(), ...nameOf(namesake) };
  const v = Math.floor(r() * 4);
  if (v === 0) ids.addresses = addressOf(other);
  if (v === 1) ids.addresses = [{ street: other.street, postalCode: namesake.postalCode, city: namesake.city }];
  if (v === 2) ids.phones = other.phones.length ? other.phones : [`9${String(Math.floor(r() * 1e8)).padStart(8, '0')}`];
  if (v === 3) ids.customerNumbers = [other.customerId];
  return { kind: `stranger${['', '+same_postcode', '+phone', '+customer_number'][v]}`, ids, expected: null };
}
