// Reading and validating the customer master CSV. Every row either becomes a complete Customer or
// a rejection with its line number: nothing in between may reach the database.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Customer } from '../core/types.js';
import { PermanentError } from '../core/errors.js';
import { isValidNip, peselBirthDate, peselChecksumValid } from '../core/pl-checksums.js';
import { normaliseNip, normalisePhone, normalisePostalCode, EMAIL } from './pl-ids.js';
import { invoiceKey } from './fold.js';

export const CUSTOMER_COLUMNS = [
  'customer_id', 'segment', 'first_name', 'last_name', 'company_name', 'pesel', 'nip', 'street',
  'postal_code', 'city', 'region', 'phones', 'email', 'invoice_numbers',
] as const;
type Column = (typeof CUSTOMER_COLUMNS)[number];

export type CsvItem =
  | { line: number; fields: string[] }
  | { line: number; error: string };

/** Raw records with the line each starts on; malformed quoting becomes an error item, not a crash. */
export async function* readCsvRecords(input: NodeJS.ReadableStream | string): AsyncGenerator<CsvItem> {
  const source: NodeJS.ReadableStream = typeof input === 'string' ? createReadStream(input) : input;
  const skipped: CsvItem[] = [];
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_records_with_error: true, skip_empty_lines: true });
  parser.on('skip', (err: Error & { lines?: number }) => skipped.push({ line: err.lines ?? 0, error: `malformed CSV: ${err.message}` }));
  source.on('error', (err: Error) => parser.destroy(err));
  source.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    // Spreadsheets save rows they once formatted as bare separators (",,,,"): no data, no rejection.
    if (item.record.every((f) => f.trim() === '')) continue;
    // info.lines is where the record ends; a quoted field may span several lines.
    const newlines = item.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    yield { line: item.info.lines - newlines, fields: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
}

/**
 * Column positions by name, in any order and any case ("Customer ID" is customer_id); a header
 * that is not exactly our column set is refused outright.
 */
export function checkHeader(header: string[]): Record<Column, number> {
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const sep = names.length === 1 ? [';', '\t'].find((d) => names[0]!.includes(d)) : undefined;
  if (sep) {
    // A Polish-locale spreadsheet saves "CSV" with semicolons; splitting on them would break the phone lists.
    throw new PermanentError('CSV_HEADER', `customer CSV header rejected: columns are separated by '${sep === ';' ? ';' : 'tab'}', the master must be comma-separated (RFC 4180)`);
  }
  const missing = CUSTOMER_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(CUSTOMER_COLUMNS as readonly string[]).includes(n));
  const dup = names.filter((n, i) => names.indexOf(n) !== i);
  if (missing.length || unknown.length || dup.length) {
    const parts = [
      missing.length ? `missing columns: ${missing.join(', ')}` : '',
      unknown.length ? `unknown columns: ${unknown.map((u) => u || '(empty)').join(', ')}` : '',
      dup.length ? `duplicated columns: ${dup.join(', ')}` : '',
    ].filter(Boolean);
    throw new PermanentError('CSV_HEADER', `customer CSV header rejected: ${parts.join('; ')}`);
  }
  return Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
}

export type RowResult = { ok: true; customer: Customer } | { ok: false; reason: string };

/** Validates one data row; the first problem found is the reason given back to the operator. */
export function parseCustomerRow(fields: string[], cols: Record<Column, number>): RowResult {
  if (fields.length !== CUSTOMER_COLUMNS.length) {
    return { ok: false, reason: `expected ${CUSTOMER_COLUMNS.length} fields, found ${fields.length}` };
  }
  const get = (c: Column): string | null => {
    const v = (fields[cols[c]] ?? '').trim().replace(/\s+/g, ' ');
    return v === '' ? null : v;
  };
  const fail = (reason: string): RowResult => ({ ok: false, reason });
  // Invalid UTF-8 (a file saved as Windows-1250) decodes to U+FFFD: names would be stored mangled.
  if (fields.some((f) => f.includes('\uFFFD'))) return fail('text is not valid UTF-8 (file saved as Windows-1250?); save the master as UTF-8');
  const customerId = get('customer_id');
  if (!customerId) return fail('customer_id is empty');
  if (!/^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$/.test(customerId)) return fail(`customer_id '${customerId}' has invalid characters`);
  const segment = get('segment')?.toLowerCase();
  if (segment !== 'individual' && segment !== 'business') return fail(`segment '${get('segment') ?? ''}' is not individual or business`);
  const firstName = get('first_name');
  const lastName = get('last_name');
  const companyName = get('company_name');
  if (segment === 'individual' && (!firstName || !lastName)) return fail('individual customer needs first_name and last_name');
  if (segment === 'business' && !companyName) return fail('business customer needs company_name');
  const pesel = restoreLeadingZero(get('pesel'));
  if (pesel && !peselChecksumValid(pesel)) return fail(`PESEL '${pesel}' fails its checksum or format`);
  // The letter reader never reads such a number as a PESEL, so the customer could not be found by it.
  if (pesel && !peselBirthDate(pesel)) return fail(`PESEL '${pesel}' encodes no real birth date`);
  const rawNip = get('nip');
  const nip = rawNip ? normaliseNip(rawNip) : null;
  if (rawNip && (!nip || !isValidNip(nip))) return fail(`NIP '${rawNip}' fails its checksum or format`);
  const rawPostal = get('postal_code');
  const postalCode = rawPostal ? normalisePostalCode(rawPostal) : null;
  if (rawPostal && !postalCode) return fail(`postal_code '${rawPostal}' is not NN-NNN`);
  const phones: string[] = [];
  // No phone notation uses a comma, so a comma between numbers can only separate them.
  for (const raw of splitList(get('phones'), /[;,]/)) {
    const phone = normalisePhone(raw);
    if (!phone) return fail(`phone '${raw}' is not a 9-digit Polish number`);
    if (!phones.includes(phone)) phones.push(phone);
  }
  const email = get('email');
  if (email && !EMAIL.test(email)) return fail(`email '${email}' is malformed`);
  const invoiceNumbers = [...new Set(splitList(get('invoice_numbers')).map(invoiceKey))];
  return {
    ok: true,
    customer: {
      customerId, segment, firstName, lastName, companyName, pesel, nip,
      street: get('street'), postalCode, city: get('city'), region: get('region'),
      phones, email: email?.toLowerCase() ?? null, invoiceNumbers,
    },
  };
}

/**
 * A spreadsheet that took the PESEL column for numbers dropped the leading zero of everyone born
 * 1900-1909 or 2000-2009 (e.g. 02270803628 -> 2270803628). Restored only when the 11-digit number
 * then passes the checksum and encodes a real birth date; anything else is refused as before.
 */
function restoreLeadingZero(pesel: string | null): string | null {
  if (!pesel || !/^\d{10}$/.test(pesel)) return pesel;
  const padded = `0${pesel}`;
  return peselChecksumValid(padded) && peselBirthDate(padded) ? padded : pesel;
}

function splitList(value: string | null, separator: RegExp = /;/): string[] {
  return value ? value.split(separator).map((s) => s.trim()).filter(Boolean) : [];
}
