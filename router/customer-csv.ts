// Reading and validating the customer master CSV. Every row either becomes a complete Customer or
// a rejection with its line number: nothing in between may reach the database.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Customer } from '../core/types.js';
import { isValidNip, peselBirthDate, peselChecksumValid } from '../core/pl-checksums.js';
import { normaliseNip, normalisePhone, normalisePostalCode, EMAIL } from './pl-ids.js';
import { fold, foldCompany, invoiceKey } from './fold.js';
import { splitAddressCell } from './csv-address.js';
import { preambleLines } from './csv-preamble.js';
import { detectDelimiter, segmentOf, type Column, type ColumnMap } from './csv-columns.js';
import { splitFullName } from './csv-names.js';

export { CUSTOMER_COLUMNS } from './csv-columns.js';

export type CsvItem =
  | { line: number; fields: string[] }
  | { line: number; error: string };

export type Encoding = 'utf-8' | 'windows-1250' | 'utf-16le';

export interface CsvFile {
  encoding: Encoding;
  delimiter: string;
  /** The header's line: lines above it (Excel's "sep=", a title) are not read. */
  headerLine: number;
  records: AsyncGenerator<CsvItem>;
}

const SNIFF_BYTES = 1 << 20;

/**
 * Opens a CSV as spreadsheets save it: UTF-8, UTF-16LE with its byte order mark, or Windows-1250
 * when the first megabyte is mostly not UTF-8 (Polish Excel); columns separated by ',', ';', tab or '|', whichever the header line
 * uses most outside quotes. Records come with the line each starts on; malformed quoting becomes
 * an error item, not a crash.
 */
export async function openCsv(input: NodeJS.ReadableStream | string): Promise<CsvFile> {
  const source: NodeJS.ReadableStream = typeof input === 'string' ? createReadStream(input) : input;
  const it = source[Symbol.asyncIterator]();
  const head: (string | Buffer)[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const bytes = head.every((c) => Buffer.isBuffer(c)) ? Buffer.concat(head as Buffer[]) : null;
  let sample = bytes ? new TextDecoder().decode(bytes, { stream: !ended }) : head.join('');
  // Excel's "Unicode text" is UTF-16LE with a byte order mark.
  const encoding: Encoding = bytes?.[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes && mostlyNotUtf8(sample) ? 'windows-1250' : 'utf-8';
  if (encoding !== 'utf-8') sample = new TextDecoder(encoding).decode(bytes!, { stream: true });
  let delimiter: string;
  // Excel writes "sep=;" as a first line to name the separator; the header follows it.
  const sepLine = /^\uFEFF?sep=(.)\r?\n/i.exec(sample);
  const preamble = sepLine ? 1 : preambleLines(sample);
  try {
    delimiter = sepLine ? (sepLine[1] as string) : detectDelimiter(sample.replace(/^\uFEFF/, '').split(/\r?\n/).slice(preamble).join('\n'));
  } catch (err) {
    await it.return?.();
    throw err;
  }
  async function* chunks(): AsyncGenerator<string | Buffer> {
    // UTF-8 bytes go to the parser as they are; other encodings are decoded here.
    const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
    const pass = (c: string | Buffer) => (decoder ? decoder.decode(c as Buffer, { stream: true }) : c);
    try {
      for (const c of head) yield pass(c);
      for (let next = await it.next(); !next.done; next = await it.next()) yield pass(next.value);
      if (decoder) yield decoder.decode();
    } finally {
      await it.return?.(); // a refused header stops the import early: close the file
    }
  }
  return { encoding, delimiter, headerLine: preamble + 1, records: parseRecords(Readable.from(chunks()), delimiter, preamble + 1) };
}

/** Invalid UTF-8 decodes to U+FFFD: a Windows-1250 file has more of them than real multi-byte characters. */
function mostlyNotUtf8(sample: string): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  return bad > good;
}

async function* parseRecords(source: Readable, delimiter: string, fromLine: number): AsyncGenerator<CsvItem> {
  const skipped: CsvItem[] = [];
  // relax_quotes: a quote inside an unquoted field ('Firma "Alfa" s.c.') is text, as spreadsheets
  // meant it; without it the row, or the file, was refused.
  const parser = parse({ bom: true, delimiter, from_line: fromLine, info: true, relax_column_count: true, relax_quotes: true,
    skip_records_with_error: true, skip_empty_lines: true });
  let lastEnd = fromLine - 1;
  parser.on('skip', (err: Error & { lines?: number; code?: string }) => {
    // An opening quote never closed swallows every line after it; the parser can only say where the
    // file ended, so the line after the last good record is named, with what was lost.
    const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
    skipped.push(unclosed ? { line: Infinity, error: String(err.lines ?? '?') } : { line: err.lines ?? 0, error: `malformed CSV: ${err.message}` });
  });
  const unclosedQuote = (end: string): CsvItem => ({ line: lastEnd + 1,
    error: `malformed CSV: a quote opened on line ${lastEnd + 1} is never closed, so lines ${lastEnd + 1}–${end} were not read (fix that quote and import again)` });
  source.on('error', (err: Error) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is where the record ends; a quoted field may span several lines.
      const newlines = item.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      const line = item.info.lines - newlines;
      lastEnd = item.info.lines;
      // The parser runs ahead of this loop: a bad row further down must not come before the header.
      while (skipped.length && skipped[0]!.line < line) yield skipped.shift()!;
      // Spreadsheets save rows they once formatted as bare separators (",,,,"): no data, no rejection.
      if (item.record.every((f) => f.trim() === '')) continue;
      yield { line, fields: item.record };
    }
    for (const item of skipped) yield item.line === Infinity ? unclosedQuote((item as { error: string }).error) : item;
  } finally {
    source.destroy();
  }
}

/** A value that failed its check is left out of the customer, with the reason in `dropped`. */
export type RowResult = { ok: true; customer: Customer; dropped: string[] } | { ok: false; reason: string };

// What UTF-8 text looks like read as Windows-1250 ("ł" -> "Ĺ‚", "„" -> "â€ž"), and the bytes
// Windows-1250 leaves undefined: a row of another encoding inside a Windows-1250 file.
const NOT_CP1250 = /[ÂĂÄĹ][^\x00-\x7f]|â€|[\x80-\x9f]/;

/** Validates one data row; the first problem found is the reason given back to the operator. */
export function parseCustomerRow(fields: string[], cols: ColumnMap, encoding: Encoding = 'utf-8'): RowResult {
  if (fields.length !== cols.width) {
    return { ok: false, reason: `expected ${cols.width} fields, found ${fields.length}` };
  }
  const get = (c: Column): string | null => read(cols.at[c]);
  const read = (i: number): string | null => {
    if (i < 0) return null;
    const v = fields[i]!.trim().replace(/\s+/g, ' ');
    return v === '' ? null : v;
  };
  const fail = (reason: string): RowResult => ({ ok: false, reason });
  // A damaged PESEL, NIP, postal code, phone or e-mail costs only itself: refusing the row lost the
  // customer, whose letters could still be matched by everything else (blind test T).
  const dropped: string[] = [];
  const drop = (reason: string): null => {
    dropped.push(reason);
    return null;
  };
  if (encoding === 'windows-1250') {
    if (fields.some((f) => NOT_CP1250.test(f))) return fail('text is not Windows-1250 like the rest of the file (a UTF-8 line?); save the master in one encoding');
  } else if (fields.some((f) => f.includes('\uFFFD'))) {
    // Invalid UTF-8 (a line saved as Windows-1250) decodes to U+FFFD: names would be stored mangled.
    return fail(encoding === 'utf-8' ? 'text is not valid UTF-8 (file saved as Windows-1250?); save the master as UTF-8' : 'text is not valid UTF-16');
  }
  const customerId = get('customer_id');
  if (!customerId) return fail('customer_id is empty');
  if (!/^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$/.test(customerId)) return fail(`customer_id '${customerId}' has invalid characters`);
  let firstName = get('first_name');
  let lastName = get('last_name');
  const fullName = read(cols.fullName);
  const split = fullName ? splitFullName(fullName, cols.surnameFirst) : null;
  if (split) ({ first: firstName, last: lastName } = split);
  const rawNip = get('nip');
  // Without a company column, one name column holds a person's name or a firm's: a firm's when the
  // row says business, or when the name carries a legal form or stands beside a NIP.
  const segmentCell = get('segment');
  const firmInNameColumn = cols.at.company_name < 0 && fullName !== null &&
    (segmentCell ? segmentOf(segmentCell) === 'business' : foldCompany(fullName) !== fold(fullName) || rawNip !== null);
  const firmCell = read(cols.firmName);
  const firmByColumn = firmCell !== null &&
    (segmentCell ? segmentOf(segmentCell) === 'business' : foldCompany(firmCell) !== fold(firmCell) || rawNip !== null || !firstName);
  // A CRM's account name beside a contact's full name: the account is the firm.
  const companyName = get('company_name') ?? (firmByColumn ? firmCell : null) ?? (firmInNameColumn ? fullName : null);
  let segment: Customer['segment'] | null;
  if (segmentCell) {
    segment = segmentOf(segmentCell);
    if (!segment) return fail(`segment '${segmentCell}' is not individual or business`);
  } else {
    // No segment given: a company name makes it a business (a sole trader's or contact person's
    // name may stand beside it); a NIP without a person's name too.
    segment = companyName || (rawNip && !firstName && !lastName) ? 'business' : 'individual';
  }
  if (segment === 'individual' && (!firstName || !lastName)) {
    return fail(fullName && !split ? `name '${fullName}' is not first name(s) and a surname` : 'individual customer needs first_name and last_name');
  }
  if (segment === 'business' && !companyName) return fail('business customer needs company_name');
  const rawPesel = restoreLeadingZero(get('pesel'));
  // The letter reader never reads a number without a real birth date as a PESEL either.
  const pesel = !rawPesel ? null : !peselChecksumValid(rawPesel) ? drop(`PESEL '${rawPesel}' fails its checksum or format`)
    : !peselBirthDate(rawPesel) ? drop(`PESEL '${rawPesel}' encodes no real birth date`) : rawPesel;
  const cleanNip = rawNip ? normaliseNip(rawNip) : null;
  const nip = rawNip && (!cleanNip || !isValidNip(cleanNip)) ? drop(`NIP '${rawNip}' fails its checksum or format`) : cleanNip;
  const rawPostal = get('postal_code');
  const cellPostal = rawPostal ? (normalisePostalCode(rawPostal) ?? drop(`postal_code '${rawPostal}' is not NN-NNN`)) : null;
  const whole = get('street');
  const parts = whole ? splitAddressCell(whole) : null;
  const postalCode = cellPostal ?? parts?.postalCode ?? null;
  const phones: string[] = [];
  for (const i of cols.phones) {
    // No phone notation uses a comma (nor a slash between spaces), so these can only separate numbers.
    for (const raw of splitList(read(i), /[;,]|\s\/\s/)) {
      const phone = normalisePhone(raw);
      if (!phone) drop(`phone '${raw}' is neither a Polish number (9 digits) nor an international one (+ or 00, country code, up to 15 digits)`);
      else if (!phones.includes(phone)) phones.push(phone);
    }
  }
  const rawEmail = get('email');
  const email = rawEmail && !EMAIL.test(rawEmail) ? drop(`email '${rawEmail}' is malformed`) : rawEmail;
  // Invoice numbers hold no comma either: in a ';'-separated file a comma is the list separator.
  const invoiceNumbers = [...new Set(splitList(get('invoice_numbers'), /[;,|]/).map(invoiceKey))];
  const contractNumbers = [...new Set(splitList(get('contract_numbers'), /[;,|]/).map(invoiceKey))];
  return {
    ok: true,
    dropped,
    customer: {
      customerId, segment, firstName, lastName, companyName, pesel, nip,
      street: [streetWithNumbers((parts ? parts.street : whole) ?? villageStreet(get('city'), read(cols.house)), read(cols.house), read(cols.flat)), read(cols.streetExtra)]
        .filter(Boolean).join(' ') || null, postalCode, city: read(cols.postTown) ?? get('city') ?? parts?.city ?? null, region: get('region'),
      phones, email: email?.toLowerCase() ?? null, invoiceNumbers, contractNumbers,
    },
  };
}

/**
 * A village without streets: the house number goes with the village's name ("Zawady 124"), as its
 * letters write the address line. Without this the house number was dropped and the letter's
 * "Zawady 12" line had nothing to agree with.
 */
function villageStreet(city: string | null, house: string | null): string | null {
  return city && house ? city : null;
}

/** "Lipowa" + "5" + "3" -> "Lipowa 5/3", as letters write it; a street cell already numbered keeps its own. */
function streetWithNumbers(street: string | null, house: string | null, flat: string | null): string | null {
  if (!street || !house || /\d/.test(street.replace(/^\d+\s+\p{L}/u, ''))) return street;
  return flat ? `${street} ${house}/${flat.replace(/^(?:m|lok|lokal|mieszk)\.?\s*/i, '')}` : `${street} ${house}`;
}

/**
 * A spreadsheet that took the PESEL column for numbers dropped the leading zero of everyone born
 * 1900-1909 or 2000-2009 (e.g. 02270803628 -> 2270803628), two of those born in 1900 or 2000. Restored only when the 11-digit number
 * then passes the checksum and encodes a real birth date; anything else is refused as before.
 */
function restoreLeadingZero(pesel: string | null): string | null {
  // Two zeros for those born in 2000 ("00262186649" -> 262186649).
  if (!pesel || !/^\d{9,10}$/.test(pesel)) return pesel;
  const padded = pesel.padStart(11, '0');
  return peselChecksumValid(padded) && peselBirthDate(padded) ? padded : pesel;
}

function splitList(value: string | null, separator: RegExp): string[] {
  return value ? value.split(separator).map((s) => s.trim()).filter(Boolean) : [];
}
