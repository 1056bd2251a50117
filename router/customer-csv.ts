// Validating the customer master's rows (reading the file is csv-file.ts). Every row either becomes
// a complete Customer or a rejection with its line number: nothing in between may reach the database.
import type { Customer } from '../core/types.js';
import { isValidNip, isValidRegon, normaliseKrs, peselBirthDate, peselChecksumValid } from '../core/pl-checksums.js';
import { normaliseNip, normalisePhone, normalisePostalCode, EMAIL } from './pl-ids.js';
import { fold, foldCompany, invoiceKey } from './fold.js';
import { splitAddressCell } from './csv-address.js';
import { segmentOf, type Column, type ColumnMap } from './csv-columns.js';
import type { Encoding } from './csv-file.js';
import { splitFullName } from './csv-names.js';

/** A customer number as the master may write it ("2000000001", "JT-0283391"); corrections accept the same. */
export const CUSTOMER_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$';
const CUSTOMER_ID = new RegExp(CUSTOMER_ID_PATTERN);

export { CUSTOMER_COLUMNS } from './csv-columns.js';
export { openCsv, type CsvFile, type CsvItem, type Encoding } from './csv-file.js';

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
  if (!CUSTOMER_ID.test(customerId)) return fail(`customer_id '${customerId}' has invalid characters`);
  let firstName = get('first_name');
  let lastName = get('last_name');
  const fullName = read(cols.fullName);
  const split = fullName ? splitFullName(fullName, cols.surnameFirst) : null;
  if (split) ({ first: firstName, last: lastName } = split);
  const rawNip = get('nip');
  // Without a company column, one name column holds a person's name or a firm's: a firm's when the
  // row says business, or when the name carries a legal form or stands beside a NIP.
  const segmentCell = get('segment');
  // A segment value it cannot read ("NGO", "VIP") says nothing: the row's other cells decide (blind
  // test AM: a foundation's row with its name in "Nazwa klienta" and a NIP was rejected as a firm without a name).
  const known = segmentCell ? segmentOf(segmentCell) : null;
  const firmInNameColumn = cols.at.company_name < 0 && fullName !== null &&
    (known ? known === 'business' : foldCompany(fullName) !== fold(fullName) || rawNip !== null);
  const firmCell = read(cols.firmName);
  const firmByColumn = firmCell !== null &&
    (known ? known === 'business' : foldCompany(firmCell) !== fold(firmCell) || rawNip !== null || !firstName);
  // A CRM's account name beside a contact's full name: the account is the firm.
  const companyName = get('company_name') ?? (firmByColumn ? firmCell : null) ?? (firmInNameColumn ? fullName : null);
  // No segment given: a company name makes it a business (a sole trader's or contact person's
  // name may stand beside it); a NIP without a person's name too.
  const byRow = companyName || (rawNip && !firstName && !lastName) ? 'business' : 'individual';
  let segment = segmentCell ? known : byRow;
  if (!segment) {
    // A segment we cannot read costs only the worklist's team; a rejected row costs the customer:
    // every letter of theirs would go unmatched (blind test AH: 124 sole traders lost to "jednoosobowa działalność").
    segment = byRow;
    drop(`segment '${segmentCell}' is not one mailroom knows: read as ${byRow} from the row`);
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
  const rawRegon = get('regon');
  const cleanRegon = rawRegon?.replace(/[\s-]/g, '') ?? null;
  const regon = cleanRegon && !isValidRegon(cleanRegon) ? drop(`REGON '${rawRegon}' fails its checksum or format`) : cleanRegon;
  const rawKrs = get('krs');
  const krs = rawKrs ? normaliseKrs(rawKrs.replace(/^\s*KRS\s*:?/i, '')) ?? drop(`KRS '${rawKrs}' is not a register number`) : null;
  const rawPostal = get('postal_code');
  const cellPostal = rawPostal ? (normalisePostalCode(rawPostal) ?? drop(`postal_code '${rawPostal}' is not NN-NNN`)) : null;
  // A correspondence address of its own (ColumnMap.seatStreet) is a whole address: its postal line
  // wins, and the house and flat columns belong to the other one.
  const own = cols.seatStreet >= 0 && get('street') !== null;
  const whole = own || cols.seatStreet < 0 ? get('street') : read(cols.seatStreet);
  const parts = whole ? splitAddressCell(whole) : null;
  const postalCode = own ? parts?.postalCode ?? cellPostal : cellPostal ?? parts?.postalCode ?? null;
  const [house, flat] = own ? [null, null] : [read(cols.house), read(cols.flat)];
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
      customerId, segment, firstName, lastName, companyName, pesel, nip, ...(regon || krs ? { regon, krs } : {}),
      street: [streetWithNumbers((parts ? parts.street : whole) ?? villageStreet(get('city'), house), house, flat), read(cols.streetExtra)]
        .filter(Boolean).join(' ') || null, postalCode,
      city: (own ? parts?.city : null) ?? read(cols.postTown) ?? get('city') ?? parts?.city ?? null, region: get('region'),
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

// A street whose name opens with a number, after its type word or not: "3 Maja", "ul. 3 Maja",
// "al. 1-go Maja", "ul. 700-lecia" (blind test AR: "ul. 3 Maja" + "17" lost its house number).
const NUMBERED_NAME = /^(?:(?:ul|al|pl|os)\.?\s*|(?:ulica|aleja|aleje|plac|osiedle)\s+)?\d+(?:-?(?:go|ego))?[\s-]+\p{L}/iu;

/** "Lipowa" + "5" + "3" -> "Lipowa 5/3", as letters write it; a street cell already numbered keeps its own. */
function streetWithNumbers(street: string | null, house: string | null, flat: string | null): string | null {
  if (!street || !house || /\d/.test(street.replace(NUMBERED_NAME, ''))) return street;
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
