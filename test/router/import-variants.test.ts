// Customer masters written by other systems and spreadsheets: the variants a real export shows must
// import and be stored in the one form the matcher compares; anything ambiguous is still refused.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identifiers } from '../../core/types.js';
import { importCustomers } from '../../router/import-customers.js';
import { matchCustomer } from '../../router/match-customer.js';
import { nipFor, peselFor } from '../../router/synthetic-customers.js';
import { HEADER, openTestDb, type TestDb } from './db-helpers.js';

// The issue's columns in another order, with the spelling a person gives them.
const COLUMNS = ['Invoice_Numbers', 'EMAIL', 'Phones', 'City', 'Postal Code', 'Street', 'NIP', 'PESEL', 'Company_Name',
  'last_name', 'First-Name', 'Segment', 'region', 'Customer_ID'];
type Row = Partial<Record<'inv' | 'email' | 'phones' | 'city' | 'pc' | 'street' | 'nip' | 'pesel' | 'co' | 'last' | 'first' | 'seg' | 'id', string>>;
const q = (v = '') => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const row = (r: Row) => [r.inv, r.email, r.phones, r.city, r.pc, r.street, r.nip, r.pesel, r.co, r.last, r.first, r.seg, '', r.id].map(q).join(',');

const [N1, N2, N3] = [nipFor(101), nipFor(102), nipFor(103)];
const dashed = (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
const P1 = peselFor(101, false);
/** Born 8 July 2002 (month 27 = July of the 2000s): the PESEL starts with 0, which spreadsheets drop. */
const withCheck = (ten: string) => ten + ((10 - ([...ten].reduce((s, d, i) => s + Number(d) * [1, 3, 7, 9][i % 4]!, 0) % 10)) % 10);
const P0 = withCheck('0227080362');

const FILE = `\uFEFF${COLUMNS.map((c) => ` ${c} `).join(',')}\r\n${[
  row({ id: 'V1', seg: 'INDIVIDUAL', first: 'Ola', last: 'Lis', pesel: P1, street: 'ul. Długa 5', pc: '00950', city: 'Warszawa',
    phones: '+48 601 234 567; (22) 555-12-34', email: 'Ola.Lis@Example.PL', inv: 'FV/1/2026 ; fv/2/2026' }),
  row({ id: 'V2', seg: 'Business', co: 'Techbud Sp. z o.o.', nip: `PL${N1}`, pc: '60 001', city: 'Poznań', phones: '0048601234568' }),
  row({ id: 'V3', seg: ' business ', co: 'Instal S.A.', nip: dashed(N2), pc: '80–001', phones: '601-234-569,22 555 12 35' }),
  row({ id: 'V4', seg: 'business', co: 'Agro s.c.', nip: N3.replace(/(\d{3})(\d{3})(\d{2})(\d{2})/, '$1 $2 $3 $4'), phones: '601 234 570, 601234570' }),
  row({ id: 'V5', seg: 'individual', first: 'Ewa', last: 'Lis', pesel: P0.slice(1) }),
  ',,,,,,,,,,,,,',
].join('\r\n')}\r\n\r\n`;

// Variants that are not a notation of one value but a damaged or ambiguous one.
const GARBAGE = [
  HEADER,
  'G1,individual,Jan,Lis,,,,,0950,,,,,', // a spreadsheet dropped the leading zero: 00-950 or 09-500?
  'G2,individual,Jan,Lis,,,,,00-9500,,,,,',
  'G3,individual,Jan,Lis,,,,,,,,"601234567,,602",,', // "602" is no phone
  'G4,individual,Jan,Lis,,,,,,,,601234567/602345678,,', // a slash is not a list separator (phones use it)
  `G5,business,,,ACME,,PL ${N1.slice(0, 9)},,,,,,,`,
  'G6,individual,Jan,Lis,,,,,,,,601 234 567 wew. 12,,',
  `G7,individual,Jan,Lis,,${P0.slice(2)}7,,,,,,,,`, // 10 digits, but not a PESEL missing its leading zero
].join('\n');

const letter = (over: Partial<Identifiers>): Identifiers => ({
  customerNumbers: [], phones: [], invoiceNumbers: [], pesels: [], nips: [], postalCodes: [], emails: [], names: [],
  companyNames: [], addresses: [], fromInstitution: false, ...over,
});

describe('customer masters from other exporters', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('pglite', 'impvar');
  });
  afterAll(async () => t?.close());

  it('imports the variants of a real-world export and stores them as the matcher compares them', async () => {
    const r = await importCustomers(t.db, Readable.from([FILE]));
    expect(r).toEqual({ imported: 5, updated: 0, rejected: [] });
    const { rows } = await t.db.query<Record<string, unknown>>(
      `SELECT customer_id, segment, nip, postal_code, phones, email, invoice_numbers FROM customers ORDER BY customer_id`);
    expect(rows).toEqual([
      { customer_id: 'V1', segment: 'individual', nip: null, postal_code: '00-950', phones: ['601234567', '225551234'],
        email: 'ola.lis@example.pl', invoice_numbers: ['FV/1/2026', 'FV/2/2026'] },
      { customer_id: 'V2', segment: 'business', nip: N1, postal_code: '60-001', phones: ['601234568'], email: null, invoice_numbers: [] },
      { customer_id: 'V3', segment: 'business', nip: N2, postal_code: '80-001', phones: ['601234569', '225551235'], email: null, invoice_numbers: [] },
      { customer_id: 'V4', segment: 'business', nip: N3, postal_code: null, phones: ['601234570'], email: null, invoice_numbers: [] },
      { customer_id: 'V5', segment: 'individual', nip: null, postal_code: null, phones: [], email: null, invoice_numbers: [] },
    ]);
    const matched = async (over: Partial<Identifiers>) => {
      const m = await matchCustomer(t.db, letter(over));
      return m.kind === 'matched' ? m.customerId : m.kind;
    };
    expect(await matched({ pesels: [P1] })).toBe('V1');
    expect(await matched({ pesels: [P0] })).toBe('V5'); // the leading zero the spreadsheet dropped is back
    expect(await matched({ phones: ['(0-22) 555 12 34'], names: [{ first: 'Ola', last: 'Lis' }] })).toBe('V1');
    expect(await matched({ names: [{ first: 'Ola', last: 'Lis' }], addresses: [{ street: 'Długa 5', postalCode: '00-950', city: 'Warszawa' }] })).toBe('V1');
    expect(await matched({ nips: [dashed(N1)] })).toBe('V2');
    expect(await matched({ nips: [N3] })).toBe('V4');
  });

  it('still rejects values that are damaged rather than differently written', async () => {
    const r = await importCustomers(t.db, Readable.from([GARBAGE]));
    expect(r.imported + r.updated).toBe(0);
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.rejected[6]!.reason).toMatch(/^PESEL '\d{10}' fails its checksum/);
    expect(r.rejected[0]!.reason).toBe(`postal_code '0950' is not NN-NNN`);
    expect(r.rejected[2]!.reason).toBe(`phone '602' is not a 9-digit Polish number`);
    expect(r.rejected[4]!.reason).toMatch(/^NIP /);
  });

  it('names the real problem of a Windows-1250 file and of a semicolon-separated one', async () => {
    const cp1250 = Buffer.concat([Buffer.from(`${HEADER}\nW1,individual,Pawe`), Buffer.from([0xb3]), Buffer.from(',Lis,,,,,,,,,,\n')]);
    const r = await importCustomers(t.db, Readable.from([cp1250]));
    expect(r.rejected).toEqual([{ line: 2, reason: expect.stringMatching(/not valid UTF-8/) }]);
    await expect(importCustomers(t.db, Readable.from([`${HEADER.replace(/,/g, ';')}\nW2;individual\n`])))
      .rejects.toThrow(/separated by ';', the master must be comma-separated/);
  });
});
