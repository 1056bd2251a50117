// Turns a hand-written corpus letter into a concrete one: placeholders filled from a synthetic
// customer of the master (or an invented stranger), remembering who, so the same letters measure
// both the classifier and the customer match.
import type { Customer } from '../core/types.js';
import type { Rng } from '../fixtures/generator/rng.js';
import { CITIES, COMPANY_STEMS, FEMALE_FIRST, MALE_FIRST, STREETS, SURNAMES } from '../fixtures/generator/pl-data.js';
import {
  formatAmount, formatCustomerNumber, formatDateFormal, formatDatePlain, formatNip, formatPhone, MOBILE_PREFIXES, stripDiacritics,
} from '../fixtures/generator/notation.js';
import { makeNip, makePesel } from '../fixtures/generator/ids.js';
import { applyOcrNoise, type OcrNoiseLevel } from './ocr-noise.js';
import type { CorpusLetter, Placeholder } from './letter-corpus.js';
import type { LabelledLetter } from './training-data.js';

export interface FilledLetter extends LabelledLetter {
  id: string;
  /** Whose data fills the letter; null for a stranger who is not in the master. */
  customerId: string | null;
  /** Carries a master identifier, or a full name (or company), street and postal line of the customer. */
  matchable: boolean;
}

export interface FillOptions {
  customers: Customer[];
  /** Share of letters written by strangers; 0.2 when absent. */
  strangerShare?: number;
  noise?: OcrNoiseLevel;
}

type Values = Partial<Record<Placeholder, string>>;

const IDENTIFIERS: Placeholder[] = ['CUSTOMER_NO', 'PHONE', 'INVOICE', 'PESEL', 'EMAIL', 'NIP'];

function person(rng: Rng): { first: string; last: string } {
  const female = rng.chance(0.5);
  return { first: rng.pick(female ? FEMALE_FIRST : MALE_FIRST), last: rng.pick(SURNAMES)[female ? 1 : 0] as string };
}

/** Customers whose record has every value the letter asks for; the letter's segment decides first. */
function eligible(letter: CorpusLetter, customers: Customer[]): Customer[] {
  const u = letter.uses;
  const business = u.has('COMPANY') || u.has('NIP');
  const bySegment = customers.filter((c) => (business ? c.segment === 'business' : u.has('PESEL') ? c.segment === 'individual' : true));
  const full = bySegment.filter((c) => (!u.has('PHONE') || c.phones.length > 0) && (!u.has('EMAIL') || c.email !== null));
  return full.length ? full : bySegment.length ? bySegment : customers;
}

/** Values from the customer's own record; what the record lacks stays unset (invented later). */
function customerValues(rng: Rng, c: Customer): Values {
  const v: Values = { STREET: c.street ?? undefined, CUSTOMER_NO: formatCustomerNumber(rng, c.customerId) };
  if (c.postalCode && c.city) v.POSTAL_CITY = `${c.postalCode} ${c.city}`;
  if (c.firstName && c.lastName) v.NAME = `${c.firstName} ${c.lastName}`;
  if (c.phones.length) v.PHONE = formatPhone(rng, rng.pick(c.phones));
  if (c.invoiceNumbers.length) v.INVOICE = rng.pick(c.invoiceNumbers);
  if (c.pesel) v.PESEL = c.pesel;
  if (c.email) v.EMAIL = c.email;
  if (c.companyName) v.COMPANY = c.companyName;
  if (c.nip) v.NIP = formatNip(rng, c.nip);
  return v;
}

/** Invented values, none of which belongs to a customer of the master. */
function inventedValues(rng: Rng, taken: Set<string>): Values {
  const fresh = (make: () => string): string => {
    for (;;) {
      const v = make();
      if (!taken.has(v)) return v;
    }
  };
  const p = person(rng);
  const city = rng.pick(CITIES);
  const mobile = fresh(() => `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`);
  const birth = new Date(Date.UTC(rng.int(1940, 2004), rng.int(0, 11), rng.int(1, 28)));
  return {
    NAME: `${p.first} ${p.last}`,
    STREET: `ul. ${rng.pick(STREETS)} ${rng.int(1, 140)}`,
    POSTAL_CITY: `${city.postal}${rng.int(0, 9)}-${String(rng.int(1, 999)).padStart(3, '0')} ${city.name}`,
    CUSTOMER_NO: fresh(() => String(rng.int(1_000_000_000, 9_999_999_999))),
    PHONE: formatPhone(rng, mobile),
    INVOICE: fresh(() => `FV/2026/${String(rng.int(1, 12)).padStart(2, '0')}/${String(rng.int(0, 9_999_999)).padStart(7, '0')}`),
    PESEL: fresh(() => makePesel(rng, birth, p.first.endsWith('a'))),
    EMAIL: fresh(() => stripDiacritics(`${p.first}.${p.last}${rng.int(1, 999)}@example.com`).toLowerCase()),
    COMPANY: `${rng.pick(COMPANY_STEMS)} sp. z o.o.`,
    NIP: fresh(() => makeNip(rng)),
  };
}

/** Every identifier of the master, so invented ones can avoid them. */
export function masterValues(customers: Customer[]): Set<string> {
  return new Set(customers.flatMap((c) => [c.customerId, c.pesel, c.nip, c.email, ...c.phones, ...c.invoiceNumbers].filter((v): v is string => !!v)));
}

function fillText(rng: Rng, text: string, v: Values): string {
  const d = new Date(Date.UTC(2026, rng.int(0, 10), rng.int(1, 28)));
  const plain = rng.chance(0.5);
  // A template that prints its own currency after {AMOUNT} gets the bare number.
  return text
    .replace(/\{AMOUNT\}(?=\s*(zł|zl|PLN|złotych|zlotych)\b)/giu, () => `${rng.int(19, 480)},${String(rng.int(0, 99)).padStart(2, '0')}`)
    .replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
      if (name === 'DATE') return plain ? formatDatePlain(rng, d) : formatDateFormal(rng, d);
      if (name === 'AMOUNT') return formatAmount(rng, rng.int(1900, 48000) / 100, plain);
      return v[name as Placeholder] ?? '';
    });
}

/** Each letter once, filled for a customer (or a stranger), then optionally OCR-damaged. */
export function fillCorpus(base: Rng, letters: CorpusLetter[], opts: FillOptions): FilledLetter[] {
  const taken = masterValues(opts.customers);
  // Damage draws from its own stream, so the same seed fills the same customers at every noise level.
  const noiseBase = base.fork('ocr-noise');
  return letters.map((letter) => {
    // A stream per letter: adding letters to the corpus leaves the other letters' fills (and the
    // benchmark's cached scans of them) as they were.
    const rng = base.fork(letter.id);
    const stranger = opts.customers.length === 0 || rng.chance(opts.strangerShare ?? 0.2);
    const invented = inventedValues(rng, taken);
    const sender = stranger ? null : rng.pick(eligible(letter, opts.customers));
    const own = sender ? customerValues(rng, sender) : {};
    const values: Values = { ...invented, ...own };
    const fromMaster = (p: Placeholder) => letter.uses.has(p) && own[p] !== undefined;
    const matchable = sender !== null && (IDENTIFIERS.some(fromMaster) ||
      ((fromMaster('NAME') || fromMaster('COMPANY')) && fromMaster('STREET') && fromMaster('POSTAL_CITY')));
    const text = fillText(rng, letter.text, values);
    return {
      id: letter.id, category: letter.category, secondary: letter.secondary, statedTermDays: letter.statedTermDays,
      text: opts.noise ? applyOcrNoise(noiseBase.fork(letter.id), text, opts.noise) : text,
      customerId: sender?.customerId ?? null, matchable,
    };
  });
}
