// Customer-match figures for benchmark letters: identifiers read by the real extractor from the
// (OCR-damaged) text, matched by the real matcher against the master imported into a fresh PGlite,
// exactly as the classify and route stages do it.
import { Readable } from 'node:stream';
import type { Customer } from '../core/types.js';
import type { Db } from '../core/db.js';
import { createPgliteDb } from '../core/pglite-db.js';
import { migrate } from '../core/migrations.js';
import { importCustomers } from '../router/import-customers.js';
import { matchCustomer } from '../router/match-customer.js';
import { customersToCsv } from '../fixtures/generator/customers.js';
import { extractIdentifiers, ocrDigitVariants } from './identifiers.js';
import type { FilledLetter } from './corpus-fill.js';

export interface MatchFigures {
  /** Letters written by a customer that carry an identifier or a full name (or company) and address. */
  matchable: number;
  matchableRight: number;
  /** Letters from customers matched to someone else (any letter, matchable or not). */
  wrong: number;
  /** Right matches among all letters from customers. */
  right: number;
  strangers: number;
  strangersMatched: number;
  ambiguous: number;
  unmatched: number;
  msPerLetter: number;
  /** Matchable letters not matched to their writer, with what the matcher answered (for study). */
  missed: { id: string; answer: string }[];
}

export async function masterDb(customers: Customer[]): Promise<Db> {
  const db = await createPgliteDb(null);
  await migrate(db);
  const r = await importCustomers(db, Readable.from([customersToCsv(customers)]));
  if (r.rejected.length) throw new Error(`benchmark master rejected: ${JSON.stringify(r.rejected.slice(0, 3))}`);
  return db;
}

export async function matchLetters(db: Db, letters: FilledLetter[]): Promise<MatchFigures> {
  const f: MatchFigures = { matchable: 0, matchableRight: 0, wrong: 0, right: 0, strangers: 0, strangersMatched: 0, ambiguous: 0, unmatched: 0, msPerLetter: 0, missed: [] };
  const t0 = performance.now();
  for (const l of letters) {
    const res = await matchCustomer(db, extractIdentifiers(l.text), { ocrVariants: ocrDigitVariants });
    const matchedId = res.kind === 'matched' ? res.customerId : null;
    if (res.kind !== 'matched') f[res.kind]++;
    if (l.customerId === null) {
      f.strangers++;
      if (matchedId) f.strangersMatched++;
      continue;
    }
    if (l.matchable) f.matchable++;
    if (matchedId === l.customerId) {
      f.right++;
      if (l.matchable) f.matchableRight++;
    } else if (matchedId) f.wrong++;
    if (l.matchable && matchedId !== l.customerId) f.missed.push({ id: l.id, answer: matchedId ? `wrong ${matchedId}` : res.kind });
  }
  f.msPerLetter = (performance.now() - t0) / Math.max(1, letters.length);
  return f;
}

/** Precision counts a stranger matched to anyone as a wrong match. */
export function formatMatch(title: string, f: MatchFigures): string {
  const matched = f.right + f.wrong + f.strangersMatched;
  const pct = (a: number, b: number) => (b === 0 ? '  n/a' : `${((a / b) * 100).toFixed(1)}%`);
  return `${title}: precision ${pct(f.right, matched)} (${f.wrong + f.strangersMatched} wrong of ${matched} matched), ` +
    `recall ${pct(f.matchableRight, f.matchable)} (${f.matchableRight}/${f.matchable} letters with an identifier or full name and address), ` +
    `strangers matched ${f.strangersMatched}/${f.strangers}, ambiguous ${f.ambiguous}, unmatched ${f.unmatched}, ${f.msPerLetter.toFixed(1)} ms/letter`;
}
